import { UNANSWERED } from '../rows.js';

/** The SQL of the PostgreSQL store (see migrations.ts for the tables); rows.ts converts its rows. */
export const SQL = {
  insertQuestion: `INSERT INTO questions (at, channel, user_key, question, status, mode, latency_ms, topic)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
  insertFeedback: `INSERT INTO feedback (at, channel, user_key, question_id, question, answer, rating, comment)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
  selectNegative: `SELECT * FROM feedback WHERE rating = 'down' ORDER BY id DESC LIMIT $1`,
  insertKpi: `INSERT INTO kpi_updates (at, kpi_id, year, kind, value, note, by)
    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
  selectKpiAll: `SELECT * FROM kpi_updates ORDER BY id`,
  selectKpiOne: `SELECT * FROM kpi_updates WHERE kpi_id = $1 ORDER BY id`,
  selectSession: `SELECT state FROM sessions WHERE id = $1`,
  upsertSession: `INSERT INTO sessions (id, state, updated_at) VALUES ($1, $2, $3)
    ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  perDay: `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS count FROM questions
    WHERE at >= $1 GROUP BY day ORDER BY day`,
  topTopics: `SELECT topic, count(*) AS count FROM questions WHERE at >= $1 AND topic IS NOT NULL
    GROUP BY topic ORDER BY count DESC, topic LIMIT $2`,
  unanswered: `SELECT question, status, at FROM questions WHERE at >= $1 AND status = ANY($2)
    ORDER BY id DESC LIMIT $3`,
  deleteSessions: `DELETE FROM sessions WHERE updated_at < $1`,
  deleteQuestions: `DELETE FROM questions WHERE at < $1`,
  deleteFeedback: `DELETE FROM feedback WHERE at < $1`,
  /** Bumps a topic's version and tells every listening replica, on commit (change-feed.ts). */
  bumpVersion: `WITH bumped AS (
      UPDATE change_versions SET version = version + 1 WHERE topic = $1 RETURNING topic, version)
    SELECT version, pg_notify('assistant_changes', json_build_object('topic', topic, 'version', version, 'origin', $2::text)::text)
    FROM bumped`,
  selectVersions: `SELECT topic, version FROM change_versions`,
} as const;

export const UNANSWERED_STATUSES: string[] = [...UNANSWERED];

/** The shared Telegram inbox (update-inbox.ts); adding tells the leader, on commit. */
export const INBOX_SQL = {
  add: `WITH added AS (
      INSERT INTO telegram_updates (update_id, chat_key, payload)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::jsonb[])
      ON CONFLICT (update_id) DO NOTHING RETURNING update_id)
    SELECT pg_notify('assistant_changes', json_build_object('topic', 'telegram-updates', 'origin', $4::text)::text)
    FROM (SELECT count(*) AS n FROM added) AS c WHERE c.n > 0`,
  pending: `SELECT payload FROM telegram_updates WHERE handled_at IS NULL AND NOT (update_id = ANY($1::bigint[]))
    ORDER BY update_id LIMIT 500`,
  markHandled: `UPDATE telegram_updates SET handled_at = now() WHERE update_id = $1`,
  prune: `DELETE FROM telegram_updates WHERE handled_at < now() - interval '2 days'`,
} as const;
