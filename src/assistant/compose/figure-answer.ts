import type { Kpi, KpiValue } from '../../knowledge/types.js';
import type { Citation, Language } from '../answer.js';
import { compareKpiWithTarget, toFigureRecord } from '../tools/figure-records.js';
import { answerFigure, uniqueCitations, type CiteQuote } from './cite.js';
import { draft, type Draft } from './draft.js';
import { formatValue } from './format-value.js';
import { t } from './messages.js';

export interface FigureQuestion {
  kpi: Kpi;
  years: number[];
  intent: 'figure' | 'target' | 'progress';
  language: Language;
  cite: CiteQuote;
  /** The question insists on the actual value (实际/actual/最后达到). */
  wantsActual?: boolean;
  /** A year as the asker wrote it ("今年", not the 2023 it stands for, which they never wrote). */
  yearAsWritten?: (year: number) => string;
}

/**
 * Answers a question about one curated indicator: the value in one sentence plus its quote; a
 * masked value as 未公开 with the related target; a missing year as not found. Targets come with
 * the latest actual and, when both are disclosed, progress computed in code.
 */
export function composeFigureAnswer(q: FigureQuestion): Draft {
  const { kpi } = q;
  // "2024年的目标" when the indicator has no 2024 value: not found, never the nearest year.
  const known = q.years.filter((y) => kpi.values.some((v) => v.year === y));
  if (q.years.length > 0 && known.length === 0)
    return missingYear(kpi, q.years[0], q, q.intent === 'figure' ? 'actual' : 'target');
  // "2023年计划分配安置率最后实际完成了多少": a target year's actual, which no report holds yet.
  const targetOnly = known.find((y) => pick(kpi, 'target', y) && !pick(kpi, 'actual', y));
  const noActualAsked = known.every((y) => !pick(kpi, 'actual', y));
  if (q.wantsActual && targetOnly !== undefined && noActualAsked)
    return missingYear(kpi, targetOnly, q, 'actual');
  if (q.intent !== 'figure') return composeTargetAnswer(q);
  const year = known[0] ?? latestYear(kpi, 'actual') ?? latestYear(kpi, 'target');
  const value = year === undefined ? undefined : pick(kpi, 'actual', year);
  if (!value) {
    // "2023年培训合格率是多少" — only a target exists for that year: answer with the target,
    // unless the question insists on the actual ("实际达到多少").
    if (year !== undefined && !q.wantsActual && pick(kpi, 'target', year))
      return composeTargetAnswer({ ...q, years: [year] });
    return missingYear(kpi, year, q, 'actual');
  }
  return valueDraft(kpi, value, q, relatedTarget(kpi));
}

/**
 * Target questions: the target, the latest actual next to it, and progress when both are
 * disclosed. "达到目标没有" / "完成得怎么样" (progress) or an asked actual year that is masked make
 * the answer `undisclosed`; asking only for the target is answered even when the actual is masked.
 */
function composeTargetAnswer(q: FigureQuestion): Draft {
  const { kpi, language } = q;
  const targetYear = q.years.find((y) => pick(kpi, 'target', y)) ?? latestYear(kpi, 'target');
  const target = targetYear === undefined ? undefined : pick(kpi, 'target', targetYear);
  const askedActualYear = q.years.find((y) => !pick(kpi, 'target', y) && pick(kpi, 'actual', y));
  if (!target || targetYear === undefined) {
    const actual = askedActualYear === undefined ? undefined : pick(kpi, 'actual', askedActualYear);
    return actual ? valueDraft(kpi, actual, q, undefined) : missingYear(kpi, q.years[0], q, 'target');
  }
  const comparison = compareKpiWithTarget(kpi, Math.max(targetYear, askedActualYear ?? 0));
  const actual =
    askedActualYear !== undefined
      ? pick(kpi, 'actual', askedActualYear)
      : kpi.values.find((v) => v.kind === 'actual' && v.year === comparison.latestActual?.year);
  const parts = [sentence(kpi, target, language)];
  const derived: string[] = [];
  if (actual) {
    // "那2022年呢？" asks about the actual: it leads, the target follows for context.
    if (askedActualYear !== undefined) parts.unshift(sentence(kpi, actual, language));
    else parts.push(sentence(kpi, actual, language));
    if (comparison.progressPercent !== undefined && comparison.gap !== undefined) {
      parts.push(progressSentence(comparison.progressPercent, comparison.gap, kpi.unit, language));
      derived.push(`${comparison.progressPercent} ${comparison.gap} ${Math.abs(comparison.gap)}`);
    }
  }
  const used = actual ? [target, actual] : [target];
  const actualMatters = q.intent === 'progress' || askedActualYear !== undefined;
  const masked = target.value === null || (actualMatters && actual?.value === null);
  return draft(masked ? 'undisclosed' : 'answered', withQuotes(parts, used, language), {
    citations: uniqueCitations(used.map((v) => q.cite(v.doc, v.quote))),
    figures: used.map((v) => answerFigure(toFigureRecord(kpi, v))),
    derived,
    metricId: kpi.id,
    year: askedActualYear ?? targetYear,
    topic: kpi.category,
  });
}

