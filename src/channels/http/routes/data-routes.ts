import type { Route, RouteContext } from '../http-deps.js';
import { HttpError, sendBody, sendJson } from '../http-io.js';
import { indicatorRowsToCsv } from '../csv.js';
import { buildIndicatorRows, indicatorFacets } from '../indicator-rows.js';
import { indicatorIdParam } from '../indicator-param.js';
import {
  FigureQuerySchema,
  LanguageQuerySchema,
  PassageQuerySchema,
  parseInput,
  queryObject,
} from '../validation.js';
import { leadersView } from '../../leaders-view.js';
import { toPassageView } from '../../passage-view.js';

const figureQuery = (ctx: RouteContext) => parseInput(FigureQuerySchema, queryObject(ctx.url), 'query');

/** GET /api/figures?category=&year= → every figure record (value null = 未公开). */
function listFigures(ctx: RouteContext): void {
  const q = figureQuery(ctx);
  sendJson(ctx.res, 200, { figures: ctx.deps.tools.listFigures(q.category, q.year) });
}

/** GET /api/figures/:id?year= → the indicator's values; `:id` exact, 404 lists the valid ids. */
function getFigure(ctx: RouteContext): void {
  const id = indicatorIdParam(ctx.deps.tools, ctx.params.id);
  const { year } = figureQuery(ctx);
  const { tools } = ctx.deps;
  // An exact id always resolves; a year with no values is an empty list, not a 404.
  sendJson(ctx.res, 200, tools.lookupFigure(id, year) ?? { ...tools.lookupFigure(id), values: [] });
}

/** GET /api/indicators?category=&year= → dashboard rows plus the filter choices. */
function listIndicators(ctx: RouteContext): void {
  const q = figureQuery(ctx);
  const rows = buildIndicatorRows(ctx.deps.tools, q);
  sendJson(ctx.res, 200, { rows, ...indicatorFacets(ctx.deps.tools) });
}

/** GET /api/indicators.csv?category=&year= → the same rows as a CSV download. */
function indicatorsCsv(ctx: RouteContext): void {
  const q = figureQuery(ctx);
  const csv = indicatorRowsToCsv(buildIndicatorRows(ctx.deps.tools, q));
  sendBody(ctx.res, 200, csv, 'text/csv; charset=utf-8', {
    'content-disposition': `attachment; filename="indicators.csv"; filename*=UTF-8''${encodeURIComponent('指标.csv')}`,
    'cache-control': 'no-store',
  });
}

/**
 * GET /api/dashboard?lang= → what the dashboard leads with: the year's headline disclosed figures
 * (the brief's), its honours (某市), the target year and, while its actuals are missing, the note
 * saying so and how staff enter them.
 */
function dashboard(ctx: RouteContext): void {
  const { lang } = parseInput(LanguageQuerySchema, queryObject(ctx.url), 'query');
  const view = leadersView(ctx.deps.tools, lang);
  sendJson(ctx.res, 200, {
    year: view.year,
    figures: view.figures,
    honours: view.honours,
    targetYear: view.targets[0]?.year,
    actualsNote: view.actualsNote,
  });
}

/** GET /api/passage?chunk=<chunkId> → the whole section around a cited chunk (click on a source). */
function getPassage(ctx: RouteContext): void {
  const { chunk } = parseInput(PassageQuerySchema, queryObject(ctx.url), 'query');
  const passage = ctx.deps.tools.passageContext(chunk);
  if (!passage) throw new HttpError(404, `No passage with chunk id "${chunk}".`, { field: 'chunk' });
  sendJson(ctx.res, 200, toPassageView(passage));
}

export const dataRoutes: Route[] = [
  { method: 'GET', pattern: '/api/figures', handler: listFigures, limited: true },
  { method: 'GET', pattern: '/api/figures/:id', handler: getFigure, limited: true },
  { method: 'GET', pattern: '/api/indicators', handler: listIndicators, limited: true },
  { method: 'GET', pattern: '/api/dashboard', handler: dashboard, limited: true },
  { method: 'GET', pattern: '/api/indicators.csv', handler: indicatorsCsv, limited: true },
  {
    method: 'GET',
    pattern: '/api/sources',
    handler: (ctx) => sendJson(ctx.res, 200, { sources: ctx.deps.tools.listSources() }),
    limited: true,
  },
  { method: 'GET', pattern: '/api/passage', handler: getPassage, limited: true },
  {
    method: 'GET',
    pattern: '/api/stats',
    handler: (ctx) => sendJson(ctx.res, 200, ctx.deps.tools.statsSummary()),
    limited: true,
  },
];
