/**
 * The time, and waiting for it: injected where behaviour depends on time (Telegram pacing, retries
 * and rate limit, the LLM answer timeout) so tests run it on a fake clock in milliseconds of real
 * time.
 */
export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
  /** Resolves after `ms` (at once for ms ≤ 0). */
  sleep(ms: number): Promise<void>;
  /** A signal that aborts (a TimeoutError) once `ms` have passed; it keeps no process alive. */
  timeoutSignal(ms: number): AbortSignal;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep,
  timeoutSignal: (ms) => AbortSignal.timeout(ms),
};

/** The system time as a Date: the default of pure code that takes a `() => Date` clock. */
export const systemDate = (): Date => new Date(systemClock.now());
