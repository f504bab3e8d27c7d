import { Embeddings } from '@langchain/core/embeddings';
import { HashedEmbedder, type HashedEmbeddingsOptions } from './hashed-embedder.js';
import type { Segmented } from './tokenizer.js';

export type { HashedEmbeddingsOptions };

/**
 * The local hashed embedder (hashed-embedder.ts) as a LangChain Embeddings, for LangChain code
 * (HnswStore, retrievers). Same id, same vectors. The core and the search index use HashedEmbedder
 * itself, which does not load LangChain at start-up.
 */
export class HashedEmbeddings extends Embeddings {
  private readonly embedder: HashedEmbedder;

  constructor(options: HashedEmbeddingsOptions = {}) {
    super({});
    this.embedder = new HashedEmbedder(options);
  }

  get id(): string {
    return this.embedder.id;
  }

  get dimensions(): number {
    return this.embedder.dimensions;
  }

  override embedDocuments(documents: string[]): Promise<number[][]> {
    return this.embedder.embedDocuments(documents);
  }

  override embedQuery(document: string): Promise<number[]> {
    return this.embedder.embedQuery(document);
  }

  /** See HashedEmbedder.embedSync. */
  embedSync(text: string): Float32Array {
    return this.embedder.embedSync(text);
  }

  /** See HashedEmbedder.embedSegmented. */
  embedSegmented(segmented: Segmented): Float32Array {
    return this.embedder.embedSegmented(segmented);
  }
}
