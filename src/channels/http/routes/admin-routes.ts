import type { KpiUpdate } from '../../../storage/store.js';
import type { Route, RouteContext } from '../http-deps.js';
import { KnowledgeError } from '../../../errors.js';
import { HttpError, readJson, sendJson } from '../http-io.js';
import { indicatorIdParam } from '../indicator-param.js';
import { KpiUpdateBodySchema, parseInput } from '../validation.js';

/**
 * POST /api/admin/reindex → { documents, chunks, figures } once the index is rebuilt. A malformed
 * data file (kpis.yaml, glossary, cards) is a 422 naming the file and field, as `ingest --check`
 * does; the index loaded before keeps answering.
 */
async function reindex(ctx: RouteContext): Promise<void> {
  const started = performance.now();
  const counts = await ctx.deps.reindex().catch((error: unknown) => {
    if (!(error instanceof KnowledgeError)) throw error;
    ctx.log.warn({ file: error.file, field: error.field }, 'reindex refused: invalid knowledge file');
    throw new HttpError(
      422,
      `${error.message} — nothing was reloaded: the previous knowledge keeps answering. Fix the file (npm run ingest -- --check lists every problem) and reindex again.`,
      { details: { file: error.file, ...(error.field === undefined ? {} : { field: error.field }) } },
    );
  });
  ctx.log.info({ ...counts, ms: Math.round(performance.now() - started) }, 'reindexed via admin API');
  sendJson(ctx.res, 200, counts);
}

/**
 * PUT /api/admin/figures/:id { year, value: number|null, kind?, note? }, `:id` an exact indicator
 * id (404 with the valid ids otherwise, never a near match) — the same rule as the
 * Telegram /setkpi: the update is appended to the history, and the latest update for an
 * (indicator, year, kind) is what lookups return. value null records 未公开.
 */
async function putFigure(ctx: RouteContext): Promise<void> {
  const kpiId = indicatorIdParam(ctx.deps.tools, ctx.params.id);
  const body = parseInput(KpiUpdateBodySchema, await readJson(ctx.req), 'body');
  const update: KpiUpdate = {
    kpiId,
    year: body.year,
    kind: body.kind ?? 'actual',
    value: body.value,
    by: 'admin-api',
  };
  if (body.note) update.note = body.note;
  const stored = await ctx.deps.store.recordKpiUpdate(update);
  ctx.log.info({ kpiId: stored.kpiId, year: stored.year, kind: stored.kind }, 'KPI updated via admin API');
  sendJson(ctx.res, 200, { update: stored, history: await ctx.deps.store.kpiUpdates(kpiId) });
}

export const adminRoutes: Route[] = [
  { method: 'POST', pattern: '/api/admin/reindex', handler: reindex, admin: true, limited: true },
  { method: 'PUT', pattern: '/api/admin/figures/:id', handler: putFigure, admin: true, limited: true },
];
