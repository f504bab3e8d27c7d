import type { Logger } from '../logger.js';
import type { Store, StoredKpiUpdate } from './store.js';

/**
 * Staff KPI updates as the knowledge tools read them: synchronously, on every figure lookup. The
 * mirror holds the store's history in memory; it is reloaded after every write made through this
 * process (see withKpiMirror) and, with several replicas, whenever another replica announces one
 * (change-feed.ts). A reload that fails keeps the last history it had: figures may be stale
 * while the database is away, never empty.
 */
export interface KpiMirror {
  /** The history as last loaded, oldest first. */
  current(): StoredKpiUpdate[];
  /** Loads the history again; concurrent calls share one load, and one more runs if asked meanwhile. */
  refresh(): Promise<void>;
}

export function createKpiMirror(store: Pick<Store, 'kpiUpdates'>, logger: Logger): KpiMirror {
  let updates: StoredKpiUpdate[] = [];
  let running: Promise<void> | undefined;
  let again: Promise<void> | undefined;

  const load = async () => {
    try {
      updates = await store.kpiUpdates();
    } catch (error) {
      logger.warn(
        { err: (error as Error).message },
        'could not reload staff KPI updates; keeping the last ones',
      );
    }
  };

  function refresh(): Promise<void> {
    if (!running) {
      running = load().finally(() => (running = undefined));
      return running;
    }
    // A load is under way but may have read before the change that asks for this one.
    again ??= running.then(() => {
      again = undefined;
      return refresh();
    });
    return again;
  }

  return { current: () => updates, refresh };
}

/**
 * `store` whose KPI writes resolve only once `mirror` shows them, so the replica that took an
 * update answers with it at once (read-your-writes); other replicas follow through the change feed.
 */
export function withKpiMirror(store: Store, mirror: KpiMirror): Store {
  return {
    ...store,
    async recordKpiUpdate(update) {
      const stored = await store.recordKpiUpdate(update);
      await mirror.refresh();
      return stored;
    },
  };
}
