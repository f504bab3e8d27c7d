import type { IndicatorRow } from './indicator-rows.js';

/**
 * Quotes one CSV cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) is prefixed with an apostrophe: the values come from documents and staff, and a CSV is
 * opened in Excel/WPS by people who trust it.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADER = [
  '指标ID id',
  '指标 indicator',
  'indicator (en)',
  '类别 category',
  '单位 unit',
  '最新实际年份 actual year',
  '最新实际 actual',
  '目标年份 target year',
  '目标 target',
  '完成进度% progress',
  '未公开 undisclosed',
  '来源 source',
  '原文 quote',
];

/** The dashboard table as CSV (UTF-8 with BOM so Excel shows Chinese correctly); 未公开 values say so. */
export function indicatorRowsToCsv(rows: readonly IndicatorRow[]): string {
  const value = (v: number | null | undefined, present: boolean) =>
    !present ? '' : v === null ? '未公开' : v;
  const lines = rows.map((r) =>
    [
      r.id,
      r.name,
      r.nameEn,
      r.category,
      r.unit,
      r.latestActual?.year,
      value(r.latestActual?.value, r.latestActual !== undefined),
      r.currentTarget?.year,
      value(r.currentTarget?.value, r.currentTarget !== undefined),
      r.progressPercent,
      r.undisclosed ? '是 yes' : '否 no',
      (r.latestActual ?? r.currentTarget)?.doc,
      (r.latestActual ?? r.currentTarget)?.quote,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[HEADER.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}
