import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/**
 * An embedder that names itself. The index cache records `id` in its manifest and rebuilds when it
 * changes, because vectors from different embedders (or dimensions) are not comparable.
 * Convention: `hashed-v<version>-d<dimensions>` for the local embedder, `openai:<model>` for OpenAI.
 */
export type IdentifiedEmbeddings = EmbeddingsInterface & { readonly id: string };

/** True when `value` is an embedder with a non-empty `id`. */
export function isIdentifiedEmbeddings(value: unknown): value is IdentifiedEmbeddings {
  const candidate = value as Partial<IdentifiedEmbeddings> | null;
  return (
    typeof candidate?.id === 'string' &&
    candidate.id.length > 0 &&
    typeof candidate.embedDocuments === 'function' &&
    typeof candidate.embedQuery === 'function'
  );
}
