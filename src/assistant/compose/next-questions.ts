import type { Kpi, KpiValue } from '../../knowledge/types.js';
import type { Language } from '../answer.js';
import type { Draft } from './draft.js';

const MAX_NEXT = 3;

/** The question that asks for one value, in the words the figure answers understand. */
export function figureQuestion(kpi: Kpi, value: Pick<KpiValue, 'year' | 'kind'>, language: Language): string {
  return language === 'zh'
    ? `${value.year}年${kpi.nameZh}${value.kind === 'target' ? '的目标' : ''}是多少？`
    : `What was the ${value.year} ${value.kind === 'target' ? 'target for ' : ''}${kpi.nameEn}?`;
}

/**
 * What to ask after a figure: the same indicator's other years (or its target), then the other
 * disclosed figures of its category ("the section's other figures"), at most three. Only values
 * the knowledge holds are offered, so every suggestion has an answer.
 */
export function nextFigureQuestions(
  kpi: Kpi,
  answeredYear: number | undefined,
  kpis: readonly Kpi[],
  language: Language,
  shown: ReadonlySet<string> = new Set(),
): string[] {
  const sameIndicator = kpi.values
    .filter((v) => v.year !== answeredYear)
    .sort((a, b) => b.year - a.year)
    .slice(0, 1)
    .map((v) => figureQuestion(kpi, v, language));
  const sameCategory = kpis
    .filter((other) => other.id !== kpi.id && other.category === kpi.category && !shown.has(other.id))
    .flatMap((other) => {
      const latest = other.values
        .filter((v) => v.kind === 'actual' && v.value !== null)
        .sort((a, b) => b.year - a.year)[0];
      return latest ? [figureQuestion(other, latest, language)] : [];
    });
  return [...new Set([...sameIndicator, ...sameCategory])].slice(0, MAX_NEXT);
}

/** A figure answer without next questions gets them (see nextFigureQuestions); others are left as they are. */
export function withNextQuestions(d: Draft, kpis: readonly Kpi[], language: Language): Draft {
  if (d.suggestions?.length || !d.metricId || d.status === 'out_of_scope') return d;
  const kpi = kpis.find((k) => k.id === d.metricId);
  if (!kpi) return d;
  // A two-part answer already shows its second figure: it is not offered again.
  const shown = new Set(d.figures.flatMap((f) => (f.id ? [f.id] : [])));
  const suggestions = nextFigureQuestions(kpi, d.year, kpis, language, shown);
  return suggestions.length > 0 ? { ...d, suggestions } : d;
}
