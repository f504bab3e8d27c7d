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

/**
 * The approximate nearest-neighbour index the hybrid search asks for vector hits: labels are
 * positions in insertion order (the chunks' positions), similarity is cosine. Implemented on
 * hnswlib-node by src/adapters/retrieval/hnsw-index.ts.
 */
export interface VectorIndex {
  /** The graph and search parameters (saved with the index). */
  readonly params: HnswParams;
  /** Number of stored vectors. */
  readonly size: number;
  /** Vector length, or undefined before the first vector is added. */
  readonly dimensions: number | undefined;
  /** Sets the candidate list size of later searches; throws on a non-positive integer. */
  setEfSearch(efSearch: number): void;
  /** Adds vectors (labels continue from `size`); throws on a dimension mismatch, adding none. */
  addEmbeddings(vectors: readonly ArrayLike<number>[]): void;
  /** Nearest labels with cosine similarity (1 = same direction), best first. */
  searchLabels(
    query: ArrayLike<number>,
    k: number,
    filter?: (label: number) => boolean,
  ): { label: number; similarity: number }[];
  /** The stored (unit-length) vector of a label; for benchmarks and diagnostics. */
  vectorOf(label: number): Float32Array;
}
