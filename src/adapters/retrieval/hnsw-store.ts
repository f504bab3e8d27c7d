import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { IndexCacheError } from '../../errors.js';

const { HierarchicalNSW } = hnswlib;
type HierarchicalNSW = InstanceType<typeof hnswlib.HierarchicalNSW>;

/** hnsw graph parameters; defaults in DEFAULT_HNSW_PARAMS. */
export interface HnswParams {
  /** Links per node; more links → better recall, bigger index, slower build. */
  m: number;
  /** Candidate list size while building; more → better graph, slower build. */
  efConstruction: number;
  /** Candidate list size while searching (raised to k when k is larger). */
  efSearch: number;
}

/**
 * Chosen by sweeping 100k synthetic chunks with short queries (`scripts/bench-scale.ts`), the hard
 * case for a graph: a query is far from every chunk and its top 10 sit among hundreds of near-ties.
 * The vector dimension decides more than M or efConstruction (recall@10, hnsw CPU per search):
 *   256 dims, M=24 efC=64:  ef 1200 → 0.968 (7.9 ms); 0.99 would need ef > 2000
 *   64 dims,  M=24 efC=64:  ef 800 → 0.993 (2.6 ms);  M=32 efC=128: ef 400 → 0.992 (2.1 ms), 13×
 *   32 dims,  M=24 efC=64:  ef 200 → 0.988, ef 280 → 0.997 (0.8 ms), 24× exact search
 *   32 dims,  M=24 efC=96:  ef 240 → 0.998, the same speed, for ~8 s more build CPU
 * At 32 dims M=12–16 loses recall and M=32 gains none. Build with these: ~25 s CPU for hnsw,
 * ~50 s for the whole index. On small corpora ef only bounds the walk, so it costs nothing there.
 */
export const DEFAULT_HNSW_PARAMS: HnswParams = { m: 24, efConstruction: 64, efSearch: 280 };

/** Stored next to the index as `args.json`. */
interface HnswArgs {
  space: 'cosine';
  dimensions: number;
  count: number;
  params: HnswParams;
  /** `docstore`: the documents are in docstore.json; `external`: the caller keeps them (absent = docstore). */
  documents?: 'docstore' | 'external';
}

const INDEX_FILE = 'hnswlib.index';
const ARGS_FILE = 'args.json';
const DOCSTORE_FILE = 'docstore.json';

/** Filters by document, e.g. `(doc) => doc.metadata.kind === 'policy'`. */
export type HnswFilter = (doc: DocumentInterface) => boolean;

/** The document of a label, for a store whose documents the caller keeps. */
export type DocumentLookup = (label: number) => DocumentInterface;

/**
 * A cosine-space vector store on hnswlib-node behind LangChain's SaveableVectorStore seam. Labels
 * are positions in insertion order, so a search result maps back to its Document (and its
 * `metadata.chunkId`) in O(1). The vectors live only in the native index. Documents either live
 * here (`addVectors`, `addDocuments`: the LangChain way, saved as docstore.json) or, when the
 * caller already holds them, are looked up with `documentOf` (`addEmbeddings`): the search index
 * keeps its chunks, and a second copy of 100k chunk texts would cost memory and cache space for
 * nothing. This is the one retrieval file that touches the native library and the file system.
 */
export class HnswStore extends SaveableVectorStore {
  declare FilterType: HnswFilter;

  private index: HierarchicalNSW | undefined;
  private count = 0;
  /** The documents this store keeps; undefined when `documentOf` looks them up elsewhere. */
  private readonly docs: DocumentInterface[] | undefined;
  private readonly documentAt: DocumentLookup;
  private current: HnswParams;

  constructor(
    embeddings: EmbeddingsInterface,
    params: HnswParams = DEFAULT_HNSW_PARAMS,
    documentOf?: DocumentLookup,
  ) {
    super(embeddings, {});
    this.current = { ...params };
    const docs: DocumentInterface[] | undefined = documentOf ? undefined : [];
    this.docs = docs;
    this.documentAt = documentOf ?? ((label) => docs?.[label] as DocumentInterface);
  }

  _vectorstoreType(): string {
    return 'hnswlib-node';
  }

  /** The graph and search parameters (saved with the index). */
  get params(): HnswParams {
    return this.current;
  }

  /**
   * Sets the candidate list size of later searches: wider finds more of the exact neighbours and
   * takes longer. The scale bench sweeps it on one built index. Throws on a non-positive integer.
   */
  setEfSearch(efSearch: number): void {
    if (!Number.isInteger(efSearch) || efSearch < 1) {
      throw new RangeError(`setEfSearch: ef must be a positive integer, got ${efSearch}`);
    }
    this.current = { ...this.current, efSearch };
  }

  /** Number of stored vectors. */
  get size(): number {
    return this.count;
  }

  /** Vector length, or undefined before the first vector is added. */
  get dimensions(): number | undefined {
    return this.index?.getNumDimensions();
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
    this.insert(vectors);
    this.docs.push(...documents);
  }

  /**
   * Adds vectors whose documents `documentOf` returns (labels continue from `size`), e.g. the
   * Float32Arrays of the local embedder. Throws on a dimension mismatch, and when the store keeps
   * its own documents (use `addVectors`).
   */
  addEmbeddings(vectors: readonly ArrayLike<number>[]): void {
    if (this.docs) {
      throw new RangeError('addEmbeddings: this store keeps its own documents; use addVectors');
    }
    this.insert(vectors);
  }

