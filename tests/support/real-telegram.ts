import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Assistant } from '../../src/assistant/ports.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import type { KpiMirror } from '../../src/storage/kpi-mirror.js';
import { createSqliteStore } from '../../src/storage/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { createServiceState } from '../../src/wiring/state.js';
import { startTelegram, type StartTelegramDeps, type TelegramHandle } from '../../src/wiring/telegram.js';
import { createTestCore, type TestCore } from './create-test-core.js';
import { startFakeTelegram, type FakeTelegramServer } from './fake-telegram-server.js';

export interface RealTelegram {
  dir: string;
  server: FakeTelegramServer;
  store: Store;
  kpis: KpiMirror;
  test: TestCore;
  /** The assistant the bot asks: the real core's, with sessions loaded from and saved to the store. */
  assistant: Assistant;
  handle: TelegramHandle | undefined;
  close(): Promise<void>;
}

/**
 * startTelegram as the service wires it — the real core, real SQLite with sessions and staff KPI
 * updates in the store — against the fake Bot API on 127.0.0.1.
 */
export async function startRealTelegram(options: {
  token: string;
  config: (apiRoot: string) => Pick<Config, 'telegram' | 'userHashSalt'>;
  logger: Logger;
  botOptions: NonNullable<StartTelegramDeps['botOptions']>;
  /** The assistant's clock (session expiry). */
  clock?: () => Date;
  /** Whether the core's tools see the staff KPI updates of the store. */
  kpiUpdates?: boolean;
}): Promise<RealTelegram> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'va-tg-real-'));
  const state = await createServiceState(
    createSqliteStore(path.join(dir, 'data', 'assistant.db')),
    options.logger,
  );
  const test = await createTestCore({
    sessions: state.sessions.sessions,
    ...(options.kpiUpdates && { kpiUpdates: state.kpis.current }),
    ...(options.clock && { clock: options.clock }),
  });
  const assistant = state.sessions.wrap(test.core.assistant);
  const server = await startFakeTelegram({ token: options.token });
  const handle = await startTelegram({
    config: options.config(server.url),
    assistant,
    core: test.core,
    store: state.store,
    logger: options.logger,
    botOptions: options.botOptions,
  });
  return {
    dir,
    server,
    store: state.store,
    kpis: state.kpis,
    test,
    assistant,
    handle,
    async close() {
      await handle?.stop('test end');
      await state.store.close();
      await server.close();
      await test.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
