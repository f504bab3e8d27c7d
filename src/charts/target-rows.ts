import type { TargetComparison } from '../assistant/ports.js';
import { targetLines } from '../channels/figure-text.js';
import { CHART_TEXT, comparisonName, type ChartLanguage } from './chart-labels.js';
import { svgText, truncateToWidth, wrap } from './svg-text.js';

/**
 * Layouts of the "targets" rows. Wide: 800 px, the values beside the bar (dashboard on a desktop,
 * downloads, the Telegram picture). Narrow: 340 px, the values under the bar, every text at least
 * 13 px, for a phone — drawn at about its own size there, so no text shrinks under 12 px.
 */
export interface RowsLayout {
  width: number;
  padding: number;
  rowHeight: number;
  labelSize: number;
  /** Label baseline, relative to the row's top. */
  labelBaseline: number;
  barTop: number;
  barHeight: number;
  barWidth: number;
  valueSize: number;
  /** Where the two value lines go: beside the bar (wide) or under it (narrow). */
  values: 'beside' | 'below';
  /** The smallest text of the layout (legend, notes, footer). */
  smallSize: number;
}

/** Exported so the PNG test can look for label pixels exactly where labels are drawn. */
export const ROWS_LAYOUT: RowsLayout = {
  width: 800,
  padding: 24,
  rowHeight: 68,
  labelSize: 16,
  labelBaseline: 22,
  barTop: 32,
  barHeight: 18,
  barWidth: 380,
  valueSize: 13,
  values: 'beside',
  smallSize: 12,
};

export const NARROW_ROWS_LAYOUT: RowsLayout = {
  width: 340,
  padding: 12,
  rowHeight: 108,
  labelSize: 15,
  labelBaseline: 18,
  barTop: 26,
  barHeight: 16,
  barWidth: 316,
  valueSize: 13,
  values: 'below',
  smallSize: 13,
};

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
function barLengths(c: TargetComparison, L: RowsLayout): { actual?: number; target?: number } {
  const actual = c.latestActual?.value ?? undefined;
  const target = c.target?.value ?? undefined;
  const max = Math.max(actual ?? 0, target ?? 0);
  const scale = (v: number) => (max > 0 ? (Math.max(v, 0) / max) * L.barWidth : 0);
  return {
    ...(actual !== undefined && { actual: scale(actual) }),
    ...(target !== undefined && { target: scale(target) }),
  };
}

function renderRow(c: TargetComparison, language: ChartLanguage, top: number, L: RowsLayout): string {
  const x = L.padding;
  const barY = top + L.barTop;
  const { actual, target } = barLengths(c, L);
  const parts = [
    svgText(
      x,
      top + L.labelBaseline,
      truncateToWidth(comparisonName(c, language), L.labelSize, L.width - 2 * x),
      {
        size: L.labelSize,
        weight: 700,
      },
    ),
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
    // A masked or missing actual is an explicit gap, never a zero-length bar that reads as "0".
    parts.push(
      `<rect x="${x + 1}" y="${barY + 4}" width="${L.barWidth - 2}" height="${L.barHeight - 8}" fill="none" stroke="${COLORS.undisclosed}" stroke-dasharray="4 3"/>`,
    );
  }
  const [first, second] = targetLines(c, language);
  const beside = L.values === 'beside';
  const valueX = beside ? x + L.barWidth + 16 : x;
  const firstY = beside ? barY + 6 : barY + L.barHeight + L.valueSize + 6;
  const room = beside ? L.width - valueX - L.padding : L.barWidth;
  // Under the bar there is room for the second line to wrap once (English is long on a phone).
  const seconds = beside ? [truncateToWidth(second, L.valueSize, room)] : wrap(second, L.valueSize, room, 2);
  parts.push(
    svgText(valueX, firstY, truncateToWidth(first, L.valueSize, room), {
      size: L.valueSize,
      fill: COLORS.ink,
    }),
  );
  seconds.forEach((line, i) =>
    parts.push(
      svgText(valueX, firstY + (i + 1) * (L.valueSize + 5), line, { size: L.valueSize, fill: COLORS.muted }),
    ),
  );
  return parts.join('');
}

/** Renders the comparison rows starting at `top`; returns the SVG fragment and its height. */
export function renderTargetRows(
  comparisons: readonly TargetComparison[],
  language: ChartLanguage,
  top: number,
  L: RowsLayout = ROWS_LAYOUT,
): { svg: string; height: number } {
  if (comparisons.length === 0) {
    return {
      svg: svgText(L.padding, top + 24, CHART_TEXT[language].noTargets, { size: 15, fill: COLORS.muted }),
      height: 40,
    };
  }
  const svg = comparisons.map((c, i) => renderRow(c, language, top + i * L.rowHeight, L)).join('');
  return { svg, height: comparisons.length * L.rowHeight };
}

/** The legend line: latest actual (dark bar) and target (light bar). */
export function renderLegend(
  language: ChartLanguage,
  x: number,
  y: number,
  L: RowsLayout = ROWS_LAYOUT,
): string {
  const t = CHART_TEXT[language];
  const size = Math.max(13, L.smallSize);
  const second = x + 20 + Math.ceil(t.actual.length * size * (language === 'zh' ? 1 : 0.6)) + 24;
  return [
    `<rect x="${x}" y="${y - 10}" width="14" height="10" fill="${COLORS.actual}"/>`,
    svgText(x + 20, y, t.actual, { size, fill: COLORS.muted }),
    `<rect x="${second}" y="${y - 12}" width="14" height="14" fill="${COLORS.target}"/>`,
    svgText(second + 20, y, t.target, { size, fill: COLORS.muted }),
  ].join('');
}
