import type { Context, Telegraf } from 'telegraf';
import type { FigureRecord } from '../../assistant/ports.js';
import { type BotRuntime, isAdminCtx, languageOfCtx } from './bot-runtime.js';
import { escapeHtml, truncate } from './html.js';
import { renderFigure, renderHelp, renderSources, renderStats, renderTargets } from './render-tools.js';
import { sendHtml } from './send-html.js';
import { uiText } from './texts.js';
import { showStart } from './menus.js';
import { leadersView } from '../leaders-view.js';

const CAPTION_LIMIT = 1024;

const chatIdOf = (ctx: Context): number => {
  if (ctx.chat === undefined) throw new Error('Telegram update without a chat: cannot reply');
  return ctx.chat.id;
};

/** The public commands: /start (the menu, see menus.ts), /help, /figures (/kpi), /targets, /stats, /sources. */
export function registerCommandHandlers(bot: Telegraf, rt: BotRuntime): void {
  bot.command('start', (ctx) => showStart(rt, ctx));

  bot.command('help', async (ctx) => {
    await sendHtml(ctx.telegram, ctx.chat.id, renderHelp(languageOfCtx(ctx), isAdminCtx(rt, ctx), rt.bureau));
  });

  bot.command(['figures', 'kpi'], async (ctx) => {
    const name = ctx.payload.trim();
    if (name) return void (await showFigure(rt, ctx, name));
    await showCategories(rt, ctx);
  });
  bot.action(/^cat:(.+)$/, async (ctx) => {
    await ctx.answerCbQuery();
    await showCategory(rt, ctx, ctx.match[1] ?? '');
  });
  bot.action(/^fig:(.+)$/, async (ctx) => {
    await ctx.answerCbQuery();
    await showFigure(rt, ctx, ctx.match[1] ?? '');
  });

  bot.command('targets', async (ctx) => {
    const { year, rows } = currentTargets(rt);
    await sendHtml(ctx.telegram, ctx.chat.id, renderTargets(year, rows, languageOfCtx(ctx)));
  });

  bot.command('stats', async (ctx) => showStats(rt, ctx));

  bot.command('sources', async (ctx) => {
    await sendHtml(ctx.telegram, ctx.chat.id, renderSources(rt.tools.listSources(), languageOfCtx(ctx)));
  });
}

/** Sends one indicator (by id, name or alias) or says it does not exist. */
export async function showFigure(rt: BotRuntime, ctx: Context, name: string): Promise<void> {
  const language = languageOfCtx(ctx);
  const found = rt.tools.lookupFigure(name);
  if (!found) {
    const text = uiText(language).figureNotFound(escapeHtml(name));
    return void (await sendHtml(ctx.telegram, chatIdOf(ctx), text));
  }
  const display = language === 'en' ? (found.values[0]?.nameEn ?? found.name) : found.name;
  await sendHtml(ctx.telegram, chatIdOf(ctx), renderFigure(display, found.values, language));
}

async function showCategories(rt: BotRuntime, ctx: Context): Promise<void> {
  const categories = [...new Set(rt.tools.listFigures().map((f) => f.category))].sort();
  const keyboard = chunk(
    categories.map((c) => ({ text: c, callback_data: rt.codec.encode('cat', c) })),
    2,
  );
  await sendHtml(ctx.telegram, chatIdOf(ctx), uiText(languageOfCtx(ctx)).chooseCategory, { keyboard });
}

async function showCategory(rt: BotRuntime, ctx: Context, category: string): Promise<void> {
  const language = languageOfCtx(ctx);
  const byId = new Map<string, FigureRecord>();
  for (const f of rt.tools.listFigures(category)) byId.set(f.id, f);
  const keyboard = chunk(
    [...byId.values()].map((f) => ({
      text: truncate(language === 'en' ? f.nameEn || f.name : f.name, 30),
      callback_data: rt.codec.encode('fig', f.id),
    })),
    2,
  );
  await sendHtml(ctx.telegram, chatIdOf(ctx), uiText(language).chooseFigure, { keyboard });
}

/** The latest year that has targets, and each of its targets next to the latest actual. */
export function currentTargets(rt: BotRuntime): {
  year: number;
  rows: NonNullable<ReturnType<BotRuntime['tools']['compareWithTarget']>>[];
} {
  const targets = rt.tools.listFigures().filter((f) => f.kind === 'target');
  const year = Math.max(0, ...targets.map((f) => f.year));
  const ids = [...new Set(targets.filter((f) => f.year === year).map((f) => f.id))];
  const rows = ids.map((id) => rt.tools.compareWithTarget(id, year)).filter((r) => r !== undefined);
  return { year, rows };
}

/**
 * /stats, sent once: the summary picture with the short summary as its caption, or the summary
 * as text when there is no picture (no renderer, no CJK font, Telegram refused it).
 */
async function showStats(rt: BotRuntime, ctx: Context): Promise<void> {
  const language = languageOfCtx(ctx);
  const html = renderStats(leadersView(rt.tools, language), language);
  if (rt.renderStatsPng && html.length <= CAPTION_LIMIT) {
    try {
      const png = await rt.renderStatsPng(language);
      await ctx.telegram.sendPhoto(
        chatIdOf(ctx),
        { source: png, filename: 'stats.png' },
        { caption: html, parse_mode: 'HTML' },
      );
      return;
    } catch (error) {
      rt.logger.warn({ err: error }, 'Stats picture failed; sending the summary as text');
    }
  }
  await sendHtml(ctx.telegram, chatIdOf(ctx), html);
}

function chunk<T>(items: T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}
