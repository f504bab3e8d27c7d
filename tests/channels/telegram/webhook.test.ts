import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTelegramBot,
  type TelegramBotHandle,
} from '../../../src/channels/telegram/create-telegram-bot.js';
import { createLogger } from '../../../src/logger.js';
import { createSqliteStore } from '../../../src/storage/sqlite-store.js';
import type { Store } from '../../../src/storage/store.js';
import { createFakeAssistant, createFakeTools } from '../../support/fake-assistant.js';
import { startFakeTelegram, type FakeTelegramServer } from '../../support/fake-telegram-server.js';
import { TOKEN, USER } from './harness.js';
import { freePort } from '../../support/free-port.js';

let server: FakeTelegramServer | undefined;
let handle: TelegramBotHandle | undefined;
let store: Store | undefined;
let dir: string | undefined;
afterEach(async () => {
  await handle?.stop('test end');
  await store?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Telegram bot in webhook mode', () => {
  it('registers the webhook with its secret and only accepts requests carrying it', async () => {
    server = await startFakeTelegram({ token: TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'tg-webhook-'));
    store = createSqliteStore(join(dir, 'app.sqlite'));
    const tools = createFakeTools();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    handle = createTelegramBot({
      config: {
        token: TOKEN,
        apiRoot: server.url.replace(/\/$/, ''),
        mode: { kind: 'webhook', url, secretToken: 'hook-secret_1', port },
        adminUserIds: [],
        rateLimitPerMinute: 20,
      },
      assistant: createFakeAssistant(tools),
      tools,
      store,
      reindex: async () => ({ documents: 0, chunks: 0, figures: 0 }),
      bureau: undefined,
      userHashSalt: 's',
      logger: createLogger({ level: 'silent' }),
      webhookHost: '127.0.0.1',
      pacing: { perChatIntervalMs: 5, globalPerSecond: 0 },
    });
    await handle.start();
    expect(server.callsOf('setWebhook')[0]!.payload).toMatchObject({ url, secret_token: 'hook-secret_1' });

    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: USER.id, type: 'private' },
        from: { ...USER, is_bot: false },
        text: '就业人数',
      },
    };
    const post = (secret: string | undefined) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret && { 'x-telegram-bot-api-secret-token': secret }),
        },
        body: JSON.stringify(update),
      });
    expect((await post(undefined)).status).toBe(401);
    expect((await post('wrong')).status).toBe(401);
    expect((await post('hook-secret_1')).status).toBe(200);
    await server.waitFor(() => server!.messagesTo(USER.id).length === 1, 10_000, 'webhook answer');
    expect(server.messagesTo(USER.id)[0]!.text).toContain('1234人');

    // Bodies go through the HTTP channel's reader: malformed JSON is a 400, a huge body a 413.
    const raw = (body: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'hook-secret_1' },
        body,
      });
    expect((await raw('{not json')).status).toBe(400);
    expect((await raw(`"${'x'.repeat(1_100_000)}"`)).status).toBe(413);
    expect(server.messagesTo(USER.id)).toHaveLength(1);
  });
});
