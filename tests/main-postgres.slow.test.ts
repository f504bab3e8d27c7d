import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../src/assistant/answer.js';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from './support/postgres.js';
import {
  postJson,
  READY_TIMEOUT_MS,
  serviceEnv,
  startService,
  type Service,
} from './support/service-process.js';
import { waitUntil } from './support/wait-until.js';

interface Health {
  status: string;
  storage: { backend: string; reachable?: boolean; writable: boolean; problem?: string };
}

describe('src/main.ts with a DATABASE_URL it cannot reach', () => {
  it('refuses to start, naming the server without its password, and creates no SQLite file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'va-pg-refuse-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: serviceEnv(dir, { DATABASE_URL: 'postgres://veterans:Sup3r-secret@127.0.0.1:1/assistant' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(
        'failed to start: DATABASE_URL: cannot reach PostgreSQL at postgres://veterans@127.0.0.1:1/assistant (connect ECONNREFUSED 127.0.0.1:1)',
      );
      expect(stderr).toMatch(/unset DATABASE_URL to keep data in the SQLite file/);
      expect(stderr).not.toContain('Sup3r-secret');
      expect(existsSync(path.join(dir, 'data', 'assistant.db'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The real service on a real PostgreSQL database that the test takes away and gives back, as an
 * operator's maintenance or a network cut would: answers go on, nothing is acknowledged that was not
 * stored, /healthz says so, and the service recovers by itself.
 */
describeIfPostgres('src/main.ts on PostgreSQL', () => {
  let dir: string;
  let db: TestDatabase;
  let service: Service;
  const health = async () => (await (await fetch(`${service.url}/healthz`)).json()) as Health;
  const ask = (question: string) => postJson(`${service.url}/api/ask`, { question, session: 'pg-page' });
  const feedback = (question: string) =>
    postJson(`${service.url}/api/feedback`, { question, rating: 'down' });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'va-pg-main-'));
    db = await createTestDatabase('main');
    service = await startService(dir, { DATABASE_URL: db.url, TRUST_PROXY: '' });
  }, READY_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await db?.onServer(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('migrates the database, keeps no SQLite file, and reports PostgreSQL on /healthz', async () => {
    expect(await health()).toMatchObject({
      status: 'ok',
      storage: { backend: 'postgresql', reachable: true, writable: true },
    });
    const { rows } = await db.admin.query('SELECT max(version) AS v FROM schema_migrations');
    expect(rows[0].v).toBeGreaterThanOrEqual(2);
    expect(existsSync(path.join(dir, 'data', 'assistant.db'))).toBe(false);
    expect(service.stderr()).not.toContain(':assistant_test@'); // never the password
  });

  it('keeps a conversation and feedback in the database', async () => {
    const first = await ask('去年迁移了多少座散葬烈士墓？');
    expect(AnswerSchema.parse(first.json).answer).toContain('1041');
    expect((await feedback('first')).status).toBe(201);
    const { rows } = await db.admin.query(`SELECT state FROM sessions WHERE id = 'pg-page'`);
    expect(rows[0].state.turns).toHaveLength(1);
  });

  it('with the database gone: answers, refuses feedback with 503, reports degraded; then recovers', async () => {
    await db.onServer(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS false`);
    await db.onServer(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [db.name],
    );
    try {
      const answer = await ask('慰问金呢？');
      expect(answer.status).toBe(200);
      const refused = await feedback('while away');
      expect(refused.status).toBe(503);
      expect(String(refused.json.error)).toContain('nothing was saved');
      expect(await health()).toMatchObject({
        status: 'degraded',
        storage: {
          backend: 'postgresql',
          reachable: false,
          writable: false,
          problem: 'the database cannot be reached',
        },
      });
    } finally {
      await db.onServer(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
    }
    await waitUntil(async () => (await feedback('after')).status === 201, 'feedback to be stored again', {
      timeoutMs: 10_000,
      everyMs: 200,
    });
    expect(await health()).toMatchObject({ status: 'ok', storage: { reachable: true, writable: true } });
    const { rows } = await db.admin.query(`SELECT question FROM feedback ORDER BY id`);
    expect(rows.map((r: { question: string }) => r.question)).toEqual(['first', 'after']);
  });
});
