import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL the tests use: a role that may create databases, on 127.0.0.1. `.ci/run` starts the
 * machine's PostgreSQL and creates this role; elsewhere set TEST_DATABASE_URL. The password is a
 * throwaway for a loopback-only test role, not a secret of any deployment.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://assistant_test:assistant_test@127.0.0.1:5432/assistant_test';

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
 * connected. Fails loudly when PostgreSQL is not there: these tests never skip.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await server.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL tests need a server at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}). Start it and create the role as .ci/run does (pg_ctlcluster 15 main start; CREATE ROLE assistant_test LOGIN CREATEDB PASSWORD 'assistant_test'), or set TEST_DATABASE_URL.`,
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
