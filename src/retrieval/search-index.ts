import type { Chunk, DocKind, SourceDocument } from '../knowledge/types.js';
import { Bm25Index, type Bm25Builder, type Bm25Document, type WeightedTerm } from './bm25.js';
import type { IdentifiedEmbeddings } from './embedder.js';
// The one adapter the search index builds itself: the native graph its vectors go into.
import { HnswIndex } from '../adapters/retrieval/hnsw-index.js';
import type { HnswParams, VectorIndex } from './vector-index.js';
import type { HashedEmbedder } from './hashed-embedder.js';
import { analyseQuery, hybridRank, type RerankText } from './hybrid.js';
import { normaliseForMatch, segment, tokenize, tokensOf } from './tokenizer.js';

export interface SearchOptions {
  /** Number of hits (default 5). */
  k?: number;
  /** Glossary expansions of the query (老兵 → 退役军人); they count as query terms, weighted lower. */
  boostTerms?: string[];
  /** Only chunks of documents of these kinds. */
  kinds?: DocKind[];
  /** Leave out chunks of these document ids (e.g. superseded documents). */
  excludeDocs?: string[];
}

export interface SearchHit {
  chunk: Chunk;
  /** Fused score: RRF of both lists plus the re-rank bonus. Higher is better; not a probability. */
  score: number;
  /** 1-based rank in the BM25 list, when BM25 found the chunk. */
  bm25Rank?: number;
  /** 1-based rank in the vector list, when the vector search found the chunk. */
  vectorRank?: number;
}

export interface SearchIndex {
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** Number of indexed chunks. */
  readonly size: number;
}

/** The parts an index is made of; the index cache saves and restores them. */
export interface SearchIndexParts {
  chunks: Chunk[];
  documents: SourceDocument[];
  bm25: Bm25Index;
  /** Vector index whose labels are positions in `chunks`. */
  store: VectorIndex;
  embeddings: IdentifiedEmbeddings;
}

/** RRF weight of the vector list when the embedder is the lexical hashed one (see HybridSearchIndex). */
const HASHED_VECTOR_WEIGHT = 0.5;
/** Weight of a boost term relative to a term the user typed. */
const BOOST_WEIGHT = 0.5;
/** Candidates taken from each list before fusion; enough for the re-rank to reorder the top. */
const MIN_CANDIDATES = 40;
/** Chunks embedded per batch while building; bounds memory and paces `onProgress`. */
const EMBED_BATCH = 512;

/** The BM25 fields of a chunk: its text, and its section path as the (lower-weighted) title. */
export function toBm25Document(chunk: Chunk): Bm25Document {
  return { body: tokenize(chunk.text), title: tokenize(chunk.sectionPath.join(' ')) };
}

/**
 * BM25 query terms: every token the user typed at weight 1, plus the tokens of each boost term
 * sharing BOOST_WEIGHT between them. Sharing matters: 退役军人 yields four tokens (words and
 * bigrams), and at 0.5 each the expansion would outweigh the 老兵 the user actually typed.
 */
export function queryTerms(query: string, boostTerms: readonly string[] = []): WeightedTerm[] {
  const terms: WeightedTerm[] = tokenize(query).map((term) => ({ term, weight: 1 }));
  for (const boost of boostTerms) {
    const tokens = [...new Set(tokenize(boost))];
    for (const term of tokens) terms.push({ term, weight: BOOST_WEIGHT / tokens.length });
  }
  return terms;
}

/** Build phases and their durations, for the benchmark and the ingest log. */
export interface BuildTimings {
  /** Segmentation, BM25 tokens and embeddings (interleaved: the local embedder shares segmentation). */
  tokenizeAndEmbedMs: number;
  /** Counting BM25 terms per batch, plus laying out the postings at the end. */
  bm25Ms: number;
  hnswMs: number;
}

export interface CreateSearchIndexInput {
  chunks: Chunk[];
  documents: SourceDocument[];
  embeddings: IdentifiedEmbeddings;
  onProgress?: (done: number, total: number) => void;
  hnswParams?: HnswParams;
  onTimings?: (timings: BuildTimings) => void;
}

/**
 * Builds BM25 and the vector index over `chunks` and returns the hybrid index. Streams the chunks
 * in batches — segment once, count BM25 terms, embed, insert into hnsw — so only one batch's
 * tokens and vectors are in memory at a time; reports `onProgress(done, total)` after each batch.
 * Throws whatever the embedder throws.
 */
export async function createSearchIndex(input: CreateSearchIndexInput): Promise<HybridSearchIndex> {
  const { chunks, embeddings } = input;
  const timings: BuildTimings = { tokenizeAndEmbedMs: 0, bm25Ms: 0, hnswMs: 0 };
  const bm25 = Bm25Index.builder();
  const titles = new TitleTokens();
  const store = new HnswIndex(input.hnswParams);
  input.onProgress?.(0, chunks.length);
  for (let start = 0; start < chunks.length; start += EMBED_BATCH) {
    const batch = chunks.slice(start, start + EMBED_BATCH);
    let started = performance.now();
    const { bodies, vectors } = await tokenizeAndEmbed(batch, embeddings);
    timings.tokenizeAndEmbedMs += performance.now() - started;
    started = performance.now();
    addToBm25(bm25, batch, bodies, titles);
    timings.bm25Ms += performance.now() - started;
    started = performance.now();
    store.addEmbeddings(vectors);
    timings.hnswMs += performance.now() - started;
    input.onProgress?.(start + batch.length, chunks.length);
  }
  const started = performance.now();
  const parts = { chunks, documents: input.documents, embeddings, bm25: bm25.build(), store };
  timings.bm25Ms += performance.now() - started;
  input.onTimings?.(timings);
  return new HybridSearchIndex(parts);
}

