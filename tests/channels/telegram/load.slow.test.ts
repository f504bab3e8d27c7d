import { describe, expect, it } from 'vitest';
import type { ApiCall } from '../../support/fake-telegram-server.js';
import { useBotProcess } from './spawn-bot.js';

// `npm run test:slow`: about a minute and a half by design, since it runs at Telegram's real limits.
const USERS = 200;
const QUESTIONS = 5;
/** Two groups, each asked one answer more than its 20 messages/min limit lets out in a minute. */
const GROUPS = [-100_001, -100_002];
const GROUP_QUESTIONS = 21;
const LIMITS = { perSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

const bot = useBotProcess();

/** The most calls in any window of `ms` (calls in time order). */
function busiestWindow(calls: readonly ApiCall[], ms: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < calls.length; i++) {
    while ((calls[i]?.at ?? 0) - (calls[j]?.at ?? 0) >= ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const chatOf = (call: ApiCall) => Number(call.payload.chat_id);

describe('Telegram bot under load', () => {
  it(`answers ${USERS} users × ${QUESTIONS} questions and ${GROUPS.length} busy groups exactly once, in order, within Telegram's flood limits`, async () => {
    // The fake enforces Telegram's limits with 429s. The bot runs in its own process with its
    // production pacing, so the two event loops do not skew each other's timing.
    const server = await bot.startServer({
      flood: {
        globalPerSecond: LIMITS.perSecond,
        perChatPerSecond: LIMITS.perChatPerSecond,
        perGroupPerMinute: LIMITS.perGroupPerMinute,
        retryAfter: 1,
      },
    });
    const { child, stderr } = await bot.startBot({ PACING: 'production' });

    const started = Date.now();
    for (let q = 1; q <= GROUP_QUESTIONS; q++) {
      for (const group of GROUPS) {
        const member = { id: 20_000 - group, first_name: `g${-group}`, language_code: 'zh' };
        server.sendText(member, `@${server.bot.username} 群${-group}的问题${q}`, {
          chat: { id: group, type: 'group' },
        });
      }
    }
    for (let q = 1; q <= QUESTIONS; q++) {
      for (let u = 1; u <= USERS; u++) {
        server.sendText({ id: 10_000 + u, first_name: `u${u}`, language_code: 'zh' }, `用户${u}的问题${q}`);
      }
    }
    const total = USERS * QUESTIONS + GROUPS.length * GROUP_QUESTIONS;
    await server.waitFor(() => server.sent.length >= total, 170_000, `${total} answers`);
    const seconds = (Date.now() - started) / 1000;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;

    // Exactly once, in order per chat.
    expect(server.sent).toHaveLength(total);
    const askedIn = (chat: number) =>
      server.messagesTo(chat).map((m) => Number(/问题(\d+)/.exec(m.text)?.[1]));
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    for (let u = 1; u <= USERS; u++) expect(askedIn(10_000 + u)).toEqual(upTo(QUESTIONS));
    for (const group of GROUPS) expect(askedIn(group)).toEqual(upTo(GROUP_QUESTIONS));

    // Within Telegram's limits: every message that reached it, ...
    const delivered = server.callsOf('sendMessage').filter((c) => c.outcome === 'ok');
    expect(busiestWindow(delivered, 1000)).toBeLessThanOrEqual(LIMITS.perSecond);
    const chats = new Set(delivered.map(chatOf));
    for (const chat of chats) {
      const toChat = delivered.filter((c) => chatOf(c) === chat);
      expect(busiestWindow(toChat, 1000), `chat ${chat}`).toBeLessThanOrEqual(LIMITS.perChatPerSecond);
      if (chat < 0)
        expect(busiestWindow(toChat, 60_000), `group ${chat}`).toBeLessThanOrEqual(LIMITS.perGroupPerMinute);
    }
    // ... and the bot's own pacing keeps it there: a 429 is a rare timing accident (two processes,
    // a busy machine), retried, never a failure; the gateway saw every one the fake sent.
    const attempts = server.callsOf('sendMessage');
    const rejected = attempts.filter((c) => c.outcome === '429').length;
    expect(rejected).toBe(server.floodRejections);
    expect(rejected).toBeLessThanOrEqual(Math.ceil(total * 0.02));
    expect(server.floodRejectionsPerGroup).toBe(0);
    const stats = /"gateway":(\{[^}]+\})/.exec(stderr())?.[1];
    expect(stats, stderr().slice(-2000)).toBeDefined();
    expect(JSON.parse(stats!)).toMatchObject({ failures: 0, rateLimited: rejected });
    console.log(
      `[load] ${total} answers to ${chats.size} chats in ${seconds.toFixed(1)} s; busiest second ${busiestWindow(attempts, 1000)} attempts; ` +
        `429s: ${rejected} (per chat ${server.floodRejectionsPerChat}, per group ${server.floodRejectionsPerGroup}); gateway ${stats}`,
    );
  }, 200_000);
});
