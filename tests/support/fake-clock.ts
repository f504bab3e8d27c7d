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

export interface SkippingClock extends Clock {
  /** Moves the time forward at once, as if `ms` had passed. */
  advance(ms: number): void;
  /** Every sleep asked of this clock, in ms, in order. */
  readonly slept: number[];
}

/**
 * For tests that drive real servers and sockets, which a FakeClock cannot run: the real time plus
 * an offset. A sleep moves the offset forward by its length and returns at once, so retries and
 * pacing cost no real time while a test can still check how long the code waited (`slept`, `now`).
 * Time only moves forward; sleeps of concurrent tasks add up instead of overlapping.
 */
export function createSkippingClock(): SkippingClock {
  let offset = 0;
  const slept: number[] = [];
  return {
    now: () => Date.now() + offset,
    async sleep(ms) {
      slept.push(ms);
      offset += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
    advance(ms) {
      offset += ms;
    },
    slept,
  };
}
