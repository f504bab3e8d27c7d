import hnswlib from 'hnswlib-node';
import type { HnswParams, VectorIndex } from '../../retrieval/vector-index.js';
import { DEFAULT_HNSW_PARAMS } from '../../retrieval/vector-index.js';

const { HierarchicalNSW } = hnswlib;
export type HierarchicalNSW = InstanceType<typeof hnswlib.HierarchicalNSW>;

/**
 * A cosine-space VectorIndex in hnswlib-node's native graph, in memory: adding and searching. The
 * vectors live only in the native index. Reading and writing it is hnsw-files.ts; LangChain's
 * vector-store seam over it is hnsw-store.ts. Loading neither LangChain nor the file system keeps
 * a one-shot `npm run ask` from paying for them.
 */
export class HnswIndex implements VectorIndex {
  private native: HierarchicalNSW | undefined;
  private count = 0;
  private current: HnswParams;

  constructor(params: HnswParams = DEFAULT_HNSW_PARAMS) {
    this.current = { ...params };
  }

  /** An index over a native graph read from disk (hnsw-files.ts checked its count). */
  static fromNative(native: HierarchicalNSW, params: HnswParams): HnswIndex {
    const index = new HnswIndex(params);
    index.native = native;
    index.count = native.getCurrentCount();
    return index;
  }

  /** The native graph, for writing it to disk; undefined while empty. */
  get graph(): HierarchicalNSW | undefined {
    return this.native;
  }

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

  get size(): number {
    return this.count;
  }

  get dimensions(): number | undefined {
    return this.native?.getNumDimensions();
  }

  /** Checks every vector before adding any, so a bad batch leaves the index as it was. */
  addEmbeddings(vectors: readonly ArrayLike<number>[]): void {
    const first = vectors[0];
    if (!first) return;
    vectors.forEach((vector, i) => {
      if (vector.length !== first.length) {
        throw new RangeError(
          `addVectors: vector ${i} has ${vector.length} dimensions, expected ${first.length}`,
        );
      }
    });
    const native = this.ensureNative(first.length, this.count + vectors.length);
    for (const vector of vectors) {
      // hnswlib-node copies the point into the index and accepts only a plain array.
      native.addPoint(Array.isArray(vector) ? vector : Array.from(vector), this.count);
      this.count += 1;
    }
  }

  private ensureNative(dimensions: number, needed: number): HierarchicalNSW {
    if (!this.native) {
      this.native = new HierarchicalNSW('cosine', dimensions);
      this.native.initIndex({
        maxElements: Math.max(needed, 16),
        m: this.params.m,
        efConstruction: this.params.efConstruction,
        randomSeed: 100,
      });
    } else if (this.native.getNumDimensions() !== dimensions) {
      throw new RangeError(
        `addVectors: got ${dimensions}-dimensional vectors for a ${this.native.getNumDimensions()}-dimensional index; rebuild the index for the new embedder`,
      );
    }
    if (needed > this.native.getMaxElements()) {
      this.native.resizeIndex(Math.max(needed, Math.ceil(this.native.getMaxElements() * 1.5)));
    }
    return this.native;
  }

  searchLabels(
    query: ArrayLike<number>,
    k: number,
    filter?: (label: number) => boolean,
  ): { label: number; similarity: number }[] {
    if (!this.native || this.count === 0 || k <= 0) return [];
    const wanted = Math.min(k, this.count);
    this.native.setEf(Math.max(this.params.efSearch, wanted));
    const point = Array.isArray(query) ? (query as number[]) : Array.from(query);
    const result = this.native.searchKnn(point, wanted, filter);
    return result.neighbors.map((label, i) => ({ label, similarity: 1 - (result.distances[i] ?? 1) }));
  }

  vectorOf(label: number): Float32Array {
    if (!this.native || label < 0 || label >= this.count) {
      throw new RangeError(`vectorOf: no vector with label ${label} (store holds ${this.count})`);
    }
    return Float32Array.from(this.native.getPoint(label));
  }
}

/** An empty native graph of `dimensions`, to read a saved one into. */
export function emptyNativeIndex(dimensions: number): HierarchicalNSW {
  return new HierarchicalNSW('cosine', dimensions);
}
