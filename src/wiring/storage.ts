import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createLocalChangeFeed, type ChangeFeed } from '../storage/change-feed.js';
import { createPostgresChangeFeed } from '../storage/postgres/change-feed.js';
import { migratePostgres } from '../storage/postgres/migrations.js';
import { createPool, describeDatabaseUrl, requireReachable } from '../storage/postgres/pool.js';
import { createPostgresStore } from '../storage/postgres/postgres-store.js';
import { createSqliteStore } from '../storage/sqlite-store.js';
import type { Store } from '../storage/store.js';

/** Where the service keeps its state, opened: the store, the change feed, and the PostgreSQL pool. */
export interface OpenedStorage {
  store: Store;
  changes: ChangeFeed;
  /** This process's name among the replicas (logs, change notifications). */
  replica: string;
  /** PostgreSQL only: the pool and URL other parts share (rate limits, Telegram coordination). */
  postgres: { pool: pg.Pool; url: string } | undefined;
}

/**
 * Opens the store the configuration names. With DATABASE_URL: PostgreSQL, which must answer and is
 * migrated before anything is served — an unreachable server stops the start with a message saying
 * how to fix it (StorageError), never a silent fall-back to a SQLite file the other replicas cannot
 * see. Without it: the SQLite file in DATA_DIR, which keeps answering even when it cannot be written.
 */
export async function openStorage(
  config: Pick<Config, 'database' | 'paths'>,
  logger: Logger,
  options: { versionCheckMs?: number } = {},
): Promise<OpenedStorage> {
  const replica = `${process.pid}-${randomBytes(3).toString('hex')}`;
  if (config.database === undefined) {
    const store = createSqliteStore(path.join(config.paths.dataDir, 'assistant.db'));
    await warnIfNotWritable(store, config.paths.dataDir, logger);
    return { store, changes: createLocalChangeFeed(), replica, postgres: undefined };
  }
  const { url, poolSize } = config.database;
  const pool = createPool(url, logger, { max: poolSize });
  try {
    await requireReachable(pool, url);
    const applied = await migratePostgres(pool);
    if (applied.length > 0) logger.info({ versions: applied }, 'PostgreSQL schema migrated');
    const changes = await createPostgresChangeFeed({ url, pool, logger, origin: replica, ...options });
    logger.info(
      { database: describeDatabaseUrl(url), replica },
      'state in PostgreSQL, shared with the other replicas',
    );
    return {
      store: createPostgresStore(pool, { origin: replica }),
      changes,
      replica,
      postgres: { pool, url },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

/** Says at start, once, what a data folder that cannot be written means and how to fix it. */
async function warnIfNotWritable(store: Store, dataDir: string, logger: Logger): Promise<void> {
  const { writable, problem, detail } = await store.health();
  if (writable) return;
  logger.warn(
    { dataDir: path.resolve(dataDir), problem, detail },
    `DATA_DIR ${path.resolve(dataDir)} is not writable (${problem}): answers still work, but feedback, staff figure updates, the question log and chat follow-ups are not saved (and staff updates saved there may not show) until the service's user can write to it. /healthz reports "degraded" meanwhile.`,
  );
}
