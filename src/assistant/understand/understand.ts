import { anotherRateNamed } from './asked-units.js';
import type { GlossaryEntry, Kpi } from '../../knowledge/types.js';
import type { Language } from '../answer.js';
import type { SessionTurn } from '../ports.js';
import { colloquialWordsUsed, glossaryMatches } from './expand.js';
import { resolveFollowUp } from './follow-up.js';
import { classifyIntent, type Intent } from './intent.js';
import { detectLanguage } from './language.js';
import { findMetric } from './metric.js';
import { classifyScope, type Scope } from './scope.js';
import { findYears, type YearContext } from './years.js';

/** Per-person and per-period amounts are entitlements, never the bureau's yearly totals. */
const PER_PERSON =
  /一个人|每人|每个人|每月|每年|一年能|标准是|能拿多少|能领多少|per person|per month|per year|each veteran/i;

/** Glossary terms that name no subject by themselves ("2023 target" → 目标). */
const GENERIC_TERMS = new Set(['目标', '年度', '情况', '数据', '工作']);

/** An exact alias of two characters scores 20; a three-character partial match scores 15. */
const MIN_METRIC_SCORE = 15;

export interface Understanding {
  text: string;
  /** The standalone question (follow-ups resolved). */
  resolvedText: string;
  isFollowUp: boolean;
  language: Language;
  scope: Scope;
  intent: Intent;
  kpi: Kpi | undefined;
  years: number[];
  /** Official terms for colloquial/English words in the question (glossary). */
  boostTerms: string[];
  /** The question's words that the glossary translated into `boostTerms`. */
  replacedWords: string[];
  /** Every word of the question the glossary matched (including official terms written as such). */
  glossedWords: string[];
  /** Each glossary match: the question's word (variant) and the official term it stands for. */
  translations: { term: string; variant: string }[];
}

export interface UnderstandContext {
  kpis: readonly Kpi[];
  glossary: readonly GlossaryEntry[];
  years: YearContext;
  previous: SessionTurn | undefined;
  previousLanguage: Language | undefined;
  forcedLanguage: Language | undefined;
  /** True when the text names an entitlement of its own (a card matches it confidently). */
  namesEntitlement?: (text: string) => boolean;
}

/** Reads a sanitised question: language, follow-up, indicator, years, scope and intent. */
export function understand(text: string, ctx: UnderstandContext): Understanding {
  const match = findMetric(text, ctx.kpis);
  // The bureau's indicators are totals; a per-person amount ("一个人补多少钱") is a benefits question.
  // "培训的满意度是多少" names another rate than any indicator's (知晓率, 合格率).
  const otherRate = match && anotherRateNamed(text, [match.kpi.nameZh, ...match.kpi.aliases].join(' '));
  const kpi =
    match && match.score >= MIN_METRIC_SCORE && !PER_PERSON.test(text) && !otherRate ? match.kpi : undefined;
  const ownTerms = glossaryMatches(text, ctx.glossary).filter((m) => !GENERIC_TERMS.has(m.term));
  const followUp = resolveFollowUp({
    text,
    metricId: kpi?.id,
    years: findYears(text, ctx.years),
    previous: ctx.previous,
    ownSubject:
      ownTerms.length > 0 || (ctx.previous !== undefined && (ctx.namesEntitlement?.(text) ?? false)),
  });
  const resolvedKpi = followUp.metricId ? ctx.kpis.find((k) => k.id === followUp.metricId) : undefined;
  const matches = glossaryMatches(followUp.resolvedText, ctx.glossary);
  const boostTerms = [...new Set(matches.map((m) => m.term))];
  const hasWords = /[\u3400-\u9fffA-Za-z]{2,}/.test(text.replace(/\d+年?/g, ''));
  const language =
    ctx.forcedLanguage ?? (!hasWords && ctx.previousLanguage ? ctx.previousLanguage : detectLanguage(text));
  const scope = classifyScope(text, {
    domainMatch: Boolean(kpi) || boostTerms.length > 0 || followUp.isFollowUp,
  });
  return {
    text,
    resolvedText: followUp.resolvedText,
    isFollowUp: followUp.isFollowUp,
    language,
    scope,
    intent: classifyIntent(followUp.resolvedText, Boolean(resolvedKpi), followUp.isFollowUp),
    kpi: resolvedKpi,
    years: followUp.years,
    boostTerms,
    replacedWords: [
      ...new Set([
        ...matches.map((m) => m.variant),
        ...colloquialWordsUsed(followUp.resolvedText, ctx.glossary),
      ]),
    ].filter((v) => !boostTerms.includes(v)),
    glossedWords: matches.map((m) => m.variant),
    translations: matches,
  };
}
