/**
 * Sliding-window rate limit per user: at most `limit` events in any `windowMs`. Returns how long
 * to wait when over the limit. Time comes from `now` (the bot's clock; a fake one in tests).
 */
export interface RateLimiter {
  /** Records an event for `key`; `{ allowed: false, retryAfterMs }` when over the limit. */
  hit(key: string, now?: number): { allowed: true } | { allowed: false; retryAfterMs: number };
}

export function createRateLimiter(
  limit: number,
  windowMs = 60_000,
  now: () => number = Date.now,
): RateLimiter {
  const events = new Map<string, number[]>();
  let calls = 0;
  return {
    hit(key, at = now()) {
      if (++calls % 1000 === 0) prune(at);
      const recent = (events.get(key) ?? []).filter((t) => at - t < windowMs);
      if (recent.length >= limit) {
        events.set(key, recent);
        return { allowed: false, retryAfterMs: windowMs - (at - (recent[0] ?? at)) };
      }
      recent.push(at);
      events.set(key, recent);
      return { allowed: true };
    },
  };

  function prune(at: number): void {
    for (const [key, times] of events) if (times.every((t) => at - t >= windowMs)) events.delete(key);
  }
}
