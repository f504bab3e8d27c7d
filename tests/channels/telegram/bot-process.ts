// A bot in its own process for the shutdown and load tests: real telegraf, fake assistant (slow on
// 慢), SQLite store, pointed at the test's fake Bot API through the environment.
import { DEFAULT_PACING } from '../../../src/channels/telegram/telegram-gateway.js';
import { createLogger } from '../../../src/logger.js';
import { createSqliteStore } from '../../../src/storage/sqlite-store.js';
import { runBotProcess } from './bot-process-main.js';

const { STORE_FILE = '', PACING = 'fast', LOG_LEVEL = 'info' } = process.env;
const logger = createLogger({ level: LOG_LEVEL });
const store = createSqliteStore(STORE_FILE);
await runBotProcess({
  logger,
  store,
  rateLimitPerMinute: 100,
  slowMs: 1500,
  pacing: PACING === 'production' ? DEFAULT_PACING : { perChatIntervalMs: 5, globalPerSecond: 0 },
  close: (handle) => {
    logger.info({ gateway: handle.gateway.stats }, 'gateway stats');
    return store.close();
  },
});
