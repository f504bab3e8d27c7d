import type { Context, MiddlewareFn, Telegraf } from 'telegraf';
import type { FigureKind } from '../../knowledge/types.js';
import type { KpiUpdate } from '../../storage/store.js';
import type { Result } from '../../errors.js';
import { fail, KnowledgeError, ok } from '../../errors.js';
import { type BotRuntime, isAdminCtx, languageOfCtx, userKeyOf } from './bot-runtime.js';
import { renderFeedback, renderUsage } from './render-tools.js';
import { figureText } from '../figure-text.js';
import type { Language } from '../../assistant/answer.js';
import { indicatorIds } from '../indicator-ids.js';
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
 * Parses `/setkpi <id> <year> <value|未公开> [target|actual] [note]`. The indicator must be one of
 * `ids` exactly: a name or a near miss is refused with the list, never matched to some indicator.
 */
export function parseSetKpi(payload: string, ids: readonly string[]): Result<Omit<KpiUpdate, 'by'>> {
  const [metric, yearText, valueText, ...rest] = payload.trim().split(/\s+/);
  if (!metric || !yearText || !valueText) return fail('missing arguments');
  if (!ids.includes(metric)) {
    return fail(`unknown indicator id "${metric}" — use one of the exact ids: ${ids.join(', ')}`);
  }
  const kpiId = metric;
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
    const counts = await rt.reindex().catch(async (error: unknown) => {
      if (!(error instanceof KnowledgeError)) throw error;
      rt.logger.warn({ file: error.file, field: error.field }, 'reindex refused: invalid knowledge file');
      await sendHtml(ctx.telegram, ctx.chat.id, `${escapeError(error.message)}\n\n${t.reindexRefused}`);
      return undefined;
    });
    if (!counts) return;
    rt.logger.info({ ...counts, by: userKeyOf(rt, ctx) }, 'Reindexed from Telegram');
    await ctx.reply(t.reindexDone(counts.documents, counts.chunks, counts.figures));
  });

  // Two steps: /setkpi shows the indicator's full name and the value, and only ✅ writes it.
  bot.command('setkpi', adminOnly('setkpi'), async (ctx) => {
    const language = languageOfCtx(ctx);
    const t = uiText(language);
    const parsed = parseSetKpi(ctx.payload, indicatorIds(rt.tools));
    if (!parsed.success) {
      return void (await sendHtml(
        ctx.telegram,
        ctx.chat.id,
        `${escapeError(parsed.error)}\n\n${t.setKpiUsage}`,
      ));
    }
    const update: KpiUpdate = { ...parsed.value, by: `telegram:${userKeyOf(rt, ctx) ?? 'unknown'}` };
    const key = rt.pendingKpiUpdates.park(update, ctx.from.id);
    await sendHtml(ctx.telegram, ctx.chat.id, renderConfirmation(rt, update, language), {
      keyboard: [
        [
          { text: t.confirmWrite, callback_data: `kpi:ok:${key}` },
          { text: t.cancel, callback_data: `kpi:no:${key}` },
        ],
      ],
    });
  });

  bot.action(/^kpi:(ok|no):([\w-]+)$/, async (ctx) => {
    const t = uiText(languageOfCtx(ctx));
    if (!isAdminCtx(rt, ctx)) return void (await ctx.answerCbQuery(t.notAdmin));
    const update = rt.pendingKpiUpdates.take(ctx.match[2] ?? '', ctx.from.id);
    if (!update) return void (await ctx.answerCbQuery(t.setKpiExpired, { show_alert: true }));
    if (ctx.match[1] === 'no') {
      await ctx.answerCbQuery();
      return void (await ctx.reply(t.setKpiCancelled));
    }
    const stored = await rt.store.recordKpiUpdate(update);
    rt.logger.info({ kpiId: stored.kpiId, year: stored.year, id: stored.id }, 'KPI updated from Telegram');
    await ctx.answerCbQuery();
    await ctx.reply(t.setKpiDone);
    await showFigure(rt, ctx, stored.kpiId);
  });

  bot.command('feedback', adminOnly('feedback'), async (ctx) => {
    const html = renderFeedback(await rt.store.latestNegativeFeedback(10), languageOfCtx(ctx));
    await sendHtml(ctx.telegram, ctx.chat.id, html);
  });

  bot.command('usage', adminOnly('usage'), async (ctx) => {
    const days = Math.min(365, Math.max(1, Number.parseInt(ctx.payload, 10) || 7));
    await sendHtml(
      ctx.telegram,
      ctx.chat.id,
      renderUsage(await rt.store.usage(days), days, languageOfCtx(ctx)),
    );
  });
}

const escapeError = (text: string) => `⚠️ ${escapeHtml(text)}`;

/** The update as the admin must confirm it: full name, exact id, year, kind, value, note. */
function renderConfirmation(rt: BotRuntime, update: KpiUpdate, language: Language): string {
  const t = uiText(language);
  const found = rt.tools.lookupFigure(update.kpiId);
  const first = found?.values[0];
  const name = language === 'en' ? (first?.nameEn ?? found?.name) : found?.name;
  const value = figureText({ value: update.value, unit: first?.unit ?? '' }, language);
  const lines = [
    t.setKpiConfirm,
    `<b>${escapeHtml(name ?? update.kpiId)}</b>（${escapeHtml(update.kpiId)}）`,
    `${update.year} ${update.kind === 'target' ? t.target : t.actual}：<b>${escapeHtml(value)}</b>`,
  ];
  if (update.note) lines.push(`${t.note}：${escapeHtml(update.note)}`);
  return lines.join('\n');
}
