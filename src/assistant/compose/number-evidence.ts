import { findNumbers } from '../../knowledge/numbers.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';
import { askedUnit, countedThing } from '../understand/asked-units.js';
import { asksAboutBenefits } from '../understand/intent.js';
import type { Understanding } from '../understand/understand.js';
import { holdsFocusTerm, holdsNumberIn, ZERO_RECORD } from './answerability.js';
import type { ScoredPassage } from './passage-answer.js';
import { holdsTerm, type TermWeight } from './relevance.js';
import { anotherOccasion } from './occasions.js';

const sentencesOf = (text: string): string[] => text.split(/(?<=[。；])/);

/**
 * Whether the passages found hold the number a question asks for: a passage is offered for a
 * number question only when it states one in the asked unit, on the asked topic.
 */

/** A number question falls back to a passage only when it holds this much of the question. */
const FIGURE_FALLBACK_COVERAGE = 0.6;
/** "一年能发多少", "补多少钱": a question about an amount. */
const ASKS_AMOUNT = /多少钱|能发多少|能拿多少|能领多少|补多少|发多少|金额|how much/i;
/** Who sets an amount: the guides' way of answering "how much" when the law gives no number. */
const STATES_A_RULE = /标准|具体办法|由.{0,24}(规定|制定)|以国家和(当地|地方)规定为准|按(照)?(国家)?有关规定/;

const answersAmount = (quote: string): boolean =>
  // 第X条 is a reference, not an amount.
  STATES_A_RULE.test(quote) || findNumbers(quote).some((m) => m.value !== null && m.unit !== '条');

/** Where and how much of it (全市, 全年, 一共): rare in the report, but no subject of a figure. */
const SCOPE_WORD = /^(全市|全省|全县|全国|全年|全局|本市|我市|市里|一共|总共|合计|累计)$/;
/** Below this weight a term is in most passages (退役军人 ≈ 1.0, 烈士 ≈ 1.7, 喜报 ≈ 4.4). */
const DISTINCTIVE_WEIGHT = 1.5;
const distinctiveTerms = (terms: readonly string[], weight: TermWeight): string[] =>
  terms.filter((t) => weight(t) >= DISTINCTIVE_WEIGHT && !SCOPE_WORD.test(t));

/**
 * A number was asked for and no figure fits. A benefits question still gets its policy passage
 * ("退伍费能拿多少钱" → what the law says and who sets the amount); otherwise a passage is offered
 * only when it holds most of the question and, if a unit was asked for, a number in that unit.
 */
export function numberFallbackAllowed(
  u: Understanding,
  relevant: ScoredPassage[],
  terms: string[],
  weight: TermWeight,
): boolean {
  const best = relevant[0];
  if (!best) return false;
  // "开展了几大主题实践活动": the passage writes the count in characters (三大主题实践活动).
  const counted = /几(大|个|项|类|条|种)([\u4e00-\u9fff]{2})/.exec(u.text);
  const inCharacters = counted && new RegExp(`[一二三四五六七八九十两]${counted[1]}${counted[2]}`);
  if (inCharacters && relevant.some((r) => inCharacters.test(r.passage.quote))) return true;
  // An amount ("一年能发多少", "补多少钱") is answered with a number or with who sets it; a passage
  // that merely names the benefit ("优待金不计入收入") does not answer it.
  const amount = ASKS_AMOUNT.test(u.text);
  const answers = (quote: string) => !amount || answersAmount(quote);
  // "退伍费能拿多少钱", "多少天内报到": benefits the guides explain (and may leave to local rules).
  if (best.passage.kind === 'policy' && asksAboutBenefits(`${u.text} ${u.boostTerms.join(' ')}`)) {
    return relevant
      .slice(0, 3)
      .some((r) => answers(r.passage.quote) && holdsFocusTerm(terms, weight, r.passage.quote));
  }
  const unit = askedUnit(u.text);
  // "一共查出多少个问题": the passage must count that thing, not merely state some number.
  const thing = countedThing(u.text);
  const countsTheThing = (quote: string) =>
    !thing || new RegExp(`[\\d一二三四五六七八九十两*]+个?[^，。；]{0,4}${thing}`).test(quote);
  // "帮多少个退役军人找到了工作": 退役军人 and 工作 are in most passages; a passage that shares
  // only such words with the question is not about it.
  const distinctive = distinctiveTerms(terms, weight);
  return relevant.some(
    (r) =>
      r.coverage >= FIGURE_FALLBACK_COVERAGE &&
      distinctive.some((t) => holdsTerm(normaliseForMatch(r.passage.quote), t)) &&
      holdsFocusTerm(terms, weight, r.passage.quote) &&
      countsTheThing(r.passage.quote) &&
      (unit
        ? // "过年给退伍兵的慰问金一般多少": the 9·30 visits' 12000元 is another occasion's money.
          sentencesOf(r.passage.quote)
            .filter((sentence) => !anotherOccasion(u.text, sentence))
            .some(
              (sentence) =>
                holdsNumberIn(sentence, unit, { disclosed: true, fullScoreAnswers: false }) ||
                // "移交安置在省考里得了多少分": 双拥's 满分 in another clause is not that score.
                (!u.text.includes('满分') &&
                  sentence
                    .split(/[，。；]/)
                    .some(
                      (clause) =>
                        distinctive.some((t) => holdsTerm(normaliseForMatch(clause), t)) &&
                        holdsNumberIn(clause, unit, { disclosed: true }),
                    )),
            )
        : statesANumber(r.passage.quote)) &&
      (r.passage.kind !== 'policy' || answers(r.passage.quote)),
  );
}

/**
 * "迁移每座烈士墓的补助标准是多少元" reads as a policy question, yet asks for a number in a unit: report
 * passages none of which holds a number in that unit (masked ones count) do not answer it.
 */
export function askedUnitNotInReport(
  u: Understanding,
  relevant: ScoredPassage[],
  terms: readonly string[],
  weight: TermWeight,
): boolean {
  const unit = askedUnit(u.text);
  // "哪几项活动", "哪种资金" ask which ones, not how many.
  const countAsked = /多少|(?<!哪)几/.test(u.text);
  // Targets and overviews ("几个量化目标分别是多少") are answered by their own composers.
  const overview = ['targets_overview', 'brief', 'highlights'].includes(u.intent);
  if (!unit || !countAsked || overview || relevant[0]?.passage.kind !== 'report') return false;
  // The number stands in a clause with a distinctive word of the question: "多少名烈士遗属在享受定期
  // 抚恤" is not answered by 网上祭扫达20000余人 in a passage that names 烈士遗属 elsewhere.
  const distinctive = distinctiveTerms(terms, weight);
  const onTopic = (clause: string) =>
    distinctive.length === 0 || distinctive.some((t) => holdsTerm(normaliseForMatch(clause), t));
  const fullScoreAnswers = !u.text.includes('满分');
  return !relevant
    .slice(0, 3)
    .some((r) =>
      r.passage.quote
        .split(/[，。；]/)
        .some((c) => onTopic(c) && holdsNumberIn(c, unit, { fullScoreAnswers })),
    );
}

/**
 * A disclosed number, not a masked one ("全市**名…"): a passage whose only numbers are masked
 * would be offered as the answer to a number it cannot give (a masked figure that answers is
 * chosen as an extracted figure, with its subject checked).
 */
const statesANumber = (quote: string): boolean =>
  ZERO_RECORD.test(quote) || /\d/.test(quote.replace(/\d{1,2}月\d{1,2}日|20\d\d年/g, ''));
