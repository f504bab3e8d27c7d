import type { FigureRecord, KnowledgeTools, StatsSummary, TargetComparison } from '../assistant/ports.js';
import { CHART_TEXT, figureName, formatValue, type ChartLanguage } from './chart-labels.js';
import { CJK_FONT_FAMILY } from './cjk-font.js';
import { escapeXml, svgText, truncateToWidth, wrap } from './svg-text.js';
import { COLORS, ROWS_LAYOUT, renderLegend, renderTargetRows } from './target-rows.js';
import { svgToPng } from './svg-to-png.js';

export { svgToPng } from './svg-to-png.js';
export { ChartFontError } from './cjk-font.js';

const W = ROWS_LAYOUT.width;
const PAD = ROWS_LAYOUT.padding;
const TILE = { columns: 3, width: 240, height: 84, gap: 12 } as const;
/** Where the first row of the targets chart starts (the PNG test looks for label pixels there). */
export const TARGETS_ROWS_TOP = 96;

/** Wraps chart content in the SVG root; the font family matches what svgToPng loads. */
function svgDocument(body: string, height: number, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" ` +
    `font-family="${CJK_FONT_FAMILY}, 'Noto Sans CJK', 'PingFang SC', 'Microsoft YaHei', sans-serif" role="img">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="${W}" height="${height}" fill="#ffffff"/>${body}</svg>`
  );
}

function heading(text: string, y: number, size = 22): string {
  return svgText(PAD, y, text, { size, weight: 700, fill: COLORS.ink });
}

function footer(language: ChartLanguage, y: number): string {
  const line = truncateToWidth(CHART_TEXT[language].source, 12, W - 2 * PAD);
  return `<line x1="${PAD}" y1="${y - 18}" x2="${W - PAD}" y2="${y - 18}" stroke="${COLORS.rule}"/>${svgText(PAD, y, line, { size: 12, fill: COLORS.muted })}`;
}

/** Renders the "targets vs latest actuals" chart (dashboard, downloads). Strings are escaped. */
export function renderTargetsSvg(comparisons: TargetComparison[], language: ChartLanguage): string {
  const year = comparisons[0]?.year ?? new Date().getFullYear();
  const title = CHART_TEXT[language].targetsTitle(year);
  const rows = renderTargetRows(comparisons, language, TARGETS_ROWS_TOP);
  const height = TARGETS_ROWS_TOP + rows.height + 48;
  const body =
    heading(title, 44) + renderLegend(language, PAD, 74) + rows.svg + footer(language, height - 16);
  return svgDocument(body, height, title);
}

function renderTile(figure: FigureRecord, language: ChartLanguage, x: number, y: number): string {
  const masked = figure.value === null;
  return [
    `<rect x="${x}" y="${y}" width="${TILE.width}" height="${TILE.height}" rx="6" fill="#f5f7fa" stroke="${COLORS.rule}"/>`,
    svgText(x + 14, y + 28, truncateToWidth(figureName(figure, language), 14, TILE.width - 28), {
      size: 14,
      fill: COLORS.muted,
    }),
    svgText(x + 14, y + 66, formatValue(figure.value, figure.unit, language), {
      size: masked ? 20 : 26,
      weight: 700,
      fill: masked ? COLORS.undisclosed : COLORS.actual,
    }),
  ].join('');
}

function renderHeadlines(
  summary: StatsSummary,
  language: ChartLanguage,
  top: number,
): { svg: string; height: number } {
  const parts = [heading(CHART_TEXT[language].headlines, top + 20, 17)];
  let y = top + 48;
  for (const headline of summary.headlines.slice(0, 3)) {
    const lines = wrap(headline.text, 15, W - 2 * PAD - 20, 2);
    parts.push(`<circle cx="${PAD + 5}" cy="${y - 5}" r="3" fill="${COLORS.accent}"/>`);
    for (const line of lines) {
      parts.push(svgText(PAD + 18, y, line, { size: 15 }));
      y += 22;
    }
    y += 6;
  }
  return { svg: parts.join(''), height: y - top };
}

function renderTiles(
  figures: readonly FigureRecord[],
  language: ChartLanguage,
  top: number,
): { svg: string; height: number } {
  const parts = [heading(CHART_TEXT[language].keyFigures, top + 20, 17)];
  // Disclosed values first: a leader reads numbers; masked ones still fill the remaining tiles as 未公开.
  const ordered = [...figures.filter((f) => f.value !== null), ...figures.filter((f) => f.value === null)];
  const shown = ordered.slice(0, 9);
  if (shown.length === 0)
    parts.push(svgText(PAD, top + 56, CHART_TEXT[language].noFigures, { size: 15, fill: COLORS.muted }));
  shown.forEach((figure, i) => {
    const x = PAD + (i % TILE.columns) * (TILE.width + TILE.gap);
    const y = top + 36 + Math.floor(i / TILE.columns) * (TILE.height + TILE.gap);
    parts.push(renderTile(figure, language, x, y));
  });
  const rows = Math.max(1, Math.ceil(shown.length / TILE.columns));
  return { svg: parts.join(''), height: 36 + rows * (TILE.height + TILE.gap) + 8 };
}

/**
 * Renders the leaders' one-picture summary: headline honours, the year's key figures (未公开 shown
 * as such) and targets vs latest actuals. The same picture is the Telegram /stats photo.
 * `targets: false` leaves the targets out (the dashboard shows them in their own chart).
 */
export function renderStatsSvg(
  summary: StatsSummary,
  language: ChartLanguage,
  options: { targets?: boolean } = {},
): string {
  const title = CHART_TEXT[language].statsTitle(summary.year);
  let y = 60;
  const parts = [heading(title, 44)];
  const headlines = renderHeadlines(summary, language, y);
  parts.push(headlines.svg);
  y += headlines.height + 8;
  const tiles = renderTiles(summary.keyFigures, language, y);
  parts.push(tiles.svg);
  y += tiles.height + 8;
  if (options.targets === false) {
    const height = y + 40;
    return svgDocument(parts.join('') + footer(language, height - 16), height, title);
  }
  const targetYear = summary.targets[0]?.year ?? summary.year + 1;
  parts.push(
    heading(CHART_TEXT[language].targetsTitle(targetYear), y + 20, 17),
    renderLegend(language, PAD, y + 48),
  );
  const rows = renderTargetRows(summary.targets, language, y + 64);
  parts.push(rows.svg);
  const height = y + 64 + rows.height + 48;
  parts.push(footer(language, height - 16));
  return svgDocument(parts.join(''), height, title);
}

/** Renders the stats chart as PNG for Telegram /stats and downloads. Throws ChartFontError without a CJK font. */
export async function renderStatsPng(tools: KnowledgeTools, language: ChartLanguage): Promise<Buffer> {
  return svgToPng(renderStatsSvg(tools.statsSummary(), language));
}
