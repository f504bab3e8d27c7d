import type { Kpi, KpiValue } from '../../knowledge/types.js';
import type { FigureRecord, TargetComparison } from '../ports.js';
import { approximationIn, type Approximation } from '../../knowledge/approximation.js';

/** `{ approx: '余' }` when the quote writes the value as a lower bound, else nothing. */
export function withApproximation(value: number | null, quote: string): { approx?: Approximation } {
  const approx = approximationIn(value, quote);
  return approx ? { approx } : {};
}

/** Flattens one indicator value into the record the tools return. */
export function toFigureRecord(kpi: Kpi, value: KpiValue): FigureRecord {
  return {
    id: kpi.id,
    name: kpi.nameZh,
    nameEn: kpi.nameEn,
    category: kpi.category,
    year: value.year,
    kind: value.kind,
    value: value.value,
    unit: kpi.unit,
    doc: value.doc,
    quote: value.quote,
    ...(value.note ? { note: value.note } : {}),
    ...withApproximation(value.value, value.quote),
    ...(value.updatedBy ? { updatedBy: value.updatedBy } : {}),
    ...(value.updatedAt ? { updatedAt: value.updatedAt } : {}),
  };
}

/**
 * Target of `year` next to the latest actual at or before it. Progress and gap are computed here,
 * in code, and only when both values are disclosed — a masked actual leaves them undefined.
 */
export function compareKpiWithTarget(kpi: Kpi, year: number): TargetComparison {
  const target = kpi.values.find((v) => v.kind === 'target' && v.year === year);
  const actual = kpi.values
    .filter((v) => v.kind === 'actual' && v.year <= year)
    .sort((a, b) => b.year - a.year)[0];
  const both = target?.value != null && actual?.value != null && target.value !== 0;
  return {
    metricId: kpi.id,
    name: kpi.nameZh,
    year,
    unit: kpi.unit,
    target: target ? toFigureRecord(kpi, target) : undefined,
    latestActual: actual ? toFigureRecord(kpi, actual) : undefined,
    progressPercent: both ? Math.round((actual.value! / target.value!) * 1000) / 10 : undefined,
    gap: both ? Math.round((actual.value! - target.value!) * 100) / 100 : undefined,
  };
}

/** The latest year with a target, over all indicators (the "current" target year). */
export function latestTargetYear(kpis: readonly Kpi[]): number | undefined {
  const years = kpis.flatMap((k) => k.values.filter((v) => v.kind === 'target').map((v) => v.year));
  return years.length > 0 ? Math.max(...years) : undefined;
}

/** The latest year with an actual value, over all indicators. */
export function latestActualYear(kpis: readonly Kpi[]): number | undefined {
  const years = kpis.flatMap((k) => k.values.filter((v) => v.kind === 'actual').map((v) => v.year));
  return years.length > 0 ? Math.max(...years) : undefined;
}
