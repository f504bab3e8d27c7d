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
  for (const entry of preparedOf(glossary)) {
    const variant =
      entry.colloquial.find((v) => v.length > 0 && q.includes(v)) ??
      entry.english.find((e) => e.pattern?.test(q))?.phrase ??
      (q.includes(entry.term) ? entry.term : undefined);
    if (variant !== undefined) matches.push({ term: entry.original, variant });
  }
  return matches;
}

/** A glossary entry's normalised variants and English patterns, made once per glossary. */
interface PreparedEntry {
  original: string;
  term: string;
  colloquial: string[];
  english: { phrase: string; pattern: RegExp | undefined }[];
}

const prepared = new WeakMap<readonly GlossaryEntry[], PreparedEntry[]>();

/** Normalising every variant and compiling every English pattern per question cost ~40 ms a start. */
function preparedOf(glossary: readonly GlossaryEntry[]): PreparedEntry[] {
  let entries = prepared.get(glossary);
  if (!entries) {
    entries = glossary.map((entry) => ({
      original: entry.term,
      term: normaliseForMatch(entry.term),
      colloquial: entry.colloquial.map(normaliseForMatch),
      english: entry.english
        .map(normaliseForMatch)
        .map((phrase) => ({ phrase, pattern: englishPattern(phrase) })),
    }));
    prepared.set(glossary, entries);
  }
  return entries;
}

/** The phrase as a whole word or words (plural -s/-es allowed); undefined for under two characters. */
function englishPattern(phrase: string): RegExp | undefined {
  if (phrase.length < 2) return undefined;
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z])${escaped}(s|es)?([^a-z]|$)`);
}
