import type { Update } from 'telegraf/types';

/**
 * Where received updates wait to be handled, claimed by update_id: an update Telegram delivers
 * twice (a retry, or to two replicas) is kept once. In memory for one process; in PostgreSQL when
 * replicas share the bot (postgres/telegram-inbox.ts): any replica takes a webhook delivery, the
 * one replica that talks to Telegram handles it.
 */
export interface UpdateInbox {
  /** Keeps updates not seen before; resolves once they are stored (only then is Telegram told 200). */
  add(updates: readonly Update[]): Promise<void>;
  /** Unhandled updates, oldest first, except those in `skip` (being handled here). */
  pending(skip: ReadonlySet<number>): Promise<Update[]>;
  /** The update was answered: it is never handed out again. */
  markHandled(updateId: number): Promise<void>;
  /** Calls `wake` when updates were added (here at once; from other replicas when they say so). */
  onAdded(wake: () => void): void;
  /** Forgets handled updates old enough that Telegram no longer retries them. */
  prune(): Promise<void>;
}

/** The queue key of an update: its chat, so each chat is answered in order. */
export function chatKeyOf(update: Update): string {
  if ('message' in update) return String(update.message.chat.id);
  if ('callback_query' in update)
    return String(update.callback_query.message?.chat.id ?? update.callback_query.from.id);
  return 'other';
}

/** How many handled update ids a process remembers to drop Telegram's repeats. */
const REMEMBERED = 10_000;

export function createMemoryInbox(): UpdateInbox {
  const waiting = new Map<number, Update>();
  const seen = new Set<number>();
  const listeners: (() => void)[] = [];
  return {
    async add(updates) {
      for (const update of updates) {
        if (seen.has(update.update_id)) continue;
        seen.add(update.update_id);
        if (seen.size > REMEMBERED) seen.delete(seen.values().next().value as number);
        waiting.set(update.update_id, update);
      }
      for (const wake of listeners) wake();
    },
    async pending(skip) {
      return [...waiting.values()]
        .filter((u) => !skip.has(u.update_id))
        .sort((a, b) => a.update_id - b.update_id);
    },
    async markHandled(updateId) {
      waiting.delete(updateId);
    },
    onAdded: (wake) => void listeners.push(wake),
    prune: async () => undefined,
  };
}
