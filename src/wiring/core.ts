import type { Config } from '../config.js';
import { createCore, type Core, type CoreDeps } from '../core.js';
import type { Logger } from '../logger.js';
import { createEmbeddingsFor } from './embeddings.js';

/**
 * The core as the configuration asks for it — its embedder and how long a quiet conversation
 * lasts — for the service and the command-line tools alike, so both read the config the same way.
 */
export async function createCoreFor(
  config: Config,
  logger: Logger,
  deps: Omit<CoreDeps, 'config' | 'logger' | 'embeddings' | 'sessionIdleMs'> = {},
): Promise<Core> {
  return createCore({
    ...deps,
    config,
    logger,
    embeddings: await createEmbeddingsFor(config),
    sessionIdleMs: config.sessionIdleMs,
  });
}
