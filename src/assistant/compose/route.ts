import type { Understanding } from '../understand/understand.js';
import { nounsOf } from '../../retrieval/nouns.js';
import { askedUnit, focusTermMissing } from './answerability.js';
import type { ComposeContext } from './compose-context.js';
import { draft, type Draft } from './draft.js';
import {
  betterExtractedFigure,
  numberFallbackAllowed,
  relevantPassages,
  withIndicatorPassage,
} from './evidence.js';
import { bestExtractedFigure, composeExtractedFigureAnswer } from './extracted-figure-answer.js';
import { composeFigureAnswer } from './figure-answer.js';
import { composeListAnswer } from './list-answer.js';
import { t } from './messages.js';
import { notFound, placeNotCovered, unknownPlace, withLocalRuleNote, yearNotCovered } from './not-found.js';
import { composeHighlights, composeTargetsOverview } from './overview-answers.js';
import { composePassageAnswer } from './passage-answer.js';
import { contentTerms } from './relevance.js';
import { composeTopicOverview } from './topic-answer.js';
import { answerBenefits } from '../benefits/answer-benefits.js';
import type { SessionTurn } from '../ports.js';

export type { ComposeContext } from './compose-context.js';

/** No domain words: only a passage that holds most of the question makes it in scope. */
const UNCERTAIN_SCOPE_COVERAGE = 0.5;

/**
 * The bureau's own work ("去年…", "全市…多少人", "咱局拿了几项表彰"): the reports answer it first;
 * a veteran's entitlement question goes to the cards first.
 */
const REPORT_CUES =
  /去年|今年|前年|全年|年度|本局|我局|局里|咱局|咱们局|你们局|全市|市局|总结|汇报|工作|几家|多少家|人次|多少人|几人|几名|多少名|几场|多少场|几次|多少次|多少座|几座|几项|多少项|批次|覆盖率|知晓率|合格率|安置率|排名|表彰|荣誉|先进|考核|指标|目标|in 20\d\d|last year|the bureau|this year/i;

/** A veteran asking about their own entitlement. */
const PERSONAL_CUES =
  /我|俺|咱家|孩子|爱人|老伴|父母|家属|能不能|能否|可不可以|可以|有没有|享受|怎么办|去哪|找谁|申请|领|待遇|优待|补贴|补助|抚恤|\b(i|my|me|can|am)\b/i;

/** Report evidence must beat the best card by this much to take a question the cards also answer. */
const REPORT_MARGIN = 0.1;
/** Without cues of the bureau's work, a report passage must hold this much of the question. */
const REPORT_ALONE = 0.6;

/**
 * Picks the composer for an understood question and returns its draft (offline, extractive).
 * Two bodies of knowledge compete: entitlement cards (what the law gives a veteran) and the
 * reports (what the bureau did). A veteran's own question goes to the cards; the bureau's work
 * goes to the reports; when neither kind of cue decides, the better evidence wins.
 */
export async function composeOffline(
  u: Understanding,
  ctx: ComposeContext,
  previous?: SessionTurn,
): Promise<Draft> {
  const { language } = u;
  if (u.scope === 'greeting')
    return draft('out_of_scope', `${t('greeting', language)}${t('scope', language)}`);
  if (u.scope === 'out_of_scope') return draft('out_of_scope', t('scope', language));
  const benefits = answerBenefits(
    {
      text: u.text,
      language,
      boostTerms: u.boostTerms,
      ...(previous?.cardIds ? { previousCards: previous.cardIds } : {}),
    },
    ctx.benefits,
  );
  const personal = PERSONAL_CUES.test(u.text);
  const figureAsked = u.kpi !== undefined && ['figure', 'target', 'progress'].includes(u.intent);
  const reportCued = u.years.length > 0 || REPORT_CUES.test(u.text) || figureAsked;
  if (!benefits) {
    // No card fits. A question with nothing of the bureau's work in it is answered from a report
    // only when a passage holds most of it ("服务站周六上班吗" is not answered by an honours list).
    if (reportCued || (await bestReportCoverage(u, ctx)) >= REPORT_ALONE) return composeFromReports(u, ctx);
    return notFound(u, ctx);
  }
  // An English question's coverage rests on its few glossary translations: too coarse to compare.
  const reportEvidence = language === 'en' ? 0 : await bestReportCoverage(u, ctx);
  const reportLeads = (reportCued && !personal) || reportEvidence > benefits.confidence + REPORT_MARGIN;
  if (!reportLeads) return benefits.draft;
  const fromReports = await composeFromReports(u, ctx);
  // A veteran's question the reports cannot answer falls back to the cards; a statistics question
  // ("全市退役军人总数") stays "not found".
  const refused = fromReports.status === 'not_found' || fromReports.status === 'out_of_scope';
  return refused && personal ? benefits.draft : fromReports;
}

/** How much of the question the best report passage holds (0 when none qualifies). */
async function bestReportCoverage(u: Understanding, ctx: ComposeContext): Promise<number> {
  const terms = contentTerms(u.resolvedText, u.boostTerms, u.replacedWords);
  const relevant = await relevantPassages(u, terms, ctx);
  return Math.max(0, ...relevant.filter((r) => r.passage.kind !== 'law').map((r) => r.coverage));
}

/** The report and uploaded-document routes: indicators, extracted figures, passages. */
async function composeFromReports(u: Understanding, ctx: ComposeContext): Promise<Draft> {
  const { language } = u;
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
