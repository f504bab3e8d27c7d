import type { AnswerStatus } from '../assistant/answer.js';
import type { FigureKind } from '../knowledge/types.js';
import type { SessionStore } from '../assistant/ports.js';
import type { RetentionPolicy } from '../config.js';
import type { StoreHealth } from './store-health.js';

export type { StoreHealth } from './store-health.js';

/**
 * What the service persists (SQLite in production, see sqlite-store.ts). Channels write through
 * this interface; user ids are stored only as keyed hashes (see hashUserId).
 */
export type Channel = 'telegram' | 'http' | 'cli';

export interface QuestionLogEntry {
  channel: Channel;
  /** Keyed hash of the user id, never the raw id. */
  userKey?: string;
  question: string;
  status: AnswerStatus;
  mode: 'offline' | 'llm';
  latencyMs: number;
  topic?: string;
}

export interface FeedbackEntry {
  channel: Channel;
  userKey?: string;
  /** Id returned by logQuestion, when the feedback refers to a logged answer. */
  questionId?: number;
  question: string;
  answer?: string;
  rating: 'up' | 'down';
  comment?: string;
}

export interface StoredFeedback extends FeedbackEntry {
  id: number;
  at: string;
}

export interface KpiUpdate {
  kpiId: string;
  year: number;
  kind: FigureKind;
  /** null records the value as 未公开 (not disclosed). */
  value: number | null;
  note?: string;
  /** Who recorded it, e.g. `telegram:<hash>` or `admin-api`. */
  by: string;
}

export interface StoredKpiUpdate extends KpiUpdate {
  id: number;
  at: string;
}

export interface UsageReport {
  perDay: { day: string; count: number }[];
  topTopics: { topic: string; count: number }[];
  unanswered: { question: string; status: AnswerStatus; at: string }[];
}

/** Rows deleted by one prune. */
export interface PruneCounts {
  sessions: number;
  questions: number;
  feedback: number;
}

/**
 * Every write either returns once it is stored or throws StorageError: nothing is acknowledged
 * that a restart would not find.
 */
export interface Store extends SessionStore {
  logQuestion(entry: QuestionLogEntry): number;
  recordFeedback(entry: FeedbackEntry): number;
  latestNegativeFeedback(limit: number): StoredFeedback[];
  usage(days: number): UsageReport;
  recordKpiUpdate(update: KpiUpdate): StoredKpiUpdate;
  /** All updates, oldest first; filtered by indicator when kpiId is given. */
  kpiUpdates(kpiId?: string): StoredKpiUpdate[];
  /** Deletes sessions, logged questions and feedback older than the policy keeps (KPI history stays). */
  prune(policy: RetentionPolicy): PruneCounts;
  /** Whether writes are being stored, for /healthz and /metrics. */
  health(): StoreHealth;
  close(): void;
}
