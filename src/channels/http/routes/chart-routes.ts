import { ChartFontError, renderStatsSvg, renderTargetsSvg, svgToPng } from '../../../charts/stats-chart.js';
import type { Route, RouteContext } from '../http-deps.js';
import { HttpError, sendBody } from '../http-io.js';
import { ChartQuerySchema, parseInput, queryObject } from '../validation.js';
import { leadersView } from '../../leaders-view.js';

/**
 * stats: the Telegram /stats picture; headlines: the same without targets; targets: targets only
 * (`layout=narrow` for phones).
 */
type Chart = 'stats' | 'headlines' | 'targets';

function chartSvg(ctx: RouteContext, chart: Chart): string {
  const { lang, layout } = parseInput(ChartQuerySchema, queryObject(ctx.url), 'query');
  const view = leadersView(ctx.deps.tools, lang);
  if (chart === 'targets') return renderTargetsSvg(view.targets, lang, { layout });
  return renderStatsSvg(view, lang, { targets: chart === 'stats' });
}

// The charts use presentation attributes only, so the site-wide CSP (no script, no inline style)
// also covers an SVG opened directly from the dashboard's link.
const svgHeaders = { 'cache-control': 'no-cache' };

const svgRoute = (chart: Chart): Route => ({
  method: 'GET',
  pattern: `/charts/${chart}.svg`,
  limited: true,
  handler: (ctx) => sendBody(ctx.res, 200, chartSvg(ctx, chart), 'image/svg+xml; charset=utf-8', svgHeaders),
});

const pngRoute = (chart: Chart): Route => ({
  method: 'GET',
  pattern: `/charts/${chart}.png`,
  limited: true,
  handler: async (ctx) => {
    const png = await svgToPng(chartSvg(ctx, chart)).catch((error: unknown) => {
      // A missing CJK font is an operator problem with a known fix: say it instead of a bare 500.
      if (error instanceof ChartFontError) throw new HttpError(503, error.message);
      throw error;
    });
    sendBody(ctx.res, 200, png, 'image/png', {
      'cache-control': 'no-cache',
      'content-disposition': `inline; filename="${chart}.png"`,
    });
  },
});

/** Server-rendered charts: SVG for the dashboard, PNG for downloads (same picture as Telegram /stats). */
export const chartRoutes: Route[] = (['stats', 'headlines', 'targets'] as const).flatMap((chart) => [
  svgRoute(chart),
  pngRoute(chart),
]);
