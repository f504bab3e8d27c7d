/**
 * Sliding-window rate limit per user: at most `limit` events in any `windowMs`. Returns how long
 * to wait when over the limit.
 */
export interface RateLimiter {
  /** Records an event for `key`; `{ allowed: false, retryAfterMs }` when over the limit. */
  hit(key: string, now?: number): { allowed: true } | { allowed: false; retryAfterMs: number };
}

export function createRateLimiter(limit: number, windowMs = 60_000): RateLimiter {
  const events = new Map<string, number[]>();
  let calls = 0;
  return {
    hit(key, now = Date.now()) {
      if (++calls % 1000 === 0) prune(now);
      const recent = (events.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) {
        events.set(key, recent);
        return { allowed: false, retryAfterMs: windowMs - (now - (recent[0] ?? now)) };
      }
      recent.push(now);
      events.set(key, recent);
      return { allowed: true };
    },
  };

  function prune(now: number): void {
    for (const [key, times] of events) if (times.every((t) => now - t >= windowMs)) events.delete(key);
  }
}
