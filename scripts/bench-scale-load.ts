/**
 * The scale bench's cached start, in a process of its own: what a replica pays when it starts on an
 * index cache another run built. It makes the same synthetic corpus (a replica holds the chunks it
 * read from knowledge/), loads the cache with `loadOrBuildIndex` and prints one JSON line:
 * load time and this process's peak RSS with the corpus alone and with the index loaded. A peak
 * measured in the bench's own process would be the build's, not the load's.
 *
 * Run by scripts/bench-scale.ts with one argument, a CachedLoadRequest as JSON.
 */
import type { HnswParams } from '../src/retrieval/vector-index.js';
import { HashedEmbeddings } from '../src/retrieval/hashed-embeddings.js';
import { loadOrBuildIndex } from '../src/adapters/retrieval/index-cache.js';
import { generateCorpus } from './synthetic-corpus.js';

export interface CachedLoadRequest {
  cacheDir: string;
  knowledgeHash: string;
  chunks: number;
  seed: number;
  dimensions: number;
  hnsw: HnswParams;
}

export interface CachedLoadResult {
  loadMs: number;
  /** Peak RSS once the corpus is in memory, before the index is loaded. */
  corpusRssMb: number;
  /** Peak RSS with the index loaded: a replica's footprint before it serves anything. */
  peakRssMb: number;
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function main(request: CachedLoadRequest): Promise<void> {
  const corpus = generateCorpus(request.chunks, request.seed);
  const corpusRssMb = peakRssMb();
  const started = performance.now();
  const loaded = await loadOrBuildIndex({
    ...corpus,
    cacheDir: request.cacheDir,
    knowledgeHash: request.knowledgeHash,
    embeddings: new HashedEmbeddings({ dimensions: request.dimensions }),
    hnswParams: request.hnsw,
  });
  const loadMs = performance.now() - started;
  if (loaded.rebuilt) throw new Error(`the cache in ${request.cacheDir} was not loaded (${loaded.reason})`);
  const result: CachedLoadResult = { loadMs, corpusRssMb, peakRssMb: peakRssMb() };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main(JSON.parse(process.argv[2] ?? '{}') as CachedLoadRequest);
