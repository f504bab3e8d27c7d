import type { DocKind, Kpi } from '../../knowledge/types.js';
import { STAFF_UPDATE_DOC } from '../tools/kpi-overlay.js';
import type { Understanding } from '../understand/understand.js';
import { holdsFocusTerm } from './answerability.js';
import { askedNumber, asksAnotherUnit } from '../understand/asked-units.js';
import type { ComposeContext } from './compose-context.js';
import { bestExtractedFigure, type FigureCandidate } from './extracted-figure-answer.js';
import type { ScoredPassage } from './passage-answer.js';
import { contentTerms, coverage } from './relevance.js';

/**
 * Gathering and weighing the passages an offline answer may quote: search, coverage of the
 * question, document-kind preference (number-evidence.ts checks that a number question is answered).
 */

const PASSAGE_KINDS: DocKind[] = ['report', 'policy', 'other'];

/** A passage must hold at least this share of the question's terms to count as an answer. */
export const MIN_COVERAGE = 0.34;
const SEARCH_K = 8;
/** Coverage first, retrieval rank second: each rank costs this much coverage. */
const RANK_PENALTY = 0.03;
/** The preferred document kind wins unless another kind's best passage is clearly better. */
const PREFERRED_KIND_SHARE = 0.6;
/** How much more of the question an extracted figure's subject must explain than an indicator. */
const CLEARLY_BETTER = 0.1;
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

/**
 * "根据要求，现将…工作情况总结汇报如下。": a report's opening formula names the bureau and the year
 * and so shares words with many questions, but it states nothing: it is never an answer.
 */
const OPENING_FORMULA = /^(根据|按照)[^。]{0,20}要求，现将[^。]{0,60}(汇报|报告)如下[。：:]?$/;

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
      .filter((s) => s.coverage >= MIN_COVERAGE && !OPENING_FORMULA.test(s.passage.quote.trim()))
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

/** How much of the question the best report passage holds (0 when none qualifies). */
export async function bestReportCoverage(
  u: Understanding,
  ctx: ComposeContext,
  options: { cardsUse?: (term: string) => boolean } = {},
): Promise<number> {
  const terms = contentTerms(u.resolvedText, u.translations);
  const relevant = await relevantPassages(u, terms, ctx);
  const best = Math.max(0, ...relevant.filter((r) => r.passage.kind !== 'law').map((r) => r.coverage));
  // "退伍回村了 能要块地种不": one word the cards use as much (退伍) covers all the question's
  // terms and says nothing of the record; a word of the record's own (支部) does.
  const { cardsUse } = options;
  // 优待 inside 优待证 is no second term.
  const distinct = terms.filter((t) => !terms.some((other) => other !== t && other.includes(t)));
  const thin = cardsUse !== undefined && distinct.length < 2 && distinct.every((term) => cardsUse(term));
  return thin ? best * THIN_EVIDENCE : best;
}

/** What one shared word of the cards' own vocabulary is worth as a report's evidence. */
const THIN_EVIDENCE = 0.5;
