import type { AnswerFigure, Language } from '../answer.js';
import type { Draft } from './draft.js';
import { formatValue } from './format-value.js';

/**
 * "送喜报再加上新兵欢送会，一共搞了多少次": the report states each figure, not their sum. With two
 * different figures in the same unit, the parts' answers are followed by the sum, computed here and
 * shown with its terms so the reader sees where it comes from (the grounding check accepts it as
 * derived). Otherwise — units that do not add up (人 and 人次), a part masked or not found, both
 * parts reading the one figure — the question is answered whole, where a total the report does not
 * give is said to be not given (counts-not-given.ts).
 */
export function withTotal(whole: Draft, merged: Draft, parts: readonly Draft[], language: Language): Draft {
  const [a, b] = parts.map(statedFigure);
  if (parts.length !== 2 || !a || !b || a.unit !== b.unit || sameFigure(a, b)) return whole;
  const total = Math.round((a.value! + b.value!) * 1e6) / 1e6;
  // "20000余" + "1000余": a sum of lower bounds is a lower bound.
  const approx = a.approx ?? b.approx;
  const value = formatValue(total, a.unit, approx ? `${total}${approx}` : '', language);
  const line =
    language === 'zh'
      ? `合计：${a.value} + ${b.value} = ${value}（按总结的数字相加）。`
      : `Together: ${a.value} + ${b.value} = ${value} (the report's figures added up).`;
  return { ...merged, answer: `${merged.answer}\n${line}`, derived: [...merged.derived, line] };
}

/** The part's figure, when it answered with one stated value. */
function statedFigure(part: Draft | undefined): AnswerFigure | undefined {
  if (part?.status !== 'answered') return undefined;
  const stated = part.figures.filter((f) => f.value !== null);
  return stated.length === 1 ? stated[0] : undefined;
}

/** "网上祭扫和实地参与的": both parts read as the one figure (网上祭扫) add nothing up. */
const sameFigure = (a: AnswerFigure, b: AnswerFigure): boolean => a.quote === b.quote && a.value === b.value;
