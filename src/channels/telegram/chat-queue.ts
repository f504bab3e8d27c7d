/**
 * Per-chat sequential queues: work for one chat runs in order, different chats run concurrently, so
 * one slow answer never blocks another chat. A task's error is handed to `onError` and never stops
 * the queue.
 */
export interface ChatQueue {
  /** Appends `task` to the queue of `key`. */
  push(key: string, task: () => Promise<void>): void;
  /** Resolves when every queued task (including ones queued meanwhile) has finished. */
  drain(): Promise<void>;
  /** Number of tasks queued or running. */
  readonly pending: number;
}

export function createChatQueue(onError: (error: unknown, key: string) => void): ChatQueue {
  const tails = new Map<string, Promise<void>>();
  let pending = 0;
  let idle: (() => void)[] = [];

  const settle = () => {
    if (pending > 0) return;
    const waiters = idle;
    idle = [];
    for (const resolve of waiters) resolve();
  };

  return {
    get pending() {
      return pending;
    },
    push(key, task) {
      pending++;
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous
        .then(task)
        .catch((error: unknown) => {
          try {
            onError(error, key);
          } catch {
            // The error reporter itself failed; the queue must go on regardless.
          }
        })
        .finally(() => {
          pending--;
          if (tails.get(key) === next) tails.delete(key);
          settle();
        });
      tails.set(key, next);
    },
    drain() {
      if (pending === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
