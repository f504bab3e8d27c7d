import type { Core, IndexCounts } from '../core.js';
import type { Logger } from '../logger.js';
import type { ChangeFeed } from '../storage/change-feed.js';

/**
 * A reindex asked of one replica (admin API, Telegram /reindex) reloads that replica's knowledge
 * and, once it succeeded, tells the others to reload theirs from their own copy of knowledge/ (the
 * same files on every replica). A refused reindex (an invalid file) is not announced: every replica
 * keeps the knowledge it has. Returns the reindex the channels call.
 */
export function createClusterReindex(
  core: Pick<Core, 'reindex'>,
  changes: ChangeFeed,
  logger: Logger,
): () => Promise<IndexCounts> {
  changes.on('knowledge', async () => {
    const started = performance.now();
    const { documents, chunks, figures } = await core.reindex();
    logger.info(
      { documents, chunks, figures, ms: Math.round(performance.now() - started) },
      'reindexed: another replica reloaded the knowledge',
    );
  });
  return async () => {
    const counts = await core.reindex();
    await changes
      .publish('knowledge')
      .catch((error: unknown) =>
        logger.error(
          { err: (error as Error).message },
          'reindexed here, but could not tell the other replicas: they keep the knowledge they have until reindexed again or restarted',
        ),
      );
    return counts;
  };
}
