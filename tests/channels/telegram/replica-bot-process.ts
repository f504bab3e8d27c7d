// One bot replica in its own process, on PostgreSQL: the shared inbox and the advisory-lock lead as
// main.ts wires them (src/wiring/telegram.ts), real telegraf, fake assistant. The test kills it.
import type { Config } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { openStorage } from '../../../src/wiring/storage.js';
import { replicaCoordination } from '../../../src/wiring/telegram.js';
import { runBotProcess } from './bot-process-main.js';

const { DATABASE_URL = '', LOG_LEVEL = 'info' } = process.env;
const logger = createLogger({ level: LOG_LEVEL });
const storage = await openStorage(
  { database: { url: DATABASE_URL, poolSize: 4 }, paths: {} as Config['paths'] },
  logger,
);
await runBotProcess({
  logger,
  store: storage.store,
  rateLimitPerMinute: 1000,
  pacing: { perChatIntervalMs: 5, globalPerSecond: 0 },
  coordination: replicaCoordination(storage, logger),
  close: async () => {
    await storage.changes.close();
    await storage.store.close();
  },
});
