import type { DocKind, Kpi } from '../../knowledge/types.js';
import { findNumbers } from '../../knowledge/numbers.js';
import { STAFF_UPDATE_DOC } from '../tools/kpi-overlay.js';
import { asksAboutBenefits } from '../understand/intent.js';
import type { Understanding } from '../understand/understand.js';
import { holdsFocusTerm, holdsNumberIn, ZERO_RECORD } from './answerability.js';
import { askedNumber, askedUnit, asksAnotherUnit } from '../understand/asked-units.js';
import type { ComposeContext } from './compose-context.js';
import { bestExtractedFigure, type FigureCandidate } from './extracted-figure-answer.js';
import type { ScoredPassage } from './passage-answer.js';
import { contentTerms, coverage, holdsTerm, type TermWeight } from './relevance.js';
import { normaliseForMatch } from '../../knowledge/normalise.js';

/**
 * Gathering and weighing the passages an offline answer may quote: search, coverage of the
 * question, document-kind preference, and the checks that a number question is really answered.
 */

const PASSAGE_KINDS: DocKind[] = ['report', 'policy', 'other'];

/** A passage must hold at least this share of the question's terms to count as an answer. */
export const MIN_COVERAGE = 0.34;
const SEARCH_K = 8;
/** A number question falls back to a passage only when it holds this much of the question. */
const FIGURE_FALLBACK_COVERAGE = 0.6;
/** Coverage first, retrieval rank second: each rank costs this much coverage. */
const RANK_PENALTY = 0.03;
/** The preferred document kind wins unless another kind's best passage is clearly better. */
const PREFERRED_KIND_SHARE = 0.6;
/** How much more of the question an extracted figure's subject must explain than an indicator. */
const CLEARLY_BETTER = 0.1;
/** "一年能发多少", "补多少钱": a question about an amount. */
const ASKS_AMOUNT = /多少钱|能发多少|能拿多少|能领多少|补多少|发多少|金额|how much/i;
/** Who sets an amount: the guides' way of answering "how much" when the law gives no number. */
const STATES_A_RULE = /标准|具体办法|由.{0,24}(规定|制定)|以国家和(当地|地方)规定为准|按(照)?(国家)?有关规定/;

const answersAmount = (quote: string): boolean =>
  // 第X条 is a reference, not an amount.
  STATES_A_RULE.test(quote) || findNumbers(quote).some((m) => m.value !== null && m.unit !== '条');

/** A passage under a heading that names the asked year ("三、2023年工作打算" for 明年) goes first. */
const YEAR_HEADING_BONUS = 0.15;
const headedByAskedYear = (u: Understanding, section: string): boolean =>
  u.years.some((year) => section.includes(`${year}年`));

/** A plan item short enough to quote whole ("（二）推进全面从严治党…" is one paragraph). */
const WHOLE_SECTION_CHARS = 400;

/**
 * "明年从严治党打算做什么": the best passage sits under the asked year's heading and is the start
 * of a short plan item: the item is quoted whole, since its chunks split what the plan lists.
 */
export function withWholeSection(
  u: Understanding,
  relevant: ScoredPassage[],
  ctx: ComposeContext,
): ScoredPassage[] {
  const [best, ...rest] = relevant;
  if (!best || !headedByAskedYear(u, best.passage.section)) return relevant;
  const context = ctx.tools.passageContext(best.passage.chunkId);
  if (!context || context.text.length > WHOLE_SECTION_CHARS || !context.text.includes(best.passage.quote))
    return relevant;
  const whole = { ...best, passage: { ...best.passage, quote: context.text } };
  // Last year's work is not next year's plan: other passages must sit under the year's heading too.
  const sameYear = rest.filter(
    (r) => headedByAskedYear(u, r.passage.section) && !context.text.includes(r.passage.quote),
  );
  return [whole, ...sameYear];
}

