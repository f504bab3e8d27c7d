/**
 * The scale benchmark's measurements: hybrid search latency and known-item hits, and hnsw against
 * exact search (recall@10, latency in wall-clock and CPU time). Wall-clock time on a shared machine
 * includes time the process waited for a core, and a 20 ms brute-force scan is preempted far more
 * often than a 0.5 ms hnsw search, so the speed-up is also given in CPU time, which waiting does not
 * inflate.
 */
import type { VectorIndex } from '../src/retrieval/vector-index.js';
import type { HybridSearchIndex } from '../src/retrieval/search-index.js';
import { topK, type Scored } from '../src/retrieval/top-k.js';
import type { SyntheticQuery } from './synthetic-corpus.js';

export interface LatencyStats {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

export function stats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(sorted.length, 1);
  return { p50Ms: at(0.5), p95Ms: at(0.95), meanMs: mean };
}

/** Milliseconds of CPU time (user + system) this process spent since `start`. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Exact top-k by dot product (vectors are unit length, so this is cosine). */
export function bruteForce(matrix: Float32Array, dims: number, query: Float32Array, k: number) {
  const rows = matrix.length / dims;
  const scores = new Float32Array(rows);
  for (let r = 0; r < rows; r += 1) {
    let dot = 0;
    const base = r * dims;
    for (let d = 0; d < dims; d += 1) dot += (matrix[base + d] as number) * (query[d] as number);
    scores[r] = dot;
  }
  return topK(scores, k);
}

export interface HybridMeasure {
  wall: LatencyStats;
  cpu: LatencyStats;
  /** Share of queries whose source chunk is among the top 5 hits. */
  sourceHitAt5: number;
}

/** Full hybrid searches (k = 5), warm: latency per query and whether the source chunk came back. */
export async function measureHybrid(
  index: HybridSearchIndex,
  queries: SyntheticQuery[],
): Promise<HybridMeasure> {
  for (const query of queries.slice(0, 20)) await index.search(query.text, { k: 5 }); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const found = await index.search(query.text, { k: 5 });
    wall.push(performance.now() - started);
    cpu.push(cpuMsSince(cpuStarted));
    const sourceId = index.parts.chunks[query.source]?.id;
    if (found.some((hit) => hit.chunk.id === sourceId)) hits += 1;
  }
  return { wall: stats(wall), cpu: stats(cpu), sourceHitAt5: hits / Math.max(queries.length, 1) };
}

export interface ExactMeasure {
  /** The exact top 10 of each query. */
  truth: Scored[][];
  /** Wall-clock per query. */
  wall: LatencyStats;
  /** Mean CPU milliseconds per query. */
  cpuMeanMs: number;
}

/** Exact k=10 by scanning `matrix` (row = label) for each query vector. */
export function measureExact(matrix: Float32Array, dims: number, vectors: Float32Array[]): ExactMeasure {
  const wall: number[] = [];
  const cpuStarted = process.cpuUsage();
  const truth = vectors.map((vector) => {
    const started = performance.now();
    const top = bruteForce(matrix, dims, vector, 10);
    wall.push(performance.now() - started);
    return top;
  });
  return { truth, wall: stats(wall), cpuMeanMs: cpuMsSince(cpuStarted) / Math.max(vectors.length, 1) };
}

export interface HnswMeasure {
  /** Wall-clock per query (first pass). */
  wall: LatencyStats;
  /** Mean CPU milliseconds per query, best of three passes. */
  cpuMeanMs: number;
  /** Mean share of the exact top 10 that hnsw returns (ties with the 10th count as hits). */
  recallAt10: number;
}

/** hnsw k=10 at the store's current ef, against the exact top 10 of the same query vectors. */
export function measureHnsw(store: VectorIndex, vectors: Float32Array[], truth: Scored[][]): HnswMeasure {
  const points = vectors.map((v) => Array.from(v));
  const wall: number[] = [];
  let recall = 0;
  points.forEach((point, i) => {
    const started = performance.now();
    const approx = store.searchLabels(point, 10);
    wall.push(performance.now() - started);
    const exact = truth[i] ?? [];
    const threshold = (exact[exact.length - 1]?.score ?? 0) - 1e-5;
    const exactSet = new Set(exact.map((t) => t.index));
    const hits = approx.filter((a) => exactSet.has(a.label) || a.similarity >= threshold).length;
    recall += hits / Math.max(exact.length, 1);
  });
  let cpu = Infinity;
  for (let pass = 0; pass < 3; pass += 1) {
    const cpuStarted = process.cpuUsage();
    for (const point of points) store.searchLabels(point, 10);
    cpu = Math.min(cpu, cpuMsSince(cpuStarted));
  }
  const n = Math.max(points.length, 1);
  return { wall: stats(wall), cpuMeanMs: cpu / n, recallAt10: recall / n };
}
