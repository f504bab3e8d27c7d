import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { AnswerStatus } from '../assistant/answer.js';
import type { SessionState } from '../assistant/ports.js';
import { StorageError } from '../errors.js';
import type { FigureKind } from '../knowledge/types.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import type {
  Channel,
  FeedbackEntry,
  KpiUpdate,
  QuestionLogEntry,
  Store,
  StoredFeedback,
  StoredKpiUpdate,
  UsageReport,
} from './store.js';

/** Statuses that count as "unanswered" in the usage report. */
const UNANSWERED: readonly AnswerStatus[] = ['not_found', 'out_of_scope'];
const TOP_TOPICS = 10;
const UNANSWERED_LIMIT = 20;

interface FeedbackRow {
  id: number;
  at: string;
  channel: Channel;
  user_key: string | null;
  question_id: number | null;
  question: string;
  answer: string | null;
  rating: 'up' | 'down';
  comment: string | null;
}

interface KpiRow {
  id: number;
  at: string;
  kpi_id: string;
  year: number;
  kind: FigureKind;
  value: number | null;
  note: string | null;
  by: string;
}

/**
 * Opens (creating when missing) the SQLite store at `file`: WAL journal, schema migrated via
 * `PRAGMA user_version`, every write in its own transaction so a crash loses nothing committed.
 * Throws StorageError naming the file when it is not a SQLite database or was written by a newer
 * version of the service.
 */
