import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { createLeanSegmenter, type JiebaLexicon, type Segmenter } from './jieba-lexicon.js';

/**
 * Chinese-aware tokenization for BM25 and the hashed embedder. Pure: text in, tokens out.
 *
 * Chinese has no spaces, and users type colloquial fragments ("烈士墓迁了多少"), so one
 * segmentation is not enough: jieba's search mode gives dictionary words and their sub-words,
 * and character bigrams of every CJK run catch words jieba splits differently in query and text.
 */

let jieba: Segmenter | undefined;

/**
 * jieba: over the dictionary lexicon given to `useJiebaLexicon` (the core passes the cached one),
 * else over the whole dictionary, which takes ~200 ms to load, so it is loaded once, on first use.
 */
export function getJieba(): Segmenter {
  jieba ??= Jieba.withDict(
    (createRequire(import.meta.url)('@node-rs/jieba/dict.js') as { dict: Uint8Array }).dict,
  );
  return jieba;
}

/** Segments with only the words of `lexicon` each text needs (see jieba-lexicon.ts); same results. */
export function useJiebaLexicon(lexicon: JiebaLexicon): void {
  jieba ??= createLeanSegmenter(lexicon);
}

const STOP_WORDS = new Set([
  // Chinese particles and function words that match everything.
  '的',
  '了',
  '是',
  '在',
  '和',
  '与',
  '及',
  '等',
  '呢',
  '吗',
  '啊',
  '么',
  '吧',
  '也',
  '都',
  '就',
  '有',
  '个',
  '把',
  '被',
  '对',
  '为',
  '我',
  '你',
  '他',
  '这',
  '那',
  '什么',
  '怎么',
  '多少',
  '哪些',
  '一下',
  // English.
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'for',
  'is',
  'are',
  'was',
  'were',
  'be',
  'what',
  'which',
  'how',
  'many',
  'much',
  'did',
  'do',
  'does',
  'i',
  'you',
  'it',
  'its',
  'this',
  'that',
  'with',
  'by',
  'as',
  'at',
]);

/** Matches one token-bearing run: a CJK run, an ASCII word, or a number (decimals kept whole). */
const RUN_PATTERN = /\p{Script=Han}+|[a-z][a-z'-]*[a-z]|[a-z]|\d+(?:\.\d+)?/gu;
const HAN = /^\p{Script=Han}+$/u;

/**
 * Converts full-width ASCII (Ａ-Ｚ, ０-９, ％, （）…) and the ideographic space to half-width, so
 * `１０４１` and `1041` are one token. Kept local because retrieval must not depend on the
 * knowledge loaders' normaliser being present; both follow the same Unicode mapping.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
  });
}

/** Half-width and lower case: the form both queries and texts are matched in. */
export function normaliseForMatch(text: string): string {
  return toHalfWidth(text).toLowerCase();
}

/** Crude English plural stemming: veterans → veteran, subsidies → subsidy; enough for matching. */
export function stemEnglish(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A text split into the runs the tokenizer and embedder work on. */
export interface Segmented {
  /** jieba search-mode words of CJK runs, English words (stemmed), numbers — stop words removed. */
  words: string[];
  /** The CJK runs themselves, for character n-grams. */
  cjkRuns: string[];
}

/** Splits normalised text into words and CJK runs. */
export function segment(text: string): Segmented {
  const words: string[] = [];
  const cjkRuns: string[] = [];
  const normalised = normaliseForMatch(text);
  for (const match of normalised.matchAll(RUN_PATTERN)) {
    const run = match[0];
    if (HAN.test(run)) {
      cjkRuns.push(run);
      for (const word of getJieba().cutForSearch(run, false)) {
        if (!STOP_WORDS.has(word)) words.push(word);
      }
    } else if (/^\d/.test(run)) {
      words.push(run);
    } else {
      const word = stemEnglish(run.replace(/'s$/, ''));
      if (!STOP_WORDS.has(word)) words.push(word);
    }
  }
  return { words, cjkRuns };
}

/** Character bigrams of a CJK run; a single character yields nothing (jieba already has it). */
export function cjkBigrams(run: string): string[] {
  const chars = Array.from(run);
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/**
 * Tokens for BM25: jieba search-mode words, CJK character bigrams (skipping those made only of
 * stop characters), English words lower-cased and plural-stemmed, and numbers (after full-width →
 * half-width). Order follows the text; duplicates are kept because BM25 counts them.
 */
export function tokenize(text: string): string[] {
  return tokensOf(segment(text));
}

/** `tokenize` for an already segmented text: the index build segments once for BM25 and vectors. */
export function tokensOf({ words, cjkRuns }: Segmented): string[] {
  // A lone character jieba split off (分, 高, 名) matches everywhere; the bigrams carry its
  // context. It stays only when it is a whole CJK run by itself.
  const runs = new Set(cjkRuns);
  const tokens = words.filter((w) => w.length > 1 || !HAN.test(w) || runs.has(w));
  for (const run of cjkRuns) {
    for (const gram of cjkBigrams(run)) {
      if (STOP_WORDS.has(gram)) continue;
      if (!STOP_WORDS.has(gram[0] ?? '') || !STOP_WORDS.has(gram[1] ?? '')) tokens.push(gram);
    }
  }
  return tokens;
}

/** Numbers written in a text (half-width), e.g. `2022`, `1041`, `98.5`; used by the re-ranker. */
export function extractNumbers(text: string): string[] {
  return normaliseForMatch(text).match(/\d+(?:\.\d+)?/g) ?? [];
}
