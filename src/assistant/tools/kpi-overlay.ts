import type { Kpi, KpiValue } from '../../knowledge/types.js';
import type { StoredKpiUpdate } from '../../storage/store.js';

/** The pseudo document id of values recorded by staff after the documents were written. */
export const STAFF_UPDATE_DOC = 'staff-update';

/**
 * Applies staff updates (/setkpi, the admin API) on top of the curated indicators: for each
 * (indicator, year, kind) the latest update replaces the document's value. The history stays in
 * the store; this returns the values lookups should use now.
 */
export function applyKpiUpdates(kpis: readonly Kpi[], updates: readonly StoredKpiUpdate[]): Kpi[] {
  if (updates.length === 0) return [...kpis];
  const byId = new Map(kpis.map((kpi) => [kpi.id, { ...kpi, values: [...kpi.values] }]));
  for (const update of updates) {
    const kpi = byId.get(update.kpiId);
    if (!kpi) continue; // an update for an indicator removed from kpis.yaml is kept in history only
    const value: KpiValue = {
      year: update.year,
      kind: update.kind,
      value: update.value,
      doc: STAFF_UPDATE_DOC,
      quote: describeUpdate(update),
      updatedBy: update.by,
      updatedAt: update.at,
      ...(update.note ? { note: update.note } : {}),
    };
    const index = kpi.values.findIndex((v) => v.year === update.year && v.kind === update.kind);
    if (index >= 0) kpi.values[index] = value;
    else kpi.values.push(value);
  }
  return [...byId.values()];
}

function describeUpdate(update: StoredKpiUpdate): string {
  const shown = update.value === null ? '未公开' : String(update.value);
  const note = update.note ? `；备注：${update.note}` : '';
  return `${update.at.slice(0, 10)} 工作人员更新为 ${shown}${note}`;
}
