import type pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { ChangeFeed } from '../../src/storage/change-feed.js';
import { createPostgresChangeFeed } from '../../src/storage/postgres/change-feed.js';
import { migratePostgres } from '../../src/storage/postgres/migrations.js';
import { createPool } from '../../src/storage/postgres/pool.js';
import { createPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from '../support/postgres.js';
import { waitUntil } from '../support/wait-until.js';

const silent = createLogger({ level: 'silent' });
let db: TestDatabase;
let pools: pg.Pool[];
let feeds: ChangeFeed[];

beforeEach(async () => {
  db = await createTestDatabase('feed');
  pools = [];
  feeds = [];
  await migratePostgres(pool());
});
afterEach(async () => {
  for (const feed of feeds) await feed.close();
  for (const p of pools) await p.end();
  await db.drop();
});

function pool(): pg.Pool {
  const p = createPool(db.url, silent, { max: 3 });
  pools.push(p);
  return p;
}
async function replica(origin: string, versionCheckMs = 60_000) {
  const p = pool();
  const feed = await createPostgresChangeFeed({
    url: db.url,
    pool: p,
    logger: silent,
    origin,
    versionCheckMs,
  });
  feeds.push(feed);
  const applied = { kpi: 0, knowledge: 0 };
  feed.on('kpi', async () => void applied.kpi++);
  feed.on('knowledge', async () => void applied.knowledge++);
  return { feed, applied, pool: p };
}

describeIfPostgres('the PostgreSQL change feed between replicas', () => {
  it('a KPI update stored on replica A is heard on B within a second (NOTIFY in the same transaction), not on A', async () => {
    const a = await replica('a');
    const b = await replica('b');
    const store = createPostgresStore(a.pool, { origin: 'a' });
    await store.recordKpiUpdate({ kpiId: 'k', year: 2024, kind: 'actual', value: 1, by: 'admin-api' });
    const ms = await waitUntil(() => b.applied.kpi === 1, 'replica B to hear the KPI update', {
      timeoutMs: 1000,
    });
    expect(ms).toBeLessThan(1000);
    expect(a.applied.kpi).toBe(0);
  });

  it('a reindex announced by A is applied once by B', async () => {
    const a = await replica('a');
    const b = await replica('b');
    await a.feed.publish('knowledge');
    await waitUntil(() => b.applied.knowledge === 1, 'replica B to reindex', { timeoutMs: 1000 });
    expect(a.applied.knowledge).toBe(0);
  });

  it('a change whose notification was missed is found by the periodic version check', async () => {
    const b = await replica('b', 200);
    // As if the NOTIFY were lost: the version moves, nobody is told.
    await db.admin.query(`UPDATE change_versions SET version = version + 1 WHERE topic = 'kpi'`);
    const ms = await waitUntil(() => b.applied.kpi === 1, 'the version check', { timeoutMs: 3000 });
    expect(ms).toBeLessThan(3000);
  });

  it('after its LISTEN connection is cut, a replica reconnects and applies what changed meanwhile', async () => {
    const b = await replica('b');
    const a = await replica('a');
    await db.admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND query LIKE 'LISTEN%' AND application_name = 'veterans-assistant'`,
    );
    await a.feed.publish('knowledge');
    await waitUntil(() => b.applied.knowledge === 1, 'replica B to catch up after reconnecting', {
      timeoutMs: 8000,
    });
    await a.feed.publish('knowledge');
    await waitUntil(() => b.applied.knowledge === 2, 'notifications again after the reconnect', {
      timeoutMs: 2000,
    });
    expect(b.applied.knowledge).toBe(2);
    expect(a.applied.knowledge).toBe(0);
  });

  it('runs of one topic never overlap: changes during a slow run cause one more run, not many', async () => {
    const a = await replica('a');
    const b = await replica('b');
    let running = 0;
    let overlapped = false;
    let runs = 0;
    b.feed.on('knowledge', async () => {
      running++;
      overlapped ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 150));
      running--;
      runs++;
    });
    for (let i = 0; i < 5; i++) await a.feed.publish('knowledge');
    await waitUntil(() => runs >= 2 && running === 0, 'the runs to settle', { timeoutMs: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // any run still queued would start now
    expect(overlapped).toBe(false);
    expect(runs).toBeLessThanOrEqual(2);
  });
});
