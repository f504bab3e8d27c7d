import pg from 'pg';
import { StorageError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { scrubSecret } from '../../logger.js';

export interface PoolOptions {
  /** Most connections this replica opens for queries (LISTEN and the Telegram lock take one more each). */
  max?: number;
  /** How long a write waits for a lock another session holds before it fails (PostgreSQL lock_timeout). */
  lockTimeoutMs?: number;
  /** How long to wait for a connection before a query fails. */
  connectTimeoutMs?: number;
}

const parseTimestamp = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (value: string) => Date;

/**
 * Rows come back as the SQLite store returns them (rows.ts): bigint ids as numbers (a question log
 * would need 2^53 rows to lose precision) and timestamps as ISO strings with milliseconds.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === pg.types.builtins.INT8) return Number;
    if (oid === pg.types.builtins.TIMESTAMPTZ) return (value: string) => parseTimestamp(value).toISOString();
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** The connection settings every client of this service uses (pool, LISTEN, Telegram lock). */
export function clientConfig(url: string, options: PoolOptions = {}): pg.ClientConfig {
  return {
    connectionString: url,
    types,
    application_name: 'veterans-assistant',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    lock_timeout: options.lockTimeoutMs ?? 5000,
    // A query the server never answers (a hung disk, a network black hole) must not hold a request
    // for ever: answers go on without the store, writes are refused.
    query_timeout: 30_000,
    keepAlive: true,
  };
}

/**
 * A pool on DATABASE_URL. Errors of idle connections (the server restarted, the network dropped)
 * are logged, not thrown: the next query opens a new connection, and until then the store reports
 * what fails.
 */
export function createPool(url: string, logger: Logger, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    ...clientConfig(url, options),
    max: options.max ?? 10,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) =>
    logger.warn(
      { err: redactUrl(error.message, url) },
      'PostgreSQL connection lost; the next query reconnects',
    ),
  );
  return pool;
}

/** `postgres://user@host:port/db`: the URL without its password, for logs and messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

/** `text` without the password of `url`, should a library message ever quote it. */
export function redactUrl(text: string, url: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return text;
  }
  return scrubSecret(scrubSecret(text, url), password);
}

/**
 * Checks at start that the server answers on `url`. Throws StorageError saying which server could
 * not be reached and how to fix it: a replica never falls back to a local SQLite file, where its
 * writes would be invisible to the others.
 */
export async function requireReachable(pool: pg.Pool, url: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    const reason = redactUrl((error as Error).message || String((error as { code?: string }).code), url);
    throw new StorageError(
      `DATABASE_URL: cannot reach PostgreSQL at ${describeDatabaseUrl(url)} (${reason}). Check that the server runs, that the address, database, user and password in DATABASE_URL are right, and that pg_hba.conf lets this host in; or unset DATABASE_URL to keep data in the SQLite file under DATA_DIR (one replica only).`,
      { cause: error },
    );
  }
}
