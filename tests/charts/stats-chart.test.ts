import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FigureRecord, TargetComparison } from '../../src/assistant/ports.js';
import {
  bundledChartFont,
  ChartFontError,
  chartFont,
  findCjkFontFiles,
  KNOWN_CJK_FONT_FILES,
  systemChartFont,
  type ChartFont,
} from '../../src/charts/cjk-font.js';
import {
  renderStatsPng,
  renderStatsSvg,
  renderTargetsSvg,
  svgToPng,
  TARGETS_ROWS_TOP,
} from '../../src/charts/stats-chart.js';
import { ROWS_LAYOUT } from '../../src/charts/target-rows.js';
import { leadersView } from '../../src/channels/leaders-view.js';
import { createFakeTools } from '../support/http-fakes.js';
import { darkPixels, decodePng } from './decode-png.js';

const record = (
  name: string,
  kind: FigureRecord['kind'],
  value: number | null,
  year: number,
): FigureRecord => ({
  id: name,
  name,
  nameEn: `${name} (en)`,
  category: '就业创业',
  year,
  kind,
  value,
  unit: '%',
  doc: 'doc.txt',
  quote: `${name}达${value ?? '**'}％`,
});

const comparison = (name: string, actual: number | null, target: number): TargetComparison => ({
  metricId: name,
  name,
  year: 2023,
  unit: '%',
  target: record(name, 'target', target, 2023),
  latestActual: record(name, 'actual', actual, 2022),
  progressPercent: actual === null ? undefined : Math.round((actual / target) * 1000) / 10,
  gap: actual === null ? undefined : actual - target,
});

const rows = [
  comparison('培训合格率', 50, 100),
  comparison('训后推荐就业率', null, 85),
  comparison('计划分配安置率', 100, 100),
];

/** The words of an SVG's <text> elements, lines joined with a space, entities decoded. */
const words = (svg: string) =>
  [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))))
    .join(' ');

/** Font sizes of every <text> of an SVG. */
const fontSizes = (svg: string) =>
  [...svg.matchAll(/<text [^>]*font-size="(\d+)"/g)].map((m) => Number(m[1]));

describe('renderTargetsSvg', () => {
  it('tells a masked actual (未公开) from a missing one (未填报) and escapes names from documents', () => {
    const svg = renderTargetsSvg([...rows, comparison('<script>alert(1)</script>&"', 1, 2)], 'zh');
    expect(svg).toContain('2023年目标');
    expect(svg).toContain('2023年实际 未填报（2022年 未公开）');
    expect(svg).toContain('2023年实际 未填报（2022年 50%）');
    expect(svg).toContain('完成进度 50%');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;');
  });

  it('says in words that the actuals are not entered yet, and how staff enter them', () => {
    const svg = words(renderTargetsSvg(rows, 'zh'));
    expect(svg).toContain('2023年实际完成数尚未填报');
    expect(svg).toContain('/setkpi <指标ID> 2023 <数值>');
    expect(svg).toContain('/api/admin/figures/<指标ID>');
    const entered = { ...rows[0]!, latestActual: record('培训合格率', 'actual', 90, 2023) };
    expect(renderTargetsSvg([entered], 'zh')).not.toContain('尚未填报');
    expect(renderTargetsSvg([entered], 'zh')).toContain('2023年实际 90%');
  });

  it('uses English names and wording for en', () => {
    const svg = words(renderTargetsSvg(rows, 'en'));
    expect(svg).toContain('培训合格率 (en)');
    expect(svg).toContain('2023 actual not entered (2022: not disclosed)');
    expect(svg).toContain('have not been entered yet');
    expect(words(renderTargetsSvg(rows, 'en', { layout: 'narrow' }))).toContain(
      '2023 actual not entered (2022: not disclosed)',
    );
  });

  it('has a 340 px phone layout whose smallest text is 13 px, and a wide one at 12 px or more', () => {
    const narrow = renderTargetsSvg(rows, 'zh', { layout: 'narrow' });
    expect(narrow).toMatch(/^<svg [^>]*width="340"/);
    expect(Math.min(...fontSizes(narrow))).toBeGreaterThanOrEqual(13);
    expect(narrow).toContain('2023年实际 未填报（2022年 未公开）');
    expect(Math.min(...fontSizes(renderTargetsSvg(rows, 'zh')))).toBeGreaterThanOrEqual(12);
  });
});

describe('renderStatsSvg', () => {
  it('holds the headline figures (余 kept), the honours (某市) and the targets', () => {
    const tools = createFakeTools();
    const summary = tools.statsSummary();
    tools.statsSummary = () => ({
      ...summary,
      headlines: [...summary.headlines, { text: '**市退役军人事务局被评为先进单位', doc: 'd.txt' }],
    });
    const svg = renderStatsSvg(leadersView(tools, 'zh'), 'zh');
    expect(svg).toContain('2022年度工作主要数据');
    expect(svg).toContain('双拥工作考核得分为满分');
    expect(svg).toContain('某市退役军人事务局被评为先进单位');
    expect(svg).not.toContain('**市');
    expect(svg).toContain('20000余人');
    expect(svg).toContain('2023年目标');
    const withoutTargets = renderStatsSvg(leadersView(tools, 'zh'), 'zh', { targets: false });
    expect(withoutTargets).not.toContain('2023年目标');
  });
});

