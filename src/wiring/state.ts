import type { Logger } from '../logger.js';
import type { ChangeFeed } from '../storage/change-feed.js';
import { createKpiMirror, withKpiMirror, type KpiMirror } from '../storage/kpi-mirror.js';
import type { Store } from '../storage/store.js';
import { createStoredSessions, type StoredSessions } from '../storage/stored-sessions.js';

/** The store as the service uses it: channels write through `store`, the core reads the rest. */
export interface ServiceState {
  /** The backend, with KPI writes that resolve once the mirror shows them. */
  store: Store;
  /** Staff KPI updates for the knowledge tools (synchronous reads). */
  kpis: KpiMirror;
  /** Chat sessions for the assistant (synchronous reads, saved to the store around each question). */
  sessions: StoredSessions;
}

/**
 * Wraps `backend` for the service; resolves once the KPI history is loaded (or found unreadable).
 * With `changes`, the KPI mirror also reloads when another replica records an update.
 */
export async function createServiceState(
  backend: Store,
  logger: Logger,
  changes?: ChangeFeed,
): Promise<ServiceState> {
  const kpis = createKpiMirror(backend, logger);
  changes?.on('kpi', kpis.refresh);
  await kpis.refresh();
  return { store: withKpiMirror(backend, kpis), kpis, sessions: createStoredSessions(backend, logger) };
}
