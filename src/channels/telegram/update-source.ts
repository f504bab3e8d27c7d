import { createServer, type Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../logger.js';
import { scrubSecret } from '../../logger.js';

/**
 * Where updates come from. Both sources hand updates to `accept`, which stores them in the inbox
 * (update-inbox.ts) and returns; the inbox consumer and the per-chat queue do the work, so a slow
 * answer never holds up fetching. An update is taken from Telegram (offset advanced, or webhook
 * answered 200) only once `accept` resolved: one that could not be stored is delivered again.
 */
export type AcceptUpdates = (updates: Update[]) => Promise<void>;

export interface UpdateSource {
  /** Polling: may be called again after stopTaking (a replica that leads again). */
  start(): Promise<void>;
  /** Stops taking updates; resolves when no more will be dispatched. */
  stopTaking(): Promise<void>;
  /** After the in-flight work is done: tells Telegram which updates were handled (polling). */
  confirm(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Long polling with our own loop rather than telegraf's, so that on shutdown the offset is
 * confirmed only after the answers in flight are sent: a restart then neither repeats nor skips
 * an update.
 */
export function createPollingSource(
  telegram: Telegram,
  accept: AcceptUpdates,
  logger: Logger,
  options: { token: string; timeoutSeconds?: number; allowedUpdates?: readonly string[] },
): UpdateSource {
  let abort = new AbortController();
  let offset = 0;
  let loop: Promise<void> = Promise.resolve();

  async function run(): Promise<void> {
    let failures = 0;
    while (!abort.signal.aborted) {
      try {
        const updates = (await telegram.callApi(
          'getUpdates',
          {
            timeout: options.timeoutSeconds ?? 50,
            offset,
            allowed_updates: options.allowedUpdates ?? [],
          } as never,
          { signal: abort.signal as never },
        )) as unknown as Update[];
        failures = 0;
        if (updates.length === 0) continue;
        await accept(updates);
        offset = (updates.at(-1)?.update_id ?? offset - 1) + 1;
      } catch (error) {
        if (abort.signal.aborted) return;
        failures++;
        const message = scrubSecret((error as Error).message ?? String(error), options.token);
        logger.error(
          { err: message, failures },
          'getUpdates (or storing its updates) failed; polling continues',
        );
        await sleep(Math.min(30_000, 500 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  return {
    async start() {
      await loop;
      abort = new AbortController();
      loop = run();
    },
    async stopTaking() {
      abort.abort();
      await loop;
    },
    async confirm() {
      if (offset === 0) return;
      // getUpdates with an offset marks every earlier update as handled on Telegram's side.
      await telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 } as never);
    },
  };
}

/**
 * Webhook mode: our own HTTP server checks the secret token header on every request, stores the
 * update and answers 200 — or 503 when it could not be stored, so Telegram delivers it again (to
 * this replica or another). Telegram is told the URL with setWebhook on start.
 */
export function createWebhookSource(
  telegram: Telegram,
  accept: AcceptUpdates,
  logger: Logger,
  options: {
    url: string;
    secretToken: string;
    port: number;
    host: string;
    allowedUpdates?: readonly string[];
  },
): UpdateSource & { readonly server: Server } {
  const path = new URL(options.url).pathname;
  const expected = Buffer.from(options.secretToken);
  const server = createServer((req, res) => {
    const given = Buffer.from(String(req.headers['x-telegram-bot-api-secret-token'] ?? ''));
    if (req.method !== 'POST' || req.url !== path) return void res.writeHead(404).end();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      logger.warn({ ip: req.socket.remoteAddress }, 'Webhook request with a wrong secret token rejected');
      return void res.writeHead(401).end();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let update: Update;
      try {
        update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update;
      } catch {
        return void res.writeHead(400).end();
      }
      accept([update]).then(
        () => res.writeHead(200).end(),
        (error: unknown) => {
          logger.error(
            { updateId: update.update_id, err: (error as Error).message },
            'could not store a webhook update; Telegram will deliver it again',
          );
          res.writeHead(503).end();
        },
      );
    });
  });
  return {
    server,
    async start() {
      // A taken port must fail the bot's start (reported by the wiring), not crash the process.
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) =>
          reject(
            new Error(
              `TELEGRAM_WEBHOOK_PORT ${options.port}: ${error.code ?? error.message} — choose a free port`,
            ),
          ),
        );
        server.listen(options.port, options.host, resolve);
      });
      await telegram.setWebhook(options.url, {
        secret_token: options.secretToken,
        allowed_updates: [...(options.allowedUpdates ?? [])] as never,
      });
    },
    async stopTaking() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    },
    async confirm() {
      // Telegram counts a webhook update as delivered when we answered 200; nothing to confirm.
    },
  };
}
