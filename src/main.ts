/**
 * Composition root: config → logger → storage (SQLite, or PostgreSQL shared by replicas) → core
 * (knowledge, index, tools, assistant) → LLM (when configured) → channels (HTTP API + web, Telegram
 * when a token is set). Nothing else wires modules together.
 */
import { loadConfig, loadDotEnv, type Config } from './config.js';
import { AppError } from './errors.js';
import { createLogger, type Logger } from './logger.js';
import { startPruning } from './storage/retention.js';
import { createHttpServer } from './channels/http/create-http-server.js';
import { startTelegram, type TelegramHandle } from './wiring/telegram.js';
import { createAssistantForMode } from './wiring/assistant-mode.js';
import { useChartFont } from './charts/cjk-font.js';
import { createCoreFor } from './wiring/core.js';
import { bureauContactWarning } from './knowledge/bureau-schema.js';
import { createServiceState } from './wiring/state.js';
import { openStorage } from './wiring/storage.js';
import { createClusterReindex } from './wiring/cluster-reindex.js';
import { createPostgresBuckets } from './storage/postgres/rate-buckets.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
    // CHART_FONT=system without the font installed stops the start with the package to install.
    useChartFont(config.chartFont);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  const storage = await openStorage(config, logger);
  const { store, kpis, sessions } = await createServiceState(storage.store, logger, storage.changes);
  const stopPruning = startPruning({ store, policy: config.retention, logger });
  const core = await createCoreFor(config, logger, {
    sessions: sessions.sessions,
    kpiUpdates: kpis.current,
  });
  const contactWarning = bureauContactWarning(core.knowledge().bureau, config.paths.knowledgeDir);
  if (contactWarning) logger.warn(contactWarning);
  const assistant = sessions.wrap(
    await createAssistantForMode({ config, core, sessions: sessions.sessions, logger }),
  );
  const reindex = createClusterReindex(core, storage.changes, logger);
  const http = createHttpServer({
    config,
    assistant,
    tools: core.tools,
    store,
    reindex,
    logger,
    ...(storage.postgres && { rateBuckets: createPostgresBuckets(storage.postgres.pool) }),
  });
  const { url } = await http.listen();
  // The pid lets a process manager (or a test) tell this process from the npm that started it.
  logger.info({ url, pid: process.pid }, `assistant ready: open ${url} in a browser`);

  // Handlers first: reaching Telegram can take minutes on a blocked network, and a SIGTERM meanwhile
  // must still close the HTTP server and the store cleanly.
  const parts: ShutdownParts = {
    logger,
    telegram: undefined,
    http,
    closeStorage: async () => {
      stopPruning();
      await storage.changes.close();
      await store.close();
    },
  };
  installShutdown(parts);
  parts.telegram = await startTelegram({
    config,
    assistant,
    // Telegram's /reindex reloads every replica, like the admin API's.
    core: { tools: core.tools, knowledge: core.knowledge, reindex },
    store,
    logger,
    storage,
  });
}

interface ShutdownParts {
  logger: Logger;
  telegram: TelegramHandle | undefined;
  http: { close(): Promise<void> };
  closeStorage(): Promise<void>;
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
      await parts.closeStorage();
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
