import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../../src/assistant/answer.js';
import { post, startTestServer, type TestServer } from './start-test-server.js';

/**
 * The real core and a real SQLite file that the test makes unusable from outside, as an operator,
 * a backup job or a full disk would. No mocks: the faults are SQLite's own.
 */
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const health = async (s: TestServer) =>
  (await (await fetch(`${s.url}/healthz`)).json()) as {
    status: string;
    storage: { writable: boolean; problem?: string; failures: Record<string, number> };
  };
const metrics = async (s: TestServer) => (await fetch(`${s.url}/metrics`)).text();
const ask = (s: TestServer, question: string) => post(`${s.url}/api/ask`, { question, session: 'page-1' });

describe('a locked database (another process holds the write lock)', () => {
  it('still answers the web chat, counts the failed writes, reports degraded, and recovers', async () => {
    const s = (server = await startTestServer({ real: true, storeOptions: { busyTimeoutMs: 20 } }));
    const locker = new Database(s.storeFile);
    locker.exec('BEGIN EXCLUSIVE');
    try {
      const reply = await ask(s, '去年迁移了多少座散葬烈士墓？');
      expect(reply.status).toBe(200);
      expect(AnswerSchema.parse(reply.json).answer).toContain('1041');
      expect(await health(s)).toMatchObject({
        status: 'degraded',
        storage: { writable: false, problem: 'the database is locked by another process' },
      });
      const text = await metrics(s);
      expect(text).toContain('storage_writable 0');
      expect(text).toMatch(/storage_failures_total\{operation="session set"\} 1/);
      expect(text).toMatch(/storage_failures_total\{operation="logQuestion"\} 1/);
      // Feedback is not best effort: the client is told it was not stored.
      const feedback = await post(`${s.url}/api/feedback`, { question: 'q', rating: 'down' });
      expect(feedback.status).toBe(503);
      expect(String(feedback.json.error)).toContain('nothing was saved');
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    expect((await ask(s, '慰问金呢？')).status).toBe(200);
    expect(await health(s)).toMatchObject({ status: 'ok', storage: { writable: true } });
    expect(await s.store.latestNegativeFeedback(5)).toEqual([]);
  });
});

describe('the database file deleted while the service runs', () => {
  it('refuses every later write instead of acknowledging it, and reports degraded', async () => {
    const s = (server = await startTestServer());
    expect((await post(`${s.url}/api/feedback`, { question: 'before', rating: 'down' })).status).toBe(201);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${s.storeFile}${suffix}`, { force: true });

    const feedback = await post(`${s.url}/api/feedback`, { question: 'after', rating: 'down' });
    expect(feedback.status).toBe(503);
    expect((await ask(s, '网上祭扫')).status).toBe(200);
    expect(await health(s)).toMatchObject({
      status: 'degraded',
      storage: { writable: false, problem: 'the database file was deleted while the service was running' },
    });
    await expect(s.store.recordFeedback({ channel: 'http', question: 'x', rating: 'up' })).rejects.toThrow(
      /deleted while the service was running, so this write was not stored\. Restart the service/,
    );
  });
});
