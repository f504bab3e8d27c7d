import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/channels/http/rate-limit.js';

describe('createRateLimiter', () => {
  it('allows a burst up to the limit, then refills continuously', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 6, now: () => now });
    for (let i = 0; i < 6; i++) expect(limiter.take('a').allowed).toBe(true);
    const blocked = limiter.take('a');
    expect(blocked).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 9_000;
    expect(limiter.take('a').allowed).toBe(false);
    now += 1_000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keeps clients apart', () => {
    const limiter = createRateLimiter({ perMinute: 1, now: () => 0 });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('an idle client is back to a full bucket after a minute', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 2, now: () => now });
    limiter.take('a');
    limiter.take('a');
    now += 61_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });
});
