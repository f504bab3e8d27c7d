import type { FigureRecord, KnowledgeTools } from '../../assistant/ports.js';

/** One dashboard line: an indicator's latest actual next to its current target. */
export interface IndicatorRow {
  id: string;
  name: string;
  nameEn: string;
  category: string;
  unit: string;
  latestActual: FigureRecord | undefined;
  currentTarget: FigureRecord | undefined;
  /** From KnowledgeTools.compareWithTarget (arithmetic stays in the tools). */
  progressPercent: number | undefined;
  /** True when the latest actual or the target is masked in the source (未公开). */
  undisclosed: boolean;
  /** Title of the document the shown value comes from, when it is a known source. */
  sourceTitle?: string;
}

const latest = (values: FigureRecord[]) => values.sort((a, b) => b.year - a.year)[0];
const earliest = (values: FigureRecord[]) => values.sort((a, b) => a.year - b.year)[0];

/**
 * Builds the dashboard rows. `year` means "as of": the latest actual at or before it and the first
 * target from it on; without `year`, the latest actual and the latest target.
 */
export function buildIndicatorRows(
  tools: KnowledgeTools,
  filters: { category?: string | undefined; year?: number | undefined },
): IndicatorRow[] {
  const byId = new Map<string, FigureRecord[]>();
  for (const figure of tools.listFigures(filters.category)) {
    byId.set(figure.id, [...(byId.get(figure.id) ?? []), figure]);
  }
  const titles = new Map(tools.listSources().map((s) => [s.doc, s.title]));
  const rows: IndicatorRow[] = [];
  for (const [id, values] of byId) {
    const { year } = filters;
    const actuals = values.filter((v) => v.kind === 'actual' && (year === undefined || v.year <= year));
    const targets = values.filter((v) => v.kind === 'target' && (year === undefined || v.year >= year));
    const latestActual = latest(actuals);
    const currentTarget = year === undefined ? latest(targets) : earliest(targets);
    if (!latestActual && !currentTarget) continue;
    const first = values[0]!;
    const comparison = currentTarget ? tools.compareWithTarget(id, currentTarget.year) : undefined;
    const sourceTitle = titles.get((latestActual ?? currentTarget)?.doc ?? '');
    rows.push({
      ...(sourceTitle ? { sourceTitle } : {}),
      id,
      name: first.name,
      nameEn: first.nameEn,
      category: first.category,
      unit: first.unit,
      latestActual,
      currentTarget,
      progressPercent: comparison?.progressPercent,
      undisclosed: latestActual?.value === null || currentTarget?.value === null,
    });
  }
  return rows.sort((a, b) => a.category.localeCompare(b.category, 'zh-CN') || a.id.localeCompare(b.id));
}

/** The filter choices offered by the dashboard: every category and year that has a figure. */
export function indicatorFacets(tools: KnowledgeTools): { categories: string[]; years: number[] } {
  const all = tools.listFigures();
  return {
    categories: [...new Set(all.map((f) => f.category))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    years: [...new Set(all.map((f) => f.year))].sort((a, b) => b - a),
  };
}
