import type { Language } from '../answer.js';
import { uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { englishDate } from './english-gloss.js';
import { t } from './messages.js';
import type { ScoredPassage } from './passage-answer.js';
import { coverage, type TermWeight } from './relevance.js';

const DATE = /(\d{1,2})月(\d{1,2})日/;
/** The sentence must hold this much of the question, as a figure's sentence must. */
const MIN_SENTENCE_COVERAGE = 0.4;

/**
 * "安置任务是几号完成的": the date a sentence of the best passages states, with that sentence as
 * the quote — the figure of a date question, as "1041座" is of a count. Undefined when no
 * sentence on the question's topic states a date.
 */
export function composeDateAnswer(
  terms: string[],
  passages: ScoredPassage[],
  weight: TermWeight,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  const sentences = passages.slice(0, 3).flatMap(({ passage }) =>
    passage.quote
      .split(/(?<=[。；！？])/)
      .filter((sentence) => DATE.test(sentence))
      .map((sentence) => ({
        doc: passage.doc,
        sentence: sentence.trim(),
        score: coverage(terms, sentence, weight),
      })),
  );
  const best = sentences.sort((a, b) => b.score - a.score)[0];
  if (!best || best.score < MIN_SENTENCE_COVERAGE) return undefined;
  const [date] = DATE.exec(best.sentence) ?? [''];
  const lead = language === 'zh' ? `日期：${date}。` : `Date: ${englishDate(date) ?? date}.`;
  return draft('answered', `${lead}\n${t('quoteLabel', language)}：“${best.sentence}”`, {
    citations: uniqueCitations([cite(best.doc, best.sentence)]),
  });
}
