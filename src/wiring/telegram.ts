import { createTelegramBot, type TelegramDeps } from '../channels/telegram/create-telegram-bot.js';
import type { Assistant } from '../assistant/ports.js';
import { renderStatsPng } from '../charts/stats-chart.js';
import type { Config } from '../config.js';
import type { Core } from '../core.js';
import { scrubSecret, type Logger } from '../logger.js';
import type { Store } from '../storage/store.js';
import { createAdvisoryLeadership } from '../storage/postgres/advisory-leadership.js';
import { createPostgresInbox } from '../storage/postgres/telegram-inbox.js';
import type { OpenedStorage } from './storage.js';

/** What the composition root keeps of a running bot: a way to stop it. */
export interface TelegramHandle {
  /** Stops taking updates, finishes the answers in flight and confirms the update offset. */
  stop(reason: string): Promise<void>;
}

export interface StartTelegramDeps {
  config: Pick<Config, 'telegram' | 'userHashSalt'> & { http?: Pick<Config['http'], 'host'> };
  assistant: Assistant;
  core: Pick<Core, 'tools' | 'knowledge' | 'reindex'>;
  store: Store;
  logger: Logger;
  /** With PostgreSQL, the replicas share one bot: a shared update inbox and one leader. */
  storage?: Pick<OpenedStorage, 'postgres' | 'changes' | 'replica'>;
  /** Overrides for tests (pacing, poll timeout, drain timeout). */
  botOptions?: Partial<
    Pick<TelegramDeps, 'pacing' | 'pollTimeoutSeconds' | 'drainTimeoutMs' | 'webhookHost'>
  >;
}

/**
 * Starts the Telegram bot when TELEGRAM_BOT_TOKEN is set and resolves once updates are flowing.
 * Resolves undefined after one info line when no token is set, and after one error line when the
 * Bot API refuses the token or cannot be reached at start (no retry: restart the service).
 */
export async function startTelegram(deps: StartTelegramDeps): Promise<TelegramHandle | undefined> {
  const { config, core, logger } = deps;
  if (config.telegram === undefined) {
    logger.info('TELEGRAM_BOT_TOKEN not set: running without the Telegram bot');
    return undefined;
  }
  const handle = createTelegramBot({
    config: config.telegram,
    assistant: deps.assistant,
    tools: core.tools,
    store: deps.store,
    reindex: async () => {
      const { documents, chunks, figures } = await core.reindex();
      return { documents, chunks, figures };
    },
    // Read at start: /help shows the bureau of the knowledge loaded now; a reindex rarely changes it.
    bureau: core.knowledge().bureau,
    userHashSalt: config.userHashSalt,
    logger,
    renderStatsPng: (language) => renderStatsPng(core.tools, language),
    // The webhook listens where the HTTP server does (HOST): behind a reverse proxy, loopback only.
    ...(config.http && { webhookHost: config.http.host }),
    ...(deps.storage?.postgres && { coordination: replicaCoordination(deps.storage, logger) }),
    ...deps.botOptions,
  });
  try {
    await handle.start();
  } catch (error) {
    // The web chat and API keep serving: a bot that cannot reach Telegram (blocked network, bad
    // token) must not take the whole service down with it.
    logger.error(
      { err: scrubSecret(String((error as Error).message ?? error), config.telegram.token) },
      'Telegram bot could not start: check TELEGRAM_BOT_TOKEN and that TELEGRAM_API_ROOT (or api.telegram.org) is reachable; running without the bot',
    );
    // Webhook mode may already listen when setWebhook fails: release the port and the loop.
    await handle.stop('start failed').catch(() => undefined);
    return undefined;
  }
  return { stop: (reason) => handle.stop(reason) };
}

/**
 * Replicas on PostgreSQL: every replica stores the webhook deliveries it receives in the shared
 * inbox (a retry or duplicate of an update_id is dropped there), and the one replica holding the
 * advisory lock polls (in polling mode) and answers them.
 */
export function replicaCoordination(
  storage: Pick<OpenedStorage, 'postgres' | 'changes' | 'replica'>,
  logger: Logger,
): NonNullable<TelegramDeps['coordination']> {
  const { pool, url } = storage.postgres!;
  return {
    inbox: createPostgresInbox({ pool, changes: storage.changes, origin: storage.replica }),
    leadership: createAdvisoryLeadership({ url, logger }),
  };
}
