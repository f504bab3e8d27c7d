import type { Clock } from '../../src/clock.js';

export interface FakeClock extends Clock {
  /**
   * Runs `work` to its end: whenever nothing else can run, time jumps to the next pending sleep.
   * Rejects when the work waits on something other than this clock (it would never finish).
   */
  run<T>(work: Promise<T>): Promise<T>;
}

/** A clock whose time moves only when `run` finds every task asleep: hours of pacing in ms. */
export function createFakeClock(start = 1_000_000): FakeClock {
  let now = start;
  let order = 0;
  const timers: { at: number; order: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((wake) => {
        timers.push({ at: now + Math.max(0, ms), order: order++, wake });
      }),
    async run<T>(work: Promise<T>): Promise<T> {
      let settled = false;
      work.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (;;) {
        // Every promise chain that can move without the clock moves first.
        await new Promise((resolve) => setImmediate(resolve));
        if (settled) return work;
        timers.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = timers.shift();
        if (!next) throw new Error('fake clock: the work waits, but not on the clock');
        now = Math.max(now, next.at);
        next.wake();
      }
    },
  };
}
