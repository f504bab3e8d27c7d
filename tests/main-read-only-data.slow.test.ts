import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../src/assistant/answer.js';
import { createSqliteStore } from '../src/storage/sqlite-store.js';
import { postJson, READY_TIMEOUT_MS, startService, type Service } from './support/service-process.js';

/** Root ignores file modes: as root the service runs as `nobody`, who must be able to read the checkout. */
const asRoot = process.getuid?.() === 0;
const unprivileged = asRoot ? { uid: 65534, gid: 65534 } : {};
const canRunUnprivileged =
  !asRoot ||
  spawnSync(process.execPath, ['-e', 'require("fs").accessSync("src/main.ts")'], unprivileged).status === 0;

/**
 * The real service over a data folder it cannot write: the folder and its database are read-only
 * for the service's user.
 */
describe.skipIf(!canRunUnprivileged)('src/main.ts with a read-only data folder', () => {
  let dir: string;
  let service: Service;
  const data = () => path.join(dir, 'data');
  const dbFile = () => path.join(data(), 'assistant.db');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'va-readonly-'));
    await chmod(dir, 0o755);
    createSqliteStore(dbFile()).close(); // a database from an earlier run
    await mkdir(path.join(dir, 'cache'), { mode: 0o777 });
    await chmod(path.join(dir, 'cache'), 0o777);
    await chmod(dbFile(), 0o444);
    await chmod(data(), 0o555);
    service = await startService(dir, {}, { spawn: unprivileged });
  }, READY_TIMEOUT_MS + 5_000);

  afterAll(async () => {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await chmod(data(), 0o755).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('starts, warning once that DATA_DIR is not writable and what that means', () => {
    const warnings = service.logs.filter((l) => l.msg.startsWith('DATA_DIR'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe(40);
    expect(warnings[0]?.msg).toContain(`DATA_DIR ${data()} is not writable`);
    expect(warnings[0]?.msg).toContain('answers still work');
    expect(String(warnings[0]?.detail)).toContain('Give the service');
  });

  it('answers web questions with a session, and says /healthz degraded', async () => {
    for (const question of ['去年迁移了多少座散葬烈士墓？', '慰问金呢？']) {
      const reply = await postJson(`${service.url}/api/ask`, { question, session: 'page-1' });
      expect(reply.status, JSON.stringify(reply.json)).toBe(200);
      AnswerSchema.parse(reply.json);
    }
    const health = (await (await fetch(`${service.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: 'degraded',
      storage: { writable: false, problem: 'the database or its folder is read-only' },
    });
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/storage_failures_total\{operation="session set"\} 2/);
    expect(metrics).toMatch(/storage_failures_total\{operation="logQuestion"\} 2/);
  });

  it('refuses feedback with a 503 instead of acknowledging what it cannot store', async () => {
    const reply = await postJson(`${service.url}/api/feedback`, { question: 'q', rating: 'down' });
    expect(reply.status).toBe(503);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    const db = new Database(dbFile(), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM feedback').get()).toEqual({ n: 0 });
    db.close();
  });
});