export async function relevantPassages(
  u: Understanding,
  terms: string[],
  ctx: ComposeContext,
): Promise<ScoredPassage[]> {
  // Laws are answered through the entitlement cards that cite them, never quoted as loose passages.
  const score = async (kind?: 'policy' | 'report') =>
    (await ctx.tools.searchKnowledge(u.resolvedText, SEARCH_K, { kinds: kind ? [kind] : PASSAGE_KINDS }))
      .map((passage) => ({
        passage,
        coverage: coverage(terms, `${passage.quote} ${passage.section}`, ctx.termWeight),
      }))
      .filter((s) => s.coverage >= MIN_COVERAGE)
      // Coverage first (how much of the question a passage holds), retrieval rank second.
      .map((s, rank) => ({
        ...s,
        order:
          s.coverage -
          rank * RANK_PENALTY +
          (headedByAskedYear(u, s.passage.section) ? YEAR_HEADING_BONUS : 0),
      }))
      .sort((a, b) => b.order - a.order)
      .map(({ passage, coverage }) => ({ passage, coverage }));
  // Benefits questions prefer the policy guides; a question about a year ("去年…") prefers the
  // reports, since laws have no yearly figures. Either falls back to every document.
  // A clearly better passage elsewhere still wins ("残疾人演出节目看了几场" is in the report).
  const preferred = u.intent === 'policy' ? 'policy' : u.years.length > 0 ? 'report' : undefined;
  const all = await score();
  if (!preferred) return all;
  const found = await score(preferred);
  const bestElsewhere = all[0]?.coverage ?? 0;
  return found.length > 0 && (found[0]?.coverage ?? 0) >= bestElsewhere * PREFERRED_KIND_SHARE ? found : all;
}

export /**
 * A question that names an indicator without asking for its number ("安置任务是哪天完成的") is
 * best answered by the passage that states the indicator: it goes first.
 */
function withIndicatorPassage(
  u: Understanding,
  relevant: ScoredPassage[],
  ctx: ComposeContext,
): ScoredPassage[] {
  // Benefits questions are answered from the guides; the indicator's report passage would crowd them out.
  if (u.intent === 'policy') return relevant;
  const value = u.kpi?.values.find((v) => v.doc !== STAFF_UPDATE_DOC);
  if (!value) return relevant;
  const citation = ctx.cite(value.doc, value.quote);
  const context = citation?.chunkId ? ctx.tools.passageContext(citation.chunkId) : undefined;
  if (!citation?.chunkId || !context) return relevant;
  const doc = ctx.kb.documents.find((d) => d.id === value.doc);
  const passage = {
    n: 0,
    chunkId: citation.chunkId,
    doc: value.doc,
    title: citation.title,
    kind: doc?.kind ?? 'report',
    section: citation.section,
    quote: context.quote,
    score: Number.POSITIVE_INFINITY,
  } as const;
  const top = relevant[0]?.coverage ?? 1;
  return [
    { passage, coverage: Math.max(top, MIN_COVERAGE) },
    ...relevant.filter((r) => r.passage.chunkId !== citation.chunkId),
  ];
}

export /**
 * The curated indicators don't hold every number: "党风廉政建设部署了几回" names the indicator
 * 听取党风廉政建设工作汇报 (2次) but asks about the masked 研究部署党风廉政建设工作*次 beside it.
 * An extracted figure whose subject explains clearly more of the question than the indicator's
 * names wins.
 */
async function betterExtractedFigure(
  u: Understanding,
  kpi: Kpi,
  ctx: ComposeContext,
): Promise<FigureCandidate | undefined> {
  const terms = contentTerms(u.resolvedText, u.translations);
  const relevant = await relevantPassages(u, terms, ctx);
  const candidate = bestExtractedFigure(terms, relevant, ctx.kb.figures, ctx.termWeight, askedNumber(u.text));
  if (!candidate) return undefined;
  // "慰问费给了多少" names the indicator 走访慰问烈士遗属 (名) but asks for money: a figure in
  // the asked unit answers what the indicator cannot, even one stated in the indicator's own clause
  // ("9家企业发放奖补资金**万元").
  if (asksAnotherUnit(u.text, kpi.unit)) return candidate;
  if (kpi.values.some((v) => candidate.clause.includes(v.quote) || v.quote.includes(candidate.clause))) {
    return undefined;
  }
  const kpiScore = Math.max(
    ...[kpi.nameZh, ...kpi.aliases].map((name) => coverage(terms, name, ctx.termWeight)),
  );
  return candidate.subject > kpiScore + CLEARLY_BETTER ? candidate : undefined;
}

