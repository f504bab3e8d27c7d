/**
 * Scale benchmark: a synthetic corpus of N chunks (default 100k) made by recombining the seed
 * document's clauses and vocabulary with random numbers and sections (deterministic seed), then
 * index build time, warm search latency, peak RSS, and hnsw recall@10 against exact cosine search.
 *
 *   npx tsx scripts/bench-scale.ts [--chunks 100000] [--queries 200] [--dims 256] [--m 24] [--efc 64] [--ef 1200] [--cache] [--json]
 *
 * `scripts/bench.ts` imports `runScaleBench` and `formatScaleBench`.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Chunk, SourceDocument } from '../src/knowledge/types.js';
import { HashedEmbeddings } from '../src/retrieval/hashed-embeddings.js';
import { loadOrBuildIndex, saveIndexCache } from '../src/retrieval/index-cache.js';
import { DEFAULT_HNSW_PARAMS, type HnswStore, type HnswParams } from '../src/retrieval/hnsw-store.js';
import {
  createSearchIndex,
  type BuildTimings,
  type HybridSearchIndex,
} from '../src/retrieval/search-index.js';
import { topK } from '../src/retrieval/top-k.js';
import { createRandom, generateCorpus, generateQueries } from './synthetic-corpus.js';

export interface ScaleBenchOptions {
  chunks?: number;
  queries?: number;
  dimensions?: number;
  hnsw?: Partial<HnswParams>;
  seed?: number;
  /** Also save the index cache to a temp folder and load it back (adds ~10–30 s at 100k). */
  cache?: boolean;
  /** Progress lines (phase names); omitted, the bench is silent. */
  log?: (line: string) => void;
}

export interface LatencyStats {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

export interface ScaleBenchResult {
  chunks: number;
  queries: number;
  dimensions: number;
  hnsw: HnswParams;
  build: { tokenizeAndEmbedMs: number; bm25Ms: number; hnswMs: number; totalMs: number; totalCpuMs: number };
  /** Full hybrid search (BM25 + query embedding + hnsw + fusion + re-rank), warm. */
  hybridSearch: LatencyStats;
  /** The same searches in process CPU time: what the latency would be on an idle machine. */
  hybridSearchCpu: LatencyStats;
  /** hnsw k=10 alone, warm. */
  vectorSearch: LatencyStats;
  /** Exact cosine k=10 over all vectors. */
  bruteForce: LatencyStats;
  /** Mean share of the exact top 10 that hnsw returns (ties with the 10th count as hits). */
  recallAt10: number;
  /** Brute-force mean latency / hnsw mean latency. */
  speedup: number;
  /** Index cache save and load at this size, when `cache` was set. */
  cache?: { saveMs: number; loadMs: number; sizeMb: number };
  peakRssMb: number;
  /** 1-minute load average at the end: other processes on the machine inflate every timing. */
  loadAverage: number;
  targets: { buildUnder120s: boolean; p95Under50ms: boolean; recallAtLeast095: boolean };
}

function stats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(sorted.length, 1);
  return { p50Ms: at(0.5), p95Ms: at(0.95), meanMs: mean };
}

function timeSync<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

