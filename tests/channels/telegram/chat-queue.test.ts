import { describe, expect, it } from 'vitest';
import { createChatQueue } from '../../../src/channels/telegram/chat-queue.js';

/** A promise with its resolve, to finish tasks in the order a test chooses (no timers). */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('per-chat queue', () => {
  it('runs one chat in order and other chats meanwhile', async () => {
    const queue = createChatQueue(() => undefined);
    const log: string[] = [];
    const slow = deferred();
    queue.push('a', async () => {
      log.push('a1 start');
      await slow.promise;
      log.push('a1 end');
    });
    queue.push('a', async () => void log.push('a2'));
    queue.push('b', async () => void log.push('b1'));
    await tick();
    // b is not held up by a's slow task; a2 waits for a1.
    expect(log).toEqual(['a1 start', 'b1']);
    expect(queue.pending).toBe(2);
    slow.resolve();
    await queue.drain();
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
    expect(queue.pending).toBe(0);
  });

  it('hands a failing task to onError and goes on with the chat', async () => {
    const errors: [string, string][] = [];
    const queue = createChatQueue((error, key) => errors.push([key, (error as Error).message]));
    const log: string[] = [];
    queue.push('a', async () => {
      throw new Error('boom');
    });
    queue.push('a', async () => void log.push('after'));
    await queue.drain();
    expect(errors).toEqual([['a', 'boom']]);
    expect(log).toEqual(['after']);
  });

  it('drain waits for tasks queued while draining', async () => {
    const queue = createChatQueue(() => undefined);
    const log: string[] = [];
    queue.push('a', async () => {
      queue.push('b', async () => void log.push('queued meanwhile'));
    });
    await queue.drain();
    expect(log).toEqual(['queued meanwhile']);
  });
});
