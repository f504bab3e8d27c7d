import type { Kpi } from '../../knowledge/types.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';

/**
 * Finds the curated indicator a question is about, by its Chinese/English names and aliases.
 * A whole alias in the question wins (longest first); otherwise a long enough shared substring
 * counts ("合格率" → 培训合格率), so people need not know the official name.
 */
export interface MetricMatch {
  kpi: Kpi;
  score: number;
}

export function findMetric(question: string, kpis: readonly Kpi[]): MetricMatch | undefined {
  const q = normaliseForMatch(question);
  let best: MetricMatch | undefined;
  for (const kpi of kpis) {
    const score = scoreKpi(q, kpi);
    if (score > 0 && (!best || score > best.score)) best = { kpi, score };
  }
  return best;
}

/** How a question asks, not what about: never evidence for an indicator ("了多少" matches nothing). */
const FUNCTION_CHARS = /多少|几|了|的|吗|呢|啊|是|有|什么|怎么|哪些|哪|个|去年|今年|\s/g;

function scoreKpi(q: string, kpi: Kpi): number {
  let best = 0;
  const qCore = q.replace(FUNCTION_CHARS, '');
  for (const name of [kpi.nameZh, kpi.nameEn, ...kpi.aliases]) {
    const alias = normaliseForMatch(name);
    if (alias.length < 2) continue;
    if (isLatin(alias)) {
      best = Math.max(best, scoreEnglish(q, alias));
      continue;
    }
    if (q.includes(alias)) {
      best = Math.max(best, alias.length * 10);
      continue;
    }
    const shared = longestCommonSubstring(qCore, alias.replace(FUNCTION_CHARS, ''));
    // Three characters of a Chinese name ("合格率", "慰问金") are specific enough in this domain.
    if (shared >= 3 && shared >= alias.length * 0.5) best = Math.max(best, shared * 5);
  }
  return best;
}

const ENGLISH_STOP = new Set(['the', 'of', 'and', 'for', 'in', 'to', 'a', 'an', 'on', 'by', 'with']);
const englishWords = (s: string): string[] =>
  (s.match(/[a-z]+/g) ?? []).filter((w) => !ENGLISH_STOP.has(w)).map((w) => w.replace(/(es|s)$/, ''));

/** All of an English alias's words in the question, in any order ("graves … relocated"). */
function scoreEnglish(q: string, alias: string): number {
  const wanted = englishWords(alias);
  if (wanted.length === 0) return 0;
  const have = new Set(englishWords(q));
  const found = wanted.filter((w) => have.has(w)).length;
  if (found === wanted.length) return alias.length * 4;
  return wanted.length >= 3 && found >= wanted.length - 1 ? alias.length * 2 : 0;
}

const isLatin = (s: string): boolean => /^[\x20-\x7e]+$/.test(s);

function longestCommonSubstring(a: string, b: string): number {
  let best = 0;
  const previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const value = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
      diagonal = above;
      previous[j] = value;
      if (value > best) best = value;
    }
  }
  return best;
}
