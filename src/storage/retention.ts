import type { RetentionPolicy } from '../config.js';
import type { Logger } from '../logger.js';
import type { PruneCounts, Store } from './store.js';

const DAY_MS = 86_400_000;
/** Pruning runs at start and then hourly: sessions expire by the day, so an hour late is fine. */
export const PRUNE_EVERY_MS = 3_600_000;

/** The oldest timestamp each table keeps at `now` (ISO strings compare in time order); undefined keeps all. */
export function retentionCutoffs(
  policy: RetentionPolicy,
  now: Date,
): { sessions?: string; questions?: string; feedback?: string } {
  const before = (days: number | undefined) =>
    days === undefined ? undefined : new Date(now.getTime() - days * DAY_MS).toISOString();
  const sessions = before(policy.sessionDays);
  const questions = before(policy.questionLogDays);
  const feedback = before(policy.feedbackDays);
  return {
    ...(sessions && { sessions }),
    ...(questions && { questions }),
    ...(feedback && { feedback }),
  };
}

/** Runs `fn` every `ms` until the returned function is called; must not keep the process alive. */
export type Every = (ms: number, fn: () => void) => () => void;

const everyUnref: Every = (ms, fn) => {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * Prunes the store by the retention policy now and then every PRUNE_EVERY_MS. A failed prune is
 * logged and tried again next time (the store counts the failure for /metrics). Returns `stop`.
 */
export function startPruning(deps: {
  store: Pick<Store, 'prune'>;
  policy: RetentionPolicy;
  logger: Logger;
  every?: Every;
}): () => void {
  const prune = async () => {
    try {
      const counts: PruneCounts = await deps.store.prune(deps.policy);
      if (counts.sessions + counts.questions + counts.feedback > 0)
        deps.logger.info({ deleted: counts }, 'retention: old rows deleted');
    } catch (error) {
      deps.logger.warn({ err: (error as Error).message }, 'retention: pruning failed; trying again later');
    }
  };
  void prune();
  return (deps.every ?? everyUnref)(PRUNE_EVERY_MS, () => void prune());
}
