import type { FigureRecord, KnowledgeTools, TargetComparison } from '../assistant/ports.js';
import { actualsMissingNote, figureText } from '../channels/figure-text.js';
import { leadersView, type LeadersView } from '../channels/leaders-view.js';
import { CHART_TEXT, figureName, type ChartLanguage } from './chart-labels.js';
import { CJK_FONT_FAMILY } from './cjk-font.js';
import { escapeXml, svgText, truncateToWidth, wrap } from './svg-text.js';
import {
  COLORS,
  NARROW_ROWS_LAYOUT,
  ROWS_LAYOUT,
  renderLegend,
  renderTargetRows,
  type RowsLayout,
} from './target-rows.js';

const W = ROWS_LAYOUT.width;
const PAD = ROWS_LAYOUT.padding;
import { svgToPng } from './svg-to-png.js';

export { svgToPng } from './svg-to-png.js';
export { ChartFontError } from './cjk-font.js';

const TILE = { columns: 3, width: 240, height: 84, gap: 12 } as const;
/** Where the first row of the wide targets chart starts (the PNG test looks for label pixels there). */
export const TARGETS_ROWS_TOP = 96;
const NARROW_ROWS_TOP = 72;

export type ChartLayout = 'wide' | 'narrow';

/** Wraps chart content in the SVG root; the font family matches what svgToPng loads. */
function svgDocument(body: string, height: number, title: string, width = ROWS_LAYOUT.width): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${CJK_FONT_FAMILY}, 'Noto Sans CJK', 'PingFang SC', 'Microsoft YaHei', sans-serif" role="img">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`
  );
}

function heading(text: string, y: number, size = 22, L: RowsLayout = ROWS_LAYOUT): string {
  return svgText(L.padding, y, truncateToWidth(text, size, L.width - 2 * L.padding), {
    size,
    weight: 700,
    fill: COLORS.ink,
  });
}

/** Wrapped lines of small text from `top`; returns the fragment and the height used. */
function paragraph(
  text: string,
  top: number,
  L: RowsLayout,
  attrs: { size: number; fill: string; maxLines: number },
): { svg: string; height: number } {
  const lineHeight = attrs.size + 6;
  const lines = wrap(text, attrs.size, L.width - 2 * L.padding, attrs.maxLines);
  const svg = lines
    .map((line, i) =>
      svgText(L.padding, top + attrs.size + i * lineHeight, line, { size: attrs.size, fill: attrs.fill }),
    )
    .join('');
  return { svg, height: lines.length * lineHeight };
}

/** The source line under a rule; returns the fragment and the height used. */
function footer(language: ChartLanguage, top: number, L: RowsLayout): { svg: string; height: number } {
  const rule = `<line x1="${L.padding}" y1="${top}" x2="${L.width - L.padding}" y2="${top}" stroke="${COLORS.rule}"/>`;
  const text = paragraph(CHART_TEXT[language].source, top + 4, L, {
    size: L.smallSize,
    fill: COLORS.muted,
    maxLines: 4,
  });
  return { svg: rule + text.svg, height: text.height + 16 };
}

/**
 * Renders the targets chart (dashboard, downloads): each target with the latest actual, the
 * target year's actual said as 未填报 until entered, and — while any is missing — a sentence on how
 * staff enter them. `narrow` is the phone layout. Strings are escaped.
 */
export function renderTargetsSvg(
  comparisons: TargetComparison[],
  language: ChartLanguage,
  options: { layout?: ChartLayout } = {},
): string {
  const narrow = options.layout === 'narrow';
  const L = narrow ? NARROW_ROWS_LAYOUT : ROWS_LAYOUT;
  const year = comparisons[0]?.year ?? new Date().getFullYear();
  const title = CHART_TEXT[language].targetsTitle(year);
  const rowsTop = narrow ? NARROW_ROWS_TOP : TARGETS_ROWS_TOP;
  const rows = renderTargetRows(comparisons, language, rowsTop, L);
  let y = rowsTop + rows.height + 8;
  const parts = [
    heading(title, narrow ? 30 : 44, narrow ? 18 : 22, L),
    renderLegend(language, L.padding, narrow ? 56 : 74, L),
    rows.svg,
  ];
  const note = actualsMissingNote(comparisons, language);
  if (note) {
    const block = paragraph(note, y, L, { size: L.smallSize + 1, fill: COLORS.ink, maxLines: 5 });
    parts.push(block.svg);
    y += block.height + 12;
  }
  const foot = footer(language, y, L);
  parts.push(foot.svg);
  return svgDocument(parts.join(''), y + foot.height, title, L.width);
}

function renderTile(figure: FigureRecord, language: ChartLanguage, x: number, y: number): string {
  return [
    `<rect x="${x}" y="${y}" width="${TILE.width}" height="${TILE.height}" rx="6" fill="#f5f7fa" stroke="${COLORS.rule}"/>`,
    svgText(x + 14, y + 28, truncateToWidth(figureName(figure, language), 14, TILE.width - 28), {
      size: 14,
      fill: COLORS.muted,
    }),
    svgText(x + 14, y + 66, truncateToWidth(figureText(figure, language), 26, TILE.width - 28), {
      size: 26,
      weight: 700,
      fill: COLORS.actual,
    }),
  ].join('');
}

function renderHeadlines(
  honours: readonly string[],
  language: ChartLanguage,
  top: number,
): { svg: string; height: number } {
  const parts = [heading(CHART_TEXT[language].headlines, top + 20, 17)];
  let y = top + 48;
  for (const honour of honours) {
    const lines = wrap(honour, 15, W - 2 * PAD - 20, 2);
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
  // A leader reads numbers: the tiles hold disclosed figures only (the dashboard lists the rest).
  const shown = figures.slice(0, 9);
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
 * Renders the leaders' one-picture summary: the year's headline figures, its honours and the
 * targets (with the note while their actuals are missing). The same picture is the Telegram /stats
 * photo. `targets: false` leaves the targets out.
 */
export function renderStatsSvg(
  view: LeadersView,
  language: ChartLanguage,
  options: { targets?: boolean } = {},
): string {
  const title = CHART_TEXT[language].statsTitle(view.year);
  let y = 60;
  const parts = [heading(title, 44)];
  const tiles = renderTiles(view.figures, language, y);
  parts.push(tiles.svg);
  y += tiles.height + 8;
  const headlines = renderHeadlines(view.honours, language, y);
  parts.push(headlines.svg);
  y += headlines.height + 8;
  if (options.targets !== false) {
    const targetYear = view.targets[0]?.year ?? view.year + 1;
    parts.push(
      heading(CHART_TEXT[language].targetsTitle(targetYear), y + 20, 17),
      renderLegend(language, PAD, y + 48),
    );
    const rows = renderTargetRows(view.targets, language, y + 64);
    parts.push(rows.svg);
    y += 64 + rows.height + 8;
    if (view.actualsNote) {
      const note = paragraph(view.actualsNote, y, ROWS_LAYOUT, { size: 14, fill: COLORS.ink, maxLines: 3 });
      parts.push(note.svg);
      y += note.height + 12;
    }
  }
  const foot = footer(language, y, ROWS_LAYOUT);
  parts.push(foot.svg);
  return svgDocument(parts.join(''), y + foot.height, title);
}

/** Renders the stats chart as PNG for Telegram /stats and downloads. Throws ChartFontError without a CJK font. */
export async function renderStatsPng(tools: KnowledgeTools, language: ChartLanguage): Promise<Buffer> {
  return svgToPng(renderStatsSvg(leadersView(tools, language), language));
}