/** Where and how much of it (全市, 全年, 一共): rare in the report, but no subject of a figure. */
const SCOPE_WORD = /^(全市|全省|全县|全国|全年|全局|本市|我市|市里|一共|总共|合计|累计)$/;
/** Below this weight a term is in most passages (退役军人 ≈ 1.0, 烈士 ≈ 1.7, 喜报 ≈ 4.4). */
const DISTINCTIVE_WEIGHT = 1.5;

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
  // "帮多少个退役军人找到了工作": 退役军人 and 工作 are in most passages; a passage that shares
  // only such words with the question is not about it.
  const distinctive = terms.filter((t) => weight(t) >= DISTINCTIVE_WEIGHT && !SCOPE_WORD.test(t));
  return relevant.some(
    (r) =>
      r.coverage >= FIGURE_FALLBACK_COVERAGE &&
      distinctive.some((t) => holdsTerm(normaliseForMatch(r.passage.quote), t)) &&
      holdsFocusTerm(terms, weight, r.passage.quote) &&
      (unit
        ? holdsNumberIn(r.passage.quote, unit, {
            disclosed: true,
            fullScoreAnswers: !u.text.includes('满分'),
          })
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
  const distinctive = terms.filter((t) => weight(t) >= DISTINCTIVE_WEIGHT && !SCOPE_WORD.test(t));
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

const YEAR_WORDS = /(?<!\d)20\d\d年?|(?<![\d.])\d\d年(?=度|的|里|全年)|去年|前年|今年|明年/g;

/**
 * The passages found without the question's years: in a report about 2022 the year is in every
 * passage and can push the one on the topic out of the first results ("2022年存在哪些问题").
 */
export async function relevantWithoutYears(
  u: Understanding,
  terms: string[],
  ctx: ComposeContext,
): Promise<ScoredPassage[]> {
  const yearless = u.resolvedText.replace(YEAR_WORDS, ' ');
  if (yearless === u.resolvedText) return [];
  return relevantPassages({ ...u, resolvedText: yearless, years: [] }, terms, ctx);
}

/** Report passages found by the question's official terms themselves, best covered first. */
export async function passagesForTerms(terms: string[], ctx: ComposeContext): Promise<ScoredPassage[]> {
  const query = terms.map((term) => term.split('|')[0]).join(' ');
  const found = await ctx.tools.searchKnowledge(query, 8, { kinds: ['report'] });
  return found
    .map((passage) => ({ passage, coverage: coverage(terms, passage.quote, ctx.termWeight) }))
    .sort((a, b) => b.coverage - a.coverage);
}

/**
 * An English question rests on its few glossary translations: the best passage must hold the
 * heaviest of them ("the bureau's total budget" → 预算 is not in a passage about the bureau). A
 * heading counts ("shortcomings" → 存在的问题和不足 is a section's title). When the question's own
 * words found other passages ("the 2022 work summary" matches every passage with 2022), its
 * official terms are searched alone. Undefined: no passage holds the question's focus.
 */
export async function withEnglishFocus(
  terms: string[],
  relevant: ScoredPassage[],
  ctx: ComposeContext,
): Promise<ScoredPassage[] | undefined> {
  const focused = (passages: ScoredPassage[]) => {
    const best = passages[0]?.passage;
    return holdsFocusTerm(terms, ctx.termWeight, `${best?.quote ?? ''} ${best?.section ?? ''}`, 'one');
  };
  if (focused(relevant)) return relevant;
  const again = await passagesForTerms(terms, ctx);
  return again.length > 0 && focused(again) ? again : undefined;
}
