import { describe, expect, it } from 'vitest';
import { USER } from './harness.js';
import { useBotProcess } from './spawn-bot.js';

// `npm run test:slow`: the bot as a real process, stopped with a signal and restarted (seconds of
// process start-up, compiling with tsx). Faults inside one process are in faults.test.ts.

describe('Telegram bot shutdown', () => {
  const bot = useBotProcess();

  it('on SIGTERM finishes the answer in flight, confirms the offset and exits 0; a restart repeats and skips nothing', async () => {
    const server = await bot.startServer();
    let { child } = await bot.startBot();
    server.sendText(USER, '慢问题一');
    const second = server.sendText(USER, '慢问题二');
    await server.waitFor(
      () => server.callsOf('sendChatAction').length >= 1,
      10_000,
      'first answer in progress',
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    // Arrives after the signal: must be answered by the restarted bot, not lost.
    server.sendText(USER, '问题三');
    expect(await exited).toBe(0);
    expect(server.confirmedOffset).toBeGreaterThan(second);
    const afterStop = server.messagesTo(USER.id).map((m) => m.text);
    expect(afterStop.some((t) => t.includes('慢问题一'))).toBe(true);
    expect(afterStop.some((t) => t.includes('慢问题二'))).toBe(true);

    ({ child } = await bot.startBot());
    await server.waitFor(
      () => server.messagesTo(USER.id).some((m) => m.text.includes('问题三') && !m.text.includes('慢')),
      10_000,
      'answer after restart',
    );
    // Everything is confirmed; a repeated update would show up as a fourth message in this window.
    await server.waitFor(() => server.pendingUpdates === 0, 10_000, 'updates confirmed');
    await server.holdsFor(() => server.messagesTo(USER.id).length === 3, 500, 'three answers');
    const texts = server.messagesTo(USER.id).map((m) => /回答：([^\n]+)/.exec(m.text)?.[1]);
    expect(texts).toEqual(['慢问题一', '慢问题二', '问题三']);
  });
});
