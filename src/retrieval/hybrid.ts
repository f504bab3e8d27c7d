import { extractNumbers, normaliseForMatch, segment } from './tokenizer.js';

/**
 * Hybrid ranking: reciprocal rank fusion of the BM25 and vector lists, then a cheap re-rank on
 * signals neither list sees well — the query's exact phrases and numbers, and section titles.
 * Pure: candidates in, ordered candidates out.
 */

/** The RRF constant; 60 is the value from Cormack et al. and works without tuning. */
export const RRF_K = 60;

/**
 * Bonus weights, in RRF units: a top-1 rank in one list is worth 1/61 ≈ 0.016. A number the user
 * typed (a year, "1041") that occurs in the chunk is the strongest evidence in this corpus of
 * work reports, so it outweighs a rank difference; phrase and title matches only break near-ties.
 */
const BONUS = {
  bm25: 0.016,
  number: 0.02,
  phrase: 0.016,
  title: 0.005,
  boost: 0.003,
  maxBoost: 0.009,
} as const;

/** What the re-ranker looks for, computed once per query. */
export interface QueryFeatures {
  /** Numbers typed in the query (half-width), e.g. `2022`, `1041`. */
  numbers: string[];
  /** CJK n-grams (2–4 characters) of the query and English words, with their length as weight. */
  phrases: { text: string; weight: number }[];
  /** Query words (jieba words, English words) for section-title matching. */
  words: string[];
  /** Glossary expansions, normalised. */
  boostTerms: string[];
}

/** Extracts the re-ranking features of a query. */
export function analyseQuery(query: string, boostTerms: readonly string[] = []): QueryFeatures {
  const { words, cjkRuns } = segment(query);
  const phrases: { text: string; weight: number }[] = [];
  const seen = new Set<string>();
  for (const run of cjkRuns) {
    const chars = Array.from(run);
    for (let n = 2; n <= 4; n += 1) {
      for (let i = 0; i + n <= chars.length; i += 1) {
        const text = chars.slice(i, i + n).join('');
        if (!seen.has(text)) phrases.push({ text, weight: n });
        seen.add(text);
      }
    }
  }
  for (const word of words) {
    if (/^[a-z]/.test(word) && !seen.has(word)) phrases.push({ text: word, weight: 2 });
    seen.add(word);
  }
  return {
    numbers: [...new Set(extractNumbers(query))],
    phrases,
    words: [...new Set(words.filter((w) => Array.from(w).length >= 2 || /^[a-z0-9]/.test(w)))],
    boostTerms: boostTerms.map(normaliseForMatch).filter((t) => t.length > 0),
  };
}

/** A number occurs in `text` as a whole number: `1041` matches `1041座`, not `10413`. */
function hasNumber(text: string, value: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(value, from);
    if (at < 0) return false;
    const before = text[at - 1] ?? '';
    const after = text[at + value.length] ?? '';
    if (!/[\d.]/.test(before) && !/\d/.test(after)) return true;
    from = at + 1;
  }
}

/**
 * The re-rank bonus of one chunk for a query. `text` and `title` must already be normalised with
 * `normaliseForMatch` (half-width, lower case).
 */
export function rerankBonus(features: QueryFeatures, text: string, title: string): number {
  let bonus = 0;
  for (const value of features.numbers) {
    // A year in the section heading (三、2023年工作打算) dates every chunk under it, at half weight.
    if (hasNumber(text, value)) bonus += BONUS.number;
    else if (hasNumber(title, value)) bonus += BONUS.number / 2;
  }
  let matched = 0;
  let total = 0;
  for (const { text: phrase, weight } of features.phrases) {
    total += weight;
    if (text.includes(phrase)) matched += weight;
  }
  if (total > 0) bonus += (BONUS.phrase * matched) / total;
  if (features.words.length > 0 && title.length > 0) {
    const inTitle = features.words.filter((w) => title.includes(w)).length;
    bonus += (BONUS.title * inTitle) / features.words.length;
  }
  let boost = 0;
  for (const term of features.boostTerms) if (text.includes(term)) boost += BONUS.boost;
  return bonus + Math.min(boost, BONUS.maxBoost);
}

/** A candidate's place in the two lists (1-based ranks) and its fused score. */
export interface FusedCandidate {
  /** Position of the chunk in the index. */
  index: number;
  bm25Rank?: number;
  vectorRank?: number;
  score: number;
}

/**
 * Weighted reciprocal rank fusion: score = Σ weight / (k + rank) over the lists that hold the
 * candidate (BM25 weight 1).
 */
export function fuseRanks(
  bm25: readonly number[],
  vector: readonly number[],
  k = RRF_K,
  vectorWeight = 1,
): FusedCandidate[] {
  const byIndex = new Map<number, FusedCandidate>();
  const get = (index: number) => {
    let candidate = byIndex.get(index);
    if (!candidate) byIndex.set(index, (candidate = { index, score: 0 }));
    return candidate;
  };
  bm25.forEach((index, i) => {
    const candidate = get(index);
    candidate.bm25Rank = i + 1;
    candidate.score += 1 / (k + i + 1);
  });
  vector.forEach((index, i) => {
    const candidate = get(index);
    candidate.vectorRank = i + 1;
    candidate.score += vectorWeight / (k + i + 1);
  });
  return [...byIndex.values()];
}

/**
 * RRF sees only ranks, so a chunk BM25 scores far above the rest (it holds the rare words of the
 * query) would tie with one the vector list likes. This adds BONUS.bm25 × score / best score.
 */
function bm25Strength(
  indices: readonly number[],
  scores: readonly number[] | undefined,
): Map<number, number> {
  const strength = new Map<number, number>();
  const best = scores?.[0];
  if (!scores || best === undefined || best <= 0) return strength;
  indices.forEach((index, i) => strength.set(index, (BONUS.bm25 * (scores[i] ?? 0)) / best));
  return strength;
}

/** The text a candidate is re-ranked on. */
export interface RerankText {
  text: string;
  title: string;
}

/**
 * Fuses the two ranked lists, adds the re-rank bonus and returns the best `k`, best first. Unless
 * `keepVectorOnly`, a candidate found only by the vector list must still share something with the
 * query (a phrase, number or boost term): with lexical (hashed) vectors such a candidate is the
 * nearest noise, and a query about nothing in the corpus should return nothing. Semantic
 * embedders (OpenAI) find real matches without overlap, so callers keep them.
 */
export function hybridRank(input: {
  bm25: readonly number[];
  /** BM25 scores aligned with `bm25`; a clear BM25 winner keeps its lead after fusion. */
  bm25Scores?: readonly number[];
  vector: readonly number[];
  /** Weight of the vector list in the fusion (BM25 has 1). */
  vectorWeight?: number;
  features: QueryFeatures;
  /** The candidate's text and section title, already normalised with `normaliseForMatch`. */
  textOf: (index: number) => RerankText;
  k: number;
  keepVectorOnly?: boolean;
}): FusedCandidate[] {
  const ranked: FusedCandidate[] = [];
  const strength = bm25Strength(input.bm25, input.bm25Scores);
  for (const candidate of fuseRanks(input.bm25, input.vector, RRF_K, input.vectorWeight)) {
    const { text, title } = input.textOf(candidate.index);
    const bonus = rerankBonus(input.features, text, title);
    if (!input.keepVectorOnly && candidate.bm25Rank === undefined && bonus === 0) continue;
    ranked.push({ ...candidate, score: candidate.score + bonus + (strength.get(candidate.index) ?? 0) });
  }
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, input.k);
}
