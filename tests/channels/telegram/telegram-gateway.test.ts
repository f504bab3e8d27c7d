import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { createTelegramGateway, DEFAULT_PACING } from '../../../src/channels/telegram/telegram-gateway.js';
import { createLogger } from '../../../src/logger.js';
import { createFakeClock, type FakeClock } from '../../support/fake-clock.js';

/*
 * The gateway's pacing and retries on a fake clock with the production settings: minutes of
 * Telegram time in milliseconds. The real telegraf client against the fake Bot API is covered by
 * faults.test.ts (429 and 5xx end to end) and load.slow.test.ts (the limits at full load).
 */

interface Call {
  method: string;
  chat: unknown;
  at: number;
}

/** A Telegram whose callApi records calls at the fake time and fails as `fail` says. */
function fakeTelegram(
  clock: FakeClock,
  fail: (call: Call, n: number) => Error | undefined = () => undefined,
) {
  const calls: Call[] = [];
  const telegram = {
    callApi: async (method: string, payload: { chat_id?: unknown }) => {
      const call = { method, chat: payload.chat_id, at: clock.now() };
      calls.push(call);
      const error = fail(call, calls.length);
      if (error) throw error;
      return { ok: true };
    },
  } as unknown as Telegram;
  return { telegram, calls };
}

const tooMany = (retryAfter: number) =>
  new TelegramError({
    error_code: 429,
    description: 'Too Many Requests',
    parameters: { retry_after: retryAfter },
  });
const serverError = () => new TelegramError({ error_code: 500, description: 'Internal Server Error' });
const logger = createLogger({ level: 'silent' });

function setUp(fail?: (call: Call, n: number) => Error | undefined) {
  const clock = createFakeClock();
  const { telegram, calls } = fakeTelegram(clock, fail);
  const gateway = createTelegramGateway('token', logger, DEFAULT_PACING, clock);
  gateway.wrap(telegram);
  const send = (chat: number, method = 'sendMessage') =>
    telegram.callApi(method as never, { chat_id: chat } as never);
  const start = clock.now();
  const times = () => calls.map((c) => c.at - start);
  return { clock, calls, gateway, send, times };
}

describe('Telegram gateway pacing (fake clock)', () => {
  it('sends to one private chat at most once a second, in order', async () => {
    const { clock, send, times } = setUp();
    await clock.run(Promise.all([send(1), send(1), send(1)]));
    expect(times()).toEqual([0, 1000, 2000]);
  });

  it('sends to one group at most 20 times a minute', async () => {
    const { clock, send, calls } = setUp();
    await clock.run(Promise.all(Array.from({ length: 25 }, () => send(-100))));
    const times = calls.map((c) => c.at);
    for (let i = 20; i < times.length; i++) expect(times[i]! - times[i - 20]!).toBeGreaterThanOrEqual(60_000);
  });

  it('stays under 30 messages in any second over all chats', async () => {
    const { clock, send, calls } = setUp();
    await clock.run(Promise.all(Array.from({ length: 100 }, (_, i) => send(i + 1))));
    const times = calls.map((c) => c.at);
    for (let i = 0; i < times.length; i++) {
      expect(times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length).toBeLessThanOrEqual(30);
    }
    // …and not far under: 100 messages leave within about 100 / 28 seconds.
    expect(times.at(-1)! - times[0]!).toBeLessThan(4000);
  });

  it('does not pace calls that post nothing (getMe, getUpdates)', async () => {
    const { clock, send, times } = setUp();
    await clock.run(Promise.all([send(1, 'getMe'), send(1, 'getMe'), send(1, 'getMe')]));
    expect(times()).toEqual([0, 0, 0]);
  });
});

describe('Telegram gateway retries (fake clock)', () => {
  it('waits retry_after on a 429 and then delivers', async () => {
    const { clock, send, times, gateway } = setUp((_call, n) => (n === 1 ? tooMany(7) : undefined));
    await clock.run(send(1));
    expect(times()).toEqual([0, 7000]);
    expect(gateway.stats).toEqual({ retries: 1, rateLimited: 1, failures: 0 });
  });

  it('backs off exponentially on 5xx and gives up after the last attempt', async () => {
    const { clock, send, times, gateway } = setUp(() => serverError());
    await expect(clock.run(send(1))).rejects.toThrow('Internal Server Error');
    const gaps = times()
      .slice(1)
      .map((t, i) => t - times()[i]!);
    // Back-off 250, 500, 1000, 2000, 4000 ms, but a retry is a message to the chat too, so never
    // sooner than its 1 s spacing: six attempts in all.
    expect(gaps).toEqual([1000, 1000, 1000, 2000, 4000]);
    expect(gateway.stats).toEqual({ retries: 5, rateLimited: 0, failures: 1 });
  });

  it('fails at once on a retry_after longer than it will wait, and on a 400', async () => {
    const { clock, send, calls, gateway } = setUp((call) =>
      call.chat === 1
        ? tooMany(DEFAULT_PACING.maxRetryAfterMs / 1000 + 1)
        : new TelegramError({ error_code: 400, description: 'Bad Request' }),
    );
    await expect(clock.run(send(1))).rejects.toThrow('Too Many Requests');
    await expect(clock.run(send(2))).rejects.toThrow('Bad Request');
    expect(calls).toHaveLength(2);
    expect(gateway.stats).toMatchObject({ retries: 0, failures: 2 });
  });

  it('keeps the chat waiting after a 429, so the next message does not hit the limit again', async () => {
    const { clock, send, times } = setUp((_call, n) => (n === 1 ? tooMany(5) : undefined));
    // One chat's messages go one after another (the per-chat queue sends them in turn).
    await clock.run(
      (async () => {
        await send(1);
        await send(1);
      })(),
    );
    expect(times()).toEqual([0, 5000, 6000]);
  });
});
