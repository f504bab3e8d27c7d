import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import { DEFAULT_HNSW_PARAMS, type HnswParams } from '../../retrieval/vector-index.js';
import { HnswIndex } from './hnsw-index.js';
import { readHnswFiles, writeHnswFiles } from './hnsw-files.js';

export { DEFAULT_HNSW_PARAMS, type HnswParams };

/** Filters by document, e.g. `(doc) => doc.metadata.kind === 'policy'`. */
export type HnswFilter = (doc: DocumentInterface) => boolean;

/** The document of a label, for a store whose documents the caller keeps. */
export type DocumentLookup = (label: number) => DocumentInterface;

/**
 * The hnsw index (hnsw-index.ts) behind LangChain's SaveableVectorStore seam, for LangChain code
 * (retrievers, `similaritySearch`). Labels are positions in insertion order, so a search result
 * maps back to its Document (and its `metadata.chunkId`) in O(1). Documents either live here
 * (`addVectors`, `addDocuments`: the LangChain way, saved as docstore.json) or, when the caller
 * already holds them, are looked up with `documentOf` (`addEmbeddings`). The search index uses
 * HnswIndex directly: it keeps its chunks, and loading LangChain would cost every start-up.
 */
export class HnswStore extends SaveableVectorStore {
  declare FilterType: HnswFilter;

  private index: HnswIndex;
  /** The documents this store keeps; undefined when `documentOf` looks them up elsewhere. */
  private readonly docs: DocumentInterface[] | undefined;
  private readonly documentAt: DocumentLookup;

  constructor(
    embeddings: EmbeddingsInterface,
    params: HnswParams = DEFAULT_HNSW_PARAMS,
    documentOf?: DocumentLookup,
  ) {
    super(embeddings, {});
    this.index = new HnswIndex(params);
    const docs: DocumentInterface[] | undefined = documentOf ? undefined : [];
    this.docs = docs;
    this.documentAt = documentOf ?? ((label) => docs?.[label] as DocumentInterface);
  }

  _vectorstoreType(): string {
    return 'hnswlib-node';
  }

  /** The graph and search parameters (saved with the index). */
  get params(): HnswParams {
    return this.index.params;
  }

  /** See HnswIndex.setEfSearch. */
  setEfSearch(efSearch: number): void {
    this.index.setEfSearch(efSearch);
  }

  /** Number of stored vectors. */
  get size(): number {
    return this.index.size;
  }

  /** Vector length, or undefined before the first vector is added. */
  get dimensions(): number | undefined {
    return this.index.dimensions;
  }

  override async addDocuments(documents: DocumentInterface[]): Promise<void> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    await this.addVectors(vectors, documents);
  }

  /**
   * Adds vectors with their documents (kept by the store); grows the index as needed. Throws on a
   * dimension mismatch, and when the store looks its documents up elsewhere (use `addEmbeddings`).
   */
  override async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    if (vectors.length !== documents.length) {
      throw new RangeError(`addVectors: ${vectors.length} vectors but ${documents.length} documents`);
    }
    if (!this.docs) {
      throw new RangeError(
        'addVectors: this store looks its documents up with documentOf; use addEmbeddings',
      );
    }
    this.index.addEmbeddings(vectors);
    this.docs.push(...documents);
  }

  /**
   * Adds vectors whose documents `documentOf` returns (labels continue from `size`). Throws on a
   * dimension mismatch, and when the store keeps its own documents (use `addVectors`).
   */
  addEmbeddings(vectors: readonly ArrayLike<number>[]): void {
    if (this.docs) {
      throw new RangeError('addEmbeddings: this store keeps its own documents; use addVectors');
    }
    this.index.addEmbeddings(vectors);
  }

  /** Nearest documents by cosine similarity (1 = same direction), best first. */
  override async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: HnswFilter,
  ): Promise<[DocumentInterface, number][]> {
    return this.searchLabels(query, k, filter && ((label) => filter(this.documentAt(label)))).map(
      ({ label, similarity }) => [this.documentAt(label), similarity],
    );
  }

  /** Nearest labels with cosine similarity, synchronously (see HnswIndex.searchLabels). */
  searchLabels(
    query: ArrayLike<number>,
    k: number,
    filter?: (label: number) => boolean,
  ): { label: number; similarity: number }[] {
    return this.index.searchLabels(query, k, filter);
  }

  /** The stored (unit-length) vector of a label; for benchmarks and diagnostics. */
  vectorOf(label: number): Float32Array {
    return this.index.vectorOf(label);
  }

  /**
   * Writes `hnswlib.index` and `args.json` into `directory` (created if missing), and
   * `docstore.json` when the store keeps its own documents.
   */
  async save(directory: string): Promise<void> {
    await writeHnswFiles(directory, this.index, this.docs);
  }

  /**
   * Loads a store written by `save`; a store saved without its documents needs `documentOf`.
   * Throws IndexCacheError (naming the file) when a file is missing, does not parse, or disagrees
   * with the others — callers rebuild instead of trusting it.
   */
  static override async load(
    directory: string,
    embeddings: EmbeddingsInterface,
    documentOf?: DocumentLookup,
  ): Promise<HnswStore> {
    const { index, documents } = await readHnswFiles(directory, {
      externalAllowed: documentOf !== undefined,
      readDocuments: true,
    });
    const store = new HnswStore(embeddings, index.params, documents ? undefined : documentOf);
    store.index = index;
    store.docs?.push(...(documents ?? []).map((d) => new Document(d)));
    return store;
  }
}
