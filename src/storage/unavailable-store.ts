import { StorageError } from '../errors.js';
import { createHealthTracker } from './store-health.js';
import type { Store } from './store.js';

/**
 * The store when the database cannot be opened at all (a read-only or full data folder, missing
 * permissions): the service still answers, and nothing is pretended. Every write and every admin
 * read throws StorageError; sessions read as empty (no follow-up context) and staff KPI updates as
 * none, so figures come from the documents until DATA_DIR is fixed — the start warning says so.
 */
export function createUnavailableStore(problem: string, detail: string): Store {
  const tracker = createHealthTracker('sqlite');
  tracker.failed('open', problem, true, detail);
  const refuse = async (operation: string): Promise<never> => {
    tracker.failed(operation, problem, true, detail);
    throw new StorageError(`${detail} (${operation} was not stored)`);
  };
  return {
    backend: 'sqlite',
    logQuestion: () => refuse('logQuestion'),
    recordFeedback: () => refuse('recordFeedback'),
    recordKpiUpdate: () => refuse('recordKpiUpdate'),
    saveSession: () => refuse('session set'),
    prune: () => refuse('prune'),
    latestNegativeFeedback: () => refuse('latestNegativeFeedback'),
    usage: () => refuse('usage'),
    getSession: async () => undefined,
    kpiUpdates: async () => [],
    health: async () => tracker.health(),
    close: async () => undefined,
  };
}
