import { getJieba } from './tokenizer.js';
import { normaliseForMatch } from '../knowledge/normalise.js';

/** jieba part-of-speech tags of nouns: common, proper (person, place, organisation, other), idioms. */
const NOUN_TAGS = new Set(['n', 'nr', 'ns', 'nt', 'nz', 'l']);

/** 评个, 办个: a verb and its measure word, which jieba tags as a noun. */
export const isVerbAndMeasure = (word: string): boolean => /^.个$/.test(word);

/**
 * The nouns of a text (two characters or more), for telling what a question is about. A verb and
 * its measure word (评个, 办个) are tagged as nouns by jieba, and are none.
 */
export function nounsOf(text: string): string[] {
  return getJieba()
    .tag(normaliseForMatch(text), true)
    .filter((t) => NOUN_TAGS.has(t.tag) && t.word.length >= 2 && /[\u3400-\u9fff]/.test(t.word))
    .filter((t) => !isVerbAndMeasure(t.word))
    .map((t) => t.word);
}

/** The shorter dictionary words inside a word (干部作风 → 干部, 作风). */
export function subWords(word: string): string[] {
  return getJieba()
    .cutForSearch(word, false)
    .filter((w) => w !== word && w.length >= 2);
}
