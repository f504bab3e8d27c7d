/**
 * The time, and waiting for it: injected where behaviour depends on time (Telegram pacing and
 * retries, polling back-off) so tests run it on a fake clock in milliseconds of real time.
 */
export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
  /** Resolves after `ms` (at once for ms ≤ 0). */
  sleep(ms: number): Promise<void>;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export const systemClock: Clock = { now: () => Date.now(), sleep };

/** The system time as a Date: the default of pure code that takes a `() => Date` clock. */
export const systemDate = (): Date => new Date(systemClock.now());
