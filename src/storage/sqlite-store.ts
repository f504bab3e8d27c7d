import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { SessionState } from '../assistant/ports.js';
import type { RetentionPolicy } from '../config.js';
import { StorageError } from '../errors.js';
import { watchFileIdentity } from './file-identity.js';
import { openDatabase, probeWrite, StorageUnavailableError } from './open-database.js';
import { retentionCutoffs } from './retention.js';
import { createHealthTracker, describeStorageFailure, type HealthTracker } from './store-health.js';
import { prepareStatements, readSession } from './sqlite-statements.js';
import {
  feedbackValues,
  questionValues,
  toFeedback,
  toKpiUpdate,
  UNANSWERED,
  type FeedbackRow,
  type KpiRow,
} from './rows.js';
import type { FeedbackEntry, KpiUpdate, PruneCounts, QuestionLogEntry, Store, UsageReport } from './store.js';
import { createUnavailableStore } from './unavailable-store.js';

const TOP_TOPICS = 10;
const UNANSWERED_LIMIT = 20;

export interface SqliteStoreOptions {
  /** The clock for row timestamps and retention (tests inject one). */
  now?: () => Date;
  /** How long a write waits for another process's lock before failing (SQLite busy_timeout). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating when missing) the SQLite store at `file`: WAL journal, schema migrated via
 * `PRAGMA user_version`, every write in its own transaction so a crash loses nothing committed.
 * better-sqlite3 is synchronous; the methods return promises only to share the Store interface
 * with PostgreSQL.
 * A write that cannot be stored throws StorageError (read-only, full or locked database; the file
 * deleted or replaced while running) and is counted in `health()`; a write is tried at open, so
 * health shows an unwritable database from the start. When the data folder or database cannot be
 * opened at all, a store that refuses every write is returned (answers keep working; see
 * unavailable-store.ts). Throws StorageError naming the file when it is not a SQLite database or
 * was written by a newer version of the service.
 */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  const path = resolve(file);
  let db: Database.Database;
  try {
    db = openDatabase(path, options.busyTimeoutMs ?? 5000);
  } catch (error) {
    if (error instanceof StorageUnavailableError) return createUnavailableStore(error.problem, error.message);
    throw error;
  }
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const tracker = createHealthTracker('sqlite');
  const { read, write } = createGuards(db, path, tracker);

  const statements = prepareStatements(db);
  const store: Store = {
    backend: 'sqlite',
    logQuestion: (e: QuestionLogEntry) =>
      write('logQuestion', () => {
        const info = statements.insertQuestion.run(...questionValues(now(), e));
        return Number(info.lastInsertRowid);
      }),
    recordFeedback: (e: FeedbackEntry) =>
      write('recordFeedback', () => {
        const info = statements.insertFeedback.run(...feedbackValues(now(), e));
        return Number(info.lastInsertRowid);
      }),
    latestNegativeFeedback: (limit: number) =>
      read('latestNegativeFeedback', () =>
        (statements.selectNegative.all(limit) as FeedbackRow[]).map(toFeedback),
      ),
    usage: (days: number) => read('usage', () => usageReport(days)),
    recordKpiUpdate: (u: KpiUpdate) =>
      write('recordKpiUpdate', () => {
        const at = now();
        const info = statements.insertKpi.run(at, u.kpiId, u.year, u.kind, u.value, u.note ?? null, u.by);
        return { ...u, id: Number(info.lastInsertRowid), at };
      }),
    kpiUpdates: (kpiId?: string) =>
      read('kpiUpdates', () =>
        (
          (kpiId === undefined
            ? statements.selectKpiAll.all()
            : statements.selectKpiOne.all(kpiId)) as KpiRow[]
        ).map(toKpiUpdate),
      ),
    getSession: (id: string) => read('session get', () => readSession(statements.selectSession.get(id))),
    saveSession: (id: string, state: SessionState) =>
      write('session set', () => {
        statements.upsertSession.run(id, JSON.stringify(state), now());
      }),
    prune: (policy: RetentionPolicy) => write('prune', () => prune(policy)),
    health: async () => tracker.health(),
    close: async () => {
      if (db.open) db.close();
    },
  };
  return store;

  function prune(policy: RetentionPolicy): PruneCounts {
    const cutoff = retentionCutoffs(policy, clock());
    const before = (stmt: Database.Statement, at: string | undefined) => (at ? stmt.run(at).changes : 0);
    return {
      sessions: before(statements.deleteSessions, cutoff.sessions),
      questions: before(statements.deleteQuestions, cutoff.questions),
      feedback: before(statements.deleteFeedback, cutoff.feedback),
    };
  }

  function usageReport(days: number): UsageReport {
    const since = new Date(clock().getTime() - Math.max(1, days) * 86_400_000).toISOString();
    return {
      perDay: statements.perDay.all(since) as { day: string; count: number }[],
      topTopics: statements.topTopics.all(since, TOP_TOPICS) as { topic: string; count: number }[],
      unanswered: statements.unanswered.all(
        since,
        ...UNANSWERED,
        UNANSWERED_LIMIT,
      ) as UsageReport['unanswered'],
    };
  }
}

/**
 * Runs store operations: a failure becomes a StorageError naming the file and is counted in the
 * health tracker; a write first checks that the file opened is still the one at `path`, and runs in
 * its own transaction. A write is tried once here, so an unwritable database shows from the start.
 */
function createGuards(db: Database.Database, path: string, tracker: HealthTracker) {
  const identity = watchFileIdentity(path);
  const fail = (
    operation: string,
    error: unknown,
    write: boolean,
    problem = describeStorageFailure(error),
  ) => {
    const message = `SQLite store ${path}: ${operation} failed: ${(error as Error).message}`;
    tracker.failed(operation, problem, write, message);
    return new StorageError(message, { cause: error });
  };
  const read = async <T>(operation: string, fn: () => T): Promise<T> => {
    try {
      return fn();
    } catch (error) {
      throw fail(operation, error, false);
    }
  };
  const write = async <T>(operation: string, fn: () => T): Promise<T> => {
    const moved = identity.problem();
    if (moved !== undefined) {
      const error = new Error(
        `${moved}, so this write was not stored. Restart the service to open ${path} again (restore it from a backup first if it was deleted by mistake).`,
      );
      throw fail(operation, error, true, moved);
    }
    try {
      // Single statements are atomic in SQLite already; the explicit transaction documents the
      // intent and keeps multi-statement writes added later safe.
      const result = db.transaction(fn)();
      tracker.wrote();
      return result;
    } catch (error) {
      throw fail(operation, error, true);
    }
  };
  const startProblem = probeWrite(db);
  if (startProblem !== undefined) fail('write test at start', startProblem, true);
  return { read, write };
}