/** Noto Sans CJK from the distribution, when this machine has it (CI installs it for Chromium only). */
const systemFont = ((): ChartFont | undefined => {
  try {
    return systemChartFont();
  } catch {
    return undefined;
  }
})();

describe('svgToPng', () => {
  /**
   * Draws the targets chart with `font` alone (resvg never scans the system's fonts) and checks the
   * labels are real Chinese glyphs: ink where each label is, different shapes per character (tofu
   * boxes are all alike), nothing to the right of the label, and the progress bar's length.
   */
  async function expectLabelledTargets(font: ChartFont) {
    const svg = renderTargetsSvg(rows, 'zh');
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    const image = decodePng(await svgToPng(svg, { font }));
    expect([image.width, image.height]).toEqual([w! * 2, h! * 2]);
    const L = ROWS_LAYOUT;
    const s = 2;
    rows.forEach((row, i) => {
      const top = TARGETS_ROWS_TOP + i * L.rowHeight;
      const labelEnd = L.padding + [...row.name].length * L.labelSize;
      // Glyph strokes exist in the label's box, and nothing is drawn to its right on that line.
      const inLabel = darkPixels(image, L.padding * s, (top + 4) * s, labelEnd * s, (top + 28) * s);
      expect(inLabel, row.name).toBeGreaterThan(150);
      // Real glyphs differ from each other; missing-glyph boxes ("tofu") are all the same shape.
      const cells = [...row.name].map((_, c) => {
        const x = (L.padding + c * L.labelSize) * s;
        return darkPixels(image, x, (top + 4) * s, x + L.labelSize * s, (top + 28) * s);
      });
      expect(new Set(cells).size, `${row.name}: ${cells.join(',')}`).toBe(cells.length);
      expect(
        darkPixels(image, (labelEnd + 30) * s, (top + 4) * s, (L.padding + L.barWidth) * s, (top + 28) * s),
      ).toBe(0);
    });
    // Row 0: actual 50 of target 100 → the dark bar covers the first half of the track only.
    const barMid = (TARGETS_ROWS_TOP + L.barTop + L.barHeight / 2) * s;
    const half = L.padding + L.barWidth / 2;
    expect(darkPixels(image, (L.padding + 4) * s, barMid, (half - 4) * s, barMid + 1)).toBeGreaterThan(
      L.barWidth * 0.8,
    );
    expect(darkPixels(image, (half + 4) * s, barMid, (L.padding + L.barWidth - 4) * s, barMid + 1)).toBe(0);
  }

  it('renders Chinese labels with only the font installed by npm (no system font needed)', async () => {
    const font = bundledChartFont();
    expect(font.files.every((file) => file.includes('node_modules'))).toBe(true);
    await expectLabelledTargets(font);
  });

  it.skipIf(systemFont === undefined)(
    'renders Chinese labels with the system Noto Sans CJK (CHART_FONT=system)',
    async () => {
      await expectLabelledTargets(systemFont!);
    },
  );

  // DejaVu has no Chinese glyphs; present wherever Chromium's usual fonts are, skipped otherwise.
  const latinOnly = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
  it.skipIf(!existsSync(latinOnly))(
    'the glyph check above catches tofu: a font without Chinese gives identical boxes',
    async () => {
      const svg = renderTargetsSvg(rows, 'zh');
      const image = decodePng(await svgToPng(svg, { font: { family: 'DejaVu Sans', files: [latinOnly] } }));
      const top = TARGETS_ROWS_TOP * 2;
      const cells = [0, 1, 2, 3, 4].map((c) =>
        darkPixels(image, (24 + c * 16) * 2, top + 8, (40 + c * 16) * 2, top + 56),
      );
      expect(new Set(cells).size).toBeLessThan(cells.length);
    },
  );

  it('renderStatsPng renders the Telegram picture from the tools', async () => {
    const image = decodePng(await renderStatsPng(createFakeTools(), 'en'));
    expect(image.width).toBe(1600);
    expect(darkPixels(image, 48, 40, 600, 100)).toBeGreaterThan(500);
  });
});

describe('chart fonts', () => {
  it('draws with the bundled Noto Sans SC unless main.ts chose the system font', () => {
    expect(chartFont()).toEqual(bundledChartFont());
    expect(bundledChartFont().family).toBe('Noto Sans S Chinese');
  });

  it('fails with a message naming fonts-noto-cjk and CHART_FONT when no system CJK font exists', () => {
    expect(() => findCjkFontFiles(['/nonexistent/NotoSansCJK-Regular.ttc'])).toThrow(ChartFontError);
    expect(() => findCjkFontFiles(['/nonexistent/NotoSansCJK-Regular.ttc'])).toThrow(/fonts-noto-cjk/);
    expect(() => systemChartFont(['/nonexistent/NotoSansCJK-Regular.ttc'])).toThrow(/CHART_FONT/);
  });

  it.skipIf(systemFont === undefined)('finds the system Noto Sans CJK where distributions put it', () => {
    expect(findCjkFontFiles(KNOWN_CJK_FONT_FILES)[0]).toMatch(/NotoSansCJK/);
  });
});
