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
      entry.english.find((v) => matchesEnglish(q, v)) ??
      (q.includes(entry.term) ? entry.term : undefined);
    if (variant !== undefined) matches.push({ term: entry.original, variant });
  }
  // "demobilized servicemen" are veterans (退役军人), not the serving soldiers "servicemen" alone
  // would name: an English phrase inside a longer matched phrase of another entry does not count.
  const isEnglish = (v: string) => !/[\u3400-\u9fff]/.test(v);
  return matches.filter(
    (m) =>
      !isEnglish(m.variant) ||
      !matches.some(
        (other) =>
          other.variant.length > m.variant.length &&
          isEnglish(other.variant) &&
          other.variant.includes(m.variant),
      ),
  );
}

/**
 * Every colloquial word of the question the glossary knows, not only the first per entry:
 * "军休总站的老干部" uses 军休 and 老干部, both words for 军休干部. Words inside one another
 * (维权, 信访维权) count once.
 */
export function colloquialWordsUsed(text: string, glossary: readonly GlossaryEntry[]): string[] {
  const q = normaliseForMatch(text);
  return preparedOf(glossary).flatMap((entry) =>
    entry.colloquial
      .filter((v) => v.length > 0 && q.includes(v))
      .filter((v, i, all) => !all.slice(0, i).some((w) => w.includes(v) || v.includes(w))),
  );
}

/** A glossary entry's normalised variants, made once per glossary. */
interface PreparedEntry {
  original: string;
  term: string;
  colloquial: string[];
  english: string[];
}

const prepared = new WeakMap<readonly GlossaryEntry[], PreparedEntry[]>();

/** Normalising every variant per question cost a one-shot ask ~10 ms. */
function preparedOf(glossary: readonly GlossaryEntry[]): PreparedEntry[] {
  let entries = prepared.get(glossary);
  if (!entries) {
    entries = glossary.map((entry) => ({
      original: entry.term,
      term: normaliseForMatch(entry.term),
      colloquial: entry.colloquial.map(normaliseForMatch),
      english: entry.english.map(normaliseForMatch),
    }));
    prepared.set(glossary, entries);
  }
  return entries;
}

const isLetter = (code: number): boolean => code >= 0x61 && code <= 0x7a;
const letterAt = (q: string, i: number): boolean => i >= 0 && i < q.length && isLetter(q.charCodeAt(i));

/**
 * The phrase as whole words of `q` (plural -s/-es allowed): what the regular expression
 * `(^|[^a-z])phrase(s|es)?([^a-z]|$)` matches, found with indexOf — compiling ~500 such
 * expressions cost a one-shot ask ~20 ms. Phrases under two characters never match.
 */
function matchesEnglish(q: string, phrase: string): boolean {
  if (phrase.length < 2) return false;
  for (let at = q.indexOf(phrase); at >= 0; at = q.indexOf(phrase, at + 1)) {
    if (letterAt(q, at - 1)) continue;
    const end = at + phrase.length;
    if (!letterAt(q, end)) return true;
    if (q[end] === 's' && !letterAt(q, end + 1)) return true;
    if (q.startsWith('es', end) && !letterAt(q, end + 2)) return true;
  }
  return false;
}
