import type { Config } from '../config.js';
import type { IdentifiedEmbeddings } from '../retrieval/embedder.js';
import { HashedEmbeddings } from '../retrieval/hashed-embeddings.js';
import { createOpenAiEmbeddings } from '../retrieval/openai-embeddings.js';

/** The embedder the config asks for; the index manifest records its id, so switching rebuilds. */
export function createEmbeddingsFor(config: Config): IdentifiedEmbeddings {
  if (config.embeddings.kind === 'openai' && config.llm) {
    return createOpenAiEmbeddings({ ...config.llm, model: config.embeddings.model });
  }
  return new HashedEmbeddings();
}
