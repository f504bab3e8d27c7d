import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/channels/rate-limit.js';
import { createLogger } from '../../src/logger.js';
import type { BucketStore } from '../../src/storage/bucket-store.js';
import { migratePostgres } from '../../src/storage/postgres/migrations.js';
import { createPool } from '../../src/storage/postgres/pool.js';
import { createPostgresBuckets } from '../../src/storage/postgres/rate-buckets.js';
import { captureLogger } from '../support/capture-logger.js';
import {
  createTestDatabase,
  describeIfPostgres,
  POSTGRES_TESTS_RUN,
  type TestDatabase,
} from '../support/postgres.js';

let db: TestDatabase;
const pools: pg.Pool[] = [];
const silent = createLogger({ level: 'silent' });
/** A replica's view of the shared buckets: its own pool on the test database. */
const replicaBuckets = () => {
  const pool = createPool(db.url, silent, { max: 2 });
  pools.push(pool);
  return createPostgresBuckets(pool);
};

beforeAll(async () => {
  if (!POSTGRES_TESTS_RUN) return;
  db = await createTestDatabase('rate');
  const pool = createPool(db.url, silent);
  await migratePostgres(pool);
  await pool.end();
});
afterAll(async () => {
  for (const pool of pools) await pool.end();
  await db?.drop();
});

const backends: [string, () => BucketStore | undefined][] = [
  ['in memory', () => undefined],
  ...(POSTGRES_TESTS_RUN ? [['in PostgreSQL', replicaBuckets] as [string, () => BucketStore]] : []),
];

describe.each(backends)('createRateLimiter, buckets %s', (_name, buckets) => {
  const limiter = (perMinute: number, now: () => number) => {
    const store = buckets();
    return createRateLimiter({ perMinute, now, ...(store && { store }) });
  };
  // Keys differ per test: the PostgreSQL buckets outlive one test.
  let run = 0;
  const key = (name: string) => `${name}-${++run}-${Math.random()}`;

  it('allows a burst up to the limit, then refills continuously', async () => {
    let now = 0;
    const l = limiter(6, () => now);
    const a = key('a');
    for (let i = 0; i < 6; i++) expect((await l.take(a)).allowed).toBe(true);
    expect(await l.take(a)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 9_000;
    expect((await l.take(a)).allowed).toBe(false);
    now += 1_000;
    expect((await l.take(a)).allowed).toBe(true);
  });

  it('keeps clients apart', async () => {
    const l = limiter(1, () => 0);
    const [a, b] = [key('a'), key('b')];
    expect((await l.take(a)).allowed).toBe(true);
    expect((await l.take(a)).allowed).toBe(false);
    expect((await l.take(b)).allowed).toBe(true);
  });

  it('an idle client is back to a full bucket after a minute', async () => {
    let now = 0;
    const l = limiter(2, () => now);
    const a = key('a');
    await l.take(a);
    await l.take(a);
    now += 61_000;
    expect((await l.take(a)).allowed).toBe(true);
    expect((await l.take(a)).allowed).toBe(true);
    expect((await l.take(a)).allowed).toBe(false);
  });
});

describeIfPostgres('the rate limit across replicas (PostgreSQL buckets)', () => {
  it('is one limit per client whichever replica serves it, even for requests at the same moment', async () => {
    const now = () => 1_000_000;
    const [a, b] = [replicaBuckets(), replicaBuckets()].map((store) =>
      createRateLimiter({ perMinute: 10, now, store }),
    );
    const verdicts = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? a! : b!).take('client-1')),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
  });

  it('limits per replica, with one warning, while the database cannot be reached', async () => {
    const { logger, lines } = captureLogger();
    const deadPool = createPool('postgres://nobody:x@127.0.0.1:1/none', silent, { connectTimeoutMs: 500 });
    pools.push(deadPool);
    const l = createRateLimiter({
      perMinute: 2,
      now: () => 0,
      store: createPostgresBuckets(deadPool),
      logger,
    });
    expect((await l.take('c')).allowed).toBe(true);
    expect((await l.take('c')).allowed).toBe(true);
    expect((await l.take('c')).allowed).toBe(false);
    expect(lines().filter((line) => line.msg.startsWith('shared rate limit unavailable'))).toHaveLength(1);
  });
});
