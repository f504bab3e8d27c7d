import type { FigureRecord } from '../../assistant/ports.js';
import { FIGURE_WORDS } from '../figure-text.js';
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

/**
 * A value cell: the number when exact (a spreadsheet can sum it), "20000余" when the source gives a
 * lower bound, 未公开 when the source masks it; an absent actual is 未填报, an absent target empty
 * (no target was set).
 */
function valueCell(record: FigureRecord | undefined, absent: string): string | number {
  if (record === undefined) return absent;
  if (record.value === null) return FIGURE_WORDS.zh.masked;
  return record.approx ? `${record.value}${record.approx}` : record.value;
}

/** The dashboard table as CSV (UTF-8 with BOM so Excel shows Chinese correctly); 未公开 and 未填报 say so. */
export function indicatorRowsToCsv(rows: readonly IndicatorRow[]): string {
  const lines = rows.map((r) =>
    [
      r.id,
      r.name,
      r.nameEn,
      r.category,
      r.unit,
      r.latestActual?.year,
      valueCell(r.latestActual, FIGURE_WORDS.zh.missing),
      r.currentTarget?.year,
      valueCell(r.currentTarget, ''),
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