export function createSqliteStore(file: string): Store {
  const path = resolve(file);
  const db = openDatabase(path);
  const guard = <T>(what: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw new StorageError(`SQLite store ${path}: ${what} failed: ${(error as Error).message}`, {
        cause: error,
        isRetryable: (error as { code?: string }).code === 'SQLITE_BUSY',
      });
    }
  };
  const now = () => new Date().toISOString();

  const insertQuestion = db.prepare(
    `INSERT INTO questions (at, channel, user_key, question, status, mode, latency_ms, topic)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFeedback = db.prepare(
    `INSERT INTO feedback (at, channel, user_key, question_id, question, answer, rating, comment)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectNegative = db.prepare(`SELECT * FROM feedback WHERE rating = 'down' ORDER BY id DESC LIMIT ?`);
  const insertKpi = db.prepare(
    `INSERT INTO kpi_updates (at, kpi_id, year, kind, value, note, by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectKpiAll = db.prepare(`SELECT * FROM kpi_updates ORDER BY id`);
  const selectKpiOne = db.prepare(`SELECT * FROM kpi_updates WHERE kpi_id = ? ORDER BY id`);
  const selectSession = db.prepare(`SELECT state FROM sessions WHERE id = ?`);
  const upsertSession = db.prepare(
    `INSERT INTO sessions (id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const perDay = db.prepare(
    `SELECT substr(at, 1, 10) AS day, count(*) AS count FROM questions
     WHERE at >= ? GROUP BY day ORDER BY day`,
  );
  const topTopics = db.prepare(
    `SELECT topic, count(*) AS count FROM questions WHERE at >= ? AND topic IS NOT NULL
     GROUP BY topic ORDER BY count DESC, topic LIMIT ?`,
  );
  const unanswered = db.prepare(
    `SELECT question, status, at FROM questions
     WHERE at >= ? AND status IN (${UNANSWERED.map(() => '?').join(', ')})
     ORDER BY id DESC LIMIT ?`,
  );

  // Single statements are atomic in SQLite already; the explicit transaction documents the intent
  // and keeps multi-statement writes added later safe.
  const write = <A extends unknown[]>(stmt: Database.Statement<A>) =>
    db.transaction((...args: A) => stmt.run(...args));

  const store: Store = {
    logQuestion: (e: QuestionLogEntry) =>
      guard('logQuestion', () => {
        const info = write(insertQuestion)(
          now(),
          e.channel,
          e.userKey ?? null,
          e.question,
          e.status,
          e.mode,
          Math.round(e.latencyMs),
          e.topic ?? null,
        );
        return Number(info.lastInsertRowid);
      }),
    recordFeedback: (e: FeedbackEntry) =>
      guard('recordFeedback', () => {
        const info = write(insertFeedback)(
          now(),
          e.channel,
          e.userKey ?? null,
          e.questionId ?? null,
          e.question,
          e.answer ?? null,
          e.rating,
          e.comment ?? null,
        );
        return Number(info.lastInsertRowid);
      }),
    latestNegativeFeedback: (limit: number) =>
      guard('latestNegativeFeedback', () => (selectNegative.all(limit) as FeedbackRow[]).map(toFeedback)),
    usage: (days: number) => guard('usage', () => usageReport(days)),
    recordKpiUpdate: (u: KpiUpdate) =>
      guard('recordKpiUpdate', () => {
        const at = now();
        const info = write(insertKpi)(at, u.kpiId, u.year, u.kind, u.value, u.note ?? null, u.by);
        return { ...u, id: Number(info.lastInsertRowid), at };
      }),
    kpiUpdates: (kpiId?: string) =>
      guard('kpiUpdates', () =>
        ((kpiId === undefined ? selectKpiAll.all() : selectKpiOne.all(kpiId)) as KpiRow[]).map(toKpiUpdate),
      ),
    get: (id: string) => guard('session get', () => readSession(selectSession.get(id))),
    set: (id: string, state: SessionState) =>
      guard('session set', () => {
        write(upsertSession)(id, JSON.stringify(state), now());
      }),
    close: () => {
      if (db.open) db.close();
    },
  };
  return store;

  function usageReport(days: number): UsageReport {
    const since = new Date(Date.now() - Math.max(1, days) * 86_400_000).toISOString();
    return {
      perDay: perDay.all(since) as { day: string; count: number }[],
      topTopics: topTopics.all(since, TOP_TOPICS) as { topic: string; count: number }[],
      unanswered: unanswered.all(since, ...UNANSWERED, UNANSWERED_LIMIT) as UsageReport['unanswered'],
    };
  }
}

function openDatabase(path: string): Database.Database {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new StorageError(
      `Cannot create the folder for the SQLite store ${path}: ${(error as Error).message}. Check DATA_DIR and its permissions.`,
      { cause: error },
    );
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed write survives a crash of this process (tested with SIGKILL);
    // only an OS crash or power loss can lose the last transactions. FULL would fsync every write
    // and stall the event loop under load.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StorageError(
        `SQLite store ${path} has schema version ${version}, newer than this service understands (${SCHEMA_VERSION}). Upgrade the service or point DATA_DIR elsewhere.`,
      );
    }
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StorageError) throw error;
    throw new StorageError(
      `${path} is not a usable SQLite database (${(error as Error).message}). Move the file away (e.g. rename it to ${path}.bad) and restart; a new empty store will be created.`,
      { cause: error },
    );
  }
}

function readSession(row: unknown): SessionState | undefined {
  if (!row) return undefined;
  try {
    return JSON.parse((row as { state: string }).state) as SessionState;
  } catch {
    // A damaged session only loses follow-up context; the user can still ask.
    return undefined;
  }
}

function toFeedback(r: FeedbackRow): StoredFeedback {
  return {
    id: r.id,
    at: r.at,
    channel: r.channel,
    question: r.question,
    rating: r.rating,
    ...(r.user_key !== null && { userKey: r.user_key }),
    ...(r.question_id !== null && { questionId: r.question_id }),
    ...(r.answer !== null && { answer: r.answer }),
    ...(r.comment !== null && { comment: r.comment }),
  };
}

function toKpiUpdate(r: KpiRow): StoredKpiUpdate {
  return {
    id: r.id,
    at: r.at,
    kpiId: r.kpi_id,
    year: r.year,
    kind: r.kind,
    value: r.value,
    by: r.by,
    ...(r.note !== null && { note: r.note }),
  };
}
