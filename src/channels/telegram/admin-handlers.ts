import type { Context, MiddlewareFn, Telegraf } from 'telegraf';
import type { FigureKind } from '../../knowledge/types.js';
import type { KpiUpdate } from '../../storage/store.js';
import type { Result } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import { type BotRuntime, isAdminCtx, languageOfCtx, userKeyOf } from './bot-runtime.js';
import { renderFeedback, renderUsage } from './render-tools.js';
import { escapeHtml } from './html.js';
import { sendHtml } from './send-html.js';
import { showFigure } from './command-handlers.js';
import { uiText } from './texts.js';

const MASKED = new Set(['未公开', '不公开', 'undisclosed', 'masked', 'null', '**']);
const KIND_WORDS: Record<string, FigureKind> = {
  target: 'target',
  目标: 'target',
  actual: 'actual',
  实际: 'actual',
};

/**
 * Parses `/setkpi <id> <year> <value|未公开> [target|actual] [note]`. The indicator is resolved by
 * `resolve` (id, name or alias) so a typo is refused instead of recorded.
 */
export function parseSetKpi(
  payload: string,
  resolve: (metric: string) => string | undefined,
): Result<Omit<KpiUpdate, 'by'>> {
  const [metric, yearText, valueText, ...rest] = payload.trim().split(/\s+/);
  if (!metric || !yearText || !valueText) return fail('missing arguments');
  const kpiId = resolve(metric);
  if (!kpiId) return fail(`unknown indicator "${metric}"`);
  const year = Number(yearText.replace(/年$/, ''));
  if (!Number.isInteger(year) || year < 1949 || year > 2100) return fail(`bad year "${yearText}"`);
  let value: number | null = null;
  if (!MASKED.has(valueText.toLowerCase())) {
    value = Number(valueText.replace(/[,，%％]/g, ''));
    if (!Number.isFinite(value)) return fail(`bad value "${valueText}"`);
  }
  const kind = KIND_WORDS[rest[0]?.toLowerCase() ?? ''];
  if (kind) rest.shift();
  const note = rest.join(' ').trim();
  return ok({ kpiId, year, kind: kind ?? 'actual', value, ...(note && { note }) });
}

/** Admin commands: /reindex, /setkpi, /feedback, /usage. Others get a refusal, and it is logged. */
export function registerAdminHandlers(bot: Telegraf, rt: BotRuntime): void {
  const adminOnly =
    (command: string): MiddlewareFn<Context> =>
    async (ctx, next) => {
      if (isAdminCtx(rt, ctx)) return next();
      rt.logger.warn({ userId: ctx.from?.id, command }, 'Refused an admin command from a non-admin user');
      await ctx.reply(uiText(languageOfCtx(ctx)).notAdmin);
    };

  bot.command('reindex', adminOnly('reindex'), async (ctx) => {
    const t = uiText(languageOfCtx(ctx));
    await ctx.reply(t.reindexStarted);
    const counts = await rt.reindex();
    rt.logger.info({ ...counts, by: userKeyOf(rt, ctx) }, 'Reindexed from Telegram');
    await ctx.reply(t.reindexDone(counts.documents, counts.chunks, counts.figures));
  });

  bot.command('setkpi', adminOnly('setkpi'), async (ctx) => {
    const t = uiText(languageOfCtx(ctx));
    const parsed = parseSetKpi(ctx.payload, (m) => rt.tools.lookupFigure(m)?.metricId);
    if (!parsed.success) {
      return void (await sendHtml(
        ctx.telegram,
        ctx.chat.id,
        `${escapeError(parsed.error)}\n\n${t.setKpiUsage}`,
      ));
    }
    const stored = rt.store.recordKpiUpdate({
      ...parsed.value,
      by: `telegram:${userKeyOf(rt, ctx) ?? 'unknown'}`,
    });
    rt.logger.info({ kpiId: stored.kpiId, year: stored.year, id: stored.id }, 'KPI updated from Telegram');
    await ctx.reply(t.setKpiDone);
    await showFigure(rt, ctx, stored.kpiId);
  });

  bot.command('feedback', adminOnly('feedback'), async (ctx) => {
    const html = renderFeedback(rt.store.latestNegativeFeedback(10), languageOfCtx(ctx));
    await sendHtml(ctx.telegram, ctx.chat.id, html);
  });

  bot.command('usage', adminOnly('usage'), async (ctx) => {
    const days = Math.min(365, Math.max(1, Number.parseInt(ctx.payload, 10) || 7));
    await sendHtml(ctx.telegram, ctx.chat.id, renderUsage(rt.store.usage(days), days, languageOfCtx(ctx)));
  });
}

const escapeError = (text: string) => `⚠️ ${escapeHtml(text)}`;
