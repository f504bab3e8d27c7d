import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  createTelegramBot,
  type TelegramBotHandle,
  type TelegramDeps,
} from '../../../src/channels/telegram/create-telegram-bot.js';
import { createLogger } from '../../../src/logger.js';
import { createSqliteStore } from '../../../src/storage/sqlite-store.js';
import type { Store } from '../../../src/storage/store.js';
import { createServiceState } from '../../../src/wiring/state.js';
import type { KpiMirror } from '../../../src/storage/kpi-mirror.js';
import { createFakeAssistant, createFakeTools, type FakeAssistant } from '../../support/fake-assistant.js';
import {
  startFakeTelegram,
  type FakeTelegramOptions,
  type FakeTelegramServer,
} from '../../support/fake-telegram-server.js';

export const TOKEN = '123456789:AAH-secret-token_for_tests';
export const ADMIN = { id: 1001, first_name: '管理员', language_code: 'zh-hans' };
export const USER = { id: 2002, first_name: '老兵', language_code: 'zh-hans' };
export const EN_USER = { id: 3003, first_name: 'Sam', language_code: 'en' };

export interface Harness {
  server: FakeTelegramServer;
  handle: TelegramBotHandle;
  store: Store;
  /** What the fake tools show of the staff KPI updates (refreshed on every write). */
  kpis: KpiMirror;
  assistant: FakeAssistant;
  logs: string[];
  reindexCalls: number;
  close(): Promise<void>;
}

/** A running bot (real telegraf, real SQLite) against a fake Bot API on 127.0.0.1. */
export async function startHarness(
  options: {
    server?: Partial<FakeTelegramOptions>;
    deps?: Partial<TelegramDeps>;
    slowMs?: number;
    /** Slow (慢) questions wait for this instead of `slowMs`. */
    hold?: Promise<void>;
    rateLimitPerMinute?: number;
  } = {},
): Promise<Harness> {
  const server = await startFakeTelegram({ token: TOKEN, ...options.server });
  const dir = mkdtempSync(join(tmpdir(), 'tg-test-'));
  const { store, kpis } = await createServiceState(
    createSqliteStore(join(dir, 'data', 'app.sqlite')),
    createLogger({ level: 'silent' }),
  );
  const tools = createFakeTools(kpis.current);
  const assistant = createFakeAssistant(tools, {
    ...(options.slowMs !== undefined && { slowMs: options.slowMs }),
    ...(options.hold && { hold: options.hold }),
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString());
      callback();
    },
  });
  const harness = { reindexCalls: 0 } as Harness;
  const handle = createTelegramBot({
    config: {
      token: TOKEN,
      apiRoot: server.url,
      mode: { kind: 'polling' },
      adminUserIds: [ADMIN.id],
      rateLimitPerMinute: options.rateLimitPerMinute ?? 20,
    },
    assistant,
    tools,
    store,
    reindex: async () => {
      harness.reindexCalls++;
      return { documents: 3, chunks: 120, figures: 45 };
    },
    bureau: {
      name: '某市退役军人事务局',
      hours: '周一至周五 9:00-17:00',
      hotline: '12345',
      address: '某路1号',
      placeholder: true,
    },
    userHashSalt: 'test-salt',
    logger: createLogger({ level: 'debug', destination }),
    pacing: { perChatIntervalMs: 5, perGroupIntervalMs: 5, globalPerSecond: 0, baseBackoffMs: 20 },
    pollTimeoutSeconds: 2,
    ...options.deps,
  });
  await handle.start();
  return Object.assign(harness, {
    server,
    handle,
    store,
    kpis,
    assistant,
    logs,
    async close() {
      await handle.stop('test end');
      await store.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
