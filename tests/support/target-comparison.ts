import type { FigureRecord, TargetComparison } from '../../src/assistant/ports.js';

/**
 * compareWithTarget as the fakes do it, over one indicator's figures: the target of `year`, the
 * latest actual at or before it, and progress and gap when both are known.
 */
export function compareFigures(values: readonly FigureRecord[], year: number): TargetComparison | undefined {
  const first = values[0];
  if (!first) return undefined;
  const target = values.find((f) => f.kind === 'target' && f.year === year);
  const latestActual = values
    .filter((f) => f.kind === 'actual' && f.year <= year)
    .sort((a, b) => b.year - a.year)[0];
  const known = target?.value != null && latestActual?.value != null;
  return {
    metricId: first.id,
    name: first.name,
    year,
    unit: first.unit,
    target,
    latestActual,
    progressPercent: known ? Math.round((latestActual.value! / target.value!) * 1000) / 10 : undefined,
    gap: known ? latestActual.value! - target.value! : undefined,
  };
}
