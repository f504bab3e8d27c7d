import { Embeddings } from '@langchain/core/embeddings';
import { segment } from './tokenizer.js';

export interface HashedEmbeddingsOptions {
  /** Vector length. 512 balances quality against hnsw build time at 100k chunks (see bench-scale). */
  dimensions?: number;
}

/** Relative weights of the feature families; words carry meaning, character n-grams recall. */
const WEIGHTS = { word: 1, unigram: 0.25, bigram: 0.6, trigram: 0.5 } as const;

/**
 * 32-bit FNV-1a over UTF-16 code units. Feature keys carry a family prefix (`w`, `u`, `b`, `t`) so
 * that the word `烈士` and the bigram `烈士` land in different buckets.
 */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A deterministic local embedder: no model, no network. Features are jieba words plus character
 * 1-, 2- and 3-grams of CJK runs, signed-hashed into `dimensions` buckets (the sign bit halves the
 * bias of collisions), weighted by sublinear term frequency (1 + ln tf) and L2-normalised, so
 * cosine similarity is a dot product. It captures lexical overlap with fuzzy character matching —
 * not synonyms; glossary expansion covers those.
 */
export class HashedEmbeddings extends Embeddings {
  readonly id: string;
  readonly dimensions: number;

  constructor(options: HashedEmbeddingsOptions = {}) {
    super({});
    const dimensions = options.dimensions ?? 512;
    if (!Number.isInteger(dimensions) || dimensions < 8) {
      throw new RangeError(`HashedEmbeddings: dimensions must be an integer ≥ 8, got ${dimensions}`);
    }
    this.dimensions = dimensions;
    this.id = `hashed-v1-d${dimensions}`;
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((text) => Array.from(this.embedSync(text)));
  }

  override async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.embedSync(document));
  }

  /** The embedding as a Float32Array, synchronously (tens of microseconds per chunk). */
  embedSync(text: string): Float32Array {
    const counts = new Map<string, number>();
    const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    const { words, cjkRuns } = segment(text);
    for (const word of words) add(`w${word}`);
    for (const run of cjkRuns) {
      const chars = Array.from(run);
      for (let i = 0; i < chars.length; i += 1) {
        add(`u${chars[i]}`);
        if (i + 1 < chars.length) add(`b${chars[i]}${chars[i + 1]}`);
        if (i + 2 < chars.length) add(`t${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
      }
    }
    return this.project(counts);
  }

  private project(counts: Map<string, number>): Float32Array {
    const vector = new Float32Array(this.dimensions);
    for (const [key, tf] of counts) {
      const family =
        key[0] === 'w' ? 'word' : key[0] === 'u' ? 'unigram' : key[0] === 'b' ? 'bigram' : 'trigram';
      const hash = fnv1a(key, 0);
      const sign = hash & 0x80000000 ? -1 : 1;
      const bucket = (hash & 0x7fffffff) % this.dimensions;
      vector[bucket] = (vector[bucket] as number) + sign * WEIGHTS[family] * (1 + Math.log(tf));
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    // An empty or punctuation-only text has no features: return the zero vector, not NaNs.
    if (norm > 0) for (let i = 0; i < vector.length; i += 1) vector[i] = (vector[i] as number) / norm;
    return vector;
  }
}
