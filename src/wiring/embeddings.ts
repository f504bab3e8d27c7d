import type { Config } from '../config.js';
import type { IdentifiedEmbeddings } from '../retrieval/embedder.js';
import { HashedEmbedder } from '../retrieval/hashed-embedder.js';

/**
 * The embedder the config asks for; the index manifest records its id, so switching rebuilds. The
 * OpenAI client is imported only when asked for: loading the SDK costs start-up time that the
 * offline path (every `npm run ask` without a key) should not pay.
 */
export async function createEmbeddingsFor(config: Config): Promise<IdentifiedEmbeddings> {
  if (config.embeddings.kind === 'openai' && config.llm) {
    const { createOpenAiEmbeddings } = await import('../retrieval/openai-embeddings.js');
    return createOpenAiEmbeddings({ ...config.llm, model: config.embeddings.model });
  }
  return new HashedEmbedder();
}
