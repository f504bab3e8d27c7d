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

function scoreKpi(q: string, kpi: Kpi): number {
  let best = 0;
  for (const name of [kpi.id, kpi.nameZh, kpi.nameEn, ...kpi.aliases]) {
    const alias = normaliseForMatch(name);
    if (alias.length < 2) continue;
    if (isLatin(alias)) {
      if (new RegExp(`\\b${escapeRegExp(alias)}\\b`).test(q)) best = Math.max(best, alias.length * 4);
      continue;
    }
    if (q.includes(alias)) {
      best = Math.max(best, alias.length * 10);
      continue;
    }
    const shared = longestCommonSubstring(q, alias);
    // Three characters of a Chinese name ("合格率", "慰问金") are specific enough in this domain.
    if (shared >= 3 && shared >= alias.length * 0.5) best = Math.max(best, shared * 5);
  }
  return best;
}

const isLatin = (s: string): boolean => /^[\x20-\x7e]+$/.test(s);
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
