// A bot in its own process for the shutdown test: real telegraf, fake assistant (slow on 慢),
// SQLite store, pointed at the test's fake Bot API through the environment.
import { createTelegramBot } from '../../../src/channels/telegram/create-telegram-bot.js';
import { DEFAULT_PACING } from '../../../src/channels/telegram/telegram-gateway.js';
import { stopOnSignals } from '../../../src/channels/telegram/stop-on-signals.js';
import { createLogger } from '../../../src/logger.js';
import { createSqliteStore } from '../../../src/storage/sqlite-store.js';
import { createFakeAssistant, createFakeTools } from '../../support/fake-assistant.js';

const { BOT_TOKEN = '', API_ROOT = '', STORE_FILE = '', PACING = 'fast', LOG_LEVEL = 'info' } = process.env;
const logger = createLogger({ level: LOG_LEVEL });
const store = createSqliteStore(STORE_FILE);
const tools = createFakeTools();
const handle = createTelegramBot({
  config: {
    token: BOT_TOKEN,
    apiRoot: API_ROOT,
    mode: { kind: 'polling' },
    adminUserIds: [],
    rateLimitPerMinute: 100,
  },
  assistant: createFakeAssistant(tools, { slowMs: 1500 }),
  tools,
  store,
  reindex: async () => ({ documents: 0, chunks: 0, figures: 0 }),
  bureau: undefined,
  userHashSalt: 'salt',
  logger,
  pacing: PACING === 'production' ? DEFAULT_PACING : { perChatIntervalMs: 5, globalPerSecond: 0 },
  pollTimeoutSeconds: 5,
});
stopOnSignals(
  (reason) => handle.stop(reason),
  logger,
  () => {
    logger.info({ gateway: handle.gateway.stats }, 'gateway stats');
    return store.close();
  },
);
await handle.start();
process.stdout.write('ready\n');
