import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../logger.js';
import { scrubSecret } from '../../logger.js';
import type { ChatQueue } from './chat-queue.js';
import { createInboxConsumer } from './inbox-consumer.js';
import type { Leadership } from './leadership.js';
import { chatKeyOf, type UpdateInbox } from './update-inbox.js';
import type { UpdateSource } from './update-source.js';

/**
 * How updates travel from Telegram to the handlers: source (polling or webhook) → inbox (claimed
 * by update_id) → the leader's consumer → per-chat queue → telegraf. Every replica takes webhook
 * deliveries; only the leader polls and handles. One process is always the leader.
 */
export interface UpdateDelivery {
  start(): Promise<void>;
  /** Stops taking updates, finishes the answers in flight, confirms the offset, gives up the lead. */
  stop(reason: string): Promise<void>;
}

export interface UpdateDeliveryDeps {
  bot: Telegraf;
  mode: 'polling' | 'webhook';
  /** Builds the source around `accept` (the inbox). */
  createSource(accept: (updates: Update[]) => Promise<void>): UpdateSource;
  queue: ChatQueue;
  inbox: UpdateInbox;
  leadership: Leadership;
  logger: Logger;
  token: string;
  drainTimeoutMs: number;
  inboxPollMs?: number;
}

export function createUpdateDelivery(deps: UpdateDeliveryDeps): UpdateDelivery {
  const { bot, queue, inbox, logger } = deps;
  const source = deps.createSource((updates) => inbox.add(updates));
  // The consumer's promise settles when the handler finished; errors go to the queue's onError.
  const handle = (update: Update) =>
    new Promise<void>((resolve) =>
      queue.push(chatKeyOf(update), async () => {
        try {
          await bot.handleUpdate(update);
        } finally {
          resolve();
        }
      }),
    );
  const consumer = createInboxConsumer({
    inbox,
    handle,
    logger,
    ...(deps.inboxPollMs !== undefined && { pollMs: deps.inboxPollMs }),
  });

  async function lead(signal: AbortSignal): Promise<void> {
    logger.info({ mode: deps.mode }, 'this replica now talks to Telegram');
    consumer.start();
    if (deps.mode === 'polling') {
      await bot.telegram.deleteWebhook({ drop_pending_updates: false });
      await source.start();
    }
    signal.addEventListener('abort', () => {
      logger.warn('this replica no longer talks to Telegram: another one takes over');
      consumer.stop();
      if (deps.mode === 'polling') void source.stopTaking();
    });
  }

  return {
    async start() {
      // Every replica takes webhook deliveries into the inbox, leader or not.
      if (deps.mode === 'webhook') await source.start();
      await deps.leadership.start(lead);
    },
    async stop(reason) {
      logger.info(
        { reason, inFlight: queue.pending },
        'Telegram bot stopping: no new updates, finishing answers',
      );
      await source.stopTaking();
      consumer.stop();
      const settled = await Promise.race([
        queue
          .drain()
          .then(() => consumer.settled())
          .then(() => true),
        new Promise<boolean>((resolve) => setTimeout(resolve, deps.drainTimeoutMs, false).unref()),
      ]);
      if (!settled)
        logger.error({ inFlight: queue.pending }, 'Answers still in flight at shutdown; confirming anyway');
      await source.confirm().catch((error: unknown) => {
        logger.error(
          { err: scrubSecret(String((error as Error).message), deps.token) },
          'Could not confirm the update offset',
        );
      });
      await deps.leadership.stop();
    },
  };
}