function valueDraft(kpi: Kpi, value: KpiValue, q: FigureQuestion, target: KpiValue | undefined): Draft {
  const extra = value.value === null && target ? [target] : [];
  const parts = [sentence(kpi, value, q.language), ...extra.map((v) => sentence(kpi, v, q.language))];
  const used = [value, ...extra];
  return draft(value.value === null ? 'undisclosed' : 'answered', withQuotes(parts, used, q.language), {
    citations: uniqueCitations(used.map((v) => q.cite(v.doc, v.quote))),
    figures: used.map((v) => answerFigure(toFigureRecord(kpi, v))),
    metricId: kpi.id,
    year: value.year,
    topic: kpi.category,
  });
}

/** One sentence per value, e.g. "2023年培训合格率的目标为85%。" / "2022年培训合格率未公开（…）。" */
function sentence(kpi: Kpi, v: KpiValue, language: Language): string {
  if (language === 'en') {
    const what =
      v.kind === 'target'
        ? `The ${v.year} target for ${kpi.nameEn}`
        : `${capitalise(kpi.nameEn)} in ${v.year}`;
    if (v.value === null) return `${what}: not disclosed (${t('masked', 'en')}).`;
    return `${what}: ${formatValue(v.value, kpi.unit, v.quote, 'en')}.`;
  }
  const what = v.kind === 'target' ? `${v.year}年${kpi.nameZh}的目标` : `${v.year}年${kpi.nameZh}`;
  if (v.value === null) return `${what}未公开（${t('masked', 'zh')}）。`;
  return `${what}为${formatValue(v.value, kpi.unit, v.quote, 'zh')}。`;
}

function progressSentence(progress: number, gap: number, unit: string, language: Language): string {
  const gapText = `${Math.abs(gap)}${unit === '%' ? (language === 'zh' ? '个百分点' : ' percentage points') : unit}`;
  if (language === 'en')
    return `That is ${progress}% of the target (${gap >= 0 ? 'above' : 'below'} it by ${gapText}).`;
  return `按最新实际值计算，完成目标的${progress}%（${gap >= 0 ? '超出' : '还差'}${gapText}）。`;
}

function withQuotes(parts: string[], used: KpiValue[], language: Language): string {
  const quotes = [...new Set(used.map((v) => v.quote))].map((q) => `“${q}”`).join(' ');
  return `${parts.join(language === 'zh' ? '' : ' ')}\n${t('quoteLabel', language)}：${quotes}`;
}

function missingYear(
  kpi: Kpi,
  year: number | undefined,
  q: Pick<FigureQuestion, 'language' | 'cite' | 'yearAsWritten'>,
  kind = 'actual',
): Draft {
  const { language, cite } = q;
  const what =
    kind === 'target' ? (language === 'zh' ? '目标' : 'target') : language === 'zh' ? '数据' : 'figure';
  const written =
    year === undefined ? '' : (q.yearAsWritten?.(year) ?? (language === 'zh' ? `${year}年` : String(year)));
  const text =
    language === 'zh'
      ? `现有资料中没有${written}“${kpi.nameZh}”的${what}，我不作猜测。`
      : `The documents hold no ${what} for ${kpi.nameEn}${year === undefined ? '' : ` in ${written}`}, and I won't guess.`;
  const held = yearsHeld(kpi, language);
  return {
    ...draft('not_found', held ? `${text}\n${held.line}` : text, {
      derived: [String(year ?? '')],
      // The years it does hold are shown with their sources, so the reader can check them.
      citations: held && cite ? heldCitations(kpi, cite) : [],
      metricId: kpi.id,
      topic: kpi.category,
    }),
    ...(held ? { suggestions: held.suggestions } : {}),
  };
}

/** The sources of an indicator's values (staff updates have none in the documents). */
export const heldCitations = (kpi: Kpi, cite: CiteQuote): Citation[] =>
  uniqueCitations(kpi.values.map((v) => cite(v.doc, v.quote)));

/** "该指标现有：2022年实际、2023年目标": what an indicator does hold, as the next questions to ask. */
export function yearsHeld(kpi: Kpi, language: Language): { line: string; suggestions: string[] } | undefined {
  const held = [...kpi.values].sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind));
  if (held.length === 0) return undefined;
  const zh = language === 'zh';
  const label = (v: KpiValue) =>
    zh
      ? `${v.year}年${v.kind === 'target' ? '目标' : '实际'}`
      : `${v.year} ${v.kind === 'target' ? 'target' : 'actual'}`;
  const line = zh
    ? `该指标现有：${held.map(label).join('、')}。`
    : `This indicator has: ${held.map(label).join(', ')}.`;
  const suggestions = held.map((v) =>
    zh
      ? `${v.year}年${kpi.nameZh}${v.kind === 'target' ? '的目标' : ''}是多少？`
      : `What was the ${v.year} ${v.kind === 'target' ? 'target for ' : ''}${kpi.nameEn}?`,
  );
  return { line, suggestions: suggestions.slice(0, 3) };
}

const pick = (kpi: Kpi, kind: 'actual' | 'target', year: number): KpiValue | undefined =>
  kpi.values.find((v) => v.kind === kind && v.year === year);
const latestYear = (kpi: Kpi, kind: 'actual' | 'target'): number | undefined =>
  kpi.values
    .filter((v) => v.kind === kind)
    .reduce<number | undefined>((m, v) => (m === undefined || v.year > m ? v.year : m), undefined);
const relatedTarget = (kpi: Kpi): KpiValue | undefined => {
  const year = latestYear(kpi, 'target');
  return year === undefined ? undefined : pick(kpi, 'target', year);
};
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
