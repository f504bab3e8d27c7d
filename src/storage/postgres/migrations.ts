import type pg from 'pg';
import { StorageError } from '../../errors.js';
import { LOCKS } from './lock-keys.js';

/**
 * Schema migrations of the PostgreSQL store, applied in order; `schema_migrations` records each
 * version applied. Append new steps; never edit a released one. Every replica migrates at start
 * (under an advisory lock, so replicas starting together migrate once); operators can run
 * `npm run db:migrate` first. Steps must keep the previous release working, since replicas are
 * restarted one at a time: add tables and columns, never drop or rename in the same release.
 * The tables mirror storage/migrations.ts (SQLite) on purpose; see the note there.
 */
const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'questions, feedback, KPI updates, sessions',
    sql: `
    CREATE TABLE questions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      channel text NOT NULL,
      user_key text,
      question text NOT NULL,
      status text NOT NULL,
      mode text NOT NULL,
      latency_ms integer NOT NULL,
      topic text
    );
    CREATE INDEX questions_at ON questions (at);
    CREATE TABLE feedback (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      channel text NOT NULL,
      user_key text,
      question_id bigint,
      question text NOT NULL,
      answer text,
      rating text NOT NULL CHECK (rating IN ('up', 'down')),
      comment text
    );
    CREATE INDEX feedback_rating ON feedback (rating, id);
    CREATE INDEX feedback_at ON feedback (at);
    CREATE TABLE kpi_updates (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      kpi_id text NOT NULL,
      year integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('actual', 'target')),
      value double precision,
      note text,
      by text NOT NULL
    );
    CREATE INDEX kpi_updates_kpi ON kpi_updates (kpi_id, id);
    CREATE TABLE sessions (
      id text PRIMARY KEY,
      state jsonb NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_updated_at ON sessions (updated_at);
    `,
  },
  {
    version: 2,
    name: 'change versions, shared rate limits, Telegram update claims',
    sql: `
    CREATE TABLE change_versions (
      topic text PRIMARY KEY,
      version bigint NOT NULL
    );
    INSERT INTO change_versions (topic, version) VALUES ('kpi', 0), ('knowledge', 0);
    CREATE TABLE rate_buckets (
      key text PRIMARY KEY,
      tokens double precision NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX rate_buckets_at ON rate_buckets (at);
    CREATE TABLE telegram_updates (
      update_id bigint PRIMARY KEY,
      chat_key text NOT NULL,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      handled_at timestamptz
    );
    CREATE INDEX telegram_updates_unhandled ON telegram_updates (update_id) WHERE handled_at IS NULL;
    CREATE INDEX telegram_updates_received_at ON telegram_updates (received_at);
    `,
  },
];

/** The schema version this code writes. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Brings the schema up to date in one transaction (PostgreSQL's DDL is transactional: a failed
 * step leaves the database as it was). Resolves the versions applied now. Throws StorageError when
 * the database has a newer schema than this code knows: an older replica must not write into it.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...LOCKS.migrations]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const current = await schemaVersion(client);
    if (current > POSTGRES_SCHEMA_VERSION) {
      throw new StorageError(
        `The PostgreSQL database has schema version ${current}, newer than this service understands (${POSTGRES_SCHEMA_VERSION}). Upgrade this replica to the release the others run.`,
      );
    }
    const applied: number[] = [];
    for (const step of MIGRATIONS.filter((m) => m.version > current)) {
      await client.query(step.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        step.version,
        step.name,
      ]);
      applied.push(step.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The highest migration applied, 0 for an empty database. */
export async function schemaVersion(client: Pick<pg.ClientBase, 'query'>): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM schema_migrations`,
  );
  return rows[0]?.version ?? 0;
}
