import { getJieba } from './tokenizer.js';
import { normaliseForMatch } from '../knowledge/normalise.js';

/** jieba part-of-speech tags of nouns: common, proper (person, place, organisation, other), idioms. */
const NOUN_TAGS = new Set(['n', 'nr', 'ns', 'nt', 'nz', 'l']);

/** The nouns of a text (two characters or more), for telling what a question is about. */
export function nounsOf(text: string): string[] {
  return getJieba()
    .tag(normaliseForMatch(text), true)
    .filter((t) => NOUN_TAGS.has(t.tag) && t.word.length >= 2 && /[\u3400-\u9fff]/.test(t.word))
    .map((t) => t.word);
}

/** The shorter dictionary words inside a word (干部作风 → 干部, 作风). */
export function subWords(word: string): string[] {
  return getJieba()
    .cutForSearch(word, false)
    .filter((w) => w !== word && w.length >= 2);
}