/** Exact top-k by dot product (vectors are unit length, so this is cosine). */
function bruteForce(matrix: Float32Array, dims: number, query: Float32Array, k: number) {
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

interface Built {
  index: HybridSearchIndex;
  store: HnswStore;
  matrix: Float32Array;
  embeddings: HashedEmbeddings;
  build: ScaleBenchResult['build'];
}

/** Builds through the production path (`createSearchIndex`), then copies the vectors out for brute force. */
async function buildIndex(
  corpus: { chunks: Chunk[]; documents: SourceDocument[] },
  dims: number,
  params: HnswParams,
  log: (line: string) => void,
): Promise<Built> {
  const embeddings = new HashedEmbeddings({ dimensions: dims });
  let timings: BuildTimings = { tokenizeAndEmbedMs: 0, bm25Ms: 0, hnswMs: 0 };
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let next = 0;
  const index = await createSearchIndex({
    ...corpus,
    embeddings,
    hnswParams: params,
    onTimings: (t) => (timings = t),
    onProgress: (done, total) => {
      if (done < next) return;
      log(`  indexed ${done}/${total}`);
      next = done + Math.max(1000, Math.floor(total / 10));
    },
  });
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const store = index.parts.store;
  const matrix = new Float32Array(corpus.chunks.length * dims);
  for (let i = 0; i < corpus.chunks.length; i += 1) matrix.set(store.vectorOf(i), i * dims);
  return {
    index,
    store,
    matrix,
    embeddings,
    build: {
      tokenizeAndEmbedMs: timings.tokenizeAndEmbedMs,
      bm25Ms: timings.bm25Ms,
      hnswMs: timings.hnswMs,
      totalMs,
      totalCpuMs: (cpu.user + cpu.system) / 1000,
    },
  };
}

async function measureSearch(built: Built, queries: string[], dims: number) {
  for (const query of queries.slice(0, 20)) await built.index.search(query, { k: 5 }); // warm-up
  const hybrid: number[] = [];
  const hybridCpu: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await built.index.search(query, { k: 5 });
    hybrid.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    hybridCpu.push((cpu.user + cpu.system) / 1000);
  }
  const vector: number[] = [];
  const exact: number[] = [];
  let recall = 0;
  for (const query of queries) {
    const q = built.embeddings.embedSync(query);
    const asArray = Array.from(q);
    const [approx, vectorMs] = timeSync(() => built.store.searchLabels(asArray, 10));
    const [truth, exactMs] = timeSync(() => bruteForce(built.matrix, dims, q, 10));
    vector.push(vectorMs);
    exact.push(exactMs);
    const threshold = (truth[truth.length - 1]?.score ?? 0) - 1e-5;
    const truthSet = new Set(truth.map((t) => t.index));
    const hits = approx.filter((a) => truthSet.has(a.label) || a.similarity >= threshold).length;
    recall += hits / Math.max(truth.length, 1);
  }
  return {
    hybrid: stats(hybrid),
    hybridCpu: stats(hybridCpu),
    vector: stats(vector),
    exact: stats(exact),
    recall: recall / queries.length,
  };
}

