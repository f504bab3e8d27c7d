import type { Logger } from '../logger.js';
import { createMemoryBuckets, type Bucket, type BucketStore } from '../storage/bucket-store.js';

/**
 * Per-client token bucket, for the web API and Telegram alike: `perMinute` requests a minute, refilled continuously, so a burst up to
 * the limit is allowed and a steady client at the limit is never blocked. The buckets live in a
 * BucketStore: in memory for one process, in PostgreSQL when replicas share the limit (a client
 * sent to another replica by the load balancer spends the same bucket).
 */
export interface RateLimiter {
  /** Takes one token for `key`; when none is left, says how many seconds until one is. */
  take(key: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
}

const SWEEP_EVERY_MS = 60_000;

export function createRateLimiter(options: {
  perMinute: number;
  now?: () => number;
  /** Shared buckets (PostgreSQL); in memory when absent. */
  store?: BucketStore;
  /** Told when the shared store fails: the limit then holds per process until it is back. */
  logger?: Logger;
}): RateLimiter {
  const now = options.now ?? Date.now;
  const capacity = options.perMinute;
  const memory = createMemoryBuckets();
  const shared = options.store;
  let lastSweep = now();
  let lastWarning = -Infinity;

  const take = (bucket: Bucket | undefined, t: number) => takeToken(bucket, t, capacity);
  return {
    async take(key) {
      const t = now();
      if (t - lastSweep >= SWEEP_EVERY_MS) {
        lastSweep = t;
        void memory.sweep(t - SWEEP_EVERY_MS);
        void shared?.sweep(t - SWEEP_EVERY_MS).catch(() => undefined);
      }
      if (!shared) return memory.update(key, (b) => take(b, t));
      try {
        return await shared.update(key, (b) => take(b, t));
      } catch (error) {
        // A limit that cannot be read must not take the service down with the database.
        if (t - lastWarning >= SWEEP_EVERY_MS) {
          lastWarning = t;
          options.logger?.warn(
            { err: error },
            'shared rate limit unavailable; limiting per replica until the database is back',
          );
        }
        return memory.update(key, (b) => take(b, t));
      }
    },
  };
}

/** The bucket after one request at `t`, and whether the request may go on. */
export function takeToken(
  bucket: Bucket | undefined,
  t: number,
  capacity: number,
): { bucket: Bucket; result: { allowed: true } | { allowed: false; retryAfterSeconds: number } } {
  const perMs = capacity / 60_000;
  const previous = bucket ?? { tokens: capacity, at: t };
  const tokens = Math.min(capacity, previous.tokens + Math.max(0, t - previous.at) * perMs);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, at: t }, result: { allowed: true } };
  return {
    bucket: { tokens, at: t },
    result: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) },
  };
}
