import type { Update } from 'telegraf/types';
import type { Logger } from '../../logger.js';
import type { UpdateInbox } from './update-inbox.js';

/** How often the leader looks for updates it was not told about (a missed notification). */
export const INBOX_POLL_MS = 2000;
const PRUNE_EVERY_MS = 3_600_000;

export interface InboxConsumer {
  /** Starts handing out pending updates (the leader only). */
  start(): void;
  /** Stops handing out; updates already handed out finish and are marked. */
  stop(): void;
  /** Resolves when every update handed out has finished and been marked handled (bounded by the caller). */
  settled(): Promise<void>;
}

/**
 * Hands the inbox's updates to `handle` in update_id order (the per-chat queue keeps each chat in
 * that order) and marks each handled once its handler finished — answered or apologised for. An
 * update is handed out once per leadership; a mark that fails is tried again, never the update.
 */
export function createInboxConsumer(deps: {
  inbox: UpdateInbox;
  handle: (update: Update) => Promise<void>;
  logger: Logger;
  pollMs?: number;
}): InboxConsumer {
  const { inbox, logger } = deps;
  const inFlight = new Set<number>();
  const unmarked = new Set<number>();
  let running = false;
  let draining: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let lastPrune = 0;
  const idle: (() => void)[] = [];

  const settle = () => {
    if (inFlight.size > 0) return;
    for (const resolve of idle.splice(0)) resolve();
  };

  async function mark(id: number): Promise<void> {
    try {
      await inbox.markHandled(id);
      unmarked.delete(id);
      inFlight.delete(id);
      settle();
    } catch (error) {
      unmarked.add(id);
      logger.warn(
        { updateId: id, err: (error as Error).message },
        'could not mark a Telegram update handled; retrying',
      );
    }
  }

  async function drainOnce(): Promise<void> {
    for (const id of [...unmarked]) await mark(id);
    if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      void inbox
        .prune()
        .catch((error: unknown) =>
          logger.warn({ err: (error as Error).message }, 'could not prune old Telegram updates'),
        );
    }
    const updates = await inbox.pending(inFlight);
    for (const update of updates) {
      if (!running) return;
      inFlight.add(update.update_id);
      void deps.handle(update).finally(() => mark(update.update_id));
    }
  }

  function drain(): void {
    if (!running) return;
    if (draining) return void (again = true);
    draining = (async () => {
      do {
        again = false;
        await drainOnce().catch((error: unknown) =>
          logger.warn({ err: (error as Error).message }, 'could not read the Telegram inbox; retrying'),
        );
      } while (again && running);
      draining = undefined;
    })();
  }

  inbox.onAdded(drain);
  return {
    start() {
      if (running) return;
      running = true;
      timer = setInterval(drain, deps.pollMs ?? INBOX_POLL_MS);
      timer.unref();
      drain();
    },
    stop() {
      running = false;
      clearInterval(timer);
    },
    async settled() {
      await draining;
      if (inFlight.size === 0) return;
      await new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
