/** The scale benchmark's result, its targets (issue 13, "The index at scale") and its table. */
import type { HnswParams } from '../src/retrieval/vector-index.js';
import type { LatencyStats } from './bench-scale-measure.js';

export const SCALE_TARGETS = {
  recallAt10: 0.99,
  /** hnsw over exact search, in CPU time. */
  speedup: 20,
  hybridP95Ms: 30,
  buildCpuMs: 60_000,
  peakRssMb: 700,
} as const;

export interface ScaleBenchResult {
  chunks: number;
  queries: number;
  dimensions: number;
  embedderId: string;
  hnsw: HnswParams;
  build: {
    tokenizeAndEmbedMs: number;
    bm25Ms: number;
    hnswMs: number;
    totalMs: number;
    totalCpuMs: number;
    /** Peak RSS of the process when the build finished (corpus + index + build garbage). */
    peakRssMb: number;
  };
  /** Full hybrid search (BM25 + query embedding + hnsw + fusion + re-rank), warm. */
  hybridSearch: LatencyStats;
  /** The same searches in process CPU time: what the latency would be on an idle machine. */
  hybridSearchCpu: LatencyStats;
  /** Share of queries whose source chunk (the one their words came from) is in the hybrid top 5. */
  hybridSourceHitAt5: number;
  /** hnsw k=10 alone, warm. */
  vectorSearch: LatencyStats;
  /** Exact cosine k=10 over all vectors. */
  bruteForce: LatencyStats;
  /** Mean share of the exact top 10 that hnsw returns (ties with the 10th count as hits). */
  recallAt10: number;
  /** Brute-force mean latency / hnsw mean latency, wall-clock. */
  speedup: number;
  /** The same ratio in CPU time (the target): waiting for a core inflates the long scans more. */
  speedupCpu: number;
  /** Recall and CPU speed-up at other ef values on the same index (`--ef-sweep`). */
  efSweep: { ef: number; recallAt10: number; cpuMeanMs: number; speedupCpu: number }[];
  /** Index cache save, and load in a new process, at this size, when `cache` was set. */
  cache?: {
    saveMs: number;
    loadMs: number;
    sizeMb: number;
    /** Peak RSS of the loading process with the corpus alone and with the index loaded. */
    loadCorpusRssMb: number;
    loadPeakRssMb: number;
  };
  /** Peak RSS of the bench process: build, searches, the vectors copied for exact search, save. */
  peakRssMb: number;
  /** 1-minute load average at the end: other processes on the machine inflate every timing. */
  loadAverage: number;
  targets: {
    recall: boolean;
    speedup: boolean;
    hybridP95: boolean;
    buildCpu: boolean;
    peakRss: boolean;
  };
}

/** Which targets a result meets. */
export function checkTargets(r: Omit<ScaleBenchResult, 'targets'>): ScaleBenchResult['targets'] {
  return {
    recall: r.recallAt10 >= SCALE_TARGETS.recallAt10,
    speedup: r.speedupCpu >= SCALE_TARGETS.speedup,
    hybridP95: r.hybridSearch.p95Ms <= SCALE_TARGETS.hybridP95Ms,
    buildCpu: r.build.totalCpuMs <= SCALE_TARGETS.buildCpuMs,
    peakRss: r.peakRssMb <= SCALE_TARGETS.peakRssMb,
  };
}

/** The result as a plain-text table. */
export function formatScaleBench(r: ScaleBenchResult): string {
  const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const t = SCALE_TARGETS;
  const rows: [string, string, string][] = [
    ['corpus', `${r.chunks} chunks, ${r.queries} queries`, ''],
    ['embedder', `${r.embedderId} (${r.dimensions} dims)`, ''],
    ['hnsw params', `M=${r.hnsw.m} efConstruction=${r.hnsw.efConstruction} ef=${r.hnsw.efSearch}`, ''],
    ['build: tokenize + embed', ms(r.build.tokenizeAndEmbedMs), ''],
    ['build: BM25 postings', ms(r.build.bm25Ms), ''],
    ['build: hnsw', ms(r.build.hnswMs), ''],
    ['build: total', ms(r.build.totalMs), ''],
    [
      'build: total CPU time',
      ms(r.build.totalCpuMs),
      `≤ ${t.buildCpuMs / 1000} s ${mark(r.targets.buildCpu)}`,
    ],
    [
      'hybrid search p50 / p95',
      `${ms(r.hybridSearch.p50Ms)} / ${ms(r.hybridSearch.p95Ms)}`,
      `p95 ≤ ${t.hybridP95Ms} ms ${mark(r.targets.hybridP95)}`,
    ],
    ['hybrid search CPU p50 / p95', `${ms(r.hybridSearchCpu.p50Ms)} / ${ms(r.hybridSearchCpu.p95Ms)}`, ''],
    ['hybrid: source chunk in top 5', `${(r.hybridSourceHitAt5 * 100).toFixed(1)}%`, ''],
    ['hnsw k=10 p50 / p95', `${ms(r.vectorSearch.p50Ms)} / ${ms(r.vectorSearch.p95Ms)}`, ''],
    ['brute force k=10 p50 / p95', `${ms(r.bruteForce.p50Ms)} / ${ms(r.bruteForce.p95Ms)}`, ''],
    ['hnsw speed-up (mean, wall)', `${r.speedup.toFixed(1)}×`, ''],
    [
      'hnsw speed-up (mean, CPU)',
      `${r.speedupCpu.toFixed(1)}×`,
      `≥ ${t.speedup}× ${mark(r.targets.speedup)}`,
    ],
    ['hnsw recall@10', r.recallAt10.toFixed(4), `≥ ${t.recallAt10} ${mark(r.targets.recall)}`],
    ...r.efSweep.map((e): [string, string, string] => [
      `  at ef=${e.ef}: recall@10 / CPU speed-up`,
      `${e.recallAt10.toFixed(4)} / ${e.speedupCpu.toFixed(1)}× (${ms(e.cpuMeanMs)})`,
      '',
    ]),
    ...(r.cache
      ? ([
          ['index cache save / load', `${ms(r.cache.saveMs)} / ${ms(r.cache.loadMs)}`, ''],
          ['index cache size', `${r.cache.sizeMb.toFixed(0)} MB`, ''],
          [
            'cached start peak RSS (corpus / + index)',
            `${r.cache.loadCorpusRssMb.toFixed(0)} MB / ${r.cache.loadPeakRssMb.toFixed(0)} MB`,
            '',
          ],
        ] as [string, string, string][])
      : []),
    ['peak RSS after build', `${r.build.peakRssMb.toFixed(0)} MB`, ''],
    [
      'peak RSS (build, search, save)',
      `${r.peakRssMb.toFixed(0)} MB`,
      `≤ ${t.peakRssMb} MB ${mark(r.targets.peakRss)}`,
    ],
    ['load average (1 min)', r.loadAverage.toFixed(1), 'timings are inflated when this exceeds the 2 cores'],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  const valueWidth = Math.max(...rows.map((row) => row[1].length));
  return rows
    .map(([name, value, target]) => `${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target}`.trimEnd())
    .join('\n');
}
