import type { TargetComparison } from '../assistant/ports.js';
import { CHART_TEXT, comparisonName, formatValue, type ChartLanguage } from './chart-labels.js';
import { svgText, truncateToWidth } from './svg-text.js';

/**
 * Layout of the "targets vs latest actuals" rows, exported so the PNG test can look for label
 * pixels exactly where labels are drawn.
 */
export const ROWS_LAYOUT = {
  width: 800,
  padding: 24,
  rowHeight: 68,
  labelSize: 16,
  /** Label baseline, relative to the row's top. */
  labelBaseline: 22,
  barTop: 32,
  barHeight: 18,
  barWidth: 440,
  valueSize: 14,
} as const;

export const COLORS = {
  ink: '#1f2933',
  muted: '#52606d',
  actual: '#1d4e89',
  target: '#c7d7ea',
  undisclosed: '#9aa5b1',
  accent: '#b42318',
  rule: '#d9e2ec',
} as const;

/** Bar lengths in px for one row, both scaled to the larger of the two known values. */
function barLengths(c: TargetComparison): { actual: number | undefined; target: number | undefined } {
  const actual = c.latestActual?.value ?? undefined;
  const target = c.target?.value ?? undefined;
  const max = Math.max(actual ?? 0, target ?? 0);
  const scale = (v: number | undefined) =>
    v === undefined ? undefined : max > 0 ? (Math.max(v, 0) / max) * ROWS_LAYOUT.barWidth : 0;
  return { actual: scale(actual), target: scale(target) };
}

function renderRow(c: TargetComparison, language: ChartLanguage, top: number): string {
  const L = ROWS_LAYOUT;
  const t = CHART_TEXT[language];
  const x = L.padding;
  const barY = top + L.barTop;
  const { actual, target } = barLengths(c);
  const parts = [
    svgText(x, top + L.labelBaseline, truncateToWidth(comparisonName(c, language), L.labelSize, 700), {
      size: L.labelSize,
      weight: 700,
    }),
    `<rect x="${x}" y="${barY}" width="${L.barWidth}" height="${L.barHeight}" fill="#f5f7fa"/>`,
  ];
  if (target !== undefined) {
    parts.push(
      `<rect x="${x}" y="${barY}" width="${target.toFixed(1)}" height="${L.barHeight}" fill="${COLORS.target}"/>`,
    );
  }
  if (actual !== undefined) {
    parts.push(
      `<rect x="${x}" y="${barY + 4}" width="${actual.toFixed(1)}" height="${L.barHeight - 8}" fill="${COLORS.actual}"/>`,
    );
  } else {
    // A masked actual is shown as an explicit gap, never as a zero-length bar that reads as "0".
    parts.push(
      `<rect x="${x + 1}" y="${barY + 4}" width="${L.barWidth - 2}" height="${L.barHeight - 8}" fill="none" stroke="${COLORS.undisclosed}" stroke-dasharray="4 3"/>`,
    );
  }
  const valueX = x + L.barWidth + 16;
  const actualText = `${t.actual} ${formatValue(c.latestActual?.value, c.unit, language)}`;
  const targetText = `${t.target} ${formatValue(c.target?.value, c.unit, language)}`;
  const progress = c.progressPercent === undefined ? '—' : `${c.progressPercent}%`;
  parts.push(
    svgText(valueX, barY + 6, actualText, { size: L.valueSize, fill: COLORS.ink }),
    svgText(valueX, barY + 24, `${targetText} · ${t.progress} ${progress}`, {
      size: L.valueSize,
      fill: COLORS.muted,
    }),
  );
  return parts.join('');
}

/** Renders the comparison rows starting at `top`; returns the SVG fragment and its height. */
export function renderTargetRows(
  comparisons: readonly TargetComparison[],
  language: ChartLanguage,
  top: number,
): { svg: string; height: number } {
  if (comparisons.length === 0) {
    return {
      svg: svgText(ROWS_LAYOUT.padding, top + 24, CHART_TEXT[language].noTargets, {
        size: 15,
        fill: COLORS.muted,
      }),
      height: 40,
    };
  }
  const svg = comparisons.map((c, i) => renderRow(c, language, top + i * ROWS_LAYOUT.rowHeight)).join('');
  return { svg, height: comparisons.length * ROWS_LAYOUT.rowHeight };
}

/** The legend line: actual (dark bar) and target (light bar). */
export function renderLegend(language: ChartLanguage, x: number, y: number): string {
  const t = CHART_TEXT[language];
  return [
    `<rect x="${x}" y="${y - 10}" width="14" height="10" fill="${COLORS.actual}"/>`,
    svgText(x + 20, y, t.actual, { size: 13, fill: COLORS.muted }),
    `<rect x="${x + 110}" y="${y - 12}" width="14" height="14" fill="${COLORS.target}"/>`,
    svgText(x + 130, y, t.target, { size: 13, fill: COLORS.muted }),
  ].join('');
}
