import { afterEach, describe, expect, it } from 'vitest';
import type { FakeTelegramServer } from '../../support/fake-telegram-server.js';
import { startHarness, USER, type Harness } from './harness.js';
import { useBotProcess } from './spawn-bot.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const OTHER = { id: 4004, first_name: '另一位', language_code: 'zh' };
const answersTo = (server: FakeTelegramServer, chatId: number, needle: string) =>
  server.messagesTo(chatId).filter((m) => m.text.includes(needle));

describe('Telegram bot faults', () => {
  it('delivers the answer exactly once after 429 (waiting retry_after) and 500s on sendMessage', async () => {
    h = await startHarness();
    h.server.failNext('sendMessage', { kind: '429', retryAfter: 1 });
    h.server.failNext('sendMessage', { kind: '500' }, 2);
    const started = Date.now();
    const update = h.server.sendText(USER, '2022年就业人数是多少？');
    await h.server.waitFor(() => answersTo(h!.server, USER.id, '1234人').length > 0, 15_000, 'answer');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    // Done once Telegram is told the update is handled; then no duplicate may follow.
    await h.server.waitFor(() => h!.server.confirmedOffset > update, 10_000, 'update confirmed');
    await h.server.holdsFor(() => answersTo(h!.server, USER.id, '1234人').length === 1, 500, 'one answer');
    expect(h.server.callsOf('sendMessage').map((c) => c.outcome)).toEqual(['429', '500', '500', 'ok']);
    expect(h.handle.gateway.stats).toMatchObject({ rateLimited: 1, failures: 0 });
  });

  it('retries a dropped connection and survives getUpdates failures', async () => {
    h = await startHarness();
    h.server.failNext('sendMessage', { kind: 'drop' });
    h.server.failNext('getUpdates', { kind: '500' });
    h.server.sendText(USER, '就业人数');
    await h.server.waitFor(() => answersTo(h!.server, USER.id, '1234人').length > 0, 15_000, 'answer');
    expect(answersTo(h.server, USER.id, '1234人')).toHaveLength(1);
  });

  it('apologises with an error id when a handler throws, and keeps polling', async () => {
    h = await startHarness();
    h.server.sendText(USER, '崩溃吧');
    await h.server.waitFor(() => h!.server.messagesTo(USER.id).length >= 1, 10_000, 'apology');
    const apology = h.server.messagesTo(USER.id)[0]!.text;
    const errorId = /错误编号：([0-9A-F]{8})/.exec(apology)?.[1];
    expect(errorId).toBeDefined();
    expect(h.logs.some((l) => l.includes(errorId!) && l.includes('fake assistant crashed'))).toBe(true);
    h.server.sendText(USER, '就业人数');
    await h.server.waitFor(() => answersTo(h!.server, USER.id, '1234人').length === 1, 10_000, 'next answer');
  });

  it('keeps chats independent: a slow answer does not hold up another chat', async () => {
    h = await startHarness({ slowMs: 2000 });
    h.server.sendText(USER, '慢一点回答');
    h.server.sendText(OTHER, '就业人数');
    await h.server.waitFor(
      () => answersTo(h!.server, OTHER.id, '1234人').length === 1,
      1500,
      'fast chat answer',
    );
    expect(h.server.messagesTo(USER.id)).toHaveLength(0);
    await h.server.waitFor(() => h!.server.messagesTo(USER.id).length === 1, 5000, 'slow answer');
  });
});

describe('Telegram bot shutdown', () => {
  const bot = useBotProcess();

  it('on SIGTERM finishes the answer in flight, confirms the offset and exits 0; a restart repeats and skips nothing', async () => {
    const server = await bot.startServer();
    let { child } = await bot.startBot();
    server.sendText(USER, '慢问题一');
    const second = server.sendText(USER, '慢问题二');
    await server.waitFor(
      () => server.callsOf('sendChatAction').length >= 1,
      10_000,
      'first answer in progress',
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    // Arrives after the signal: must be answered by the restarted bot, not lost.
    server.sendText(USER, '问题三');
    expect(await exited).toBe(0);
    expect(server.confirmedOffset).toBeGreaterThan(second);
    const afterStop = server.messagesTo(USER.id).map((m) => m.text);
    expect(afterStop.some((t) => t.includes('慢问题一'))).toBe(true);
    expect(afterStop.some((t) => t.includes('慢问题二'))).toBe(true);

    ({ child } = await bot.startBot());
    await server.waitFor(
      () => server.messagesTo(USER.id).some((m) => m.text.includes('问题三') && !m.text.includes('慢')),
      10_000,
      'answer after restart',
    );
    // Everything is confirmed; a repeated update would show up as a fourth message in this window.
    await server.waitFor(() => server.pendingUpdates === 0, 10_000, 'updates confirmed');
    await server.holdsFor(() => server.messagesTo(USER.id).length === 3, 500, 'three answers');
    const texts = server.messagesTo(USER.id).map((m) => /回答：([^\n]+)/.exec(m.text)?.[1]);
    expect(texts).toEqual(['慢问题一', '慢问题二', '问题三']);
  });
});
