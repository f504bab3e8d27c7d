import type Database from 'better-sqlite3';
import type { AnswerStatus } from '../assistant/answer.js';
import type { SessionState } from '../assistant/ports.js';
import type { FigureKind } from '../knowledge/types.js';
import type { Channel, StoredFeedback, StoredKpiUpdate } from './store.js';

/** The SQL of the store (see migrations.ts for the tables) and the conversions of its rows. */

/** Statuses that count as "unanswered" in the usage report. */
export const UNANSWERED: readonly AnswerStatus[] = ['not_found', 'out_of_scope'];

export interface FeedbackRow {
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

export interface KpiRow {
  id: number;
  at: string;
  kpi_id: string;
  year: number;
  kind: FigureKind;
  value: number | null;
  note: string | null;
  by: string;
}

export function prepareStatements(db: Database.Database) {
  return {
    insertQuestion: db.prepare(
      `INSERT INTO questions (at, channel, user_key, question, status, mode, latency_ms, topic)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertFeedback: db.prepare(
      `INSERT INTO feedback (at, channel, user_key, question_id, question, answer, rating, comment)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    selectNegative: db.prepare(`SELECT * FROM feedback WHERE rating = 'down' ORDER BY id DESC LIMIT ?`),
    insertKpi: db.prepare(
      `INSERT INTO kpi_updates (at, kpi_id, year, kind, value, note, by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    selectKpiAll: db.prepare(`SELECT * FROM kpi_updates ORDER BY id`),
    selectKpiOne: db.prepare(`SELECT * FROM kpi_updates WHERE kpi_id = ? ORDER BY id`),
    selectSession: db.prepare(`SELECT state FROM sessions WHERE id = ?`),
    upsertSession: db.prepare(
      `INSERT INTO sessions (id, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    ),
    perDay: db.prepare(
      `SELECT substr(at, 1, 10) AS day, count(*) AS count FROM questions
       WHERE at >= ? GROUP BY day ORDER BY day`,
    ),
    topTopics: db.prepare(
      `SELECT topic, count(*) AS count FROM questions WHERE at >= ? AND topic IS NOT NULL
       GROUP BY topic ORDER BY count DESC, topic LIMIT ?`,
    ),
    unanswered: db.prepare(
      `SELECT question, status, at FROM questions
       WHERE at >= ? AND status IN (${UNANSWERED.map(() => '?').join(', ')})
       ORDER BY id DESC LIMIT ?`,
    ),
    deleteSessions: db.prepare(`DELETE FROM sessions WHERE updated_at < ?`),
    deleteSession: db.prepare(`DELETE FROM sessions WHERE id = ?`),
    deleteQuestions: db.prepare(`DELETE FROM questions WHERE at < ?`),
    deleteFeedback: db.prepare(`DELETE FROM feedback WHERE at < ?`),
  };
}

export function readSession(row: unknown): SessionState | undefined {
  if (!row) return undefined;
  try {
    return JSON.parse((row as { state: string }).state) as SessionState;
  } catch {
    // A damaged session only loses follow-up context; the user can still ask.
    return undefined;
  }
}

export function toFeedback(r: FeedbackRow): StoredFeedback {
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

export function toKpiUpdate(r: KpiRow): StoredKpiUpdate {
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
