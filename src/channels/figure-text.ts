import type { Language } from '../assistant/answer.js';
import type { TargetComparison } from '../assistant/ports.js';
import type { Approximation } from '../knowledge/approximation.js';

/**
 * How a figure reads on every server-made screen (Telegram, charts, CSV). Two facts must never
 * look alike: 未公开 — the source masks the value (value null) — and 未填报 — there is no value for
 * that year at all. A value keeps its 余/多 and, in Chinese, is written as the documents write it
 * (20000余人, no thousands separators). The web page formats the same data in src/web/i18n.js.
 */
export interface ShownFigure {
  value: number | null;
  unit: string;
  approx?: Approximation | undefined;
}

export const FIGURE_WORDS = {
  zh: {
    masked: '未公开',
    missing: '未填报',
    target: '目标',
    progress: '完成进度',
    yearActual: (year: number) => `${year}年实际`,
    earlier: (year: number, value: string) => `（${year}年 ${value}）`,
  },
  en: {
    masked: 'not disclosed',
    missing: 'not entered',
    target: 'Target',
    progress: 'Progress',
    yearActual: (year: number) => `${year} actual`,
    earlier: (year: number, value: string) => ` (${year}: ${value})`,
  },
} as const;

/** "20000余人", "85%", 未公开 (masked) or 未填报 (`figure` undefined: no value for that year). */
export function figureText(figure: ShownFigure | undefined, language: Language): string {
  if (figure === undefined) return FIGURE_WORDS[language].missing;
  if (figure.value === null) return FIGURE_WORDS[language].masked;
  if (language === 'zh') return `${figure.value}${figure.approx ?? ''}${figure.unit}`;
  const number = figure.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const shown = figure.unit === '%' ? `${number}%` : `${number} ${figure.unit}`;
  return figure.approx ? `over ${shown}` : shown;
}

/** The actual entered for the target's own year, or undefined (未填报) while there is none. */
export const targetYearActual = (c: TargetComparison) =>
  c.latestActual?.year === c.year ? c.latestActual : undefined;

/**
 * A target in two lines, the same in the charts and in Telegram: "目标 85% · 完成进度 94%" (progress
 * when it can be computed), then the target year's actual — 未填报 until entered — with the latest
 * earlier actual beside it: "2023年实际 未填报（2022年 未公开）".
 */
export function targetLines(c: TargetComparison, language: Language): [string, string] {
  const w = FIGURE_WORDS[language];
  const progress = c.progressPercent === undefined ? '' : ` · ${w.progress} ${c.progressPercent}%`;
  const own = targetYearActual(c);
  const earlier =
    own === undefined && c.latestActual
      ? w.earlier(c.latestActual.year, figureText(c.latestActual, language))
      : '';
  return [
    `${w.target} ${figureText(c.target, language)}${progress}`,
    `${w.yearActual(c.year)} ${figureText(own, language)}${earlier}`,
  ];
}

/**
 * Said in words wherever targets are shown while their year's actuals are missing, with how staff
 * enter them; undefined when every target has its actual.
 */
export function actualsMissingNote(
  comparisons: readonly TargetComparison[],
  language: Language,
): string | undefined {
  const missing = comparisons.filter((c) => targetYearActual(c) === undefined);
  if (missing.length === 0) return undefined;
  const year = missing[0]?.year ?? '';
  return language === 'zh'
    ? `${year}年实际完成数尚未填报。工作人员可在 Telegram 发送 /setkpi <指标ID> ${year} <数值>，或通过管理接口 PUT /api/admin/figures/<指标ID> 录入。`
    : `The ${year} actuals have not been entered yet. Staff enter them with /setkpi <indicator id> ${year} <value> in Telegram, or PUT /api/admin/figures/<indicator id> on the admin API.`;
}
