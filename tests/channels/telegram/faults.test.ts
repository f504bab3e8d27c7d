import { afterEach, describe, expect, it } from 'vitest';
import type { FakeTelegramServer } from '../../support/fake-telegram-server.js';
import { createSkippingClock } from '../../support/fake-clock.js';
import { startHarness, USER, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const OTHER = { id: 4004, first_name: '另一位', language_code: 'zh' };
const answersTo = (server: FakeTelegramServer, chatId: number, needle: string) =>
  server.messagesTo(chatId).filter((m) => m.text.includes(needle));

describe('Telegram bot faults', () => {
  it('delivers the answer exactly once after 429 (waiting retry_after) and 500s on sendMessage', async () => {
    // The bot waits on its clock: retry_after is checked on it, not waited out in real time.
    const clock = createSkippingClock();
    h = await startHarness({ deps: { clock } });
    h.server.failNext('sendMessage', { kind: '429', retryAfter: 1 });
    h.server.failNext('sendMessage', { kind: '500' }, 2);
    const update = h.server.sendText(USER, '2022年就业人数是多少？');
    await h.server.waitFor(() => answersTo(h!.server, USER.id, '1234人').length > 0, 15_000, 'answer');
    // retry_after (1 s), then the back-off of the two 500s (attempts 2 and 3: 40 ms, 80 ms).
    expect(clock.slept.filter((ms) => ms >= 20)).toEqual([1000, 40, 80]);
    // Done once Telegram is told the update is handled; then no duplicate may follow.
    await h.server.waitFor(() => h!.server.confirmedOffset > update, 10_000, 'update confirmed');
    await h.server.holdsFor(() => answersTo(h!.server, USER.id, '1234人').length === 1, 500, 'one answer');
    expect(h.server.callsOf('sendMessage').map((c) => c.outcome)).toEqual(['429', '500', '500', 'ok']);
    expect(h.handle.gateway.stats).toMatchObject({ rateLimited: 1, failures: 0 });
  });

  it('retries a dropped connection and survives getUpdates failures', async () => {
    h = await startHarness();
    h.server.failNext('sendMessage', { kind: 'drop' });
    h.server.failNext('getUpdates', { kind: '500' });
    h.server.sendText(USER, '就业人数');
    await h.server.waitFor(() => answersTo(h!.server, USER.id, '1234人').length > 0, 15_000, 'answer');
    expect(answersTo(h.server, USER.id, '1234人')).toHaveLength(1);
  });

  it('apologises with an error id when a handler throws, and keeps polling', async () => {
    h = await startHarness();
    h.server.sendText(USER, '崩溃吧');
    await h.server.waitFor(() => h!.server.messagesTo(USER.id).length >= 1, 10_000, 'apology');
    const apology = h.server.messagesTo(USER.id)[0]!.text;
    const errorId = /错误编号：([0-9A-F]{8})/.exec(apology)?.[1];
    expect(errorId).toBeDefined();
    expect(h.logs.some((l) => l.includes(errorId!) && l.includes('fake assistant crashed'))).toBe(true);
    h.server.sendText(USER, '就业人数');
    await h.server.waitFor(() => answersTo(h!.server, USER.id, '1234人').length === 1, 10_000, 'next answer');
  });

  it('keeps chats independent: a slow answer does not hold up another chat', async () => {
    let release = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    h = await startHarness({ hold });
    h.server.sendText(USER, '慢一点回答');
    await h.server.waitFor(() => h!.assistant.calls.length === 1, 5000, 'slow question asked');
    // The slow answer is held until the other chat has its answer: a shared queue would deadlock.
    h.server.sendText(OTHER, '就业人数');
    await h.server.waitFor(
      () => answersTo(h!.server, OTHER.id, '1234人').length === 1,
      5000,
      'fast chat answer',
    );
    expect(h.server.messagesTo(USER.id)).toHaveLength(0);
    release();
    await h.server.waitFor(() => h!.server.messagesTo(USER.id).length === 1, 5000, 'slow answer');
  });
});
