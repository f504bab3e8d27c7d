import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { IndexCacheError } from '../errors.js';

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
 * Chosen by sweeping 100k synthetic chunks of 256-dim hashed vectors with short queries (the hard
 * case: a query vector is far from every chunk, with many near-ties). Recall@10 / search CPU time:
 *   M=16 efC=100: ef 640 → 0.944, ef 960 → 0.967 (4.8 ms); build 71 s CPU
 *   M=24 efC=100: ef 480 → 0.953, ef 640 → 0.969 (3.4 ms); build 77 s CPU
 *   M=24 efC=64:  ef 640 → 0.959, ef 960 → 0.977 (6.7 ms); build 54 s CPU
 * The build budget (≤ 120 s for everything) decides efConstruction; a wide ef buys the recall
 * back at search time, where there is room. `scripts/bench-scale.ts` with these defaults on an
 * idle 2-core machine: whole build 52 s, hybrid search p95 22 ms, recall@10 0.968 (ef 800 gave
 * 0.949). On small corpora ef only bounds the walk, so the wide default costs nothing there.
 */
export const DEFAULT_HNSW_PARAMS: HnswParams = { m: 24, efConstruction: 64, efSearch: 1200 };

/** Stored next to the index as `args.json`. */
interface HnswArgs {
  space: 'cosine';
  dimensions: number;
  count: number;
  params: HnswParams;
}

const INDEX_FILE = 'hnswlib.index';
const ARGS_FILE = 'args.json';
const DOCSTORE_FILE = 'docstore.json';

/** Filters by document, e.g. `(doc) => doc.metadata.kind === 'policy'`. */
export type HnswFilter = (doc: DocumentInterface) => boolean;

/**
 * A cosine-space vector store on hnswlib-node behind LangChain's SaveableVectorStore seam. Labels
 * are positions in the document list, so a search result maps back to its Document (and its
 * `metadata.chunkId`) in O(1). This is the one retrieval file that touches the native library and
 * the file system.
 */
export class HnswStore extends SaveableVectorStore {
  declare FilterType: HnswFilter;

  private index: HierarchicalNSW | undefined;
  private readonly docs: DocumentInterface[] = [];

  constructor(
    embeddings: EmbeddingsInterface,
    readonly params: HnswParams = DEFAULT_HNSW_PARAMS,
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return 'hnswlib-node';
  }

  /** Number of stored vectors. */
  get size(): number {
    return this.docs.length;
  }

  /** Vector length, or undefined before the first vector is added. */
  get dimensions(): number | undefined {
    return this.index?.getNumDimensions();
  }

  override async addDocuments(documents: DocumentInterface[]): Promise<void> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    await this.addVectors(vectors, documents);
  }

  /** Adds vectors with their documents; grows the index as needed. Throws on a dimension mismatch. */
  override async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    if (vectors.length !== documents.length) {
      throw new RangeError(`addVectors: ${vectors.length} vectors but ${documents.length} documents`);
    }
    const first = vectors[0];
    if (!first) return;
    const index = this.ensureIndex(first.length, this.docs.length + vectors.length);
    vectors.forEach((vector, i) => {
      if (vector.length !== first.length) {
        throw new RangeError(
          `addVectors: vector ${i} has ${vector.length} dimensions, expected ${first.length}`,
        );
      }
      index.addPoint(vector, this.docs.length);
      this.docs.push(documents[i] as DocumentInterface);
    });
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
    return this.searchLabels(
      query,
      k,
      filter && ((label) => filter(this.docs[label] as DocumentInterface)),
    ).map(({ label, similarity }) => [this.docs[label] as DocumentInterface, similarity]);
  }

  /**
   * Nearest labels (positions in insertion order) with cosine similarity, synchronously: the
   * hybrid ranker uses this to skip Document lookups on the hot path.
   */
  searchLabels(
    query: number[],
    k: number,
    filter?: (label: number) => boolean,
  ): { label: number; similarity: number }[] {
    if (!this.index || this.docs.length === 0 || k <= 0) return [];
    const wanted = Math.min(k, this.docs.length);
    this.index.setEf(Math.max(this.params.efSearch, wanted));
    const result = this.index.searchKnn(query, wanted, filter);
    return result.neighbors.map((label, i) => ({ label, similarity: 1 - (result.distances[i] ?? 1) }));
  }

  /** The stored (unit-length) vector of a label; for benchmarks and diagnostics. */
  vectorOf(label: number): number[] {
    if (!this.index || label < 0 || label >= this.docs.length) {
      throw new RangeError(`vectorOf: no vector with label ${label} (store holds ${this.docs.length})`);
    }
    return this.index.getPoint(label);
  }

  /** Writes `hnswlib.index`, `args.json` and `docstore.json` into `directory` (created if missing). */
  async save(directory: string): Promise<void> {
    if (!this.index) throw new IndexCacheError('HnswStore.save: the store is empty; add vectors first');
    await mkdir(directory, { recursive: true });
    const args: HnswArgs = {
      space: 'cosine',
      dimensions: this.index.getNumDimensions(),
      count: this.docs.length,
      params: this.params,
    };
    await this.index.writeIndex(path.join(directory, INDEX_FILE));
    await writeFile(path.join(directory, ARGS_FILE), JSON.stringify(args));
    const docstore = this.docs.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata }));
    await writeFile(path.join(directory, DOCSTORE_FILE), JSON.stringify(docstore));
  }

  /**
   * Loads a store written by `save`. Throws IndexCacheError (naming the file) when a file is
   * missing, does not parse, or disagrees with the others — callers rebuild instead of trusting it.
   */
  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswStore> {
    const args = await readJson<HnswArgs>(path.join(directory, ARGS_FILE));
    const docstore = await readJson<{ pageContent: string; metadata: Record<string, unknown> }[]>(
      path.join(directory, DOCSTORE_FILE),
    );
    if (!Array.isArray(docstore) || docstore.length !== args.count || !args.params) {
      throw new IndexCacheError(
        `${path.join(directory, DOCSTORE_FILE)}: holds ${Array.isArray(docstore) ? docstore.length : 'no'} documents but args.json says ${args.count}; delete the folder to rebuild`,
      );
    }
    const store = new HnswStore(embeddings, args.params);
    const index = new HierarchicalNSW('cosine', args.dimensions);
    const indexFile = path.join(directory, INDEX_FILE);
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
    store.index = index;
    for (const d of docstore) store.docs.push(new Document(d));
    return store;
  }
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
