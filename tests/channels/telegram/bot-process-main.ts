// What both bot processes (bot-process.ts, replica-bot-process.ts) do once their store is open:
// a real telegraf bot in polling mode with a fake assistant, pointed at the test's fake Bot API
// through the environment, stopped by SIGTERM/SIGINT; "ready" on stdout once it polls.
import { createTelegramBot, type TelegramDeps } from '../../../src/channels/telegram/create-telegram-bot.js';
import { stopOnSignals } from '../../../src/channels/telegram/stop-on-signals.js';
import type { Logger } from '../../../src/logger.js';
import type { Store } from '../../../src/storage/store.js';
import { createFakeAssistant, createFakeTools } from '../../support/fake-assistant.js';

export async function runBotProcess(options: {
  logger: Logger;
  store: Store;
  rateLimitPerMinute: number;
  pacing: NonNullable<TelegramDeps['pacing']>;
  slowMs?: number;
  coordination?: TelegramDeps['coordination'];
  /** After the bot has stopped, before exit (close the storage). */
  close: (handle: ReturnType<typeof createTelegramBot>) => Promise<void>;
}): Promise<void> {
  const { BOT_TOKEN = '', API_ROOT = '' } = process.env;
  const { logger } = options;
  const tools = createFakeTools();
  const handle = createTelegramBot({
    config: {
      token: BOT_TOKEN,
      apiRoot: API_ROOT,
      mode: { kind: 'polling' },
      adminUserIds: [],
      rateLimitPerMinute: options.rateLimitPerMinute,
    },
    assistant: createFakeAssistant(tools, options.slowMs !== undefined ? { slowMs: options.slowMs } : {}),
    tools,
    store: options.store,
    reindex: async () => ({ documents: 0, chunks: 0, figures: 0 }),
    bureau: undefined,
    userHashSalt: 'salt',
    logger,
    pacing: options.pacing,
    pollTimeoutSeconds: 5,
    ...(options.coordination && { coordination: options.coordination }),
  });
  stopOnSignals(
    (reason) => handle.stop(reason),
    logger,
    () => options.close(handle),
  );
  await handle.start();
  process.stdout.write('ready\n');
}