/** Saves the built index with `saveIndexCache`, then times `loadOrBuildIndex` reading it back. */
async function measureCache(
  built: Built,
  corpus: { chunks: Chunk[]; documents: SourceDocument[] },
  log: (line: string) => void,
): Promise<{ saveMs: number; loadMs: number; sizeMb: number }> {
  const root = await mkdtemp(path.join(tmpdir(), 'bench-cache-'));
  try {
    const input = {
      cacheDir: path.join(root, 'index'),
      knowledgeHash: 'bench',
      embeddings: built.embeddings,
    };
    log('saving index cache…');
    let started = performance.now();
    await saveIndexCache(built.index, input);
    const saveMs = performance.now() - started;
    log('loading index cache…');
    started = performance.now();
    const loaded = await loadOrBuildIndex({ ...input, ...corpus });
    const loadMs = performance.now() - started;
    if (loaded.rebuilt) throw new Error(`bench: the cache just written was not loaded (${loaded.reason})`);
    let bytes = 0;
    for (const entry of await readdir(input.cacheDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    }
    return { saveMs, loadMs, sizeMb: bytes / 1024 / 1024 };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Generates the corpus, builds the index, measures it. Takes ~1–2 minutes at 100k chunks. */
export async function runScaleBench(options: ScaleBenchOptions = {}): Promise<ScaleBenchResult> {
  const count = options.chunks ?? 100_000;
  const dims = options.dimensions ?? new HashedEmbeddings().dimensions;
  const params: HnswParams = { ...DEFAULT_HNSW_PARAMS, ...options.hnsw };
  const log = options.log ?? (() => {});
  log(`generating ${count} chunks…`);
  const corpus = generateCorpus(count, options.seed ?? 42);
  const built = await buildIndex(corpus, dims, params, log);
  const queries = generateQueries(
    corpus.chunks,
    options.queries ?? 200,
    createRandom((options.seed ?? 42) + 1),
  );
  log('searching…');
  const measured = await measureSearch(built, queries, dims);
  const cache = options.cache ? await measureCache(built, corpus, log) : undefined;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  return {
    chunks: count,
    queries: queries.length,
    dimensions: dims,
    hnsw: params,
    build: built.build,
    hybridSearch: measured.hybrid,
    hybridSearchCpu: measured.hybridCpu,
    vectorSearch: measured.vector,
    bruteForce: measured.exact,
    recallAt10: measured.recall,
    speedup: measured.exact.meanMs / Math.max(measured.vector.meanMs, 1e-6),
    ...(cache ? { cache } : {}),
    peakRssMb,
    loadAverage: loadavg()[0] ?? 0,
    targets: {
      buildUnder120s: built.build.totalMs <= 120_000,
      p95Under50ms: measured.hybrid.p95Ms <= 50,
      recallAtLeast095: measured.recall >= 0.95,
    },
  };
}

/** The result as a plain-text table. */
export function formatScaleBench(r: ScaleBenchResult): string {
  const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const rows: [string, string, string][] = [
    ['corpus', `${r.chunks} chunks, ${r.dimensions} dims, ${r.queries} queries`, ''],
    ['hnsw params', `M=${r.hnsw.m} efConstruction=${r.hnsw.efConstruction} ef=${r.hnsw.efSearch}`, ''],
    ['build: tokenize + embed', ms(r.build.tokenizeAndEmbedMs), ''],
    ['build: BM25 postings', ms(r.build.bm25Ms), ''],
    ['build: hnsw', ms(r.build.hnswMs), ''],
    ['build: total', ms(r.build.totalMs), `≤ 120 s ${mark(r.targets.buildUnder120s)}`],
    ['build: total CPU time', ms(r.build.totalCpuMs), 'what an idle machine would take'],
    [
      'hybrid search p50 / p95',
      `${ms(r.hybridSearch.p50Ms)} / ${ms(r.hybridSearch.p95Ms)}`,
      `p95 ≤ 50 ms ${mark(r.targets.p95Under50ms)}`,
    ],
    ['hybrid search CPU p50 / p95', `${ms(r.hybridSearchCpu.p50Ms)} / ${ms(r.hybridSearchCpu.p95Ms)}`, ''],
    ['hnsw k=10 p50 / p95', `${ms(r.vectorSearch.p50Ms)} / ${ms(r.vectorSearch.p95Ms)}`, ''],
    ['brute force k=10 p50 / p95', `${ms(r.bruteForce.p50Ms)} / ${ms(r.bruteForce.p95Ms)}`, ''],
    ['hnsw speed-up (mean)', `${r.speedup.toFixed(1)}×`, ''],
    ['hnsw recall@10', r.recallAt10.toFixed(4), `≥ 0.95 ${mark(r.targets.recallAtLeast095)}`],
    ...(r.cache
      ? ([
          ['index cache save / load', `${ms(r.cache.saveMs)} / ${ms(r.cache.loadMs)}`, ''],
          ['index cache size', `${r.cache.sizeMb.toFixed(0)} MB`, ''],
        ] as [string, string, string][])
      : []),
    ['peak RSS', `${r.peakRssMb.toFixed(0)} MB`, ''],
    ['load average (1 min)', r.loadAverage.toFixed(1), 'timings are inflated when this exceeds the 2 cores'],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  const valueWidth = Math.max(...rows.map((row) => row[1].length));
  return rows
    .map(([name, value, target]) => `${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target}`.trimEnd())
    .join('\n');
}

function parseArgs(argv: string[]): ScaleBenchOptions {
  const value = (flag: string): number | undefined => {
    const at = argv.indexOf(flag);
    if (at < 0) return undefined;
    const parsed = Number(argv[at + 1]);
    if (!Number.isFinite(parsed) || parsed <= 0)
      throw new Error(`${flag} needs a positive number, e.g. ${flag} 10000`);
    return parsed;
  };
  const hnsw: Partial<HnswParams> = {};
  const m = value('--m');
  const efc = value('--efc');
  const ef = value('--ef');
  if (m !== undefined) hnsw.m = m;
  if (efc !== undefined) hnsw.efConstruction = efc;
  if (ef !== undefined) hnsw.efSearch = ef;
  const options: ScaleBenchOptions = {
    hnsw,
    cache: argv.includes('--cache'),
    log: (line) => process.stderr.write(`${line}\n`),
  };
  const chunks = value('--chunks');
  const queries = value('--queries');
  const dims = value('--dims');
  if (chunks !== undefined) options.chunks = chunks;
  if (queries !== undefined) options.queries = queries;
  if (dims !== undefined) options.dimensions = dims;
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runScaleBench(parseArgs(process.argv.slice(2)));
  process.stdout.write(`${formatScaleBench(result)}\n`);
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
}
