import type Database from 'better-sqlite3';
import type { SessionState } from '../assistant/ports.js';
import { UNANSWERED } from './rows.js';

/** The SQL of the SQLite store (see migrations.ts for the tables); rows.ts converts its rows. */

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
