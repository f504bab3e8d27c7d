import type { GlossaryEntry } from '../../knowledge/types.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';

/**
 * Official terms for the colloquial or English words in a question (老兵 → 退役军人,
 * "pass rate" → 合格率). Retrieval adds them as extra query terms, which is what lets English and
 * colloquial questions find passages written in official Chinese.
 */
export function expandQuery(text: string, glossary: readonly GlossaryEntry[]): string[] {
  const q = normaliseForMatch(text);
  const terms = new Set<string>();
  for (const entry of glossary) {
    const hit =
      entry.colloquial.some((variant) => variant.length > 0 && q.includes(normaliseForMatch(variant))) ||
      entry.english.some((variant) => matchesEnglish(q, normaliseForMatch(variant))) ||
      q.includes(normaliseForMatch(entry.term));
    if (hit) terms.add(entry.term);
  }
  return [...terms];
}

function matchesEnglish(q: string, phrase: string): boolean {
  if (phrase.length < 2) return false;
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z])${escaped}(s|es)?([^a-z]|$)`).test(q);
}