  /** Checks every vector before adding any, so a bad batch leaves the store as it was. */
  private insert(vectors: readonly ArrayLike<number>[]): void {
    const first = vectors[0];
    if (!first) return;
    vectors.forEach((vector, i) => {
      if (vector.length !== first.length) {
        throw new RangeError(
          `addVectors: vector ${i} has ${vector.length} dimensions, expected ${first.length}`,
        );
      }
    });
    const index = this.ensureIndex(first.length, this.count + vectors.length);
    for (const vector of vectors) {
      // hnswlib-node copies the point into the index and accepts only a plain array.
      index.addPoint(Array.isArray(vector) ? vector : Array.from(vector), this.count);
      this.count += 1;
    }
  }

  private ensureIndex(dimensions: number, needed: number): HierarchicalNSW {
    if (!this.index) {
      this.index = new HierarchicalNSW('cosine', dimensions);
      this.index.initIndex({
        maxElements: Math.max(needed, 16),
        m: this.params.m,
        efConstruction: this.params.efConstruction,
        randomSeed: 100,
      });
    } else if (this.index.getNumDimensions() !== dimensions) {
      throw new RangeError(
        `addVectors: got ${dimensions}-dimensional vectors for a ${this.index.getNumDimensions()}-dimensional index; rebuild the index for the new embedder`,
      );
    }
    if (needed > this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(needed, Math.ceil(this.index.getMaxElements() * 1.5)));
    }
    return this.index;
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

  /**
   * Nearest labels (positions in insertion order) with cosine similarity, synchronously: the
   * hybrid ranker uses this to skip Document lookups on the hot path.
   */
  searchLabels(
    query: ArrayLike<number>,
    k: number,
    filter?: (label: number) => boolean,
  ): { label: number; similarity: number }[] {
    if (!this.index || this.count === 0 || k <= 0) return [];
    const wanted = Math.min(k, this.count);
    this.index.setEf(Math.max(this.params.efSearch, wanted));
    const point = Array.isArray(query) ? (query as number[]) : Array.from(query);
    const result = this.index.searchKnn(point, wanted, filter);
    return result.neighbors.map((label, i) => ({ label, similarity: 1 - (result.distances[i] ?? 1) }));
  }

  /** The stored (unit-length) vector of a label; for benchmarks and diagnostics. */
  vectorOf(label: number): Float32Array {
    if (!this.index || label < 0 || label >= this.count) {
      throw new RangeError(`vectorOf: no vector with label ${label} (store holds ${this.count})`);
    }
    return Float32Array.from(this.index.getPoint(label));
  }

  /**
   * Writes `hnswlib.index` and `args.json` into `directory` (created if missing), and
   * `docstore.json` when the store keeps its own documents.
   */
  async save(directory: string): Promise<void> {
    if (!this.index) throw new IndexCacheError('HnswStore.save: the store is empty; add vectors first');
    await mkdir(directory, { recursive: true });
    const args: HnswArgs = {
      space: 'cosine',
      dimensions: this.index.getNumDimensions(),
      count: this.count,
      params: this.params,
      documents: this.docs ? 'docstore' : 'external',
    };
    await this.index.writeIndex(path.join(directory, INDEX_FILE));
    await writeFile(path.join(directory, ARGS_FILE), JSON.stringify(args));
    if (this.docs) {
      const docstore = this.docs.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata }));
      await writeFile(path.join(directory, DOCSTORE_FILE), JSON.stringify(docstore));
    }
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
    const argsFile = path.join(directory, ARGS_FILE);
    const args = await readJson<HnswArgs>(argsFile);
    if (!args.params || !Number.isInteger(args.count)) {
      throw new IndexCacheError(`${argsFile}: has no params or count; delete the folder to rebuild`);
    }
    const external = args.documents === 'external';
    if (external && !documentOf) {
      throw new IndexCacheError(
        `${argsFile}: the store was saved without its documents; load it with documentOf`,
      );
    }
    const store = new HnswStore(embeddings, args.params, external ? documentOf : undefined);
    if (!external) await store.readDocstore(directory, args.count);
    store.index = await readIndex(path.join(directory, INDEX_FILE), args);
    store.count = args.count;
    return store;
  }

  private async readDocstore(directory: string, count: number): Promise<void> {
    const file = path.join(directory, DOCSTORE_FILE);
    const docstore = await readJson<{ pageContent: string; metadata: Record<string, unknown> }[]>(file);
    if (!Array.isArray(docstore) || docstore.length !== count) {
      throw new IndexCacheError(
        `${file}: holds ${Array.isArray(docstore) ? docstore.length : 'no'} documents but args.json says ${count}; delete the folder to rebuild`,
      );
    }
    for (const d of docstore) this.docs?.push(new Document(d));
  }
}

async function readIndex(indexFile: string, args: HnswArgs): Promise<HierarchicalNSW> {
  const index = new HierarchicalNSW('cosine', args.dimensions);
  try {
    await index.readIndex(indexFile);
  } catch (error) {
    throw new IndexCacheError(`${indexFile}: hnswlib could not read the index; delete it to rebuild`, {
      cause: error,
    });
  }
  if (index.getCurrentCount() !== args.count || index.getNumDimensions() !== args.dimensions) {
    throw new IndexCacheError(
      `${indexFile}: holds ${index.getCurrentCount()} vectors of ${index.getNumDimensions()} dimensions, expected ${args.count} of ${args.dimensions}`,
    );
  }
  return index;
}

async function readJson<T>(file: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new IndexCacheError(`${file}: cannot be read; rebuild the index`, { cause: error });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new IndexCacheError(`${file}: is not valid JSON; delete it to rebuild the index`, { cause: error });
  }
}
