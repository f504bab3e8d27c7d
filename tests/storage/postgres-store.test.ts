import type pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { StorageError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { migratePostgres, POSTGRES_SCHEMA_VERSION } from '../../src/storage/postgres/migrations.js';
import { createPool, requireReachable } from '../../src/storage/postgres/pool.js';
import { createPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from '../support/postgres.js';
import { describeStoreContract } from './store-contract.js';

const silent = createLogger({ level: 'silent' });

describeIfPostgres('PostgreSQL store', () => {
  describeStoreContract('postgresql', () => {
    let db: TestDatabase | undefined;
    const pools: pg.Pool[] = [];
    const pool = (lockTimeoutMs?: number) => {
      const p = createPool(db!.url, silent, lockTimeoutMs === undefined ? {} : { lockTimeoutMs });
      pools.push(p);
      return p;
    };
    return {
      async open({ now, lockWaitMs }) {
        db = await createTestDatabase('contract');
        const p = pool(lockWaitMs);
        await migratePostgres(p);
        return createPostgresStore(p, { now });
      },
      openAgain: async ({ now }) => createPostgresStore(pool(), { now }),
      async holdWriteLock() {
        const client = await db!.admin.connect();
        await client.query('BEGIN');
        await client.query('LOCK TABLE questions, feedback, kpi_updates, sessions IN EXCLUSIVE MODE');
        return async () => {
          await client.query('ROLLBACK');
          client.release();
        };
      },
      async replaceUnderneath() {
        await db!.admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      },
      replacedProblem: 'the database was replaced or its tables are gone',
      crashWriterTarget: () => db!.url,
      cleanup: async () => db?.drop(),
    };
  });
});

describeIfPostgres('PostgreSQL migrations and start', () => {
  let db: TestDatabase | undefined;
  const pools: pg.Pool[] = [];
  afterEach(async () => {
    for (const p of pools.splice(0)) await p.end();
    await db?.drop();
    db = undefined;
  });
  const pool = () => {
    const p = createPool(db!.url, silent);
    pools.push(p);
    return p;
  };

  it('records each version once, even when two replicas migrate at the same moment', async () => {
    db = await createTestDatabase('migrate');
    const [a, b] = await Promise.all([migratePostgres(pool()), migratePostgres(pool())]);
    const all = Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1);
    expect([a, b].sort((x, y) => y.length - x.length)).toEqual([all, []]);
    const { rows } = await db.admin.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((r: { version: number }) => r.version)).toEqual(all);
    expect(await migratePostgres(pool())).toEqual([]);
  });

  it('refuses a database whose schema is newer than this code, saying to upgrade the replica', async () => {
    db = await createTestDatabase('newer');
    await migratePostgres(pool());
    await db.admin.query(`INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')`);
    await expect(migratePostgres(pool())).rejects.toThrow(
      /schema version 99, newer than this service understands.*Upgrade this replica/,
    );
  });

  it('says which server it could not reach and how to fix it, without the password', async () => {
    const url = 'postgres://veterans:s3cret-Passw0rd@127.0.0.1:1/assistant';
    const p = createPool(url, silent, { connectTimeoutMs: 2000 });
    pools.push(p);
    const error = await requireReachable(p, url).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    const message = (error as Error).message;
    expect(message).toContain(
      'DATABASE_URL: cannot reach PostgreSQL at postgres://veterans@127.0.0.1:1/assistant',
    );
    expect(message).toContain('ECONNREFUSED');
    expect(message).toMatch(/unset DATABASE_URL/);
    expect(message).not.toContain('s3cret');
  });
});
