import type { KnowledgeBase } from '../../knowledge/types.js';
import type { KnowledgeTools } from '../ports.js';
import type { Understanding } from '../understand/understand.js';
import type { CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import {
  bestExtractedFigure,
  composeExtractedFigureAnswer,
  type FigureCandidate,
} from './extracted-figure-answer.js';
import type { Kpi } from '../../knowledge/types.js';
import { composeFigureAnswer } from './figure-answer.js';
import { composeListAnswer } from './list-answer.js';
import { composeTopicOverview } from './topic-answer.js';
import { composeHighlights, composeTargetsOverview } from './overview-answers.js';
import { STAFF_UPDATE_DOC } from '../tools/kpi-overlay.js';
import { askedUnit, focusTermMissing, holdsFocusTerm, holdsNumberIn } from './answerability.js';
import { findNumbers } from '../../knowledge/numbers.js';
import { asksAboutBenefits } from '../understand/intent.js';
import { nounsOf } from '../../retrieval/nouns.js';
import { contactLine, contactSource, t } from './messages.js';
import { composePassageAnswer, type ScoredPassage } from './passage-answer.js';
import { contentTerms, coverage, type TermWeight } from './relevance.js';

/** A passage must hold at least this share of the question's terms to count as an answer. */
export const MIN_COVERAGE = 0.34;
const FIGURE_FALLBACK_COVERAGE = 0.6;
const RANK_PENALTY = 0.03;
const PREFERRED_KIND_SHARE = 0.6;
/** Who sets an amount: the guides' way of answering "how much" when the law gives no number. */
const ASKS_AMOUNT = /多少钱|能发多少|能拿多少|能领多少|补多少|发多少|金额|how much/i;
const answersAmount = (quote: string): boolean =>
  STATES_A_RULE.test(quote) || findNumbers(quote).some((m) => m.value !== null && m.unit !== '条'); // 第X条 is a reference
const STATES_A_RULE = /标准|具体办法|由.{0,24}(规定|制定)|以国家和(当地|地方)规定为准|按(照)?(国家)?有关规定/;
const CLEARLY_BETTER = 0.1;
const UNCERTAIN_SCOPE_COVERAGE = 0.5;
const SEARCH_K = 8;
const LOCAL_RULE = /具体办法由|地方(人民政府|性法规)|当地|省、自治区、直辖市|省级人民政府/;

export interface ComposeContext {
  kb: KnowledgeBase;
  tools: KnowledgeTools;
  cite: CiteQuote;
  knownYears: ReadonlySet<number>;
  termWeight: TermWeight;
  /** All document text, normalised: to tell whether a place the question names occurs at all. */
  corpusText: string;
}

/** Picks the composer for an understood question and returns its draft (offline, extractive). */
export async function composeOffline(u: Understanding, ctx: ComposeContext): Promise<Draft> {
  const { language } = u;
  if (u.scope === 'greeting')
    return draft('out_of_scope', `${t('greeting', language)}${t('scope', language)}`);
  if (u.scope === 'out_of_scope') return draft('out_of_scope', t('scope', language));
  const place = unknownPlace(u.text, ctx.corpusText);
  if (place) return placeNotCovered(u, place);
  const unknownYear = u.years.length > 0 && !u.years.some((y) => ctx.knownYears.has(y));
  if (unknownYear && (u.kpi || u.intent === 'figure' || u.intent === 'target' || u.intent === 'progress')) {
    return yearNotCovered(u);
  }
  if (u.kpi && (u.intent === 'figure' || u.intent === 'target' || u.intent === 'progress')) {
    const wantsActual = /实际|最终|最后达到|actual(ly)?\b|achieved/i.test(u.text);
    // English questions are matched through translations only, too coarse to overrule an indicator.
    const better =
      u.intent === 'figure' && language === 'zh' ? await betterExtractedFigure(u, u.kpi, ctx) : undefined;
    if (better) return composeExtractedFigureAnswer(better, language, ctx.cite);
    return composeFigureAnswer({
      kpi: u.kpi,
      years: u.years,
      intent: u.intent,
      language,
      cite: ctx.cite,
      wantsActual,
    });
  }
  if (u.intent === 'targets_overview') {
    const overview = composeTargetsOverview(ctx.tools, language, ctx.cite);
    if (overview) return overview;
  }
  if (u.intent === 'highlights') {
    const highlights = composeHighlights(ctx.tools, language, ctx.cite);
    if (highlights) return highlights;
  }
  const nouns = nounsOf(u.text);
  // Everyday verbs and adverbs no document uses (以后, 掏钱, 考上) say nothing about relevance;
  // an unseen noun does, and is kept (see focusTermMissing).
  const terms = contentTerms(u.resolvedText, u.boostTerms, u.replacedWords).filter(
    (term) => !ctx.termWeight.unseen(term) || nouns.includes(term) || u.boostTerms.includes(term),
  );
  const relevant = withIndicatorPassage(u, await relevantPassages(u, terms, ctx), ctx);
  // No domain words: only a passage that holds most of the question makes it in scope.
  if (u.scope === 'uncertain' && !relevant.some((r) => r.coverage >= UNCERTAIN_SCOPE_COVERAGE)) {
    return draft('out_of_scope', t('scope', language));
  }
  if (relevant.length === 0) return notFound(u, ctx);
  const exempt = [...u.replacedWords, ...u.boostTerms];
  if (!u.kpi && focusTermMissing(nouns, exempt, ctx.termWeight, relevant[0]?.passage.quote)) {
    return notFound(u, ctx);
  }
  if (u.intent === 'figure') {
    const candidate = bestExtractedFigure(terms, relevant, ctx.kb.figures, ctx.termWeight, askedUnit(u.text));
    if (candidate) return composeExtractedFigureAnswer(candidate, language, ctx.cite);
    if (!numberFallbackAllowed(u, relevant, terms, ctx.termWeight)) return notFound(u, ctx);
  }
  if (u.intent === 'policy' || u.intent === 'list') {
    const overview = composeTopicOverview(u.text, terms, ctx.kb, language);
    if (overview) return withLocalRuleNote(overview, u, ctx);
  }
  if (u.intent === 'list') {
    const list = composeListAnswer(
      terms,
      ctx.kb,
      relevant,
      language,
      ctx.cite,
      (id) => ctx.tools.passageContext(id)?.text,
    );
    if (list) return list;
  }
  const answer = composePassageAnswer(relevant, language, 3);
  return withLocalRuleNote(answer, u, ctx);
}

/**
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

/**
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
  const terms = contentTerms(u.resolvedText, u.boostTerms, u.replacedWords);
  const relevant = await relevantPassages(u, terms, ctx);
  const candidate = bestExtractedFigure(terms, relevant, ctx.kb.figures, ctx.termWeight, askedUnit(u.text));
  if (
    !candidate ||
    kpi.values.some((v) => candidate.clause.includes(v.quote) || v.quote.includes(candidate.clause))
  ) {
    return undefined;
  }
  const kpiScore = Math.max(
    ...[kpi.nameZh, ...kpi.aliases].map((name) => coverage(terms, name, ctx.termWeight)),
  );
  return candidate.subject > kpiScore + CLEARLY_BETTER ? candidate : undefined;
}

/**
 * A number was asked for and no figure fits. A benefits question still gets its policy passage
 * ("退伍费能拿多少钱" → what the law says and who sets the amount); otherwise a passage is offered
 * only when it holds most of the question and, if a unit was asked for, a number in that unit.
 */
function numberFallbackAllowed(
  u: Understanding,
  relevant: ScoredPassage[],
  terms: string[],
  weight: TermWeight,
): boolean {
  const best = relevant[0];
  if (!best) return false;
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
  return relevant.some(
    (r) =>
      r.coverage >= FIGURE_FALLBACK_COVERAGE &&
      holdsFocusTerm(terms, weight, r.passage.quote) &&
      (!unit || holdsNumberIn(r.passage.quote, unit)) &&
      (r.passage.kind !== 'policy' || answers(r.passage.quote)),
  );
}

async function relevantPassages(
  u: Understanding,
  terms: string[],
  ctx: ComposeContext,
): Promise<ScoredPassage[]> {
  const score = async (kind?: 'policy' | 'report') =>
    (await ctx.tools.searchKnowledge(u.resolvedText, SEARCH_K, kind ? { kind } : {}))
      .map((passage) => ({
        passage,
        coverage: coverage(terms, `${passage.quote} ${passage.section}`, ctx.termWeight),
      }))
      .filter((s) => s.coverage >= MIN_COVERAGE)
      // Coverage first (how much of the question a passage holds), retrieval rank second.
      .map((s, rank) => ({ ...s, order: s.coverage - rank * RANK_PENALTY }))
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

function withLocalRuleNote(answer: Draft, u: Understanding, ctx: ComposeContext): Draft {
  if (!answer.citations.some((c) => LOCAL_RULE.test(c.quote))) return answer;
  const note = `${t('localRule', u.language)}${contactLine(ctx.kb.bureau, u.language)}`;
  return {
    ...answer,
    answer: `${answer.answer}\n${note}`,
    derived: [...answer.derived, contactSource(ctx.kb.bureau)],
  };
}

function notFound(u: Understanding, ctx: ComposeContext): Draft {
  return draft('not_found', `${t('notFound', u.language)}${contactLine(ctx.kb.bureau, u.language)}`, {
    derived: [contactSource(ctx.kb.bureau)],
  });
}

function yearNotCovered(u: Understanding): Draft {
  const asked = u.years.join(u.language === 'zh' ? '、' : ', ');
  const text =
    u.language === 'zh'
      ? `现有资料中没有${asked}年的相关数据，我不作猜测。`
      : `The documents hold no figures for ${asked}, and I won't guess.`;
  return draft('not_found', text, { ...(u.kpi ? { metricId: u.kpi.id } : {}) });
}

/** Districts, counties and towns: the documents report on the whole city. */
const PLACE = /([\u4e00-\u9fa5]{2,3}?)(区|县|镇|乡|街道)(?![志里城委级域长直属内外部政军休所干领])/g;
const NOT_A_PLACE = /^(全|各|本|市|城|社|辖|园|县|地|小|景|军|片|新|老)/;

function unknownPlace(text: string, corpusText: string): string | undefined {
  for (const match of text.matchAll(PLACE)) {
    const name = `${match[1]}${match[2]}`;
    if (!NOT_A_PLACE.test(name) && !corpusText.includes(name)) return name;
  }
  return undefined;
}

function placeNotCovered(u: Understanding, place: string): Draft {
  const text =
    u.language === 'zh'
      ? `现有资料是全市层面的总结，没有“${place}”的单独数据，我不作猜测。`
      : `The documents report on the whole city and hold no separate figures for ${place}, and I won't guess.`;
  return draft('not_found', text);
}
