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

export type { ComposeContext } from './compose-context.js';

/** No domain words: only a passage that holds most of the question makes it in scope. */
const UNCERTAIN_SCOPE_COVERAGE = 0.5;

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
