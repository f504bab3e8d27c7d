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
    timeoutSignal(ms) {
      const controller = new AbortController();
      timers.push({
        at: now + Math.max(0, ms),
        order: order++,
        wake: () => controller.abort(timeoutError()),
      });
      return controller.signal;
    },
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
 * Time only moves forward; sleeps of concurrent tasks add up instead of overlapping. Timeout
 * signals fire when the clock passes them, by `advance`, a sleep or real time.
 */
export function createSkippingClock(): SkippingClock {
  let offset = 0;
  const slept: number[] = [];
  const now = () => Date.now() + offset;
  const timeouts = new Set<{ at: number; controller: AbortController }>();
  const fireDue = () => {
    for (const t of timeouts)
      if (now() >= t.at) {
        timeouts.delete(t);
        t.controller.abort(timeoutError());
      }
  };
  return {
    now,
    async sleep(ms) {
      slept.push(ms);
      offset += Math.max(0, ms);
      fireDue();
      await new Promise((resolve) => setImmediate(resolve));
    },
    timeoutSignal(ms) {
      const timeout = { at: now() + ms, controller: new AbortController() };
      timeouts.add(timeout);
      // Real time moves this clock too: the signal also fires when it passes, keeping no process alive.
      setTimeout(fireDue, Math.max(0, ms)).unref();
      return timeout.controller.signal;
    },
    advance(ms) {
      offset += ms;
      fireDue();
    },
    slept,
  };
}

/** The reason AbortSignal.timeout gives. */
const timeoutError = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError');
