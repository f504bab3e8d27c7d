import type { GlossaryEntry } from '../../knowledge/types.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';

/**
 * Official terms for the colloquial or English words in a question (老兵 → 退役军人,
 * "pass rate" → 合格率). Retrieval adds them as extra query terms, which is what lets English and
 * colloquial questions find passages written in official Chinese.
 */
export function expandQuery(text: string, glossary: readonly GlossaryEntry[]): string[] {
  return [...new Set(glossaryMatches(text, glossary).map((m) => m.term))];
}

/** Each glossary entry the question uses, with the words of the question that matched it. */
export function glossaryMatches(
  text: string,
  glossary: readonly GlossaryEntry[],
): { term: string; variant: string }[] {
  const q = normaliseForMatch(text);
  const matches: { term: string; variant: string }[] = [];
  for (const entry of glossary) {
    const variant =
      entry.colloquial.map(normaliseForMatch).find((v) => v.length > 0 && q.includes(v)) ??
      entry.english.map(normaliseForMatch).find((v) => matchesEnglish(q, v)) ??
      (q.includes(normaliseForMatch(entry.term)) ? normaliseForMatch(entry.term) : undefined);
    if (variant !== undefined) matches.push({ term: entry.term, variant });
  }
  return matches;
}

function matchesEnglish(q: string, phrase: string): boolean {
  if (phrase.length < 2) return false;
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z])${escaped}(s|es)?([^a-z]|$)`).test(q);
}
