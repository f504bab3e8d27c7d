import type { Language } from '../answer.js';
import type { CiteQuote } from './cite.js';
import type { Draft } from './draft.js';
import { englishDate } from './english-gloss.js';
import type { ScoredPassage } from './passage-answer.js';
import type { TermWeight } from './relevance.js';
import { bestStatingPiece, statedAnswer } from './stated-piece.js';

const DATE = /(\d{1,2})月(\d{1,2})日/;
/** A year the report states for something ("2022年度"), for "哪一年" questions. */
const YEAR = /(19|20)\d\d年/;
/** The deed whose date is asked: "哪一天全部完成的" → 完成. */
const DONE_ASKED =
  /(?:哪一?天|几号|几月几[日号]|什么时候|啥时候|何时)[^，。？?]{0,6}?([\u4e00-\u9fa5]{2})的[？?]?$/;

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
  yearAsked = false,
  question = '',
): Draft | undefined {
  // "…是哪一天全部完成的": the sentence must say what was done (完成), not only share other words.
  const done = DONE_ASKED.exec(question)?.[1];
  const asked = done ? [...terms, done] : terms;
  const best = bestStatingPiece(passages, asked, weight, yearAsked ? YEAR : DATE, /(?<=[。；！？])/);
  if (!best) return undefined;
  const [date] = best.match;
  const lead =
    language === 'zh'
      ? `${yearAsked ? '年份' : '日期'}：${date}。`
      : yearAsked
        ? `Year: ${date.replace('年', '')}.`
        : `Date: ${englishDate(date) ?? date}.`;
  return statedAnswer(lead, best.doc, best.text, language, cite);
}
