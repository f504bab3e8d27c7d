import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import {
  createTelegramBot,
  type TelegramBotHandle,
} from '../../../src/channels/telegram/create-telegram-bot.js';
import { createLogger } from '../../../src/logger.js';
import { createAdvisoryLeadership } from '../../../src/storage/postgres/advisory-leadership.js';
import { createPostgresChangeFeed } from '../../../src/storage/postgres/change-feed.js';
import { migratePostgres } from '../../../src/storage/postgres/migrations.js';
import { createPool } from '../../../src/storage/postgres/pool.js';
import { createPostgresStore } from '../../../src/storage/postgres/postgres-store.js';
import { createPostgresInbox } from '../../../src/storage/postgres/telegram-inbox.js';
import { createFakeAssistant, createFakeTools } from '../../support/fake-assistant.js';
import { startFakeTelegram, type FakeTelegramServer } from '../../support/fake-telegram-server.js';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from '../../support/postgres.js';
import { waitUntil } from '../../support/wait-until.js';
import { TOKEN } from './harness.js';
import { freePort } from '../../support/free-port.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

const silent = createLogger({ level: 'silent' });

/** One replica in this process: its own pool, change feed, shared inbox and advisory lead. */
async function startReplica(server: FakeTelegramServer, db: TestDatabase, name: string, port: number) {
  const pool = createPool(db.url, silent, { max: 4 });
  await migratePostgres(pool);
  const changes = await createPostgresChangeFeed({ url: db.url, pool, logger: silent, origin: name });
  const tools = createFakeTools();
  const handle: TelegramBotHandle = createTelegramBot({
    config: {
      token: TOKEN,
      apiRoot: `${server.url}${name}/`,
      mode: { kind: 'webhook', url: `http://127.0.0.1:${port}/hook`, secretToken: 'replica-secret', port },
      adminUserIds: [],
      rateLimitPerMinute: 1000,
    },
    assistant: createFakeAssistant(tools),
    tools,
    store: createPostgresStore(pool, { origin: name }),
    reindex: async () => ({ documents: 0, chunks: 0, figures: 0 }),
    bureau: undefined,
    userHashSalt: 's',
    logger: silent,
    webhookHost: '127.0.0.1',
    pacing: { perChatIntervalMs: 1, globalPerSecond: 0 },
    coordination: {
      inbox: createPostgresInbox({ pool, changes, origin: name }),
      leadership: createAdvisoryLeadership({ url: db.url, logger: silent, retryMs: 100 }),
    },
  });
  await handle.start();
  cleanups.push(async () => {
    await handle.stop('test end');
    await changes.close();
    await pool.end();
  });
  return { handle, url: `http://127.0.0.1:${port}/hook` };
}

