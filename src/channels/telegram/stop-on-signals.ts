import type { Logger } from '../../logger.js';

/**
 * On SIGINT/SIGTERM: runs `stop` once (stop taking updates, finish answers in flight, confirm the
 * update offset), then `onStopped` (close stores, servers) and exits 0; exits 1 if stopping fails.
 * A second signal while stopping is ignored, so an impatient Ctrl+C cannot cut answers short.
 * Returns a function that removes the handlers.
 */
export function stopOnSignals(
  stop: (reason: string) => Promise<void>,
  logger: Logger,
  onStopped: () => Promise<void> | void = () => undefined,
): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return void logger.warn({ signal }, 'Already stopping; waiting for answers in flight');
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    stop(signal)
      .then(() => onStopped())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'Shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
