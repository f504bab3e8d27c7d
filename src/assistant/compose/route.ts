import type { KnowledgeBase } from '../../knowledge/types.js';
import type { KnowledgeTools } from '../ports.js';
import type { Understanding } from '../understand/understand.js';
import type { CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { composeExtractedFigureAnswer } from './extracted-figure-answer.js';
import { composeFigureAnswer } from './figure-answer.js';
import { composeListAnswer } from './list-answer.js';
import { contactLine, contactSource, t } from './messages.js';
import { composePassageAnswer, type ScoredPassage } from './passage-answer.js';
import { contentTerms, coverage } from './relevance.js';

/** A passage must hold at least this share of the question's terms to count as an answer. */
export const MIN_COVERAGE = 0.34;
const UNCERTAIN_SCOPE_COVERAGE = 0.5;
const SEARCH_K = 8;
const LOCAL_RULE = /具体办法由|地方(人民政府|性法规)|当地|省、自治区、直辖市|省级人民政府/;

export interface ComposeContext {
  kb: KnowledgeBase;
  tools: KnowledgeTools;
  cite: CiteQuote;
  knownYears: ReadonlySet<number>;
}

/** Picks the composer for an understood question and returns its draft (offline, extractive). */
export async function composeOffline(u: Understanding, ctx: ComposeContext): Promise<Draft> {
  const { language } = u;
  if (u.scope === 'greeting')
    return draft('out_of_scope', `${t('greeting', language)}${t('scope', language)}`);
  if (u.scope === 'out_of_scope') return draft('out_of_scope', t('scope', language));
  const unknownYear = u.years.length > 0 && !u.years.some((y) => ctx.knownYears.has(y));
  if (unknownYear && (u.kpi || u.intent === 'figure' || u.intent === 'target' || u.intent === 'progress')) {
    return yearNotCovered(u);
  }
  if (u.kpi && (u.intent === 'figure' || u.intent === 'target' || u.intent === 'progress')) {
    return composeFigureAnswer({ kpi: u.kpi, years: u.years, intent: u.intent, language, cite: ctx.cite });
  }
  const terms = contentTerms(u.resolvedText, u.boostTerms);
  const relevant = await relevantPassages(u, terms, ctx);
  // No domain words: only a passage that holds most of the question makes it in scope.
  if (u.scope === 'uncertain' && !relevant.some((r) => r.coverage >= UNCERTAIN_SCOPE_COVERAGE)) {
    return draft('out_of_scope', t('scope', language));
  }
  if (relevant.length === 0) return notFound(u, ctx);
  if (u.intent === 'figure') {
    const figure = composeExtractedFigureAnswer(terms, relevant, ctx.kb.figures, language, ctx.cite);
    if (figure) return figure;
  }
  if (u.intent === 'list') {
    const list = composeListAnswer(terms, ctx.kb, relevant, language, ctx.cite);
    if (list) return list;
  }
  const answer = composePassageAnswer(relevant, language, u.intent === 'policy' ? 2 : 3);
  return withLocalRuleNote(answer, u, ctx);
}

async function relevantPassages(
  u: Understanding,
  terms: string[],
  ctx: ComposeContext,
): Promise<ScoredPassage[]> {
  const score = async (kind?: 'policy') =>
    (await ctx.tools.searchKnowledge(u.resolvedText, SEARCH_K, kind ? { kind } : {}))
      .map((passage) => ({ passage, coverage: coverage(terms, `${passage.quote} ${passage.section}`) }))
      .filter((s) => s.coverage >= MIN_COVERAGE);
  // Benefits questions prefer the policy guides; the work summary answers when they don't.
  if (u.intent === 'policy') {
    const policy = await score('policy');
    if (policy.length > 0) return policy;
  }
  return score();
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
