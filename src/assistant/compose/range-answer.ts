import type { Language } from '../answer.js';
import type { CiteQuote } from './cite.js';
import type { Draft } from './draft.js';
import type { ScoredPassage } from './passage-answer.js';
import type { TermWeight } from './relevance.js';
import { bestStatingPiece, statedAnswer } from './stated-piece.js';

const RANGE_ASKED =
  /(什么|哪个|多大|啥)(区间|范围|档次|规模)|多少到多少|几到几|从多少到|多少名?[^，。？?]{0,8}的(规模|站)|规模(是|有)?多(大|少)|\b(what|which) range\b|\bbetween how many\b/i;
/** "纳入示范型创建的服务站是退役军人人数在什么区间的站": the question asks for a range. */
export const asksForARange = (question: string): boolean => RANGE_ASKED.test(question);

/** "100－299名": a range as the reports write it, with its unit. */
const RANGE = /(\d+(?:\.\d+)?)\s*[－\-—–~～至到]\s*(\d+(?:\.\d+)?)\s*(名|人|个|家|座|户|次|万元|元|%|％)?/;
const ENGLISH_UNITS: Record<string, string> = { 名: ' people', 人: ' people', '%': '%', '％': '%' };

/**
 * The range a clause of the best passages states, with that clause as the quote — a masked count
 * in the same clause (**家基层服务站) does not make the range undisclosed. Undefined when no clause
 * on the question's topic states one.
 */
export function composeRangeAnswer(
  terms: string[],
  passages: ScoredPassage[],
  weight: TermWeight,
  language: Language,
  cite: CiteQuote,
): Draft | undefined {
  const best = bestStatingPiece(passages, terms, weight, RANGE, /(?<=[。；！？，])/);
  if (!best) return undefined;
  const [, from, to, unit = ''] = best.match;
  const lead =
    language === 'zh' ? `范围：${from}－${to}${unit}。` : `Range: ${from}–${to}${ENGLISH_UNITS[unit] ?? ''}.`;
  return statedAnswer(lead, best.doc, best.text.replace(/[，。；]$/, ''), language, cite);
}
