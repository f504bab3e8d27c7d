import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/channels/telegram/rate-limiter.js';

/** The Telegram bot's per-user limit (a sliding window), on an injected clock: minutes in no time. */
describe('Telegram rate limiter', () => {
  const setUp = (limit: number, windowMs = 60_000) => {
    let now = 1_000_000;
    const clock = { now: () => now, advance: (ms: number) => (now += ms) };
    return { clock, limiter: createRateLimiter(limit, windowMs, clock.now) };
  };

  it('allows `limit` questions in a window, refuses the next and says when one is allowed again', () => {
    const { clock, limiter } = setUp(2);
    expect(limiter.hit('u')).toEqual({ allowed: true });
    clock.advance(10_000);
    expect(limiter.hit('u')).toEqual({ allowed: true });
    clock.advance(5_000);
    // The first question leaves the window 60 s after it was asked: 45 s from now.
    expect(limiter.hit('u')).toEqual({ allowed: false, retryAfterMs: 45_000 });
  });

  it('slides: each question frees its place exactly one window after it was asked', () => {
    const { clock, limiter } = setUp(2);
    limiter.hit('u');
    clock.advance(30_000);
    limiter.hit('u');
    clock.advance(29_999);
    expect(limiter.hit('u')).toEqual({ allowed: false, retryAfterMs: 1 });
    clock.advance(1);
    expect(limiter.hit('u')).toEqual({ allowed: true });
    // The window now holds the questions at 30 s and 60 s: the next place frees at 90 s.
    expect(limiter.hit('u')).toEqual({ allowed: false, retryAfterMs: 30_000 });
  });

  it('does not count refused questions: waiting out retryAfterMs is enough', () => {
    const { clock, limiter } = setUp(1);
    limiter.hit('u');
    for (let i = 0; i < 5; i++) {
      clock.advance(1_000);
      expect(limiter.hit('u').allowed).toBe(false);
    }
    const verdict = limiter.hit('u');
    expect(verdict).toEqual({ allowed: false, retryAfterMs: 55_000 });
    clock.advance(55_000);
    expect(limiter.hit('u')).toEqual({ allowed: true });
  });

  it('keeps users apart', () => {
    const { limiter } = setUp(1);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(false);
    expect(limiter.hit('b').allowed).toBe(true);
  });

  it('forgets idle users when it prunes, and still limits the active ones', () => {
    const { clock, limiter } = setUp(1, 1_000);
    limiter.hit('busy');
    // 998 other users, then time passes: the 1000th call prunes everyone idle for a window.
    for (let i = 0; i < 998; i++) limiter.hit(`idle-${i}`);
    clock.advance(500);
    expect(limiter.hit('busy')).toEqual({ allowed: false, retryAfterMs: 500 });
    clock.advance(500);
    expect(limiter.hit('idle-0')).toEqual({ allowed: true });
    expect(limiter.hit('busy')).toEqual({ allowed: true });
  });
});
