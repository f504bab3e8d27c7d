import type { StoreBackend } from './store.js';

/**
 * Whether the store can save what the service is asked to keep. A failing write never costs a user
 * an answer (sessions and the question log are best effort), so the failure has to show somewhere
 * else: /healthz reports `degraded` with the problem, /metrics counts failures per operation.
 */
export interface StoreHealth {
  /** The engine behind the store. */
  backend: StoreBackend;
  /** PostgreSQL only: whether the server answered a ping just now. */
  reachable?: boolean;
  /** False from a failed write until a write succeeds again; false for good when the database could not be opened. */
  writable: boolean;
  /** What is wrong, in a few words (no paths: /healthz is public). */
  problem?: string;
  /** The full message with the file and how to fix it, for the log only. */
  detail?: string;
  /** Failed operations since start, by operation (`session set`, `logQuestion`, …). */
  failures: Record<string, number>;
}

export interface HealthTracker {
  health(): StoreHealth;
  /** A write went through: the store is writable (again). */
  wrote(): void;
  /** An operation failed with `problem`; a failed write makes the store unwritable. */
  failed(operation: string, problem: string, write: boolean, detail?: string): void;
}

export function createHealthTracker(backend: StoreBackend): HealthTracker {
  let writable = true;
  let problem: { what: string; detail: string | undefined } | undefined;
  const failures: Record<string, number> = {};
  return {
    health: () => ({
      backend,
      writable,
      ...(problem && { problem: problem.what }),
      ...(problem?.detail !== undefined && { detail: problem.detail }),
      failures: { ...failures },
    }),
    wrote() {
      writable = true;
      problem = undefined;
    },
    failed(operation, what, write, detail) {
      failures[operation] = (failures[operation] ?? 0) + 1;
      if (!write) return;
      writable = false;
      problem = { what, detail };
    },
  };
}

/** A SQLite or file-system error in a few words, for StoreHealth.problem. */
export function describeStorageFailure(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return 'the database or its folder is read-only';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'the disk is full';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'the database is locked by another process';
  if (code === 'SQLITE_CANTOPEN') return 'the database file cannot be opened';
  return 'a database write failed';
}
