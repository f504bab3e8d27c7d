import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import {
  startFakeTelegram,
  type FakeTelegramOptions,
  type FakeTelegramServer,
} from '../../support/fake-telegram-server.js';
import { TOKEN } from './harness.js';

export interface BotProcess {
  child: ChildProcess;
  /** What the bot logged so far (pino JSON on stderr). */
  stderr(): string;
}

/**
 * The bot in its own process (bot-process.ts, SQLite in a temp dir) against a fake Bot API in this
 * one. Call in a describe block or at the top of a file: after each test the bot is killed, the fake
 * closed and the temp dir removed.
 */
export function useBotProcess() {
  let server: FakeTelegramServer | undefined;
  let dir: string | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    child?.kill('SIGKILL');
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    child = server = dir = undefined;
  });
  return {
    async startServer(options: Partial<FakeTelegramOptions> = {}): Promise<FakeTelegramServer> {
      server = await startFakeTelegram({ token: TOKEN, ...options });
      dir = mkdtempSync(join(tmpdir(), 'tg-process-'));
      return server;
    },
    /** Starts (or restarts) the bot on the same store; resolves once it says "ready". */
    async startBot(env: Record<string, string> = {}): Promise<BotProcess> {
      if (!server || !dir) throw new Error('startServer first');
      const proc = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bot-process.ts')], {
        env: {
          ...process.env,
          BOT_TOKEN: TOKEN,
          API_ROOT: server.url,
          STORE_FILE: join(dir, 'app.sqlite'),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let err = '';
      proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      await new Promise<void>((resolve, reject) => {
        proc.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        proc.on('exit', (code) => reject(new Error(`bot exited early (${code}): ${err}`)));
      });
      return { child: proc, stderr: () => err };
    },
  };
}
