import type { Database } from 'better-sqlite3';

/**
 * Schema migrations, applied in order. `PRAGMA user_version` records how many have run, so a
 * migration is never applied twice. Append new steps; never edit a released one.
 *
 * The tables mirror storage/postgres/migrations.ts line for line in SQLite's types. The two schemas
 * stay literal SQL on purpose: released steps are never edited, the runners differ (user_version
 * here, schema_migrations under an advisory lock there), and generating DDL for two dialects would
 * hide what each database runs. tests/storage checks both stores behave alike.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    channel TEXT NOT NULL,
    user_key TEXT,
    question TEXT NOT NULL,
    status TEXT NOT NULL,
    mode TEXT NOT NULL,
    latency_ms INTEGER NOT NULL,
    topic TEXT
  );
  CREATE INDEX questions_at ON questions (at);
  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    channel TEXT NOT NULL,
    user_key TEXT,
    question_id INTEGER,
    question TEXT NOT NULL,
    answer TEXT,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT
  );
  CREATE INDEX feedback_rating ON feedback (rating, id);
  CREATE TABLE kpi_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    kpi_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('actual', 'target')),
    value REAL,
    note TEXT,
    by TEXT NOT NULL
  );
  CREATE INDEX kpi_updates_kpi ON kpi_updates (kpi_id, id);
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
];

/** Brings the database schema up to date inside one transaction per step. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    const step = MIGRATIONS[version] ?? '';
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
