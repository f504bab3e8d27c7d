import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assistant, KnowledgeTools } from '../../../src/assistant/ports.js';
import { createHttpServer } from '../../../src/channels/http/create-http-server.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createSqliteStore, type SqliteStoreOptions } from '../../../src/storage/sqlite-store.js';
import type { Store } from '../../../src/storage/store.js';
import { createServiceState } from '../../../src/wiring/state.js';
import { createTestCore } from '../../support/create-test-core.js';
import { createFakeAssistant, createFakeTools } from '../../support/http-fakes.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestServer {
  url: string;
  store: Store;
  /** The SQLite file behind `store`. */
  storeFile: string;
  assistant: Assistant;
  tools: KnowledgeTools;
  reindexCalls: number;
  close(): Promise<void>;
}

/**
 * Starts the real HTTP server on 127.0.0.1 with a random port and a real SQLite store in a temp
 * dir. With `real`, the assistant and tools are the real core over knowledge/ (staff KPI updates
 * and sessions in the same store, as in src/main.ts); otherwise the deterministic fakes unless given.
 */
export async function startTestServer(
  options: {
    env?: Record<string, string>;
    assistant?: Assistant;
    tools?: KnowledgeTools;
    real?: boolean;
    /** With `real`: another knowledge folder than knowledge/. */
    knowledgeDir?: string;
    storeOptions?: SqliteStoreOptions;
  } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'http-test-'));
  const storeFile = join(dir, 'store.db');
  const logger = createLogger({ level: 'silent' });
  const { store, kpis, sessions } = await createServiceState(
    createSqliteStore(storeFile, options.storeOptions),
    logger,
  );
  const testCore = options.real
    ? await createTestCore({
        sessions: sessions.sessions,
        kpiUpdates: kpis.current,
        ...(options.knowledgeDir ? { knowledgeDir: options.knowledgeDir } : {}),
      })
    : undefined;
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    ADMIN_TOKEN,
    HTTP_RATE_LIMIT_PER_MINUTE: '1000',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const assistant =
    options.assistant ?? (testCore && sessions.wrap(testCore.core.assistant)) ?? createFakeAssistant();
  const tools = options.tools ?? testCore?.core.tools ?? createFakeTools();
  const state: TestServer = {
    url: '',
    store,
    storeFile,
    assistant,
    tools,
    reindexCalls: 0,
    close: async () => {
      await app.close();
      await store.close();
      await testCore?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const app = createHttpServer({
    config,
    assistant,
    tools,
    store,
    reindex: async () => {
      state.reindexCalls += 1;
      if (!testCore) return { documents: 1, chunks: 42, figures: 8 };
      const { documents, chunks, figures } = await testCore.core.reindex();
      return { documents, chunks, figures };
    },
    logger,
  });
  state.url = (await app.listen()).url;
  return state;
}

/** POSTs JSON (or a raw string body) and returns status, headers and parsed JSON (when JSON). */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { raw: text };
  }
  return { status: response.status, headers: response.headers, json };
}
