import type { AnswerStatus } from '../assistant/answer.js';
import type { FigureKind } from '../knowledge/types.js';
import type { SessionState } from '../assistant/ports.js';
import type { RetentionPolicy } from '../config.js';
import type { StoreHealth } from './store-health.js';

export type { StoreHealth } from './store-health.js';

/**
 * What the service persists: SQLite on one machine (sqlite-store.ts), PostgreSQL when several
 * replicas share the state (postgres/postgres-store.ts). Channels write through this interface;
 * user ids are stored only as keyed hashes (see hashUserId). tests/storage/store-contract.ts is
 * the behaviour both backends must show.
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

/** Which engine keeps the data, as /healthz names it. */
export type StoreBackend = 'sqlite' | 'postgresql';

/**
 * Every write either resolves once it is stored or rejects with StorageError: nothing is
 * acknowledged that a restart (or another replica) would not find. Every failure, read or write, is
 * a StorageError and is counted in `health()`.
 */
export interface Store {
  readonly backend: StoreBackend;
  logQuestion(entry: QuestionLogEntry): Promise<number>;
  recordFeedback(entry: FeedbackEntry): Promise<number>;
  latestNegativeFeedback(limit: number): Promise<StoredFeedback[]>;
  usage(days: number): Promise<UsageReport>;
  recordKpiUpdate(update: KpiUpdate): Promise<StoredKpiUpdate>;
  /** All updates, oldest first; filtered by indicator when kpiId is given. */
  kpiUpdates(kpiId?: string): Promise<StoredKpiUpdate[]>;
  /** A chat session (follow-up context), undefined when there is none or it is unreadable. */
  getSession(id: string): Promise<SessionState | undefined>;
  saveSession(id: string, state: SessionState): Promise<void>;
  /** Deletes sessions, logged questions and feedback older than the policy keeps (KPI history stays). */
  prune(policy: RetentionPolicy): Promise<PruneCounts>;
  /**
   * Whether writes are being stored, for /healthz and /metrics. PostgreSQL also asks the server
   * (bounded by a short timeout), so a database that went away shows before the next write fails.
   */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
