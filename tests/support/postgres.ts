import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

/**
 * The PostgreSQL the tests use: a role that may create databases, on 127.0.0.1. `.ci/run` starts the
 * machine's PostgreSQL and creates this role; elsewhere set TEST_DATABASE_URL. The password is a
 * throwaway for a loopback-only test role, not a secret of any deployment.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://assistant_test:assistant_test@127.0.0.1:5432/assistant_test';

const HOW_TO_START = `Start it and create the role as .ci/run does (pg_ctlcluster 15 main start; CREATE ROLE assistant_test LOGIN CREATEDB PASSWORD 'assistant_test'), or set TEST_DATABASE_URL.`;
const shownUrl = () => TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@');

/**
 * Whether the PostgreSQL tests run. With TEST_DATABASE_URL set (CI sets it) they always run, and
 * fail loudly when the server is not there. Without it, on a developer's machine, they run when
 * PostgreSQL answers at the default address and are skipped, with a message saying so, when it
 * does not: `npm test` needs no database, as the README's quick start promises.
 */
export const POSTGRES_TESTS_RUN: boolean =
  process.env.TEST_DATABASE_URL !== undefined || (await answers(TEST_DATABASE_URL));

if (!POSTGRES_TESTS_RUN)
  process.stderr.write(
    `\n!! PostgreSQL tests SKIPPED: no server at ${shownUrl()} and TEST_DATABASE_URL is not set. ${HOW_TO_START} CI sets TEST_DATABASE_URL and never skips them.\n\n`,
  );

/** `describe` for tests that need PostgreSQL (see POSTGRES_TESTS_RUN). */
export const describeIfPostgres = POSTGRES_TESTS_RUN ? describe : describe.skip;

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  /** DATABASE_URL of the new, empty database. */
  url: string;
  name: string;
  /** Runs SQL as the test role on the test database (what an operator or another process would do). */
  admin: pg.Pool;
  /** Runs SQL on the server's maintenance database, for what cannot be done from inside this one. */
  onServer(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test (file), dropped by `drop()` even while replicas are still
 * connected. Fails loudly when PostgreSQL is not there (the tests calling it were not skipped).
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await server.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL tests need a server at ${shownUrl()} (${(error as Error).message}). ${HOW_TO_START}`,
    );
  }
  const name = `va_${label.replace(/\W/g, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  try {
    await server.query(`CREATE DATABASE ${name}`);
  } finally {
    await server.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const admin = new pg.Pool({ connectionString: url.toString(), max: 2 });
  admin.on('error', () => undefined);
  return {
    url: url.toString(),
    name,
    admin,
    async onServer(sql, params) {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        return await client.query(sql, params);
      } finally {
        await client.end();
      }
    },
    async drop() {
      await admin.end().catch(() => undefined);
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
