import type { AnswerStatus } from '../assistant/answer.js';
import type { FigureKind } from '../knowledge/types.js';
import type { Channel, FeedbackEntry, QuestionLogEntry, StoredFeedback, StoredKpiUpdate } from './store.js';

/**
 * Rows as both backends return them (same column names; timestamps as ISO strings, ids as
 * numbers) and their conversion to what the Store returns, so SQLite and PostgreSQL cannot drift.
 */

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

/**
 * The values of an insert into `questions`, in the column order both backends' statements use
 * (at, channel, user_key, question, status, mode, latency_ms, topic). `at` is what the backend
 * stores: an ISO string for SQLite, a Date for PostgreSQL.
 */
export function questionValues<At>(at: At, e: QuestionLogEntry): [At, ...(string | number | null)[]] {
  return [
    at,
    e.channel,
    e.userKey ?? null,
    e.question,
    e.status,
    e.mode,
    Math.round(e.latencyMs),
    e.topic ?? null,
  ];
}

/**
 * The values of an insert into `feedback`, in column order (at, channel, user_key, question_id,
 * question, answer, rating, comment).
 */
export function feedbackValues<At>(at: At, e: FeedbackEntry): [At, ...(string | number | null)[]] {
  return [
    at,
    e.channel,
    e.userKey ?? null,
    e.questionId ?? null,
    e.question,
    e.answer ?? null,
    e.rating,
    e.comment ?? null,
  ];
}
