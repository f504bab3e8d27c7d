/**
 * Composition root: config → logger → store → core (knowledge, index, tools, assistant) → LLM
 * (when configured) → channels (HTTP API + web, Telegram when a token is set). Nothing else
 * wires modules together.
 */
import path from 'node:path';
import { loadConfig, loadDotEnv, type Config } from './config.js';
import { AppError } from './errors.js';
import { createLogger, type Logger } from './logger.js';
import { createSqliteStore } from './storage/sqlite-store.js';
import { startPruning } from './storage/retention.js';
import type { Store } from './storage/store.js';
import { createHttpServer } from './channels/http/create-http-server.js';
import { startTelegram, type TelegramHandle } from './wiring/telegram.js';
import { createAssistantForMode } from './wiring/assistant-mode.js';
import { createCoreFor } from './wiring/core.js';
import { bureauContactWarning } from './knowledge/bureau-schema.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  const store = createSqliteStore(path.join(config.paths.dataDir, 'assistant.db'));
  warnIfNotWritable(store, config.paths.dataDir, logger);
  const stopPruning = startPruning({ store, policy: config.retention, logger });
  const core = await createCoreFor(config, logger, {
    sessions: store,
    kpiUpdates: () => store.kpiUpdates(),
  });
  const contactWarning = bureauContactWarning(core.knowledge().bureau, config.paths.knowledgeDir);
  if (contactWarning) logger.warn(contactWarning);
  const sessions = core.sessions ?? store;
  const assistant = await createAssistantForMode({ config, core, sessions, logger });
  const reindex = () => core.reindex();
  const http = createHttpServer({ config, assistant, tools: core.tools, store, reindex, logger });
  const { url } = await http.listen();
  // The pid lets a process manager (or a test) tell this process from the npm that started it.
  logger.info({ url, pid: process.pid }, `assistant ready: open ${url} in a browser`);

  // Handlers first: reaching Telegram can take minutes on a blocked network, and a SIGTERM meanwhile
  // must still close the HTTP server and the store cleanly.
  const parts: ShutdownParts = { logger, telegram: undefined, http, store, stopPruning };
  installShutdown(parts);
  parts.telegram = await startTelegram({ config, assistant, core, store, logger });
}

/** Says at start, once, what a data folder that cannot be written means and how to fix it. */
function warnIfNotWritable(store: Store, dataDir: string, logger: Logger): void {
  const { writable, problem, detail } = store.health();
  if (writable) return;
  logger.warn(
    { dataDir: path.resolve(dataDir), problem, detail },
    `DATA_DIR ${path.resolve(dataDir)} is not writable (${problem}): answers still work, but feedback, staff figure updates, the question log and chat follow-ups are not saved (and staff updates saved there may not show) until the service's user can write to it. /healthz reports "degraded" meanwhile.`,
  );
}

interface ShutdownParts {
  logger: Logger;
  telegram: TelegramHandle | undefined;
  http: { close(): Promise<void> };
  store: { close(): void };
  stopPruning: () => void;
}

function installShutdown(parts: ShutdownParts): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    parts.logger.info({ signal }, 'shutting down: finishing answers in flight');
    try {
      await parts.telegram?.stop(signal);
      await parts.http.close();
      parts.stopPruning();
      parts.store.close();
      process.exit(0);
    } catch (error) {
      parts.logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message =
    error instanceof AppError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`failed to start: ${message}\n`);
  process.exit(1);
});
