import type { Draft } from '../compose/draft.js';
import { splitClauses } from '../understand/clauses.js';
import { answerBenefits, type BenefitsContext, type BenefitsQuestion } from './answer-benefits.js';
import { asksOnlyCostOrTime, beyondTheLaws, type BeyondTheLaws } from './beyond-the-laws.js';
import { gapLine } from './card-answer.js';

/** The other part must be a clear card match: a loose one would answer a question not asked. */
const CLEAR_PART = 0.3;

/**
 * "民兵训练受伤落了残疾有抚恤吗 还能不能找保险公司赔": one part asks what the laws do not govern
 * (a commercial insurer), another what a card answers. The card answers its part, then the line
 * saying the documents do not cover the other. Undefined when no part stands apart from what the
 * laws do not govern (the whole question is about it).
 */
export function answerBesideTheLaws(
  q: BenefitsQuestion,
  beyond: BeyondTheLaws,
  ctx: BenefitsContext,
): Draft | undefined {
  const clauses = splitClauses(q.text);
  const asking = clauses.filter((c) => c.asks);
  // A part is read with the asker's circumstances ("残疾军人在单位上班 … 年终奖少发算不算违法").
  const told = clauses
    .filter((c) => !c.asks)
    .map((c) => c.text)
    .join('，');
  // "光荣牌刮坏了 能再申请一块不 要不要钱": the cost asked is the other part's, not a card's.
  const inside = clauses.filter(
    (c) => !c.asks || (!beyondTheLaws(`${told}，${c.text}`) && !asksOnlyCostOrTime(c.text)),
  );
  const insideAsking = inside.filter((c) => c.asks).length;
  if (asking.length < 2 || insideAsking === 0 || insideAsking === asking.length) return undefined;
  const text = inside.map((c) => `${c.text}${c.asks ? '？' : '，'}`).join('');
  // The whole question's glossary terms (保险) would pull the card towards the other part.
  const matched = answerBenefits({ text, language: q.language, boostTerms: [] }, ctx);
  if (!matched || matched.draft.status !== 'answered' || matched.confidence < CLEAR_PART) return undefined;
  const label = q.language === 'zh' ? beyond.label.zh : beyond.label.en;
  return { ...matched.draft, answer: `${matched.draft.answer}\n${gapLine(label, q.language)}` };
}