/**
 * A batch's BM25 body tokens and vectors. The local embedder reuses the segmentation, which
 * halves the build's jieba work, and its vectors stay Float32Arrays until hnsw copies them.
 */
async function tokenizeAndEmbed(
  batch: Chunk[],
  embeddings: IdentifiedEmbeddings,
): Promise<{ bodies: string[][]; vectors: ArrayLike<number>[] }> {
  if (isLocalEmbedder(embeddings)) {
    const bodies: string[][] = [];
    const vectors = batch.map((chunk) => {
      const segmented = segment(chunk.text);
      bodies.push(tokensOf(segmented));
      return embeddings.embedSegmented(segmented);
    });
    return { bodies, vectors };
  }
  const bodies = batch.map((chunk) => tokenize(chunk.text));
  return { bodies, vectors: await embeddings.embedDocuments(batch.map((c) => c.text)) };
}

/** The local hashed embedder (HashedEmbedder, or LangChain's HashedEmbeddings around it). */
function isLocalEmbedder(
  embeddings: IdentifiedEmbeddings,
): embeddings is IdentifiedEmbeddings & Pick<HashedEmbedder, 'embedSegmented'> {
  return typeof (embeddings as Partial<HashedEmbedder>).embedSegmented === 'function';
}

/** Section paths repeat across chunks, so each is tokenized once. */
class TitleTokens {
  private readonly cache = new Map<string, string[]>();

  of(chunk: Chunk): string[] {
    const key = chunk.sectionPath.join(' ');
    let title = this.cache.get(key);
    if (!title) this.cache.set(key, (title = tokenize(key)));
    return title;
  }
}

function addToBm25(bm25: Bm25Builder, batch: Chunk[], bodies: string[][], titles: TitleTokens): void {
  batch.forEach((chunk, i) => bm25.add({ body: bodies[i] ?? [], title: titles.of(chunk) }));
}

/** Hybrid BM25 + vector search over chunks, with RRF fusion and a lexical re-rank. */
export class HybridSearchIndex implements SearchIndex {
  private readonly kindOf: Map<string, DocKind>;
  /** Hashed vectors are lexical: a vector-only hit with no overlap is noise (see hybridRank). */
  private readonly keepVectorOnly: boolean;
  /** Hashed vectors are a noisier copy of BM25's lexical signal, so they count half in the fusion. */
  private readonly vectorWeight: number;
  private readonly matchTexts: (RerankText | undefined)[] = [];

  constructor(readonly parts: SearchIndexParts) {
    if (parts.bm25.docCount !== parts.chunks.length || parts.store.size !== parts.chunks.length) {
      throw new RangeError(
        `search index parts disagree: ${parts.chunks.length} chunks, BM25 has ${parts.bm25.docCount}, vector store has ${parts.store.size}`,
      );
    }
    this.kindOf = new Map(parts.documents.map((d) => [d.id, d.kind]));
    const lexicalVectors = parts.embeddings.id.startsWith('hashed-');
    this.keepVectorOnly = !lexicalVectors;
    this.vectorWeight = lexicalVectors ? HASHED_VECTOR_WEIGHT : 1;
  }

  get size(): number {
    return this.parts.chunks.length;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const k = options.k ?? 5;
    const { chunks, bm25, store, embeddings } = this.parts;
    if (k <= 0 || chunks.length === 0 || query.trim() === '') return [];
    const allow = this.filterOf(options);
    const pool = Math.max(MIN_CANDIDATES, k * 4);
    const terms = queryTerms(query, options.boostTerms);
    const bm25Hits = bm25.search(terms, pool, allow);
    const vector = await embeddings.embedQuery(query);
    const vectorHits = store.searchLabels(vector, pool, allow).map((hit) => hit.label);
    const ranked = hybridRank({
      bm25: bm25Hits.map((hit) => hit.index),
      bm25Scores: bm25Hits.map((hit) => hit.score),
      vector: vectorHits,
      vectorWeight: this.vectorWeight,
      features: analyseQuery(query, options.boostTerms),
      textOf: (index) => this.matchTextOf(index),
      k,
      keepVectorOnly: this.keepVectorOnly,
    });
    return ranked.map(({ index, score, bm25Rank, vectorRank }) => ({
      chunk: chunks[index] as Chunk,
      score,
      ...(bm25Rank === undefined ? {} : { bm25Rank }),
      ...(vectorRank === undefined ? {} : { vectorRank }),
    }));
  }

  /** Normalised text and title of a chunk, computed on first use: the re-rank reads them per query. */
  private matchTextOf(index: number): RerankText {
    let entry = this.matchTexts[index];
    if (!entry) {
      const chunk = this.parts.chunks[index] as Chunk;
      entry = { text: normaliseForMatch(chunk.text), title: normaliseForMatch(chunk.sectionPath.join(' ')) };
      this.matchTexts[index] = entry;
    }
    return entry;
  }

  private filterOf(options: SearchOptions): ((index: number) => boolean) | undefined {
    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : undefined;
    const excluded =
      options.excludeDocs && options.excludeDocs.length > 0 ? new Set(options.excludeDocs) : undefined;
    if (!kinds && !excluded) return undefined;
    const chunks = this.parts.chunks;
    return (index) => {
      const docId = (chunks[index] as Chunk).docId;
      if (excluded?.has(docId)) return false;
      const kind = this.kindOf.get(docId);
      return !kinds || (kind !== undefined && kinds.has(kind));
    };
  }
}
