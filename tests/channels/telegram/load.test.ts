import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegramServer } from '../../support/fake-telegram-server.js';
import { TOKEN } from './harness.js';

const USERS = 200;
const QUESTIONS = 5;

let child: ChildProcess | undefined;
let server: FakeTelegramServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Telegram bot under load', () => {
  it(`answers ${USERS} users × ${QUESTIONS} questions exactly once, in order per chat, within Telegram's flood limits`, async () => {
    // The fake enforces Telegram's limits (30 messages/s overall, 1/s per chat) with 429s. The bot
    // runs in its own process with its production pacing, so the two event loops do not skew
    // each other's timing.
    server = await startFakeTelegram({
      token: TOKEN,
      flood: { globalPerSecond: 30, perChatPerSecond: 1, retryAfter: 1 },
    });
    dir = mkdtempSync(join(tmpdir(), 'tg-load-'));
    let stderr = '';
    child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bot-process.ts')], {
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        API_ROOT: server.url,
        STORE_FILE: join(dir, 'app.sqlite'),
        PACING: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) =>
      child!.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()),
    );

    const started = Date.now();
    for (let q = 1; q <= QUESTIONS; q++) {
      for (let u = 1; u <= USERS; u++) {
        server.sendText({ id: 10_000 + u, first_name: `u${u}`, language_code: 'zh' }, `用户${u}的问题${q}`);
      }
    }
    const total = USERS * QUESTIONS;
    await server.waitFor(() => server!.sent.length >= total, 170_000, `${total} answers`);
    const seconds = (Date.now() - started) / 1000;
    const exited = new Promise((resolve) => child!.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;

    expect(server.sent).toHaveLength(total);
    for (let u = 1; u <= USERS; u++) {
      const asked = server.messagesTo(10_000 + u).map((m) => /问题(\d)/.exec(m.text)?.[1]);
      expect(asked).toEqual(['1', '2', '3', '4', '5']);
    }
    const stats = /"gateway":(\{[^}]+\})/.exec(stderr)?.[1];
    expect(stats).toBeDefined();
    expect(JSON.parse(stats!)).toMatchObject({ failures: 0 });
    const times = server.callsOf('sendMessage').map((c) => c.at);
    let maxWindow = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while ((times[i] ?? 0) - (times[j] ?? 0) >= 1000) j++;
      maxWindow = Math.max(maxWindow, i - j + 1);
    }
    console.log('[load] max sendMessage attempts in a 1 s window at the fake:', maxWindow);
    console.log(
      `[load] ${total} answers to ${USERS} chats in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(1)} messages/s; ` +
        `429 from the fake: ${server.floodRejections} (per chat: ${server.floodRejectionsPerChat}); gateway ${stats}`,
    );
  }, 200_000);
});
