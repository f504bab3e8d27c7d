/**
 * The synthetic corpus of the scale benchmark: chunks made from the seed document's phrases with
 * random numbers, about one word in five swapped, and random sections, from a fixed random seed so
 * every run benchmarks the same corpus.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Chunk, DocKind, SourceDocument } from '../src/knowledge/types.js';
import { segment } from '../src/retrieval/tokenizer.js';

/** mulberry32: a tiny deterministic PRNG so every run benchmarks the same corpus. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeedMaterial {
  /** Seed phrases (text between Chinese punctuation), each cut into jieba words. */
  phrases: string[][];
  headings: string[];
  /** Words of two or more characters, for substitutions. */
  words: string[];
}

function readSeed(): SeedMaterial {
  const file = fileURLToPath(new URL('../knowledge/2022-work-summary.txt', import.meta.url));
  const text = readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const headings = lines.filter(
    (l) => /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(l) && l.length < 40,
  );
  const jieba = Jieba.withDict(dict);
  const phrases = text
    .split(/[，。；、：\n]/)
    .map((c) => c.trim())
    .filter((c) => c.length >= 4)
    .map((c) => jieba.cut(c, false));
  const words = [...new Set(phrases.flat().filter((w) => Array.from(w).length >= 2 && !/\d/.test(w)))];
  return { phrases, headings, words };
}

/**
 * One synthetic chunk: a year, then 4–8 seed phrases with digits re-drawn and about one word in
 * five swapped for another seed word. Recombining whole clauses would make thousands of
 * near-duplicates, which no real corpus has and which makes "the exact top 10" meaningless.
 */
function syntheticText(seed: SeedMaterial, random: () => number): string {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const parts: string[] = [];
  const count = 4 + Math.floor(random() * 5);
  for (let i = 0; i < count; i += 1) {
    const words = pick(seed.phrases).map((w) =>
      Array.from(w).length >= 2 && random() < 0.2 ? pick(seed.words) : w,
    );
    parts.push(words.join('').replace(/\d+/g, () => String(Math.floor(random() * 5000))));
  }
  return `${2015 + Math.floor(random() * 10)}年，${parts.join('，')}。`;
}

/** The synthetic corpus: `count` chunks in documents of 100 chunks each. */
export function generateCorpus(
  count: number,
  seedValue = 42,
): { chunks: Chunk[]; documents: SourceDocument[] } {
  const seed = readSeed();
  const random = createRandom(seedValue);
  const kinds: DocKind[] = ['report', 'policy', 'other'];
  const chunks: Chunk[] = [];
  const documents: SourceDocument[] = [];
  for (let order = 0; chunks.length < count; order += 1) {
    const docIndex = Math.floor(chunks.length / 100);
    const docId = `synthetic/doc-${docIndex}.txt`;
    if (documents.length <= docIndex) {
      documents.push({
        id: docId,
        title: `合成文档${docIndex}`,
        kind: kinds[docIndex % 3] as DocKind,
        text: '',
        hash: '',
      });
    }
    const heading = seed.headings[Math.floor(random() * seed.headings.length)] ?? '一、工作开展情况';
    const chunkOrder = chunks.length % 100;
    chunks.push({
      id: `${docId}#${chunkOrder}`,
      docId,
      sectionId: `${docId}#s${heading}`,
      sectionPath: [heading],
      text: syntheticText(seed, random),
      order: chunkOrder,
    });
  }
  return { chunks, documents };
}

/** A synthetic query and the chunk its words were taken from. */
export interface SyntheticQuery {
  text: string;
  /** Position of the source chunk in the corpus. */
  source: number;
}

/** Colloquial-ish queries: 2–4 words of a random chunk, sometimes with its year or a number. */
export function generateQueries(chunks: Chunk[], count: number, random: () => number): SyntheticQuery[] {
  const queries: SyntheticQuery[] = [];
  while (queries.length < count) {
    const source = Math.floor(random() * chunks.length);
    const chunk = chunks[source] as Chunk;
    const words = segment(chunk.text).words.filter((w) => Array.from(w).length >= 2);
    if (words.length === 0) continue;
    const picked: string[] = [];
    const n = 2 + Math.floor(random() * 3);
    for (let i = 0; i < n; i += 1) picked.push(words[Math.floor(random() * words.length)] as string);
    queries.push({ text: `${picked.join('')}${random() < 0.3 ? '是多少' : ''}`, source });
  }
  return queries;
}
