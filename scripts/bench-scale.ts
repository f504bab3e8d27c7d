/**
 * Scale benchmark: a synthetic corpus of N chunks (default 100k) made by recombining the seed
 * document's clauses and vocabulary with random numbers and sections (deterministic seed), then
 * index build time (wall and CPU), warm hybrid search latency, peak RSS, and hnsw recall@10 and
 * speed-up against exact cosine search, each against its target in bench-scale-report.ts.
 *
 *   npx tsx scripts/bench-scale.ts [--chunks 100000] [--queries 200] [--dims 32] [--m 24] [--efc 64] [--ef 280]
 *     [--ef-sweep 160,200,320] [--cache] [--json]
 *
 * `scripts/bench.ts` imports `runScaleBench` and `formatScaleBench`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Chunk, SourceDocument } from '../src/knowledge/types.js';
import { HashedEmbeddings } from '../src/retrieval/hashed-embeddings.js';
import { saveIndexCache } from '../src/adapters/retrieval/index-cache.js';
import { DEFAULT_HNSW_PARAMS, type HnswParams, type VectorIndex } from '../src/retrieval/vector-index.js';
import {
  createSearchIndex,
  type BuildTimings,
  type HybridSearchIndex,
} from '../src/retrieval/search-index.js';
import type { CachedLoadRequest, CachedLoadResult } from './bench-scale-load.js';
import { cpuMsSince, measureExact, measureHnsw, measureHybrid } from './bench-scale-measure.js';
import { checkTargets, formatScaleBench, type ScaleBenchResult } from './bench-scale-report.js';
import { createRandom, generateCorpus, generateQueries } from './synthetic-corpus.js';

export { formatScaleBench, type ScaleBenchResult };

const run = promisify(execFile);

export interface ScaleBenchOptions {
  chunks?: number;
  queries?: number;
  dimensions?: number;
  hnsw?: Partial<HnswParams>;
  seed?: number;
  /** Also save the index cache to a temp folder and load it back in a new process (adds ~10–30 s at 100k). */
  cache?: boolean;
  /** Also measure recall and speed-up at these ef values, on the same index. */
  efSweep?: number[];
  /** Progress lines (phase names); omitted, the bench is silent. */
  log?: (line: string) => void;
}

interface Built {
  index: HybridSearchIndex;
  store: VectorIndex;
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
  const totalCpuMs = cpuMsSince(cpuStarted);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
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
      totalCpuMs,
      peakRssMb,
    },
  };
}

/**
 * Saves the built index with `saveIndexCache`, then loads it in a new process
 * (bench-scale-load.ts), as a replica starting on a cached index would.
 */
async function measureCache(
  built: Built,
  request: Omit<CachedLoadRequest, 'cacheDir' | 'knowledgeHash'>,
  log: (line: string) => void,
): Promise<NonNullable<ScaleBenchResult['cache']>> {
  const root = await mkdtemp(path.join(tmpdir(), 'bench-cache-'));
  try {
    const cacheDir = path.join(root, 'index');
    const knowledgeHash = 'bench';
    log('saving index cache…');
    const started = performance.now();
    await saveIndexCache(built.index, { cacheDir, knowledgeHash, embeddings: built.embeddings });
    const saveMs = performance.now() - started;
    log('loading index cache in a new process…');
    const child = fileURLToPath(new URL('./bench-scale-load.ts', import.meta.url));
    const { stdout } = await run(
      process.execPath,
      [...process.execArgv, child, JSON.stringify({ ...request, cacheDir, knowledgeHash })],
      { maxBuffer: 1 << 20 },
    );
    const loaded = JSON.parse(stdout) as CachedLoadResult;
    let bytes = 0;
    for (const entry of await readdir(cacheDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    }
    return {
      saveMs,
      loadMs: loaded.loadMs,
      sizeMb: bytes / 1024 / 1024,
      loadCorpusRssMb: loaded.corpusRssMb,
      loadPeakRssMb: loaded.peakRssMb,
    };
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
  const hybrid = await measureHybrid(built.index, queries);
  log('exact search…');
  const vectors = queries.map((q) => built.embeddings.embedSync(q.text));
  const exact = measureExact(built.matrix, dims, vectors);
  log('hnsw…');
  const hnsw = measureHnsw(built.store, vectors, exact.truth);
  const efSweep = (options.efSweep ?? []).map((ef) => {
    built.store.setEfSearch(ef);
    const at = measureHnsw(built.store, vectors, exact.truth);
    return {
      ef,
      recallAt10: at.recallAt10,
      cpuMeanMs: at.cpuMeanMs,
      speedupCpu: exact.cpuMeanMs / at.cpuMeanMs,
    };
  });
  built.store.setEfSearch(params.efSearch);
  const cache = options.cache
    ? await measureCache(
        built,
        { chunks: count, seed: options.seed ?? 42, dimensions: dims, hnsw: params },
        log,
      )
    : undefined;
  const result: Omit<ScaleBenchResult, 'targets'> = {
    chunks: count,
    queries: queries.length,
    dimensions: dims,
    embedderId: built.embeddings.id,
    hnsw: params,
    build: built.build,
    hybridSearch: hybrid.wall,
    hybridSearchCpu: hybrid.cpu,
    hybridSourceHitAt5: hybrid.sourceHitAt5,
    vectorSearch: hnsw.wall,
    bruteForce: exact.wall,
    recallAt10: hnsw.recallAt10,
    speedup: exact.wall.meanMs / Math.max(hnsw.wall.meanMs, 1e-6),
    speedupCpu: exact.cpuMeanMs / Math.max(hnsw.cpuMeanMs, 1e-6),
    efSweep,
    ...(cache ? { cache } : {}),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    loadAverage: loadavg()[0] ?? 0,
  };
  return { ...result, targets: checkTargets(result) };
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
  const sweepAt = argv.indexOf('--ef-sweep');
  const efSweep = sweepAt < 0 ? [] : (argv[sweepAt + 1] ?? '').split(',').map(Number);
  if (efSweep.some((ef) => !Number.isInteger(ef) || ef < 1))
    throw new Error('--ef-sweep needs positive integers, e.g. --ef-sweep 160,200,240,320');
  const options: ScaleBenchOptions = {
    hnsw,
    efSweep,
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
