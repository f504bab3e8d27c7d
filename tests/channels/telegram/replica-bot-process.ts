// One bot replica in its own process, on PostgreSQL: the shared inbox and the advisory-lock lead as
// main.ts wires them (src/wiring/telegram.ts), real telegraf, fake assistant. The test kills it.
import { createTelegramBot } from '../../../src/channels/telegram/create-telegram-bot.js';
import { stopOnSignals } from '../../../src/channels/telegram/stop-on-signals.js';
import type { Config } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { openStorage } from '../../../src/wiring/storage.js';
import { replicaCoordination } from '../../../src/wiring/telegram.js';
import { createFakeAssistant, createFakeTools } from '../../support/fake-assistant.js';

const { BOT_TOKEN = '', API_ROOT = '', DATABASE_URL = '', LOG_LEVEL = 'info' } = process.env;
const logger = createLogger({ level: LOG_LEVEL });
const storage = await openStorage(
  { database: { url: DATABASE_URL, poolSize: 4 }, paths: {} as Config['paths'] },
  logger,
);
const tools = createFakeTools();
const handle = createTelegramBot({
  config: {
    token: BOT_TOKEN,
    apiRoot: API_ROOT,
    mode: { kind: 'polling' },
    adminUserIds: [],
    rateLimitPerMinute: 1000,
  },
  assistant: createFakeAssistant(tools),
  tools,
  store: storage.store,
  reindex: async () => ({ documents: 0, chunks: 0, figures: 0 }),
  bureau: undefined,
  userHashSalt: 'salt',
  logger,
  pacing: { perChatIntervalMs: 5, globalPerSecond: 0 },
  pollTimeoutSeconds: 5,
  coordination: replicaCoordination(storage, logger),
});
stopOnSignals(
  (reason) => handle.stop(reason),
  logger,
  async () => {
    await storage.changes.close();
    await storage.store.close();
  },
);
await handle.start();
process.stdout.write('ready\n');