describeIfPostgres('Telegram with two replicas on PostgreSQL', () => {
  it('webhook: answers every update exactly once, in chat order, though Telegram retries on the other replica and sends duplicates', async () => {
    const server = await startFakeTelegram({ token: TOKEN });
    cleanups.push(() => server.close());
    const db = await createTestDatabase('tg_webhook');
    cleanups.push(() => db.drop());
    const a = await startReplica(server, db, 'a', await freePort());
    const b = await startReplica(server, db, 'b', await freePort());
    server.deliverByWebhook({
      targets: [a.url, b.url],
      secret: 'replica-secret',
      retryMs: 5,
      loseReply: (id) => id % 7 === 0,
      duplicate: (id) => id % 5 === 0,
    });

    const chats = Array.from({ length: 20 }, (_, i) => ({ id: 5000 + i, first_name: `老兵${i}` }));
    const perChat = 8;
    for (let k = 0; k < perChat; k++) for (const chat of chats) server.sendText(chat, `问${chat.id}-${k}`);
    await server.webhookIdle();
    const total = chats.length * perChat;
    const answers = () => server.sent.filter((m) => m.text.includes('回答：问'));
    await waitUntil(() => answers().length >= total, 'every update answered', { timeoutMs: 30_000 });
    // Duplicates still in the inbox's path have had their chance to be answered twice.
    await waitUntil(
      async () =>
        (await db.admin.query('SELECT 1 FROM telegram_updates WHERE handled_at IS NULL')).rowCount === 0,
      'inbox handled',
    );

    for (const chat of chats) {
      const order = server
        .messagesTo(chat.id)
        .map((m) => /回答：问\d+-(\d+)/.exec(m.text)?.[1])
        .filter((k) => k !== undefined)
        .map(Number);
      expect(order).toEqual([...Array(perChat).keys()]);
    }
    expect(answers()).toHaveLength(total);
    // The test did exercise what it claims: accepted retries on the other replica, and duplicates.
    const accepted = server.webhookDeliveries.filter((d) => d.status === 200);
    expect(accepted.filter((d) => d.kind === 'retry').length).toBeGreaterThan(10);
    expect(accepted.filter((d) => d.kind === 'duplicate').length).toBeGreaterThan(10);
    expect(new Set(accepted.map((d) => d.target))).toEqual(new Set([a.url, b.url]));
    // Only the leader talks to Telegram.
    const senders = new Set(server.callsOf('sendMessage').map((c) => c.via));
    expect(senders.size).toBe(1);
  }, 60_000);

  it('long polling: exactly one replica polls, and the other takes over within 10 s when it is killed', async () => {
    const server = await startFakeTelegram({ token: TOKEN });
    cleanups.push(() => server.close());
    const db = await createTestDatabase('tg_polling');
    cleanups.push(() => db.drop());
    const children = new Map<string, ChildProcess>();
    for (const name of ['a', 'b']) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'tests/channels/telegram/replica-bot-process.ts'],
        {
          env: {
            ...process.env,
            BOT_TOKEN: TOKEN,
            API_ROOT: `${server.url}${name}/`,
            DATABASE_URL: db.url,
            LOG_LEVEL: process.env.REPLICA_LOG_LEVEL ?? 'warn',
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      cleanups.push(async () => child.kill('SIGKILL'));
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        child.once('exit', (code) => reject(new Error(`replica ${name} exited with ${code}`)));
      });
      children.set(name, child);
    }
    const pollers = () => new Set(server.pollStarts.map((p) => p.via));
    await waitUntil(() => pollers().size > 0, 'a replica polling');
    const user = { id: 6001, first_name: '老兵' };
    server.sendText(user, '第一问');
    await server.waitFor(() => server.messagesTo(user.id).length === 1, 10_000, 'first answer');
    expect(pollers().size).toBe(1);
    // Killed after its answer was recorded as handled: a leader killed between sending an answer and
    // recording it would have that update answered again by the next leader (at least once).
    await waitUntil(
      async () =>
        (await db.admin.query('SELECT 1 FROM telegram_updates WHERE handled_at IS NULL')).rowCount === 0,
      'first update marked handled',
    );
    const leader = [...pollers()][0]!;
    const follower = leader === '/a' ? '/b' : '/a';

    const killedAt = performance.now();
    const pollsBefore = server.pollStarts.length;
    children.get(leader.slice(1))!.kill('SIGKILL');
    await waitUntil(
      () => server.pollStarts.slice(pollsBefore).some((p) => p.via === follower),
      'the other replica polling',
      { timeoutMs: 10_000 },
    );
    const takeoverMs = performance.now() - killedAt;
    expect(takeoverMs).toBeLessThan(10_000);
    console.info(`Telegram lead taken over ${Math.round(takeoverMs)} ms after the leader was killed`);

    server.sendText(user, '第二问');
    await server.waitFor(() => server.messagesTo(user.id).length === 2, 10_000, 'answer after takeover');
    expect(server.messagesTo(user.id).map((m) => /回答：(\S+)/.exec(m.text)?.[1])).toEqual([
      '第一问',
      '第二问',
    ]);
  }, 60_000);
});
