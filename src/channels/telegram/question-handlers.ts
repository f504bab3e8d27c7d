import type { Context, Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import {
  type BotRuntime,
  isAdminCtx,
  languageOfCtx,
  rememberAnswered,
  sessionOf,
  userKeyOf,
} from './bot-runtime.js';
import { type InlineKeyboard, renderAnswer } from './render-answer.js';
import { renderContext } from './render-tools.js';
import { sendHtml, withTyping } from './send-html.js';
import { stripMention } from './group-filter.js';
import { toPassageView } from '../passage-view.js';
import { uiText } from './texts.js';

const NON_TEXT = [
  'sticker',
  'photo',
  'voice',
  'audio',
  'video',
  'video_note',
  'animation',
  'document',
  'location',
  'venue',
  'contact',
  'poll',
  'dice',
] as const;
// Tell a rate-limited user at most this often, so the notice itself cannot flood the chat.
const RATE_NOTICE_EVERY_MS = 10_000;

/**
 * Asks the assistant and sends the rendered answer, logging the question. The question log is
 * best effort: a storage failure is logged but never costs the user the answer.
 */
export async function answerQuestion(
  rt: BotRuntime,
  ctx: Context,
  question: string,
  options: {
    replyTo?: number;
    /** The usage topic, when a button says it (else the assistant's). */
    topic?: string;
    /** Shown above the answer when a button asked: the chat has no message of the question. */
    echo?: string;
    /** Buttons a menu adds under the answer (a topic's other questions). */
    extraRows?: InlineKeyboard;
    /** Answer in the user's app language: a menu's question is in Chinese (the cards') for everyone. */
    inAppLanguage?: boolean;
  } = {},
): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  if (!(await passesRateLimit(rt, ctx))) return;
  const started = performance.now();
  const answer = await withTyping(ctx.telegram, chatId, () =>
    rt.assistant.ask(question, {
      session: sessionOf(chatId),
      audience: isAdminCtx(rt, ctx) ? 'staff' : 'veteran',
      ...(options.inAppLanguage && { language: languageOfCtx(ctx) }),
    }),
  );
  const topic = options.topic ?? (await safeTopic(rt, sessionOf(chatId)));
  let questionId = 0;
  try {
    const userKey = userKeyOf(rt, ctx);
    questionId = await rt.store.logQuestion({
      channel: 'telegram',
      question,
      status: answer.status,
      mode: answer.mode,
      latencyMs: performance.now() - started,
      ...(userKey !== undefined && { userKey }),
      ...(topic !== undefined && { topic }),
    });
    rememberAnswered(rt, questionId, question, answer.answer);
  } catch (error) {
    rt.logger.error({ err: error }, 'Could not log the question; answering anyway');
  }
  const rendered = renderAnswer(answer, questionId, rt.codec, {
    ...(options.echo !== undefined && { asked: options.echo }),
    ...(options.extraRows && { extraRows: options.extraRows }),
  });
  await sendHtml(ctx.telegram, chatId, rendered.html, {
    keyboard: rendered.keyboard,
    ...(options.replyTo !== undefined && { replyTo: options.replyTo }),
  });
}

async function safeTopic(rt: BotRuntime, session: string): Promise<string | undefined> {
  try {
    return (await rt.store.getSession(session))?.turns.at(-1)?.topic;
  } catch {
    return undefined;
  }
}

async function passesRateLimit(rt: BotRuntime, ctx: Context): Promise<boolean> {
  const key = `tg:${String(ctx.from?.id ?? ctx.chat?.id)}`;
  const verdict = await rt.limiter.take(key);
  if (verdict.allowed) return true;
  const last = rt.rateNotified.get(key) ?? 0;
  if (rt.now() - last >= RATE_NOTICE_EVERY_MS) {
    rt.rateNotified.set(key, rt.now());
    void ctx
      .reply(uiText(languageOfCtx(ctx)).rateLimited(verdict.retryAfterSeconds))
      .catch((error: unknown) => {
        rt.logger.warn({ err: error }, 'Could not send the rate-limit notice');
      });
  }
  rt.logger.info({ userKey: userKeyOf(rt, ctx) }, 'Question rate-limited');
  return false;
}

/** Text questions, the feedback / source / 更多 / next-question buttons, and non-text messages. */
export function registerQuestionHandlers(bot: Telegraf, rt: BotRuntime): void {
  bot.on(message('text'), async (ctx) => {
    const text = ctx.message.text;
    if (text.startsWith('/')) {
      // An unknown command: show help rather than treating it as a question.
      return void (await ctx.reply(uiText(languageOfCtx(ctx)).help, { parse_mode: 'HTML' }));
    }
    await answerQuestion(rt, ctx, stripMention(text, ctx.me), { replyTo: ctx.message.message_id });
  });

  bot.on('message', async (ctx, next) => {
    if (!NON_TEXT.some((kind) => kind in ctx.message)) return next();
    await ctx.reply(uiText(languageOfCtx(ctx)).nonText, {
      reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
    });
  });

  bot.action(/^fb:(up|down):(\d+)$/, async (ctx) =>
    onFeedback(rt, ctx, ctx.match[1] === 'up', Number(ctx.match[2])),
  );
  bot.action(/^ctx:(.+)$/s, async (ctx) => onContext(rt, ctx, ctx.match[1] ?? ''));
  bot.action(/^ask:(.+)$/s, async (ctx) => {
    await ctx.answerCbQuery();
    const question = ctx.match[1] ?? '';
    await answerQuestion(rt, ctx, question, { echo: question });
  });
  bot.action(/^more:(.+)$/s, async (ctx) => {
    await ctx.answerCbQuery();
    if (ctx.chat) await sendHtml(ctx.telegram, ctx.chat.id, ctx.match[1] ?? '');
  });
  // Buttons from an older version of the bot, or ones whose payload was evicted.
  bot.on('callback_query', async (ctx) => {
    await ctx.answerCbQuery(uiText(languageOfCtx(ctx)).buttonExpired);
  });
}

async function onFeedback(rt: BotRuntime, ctx: Context, up: boolean, questionId: number): Promise<void> {
  const known = rt.answered.get(questionId);
  const shown =
    ctx.callbackQuery?.message && 'text' in ctx.callbackQuery.message ? ctx.callbackQuery.message.text : '';
  const userKey = userKeyOf(rt, ctx);
  await rt.store.recordFeedback({
    channel: 'telegram',
    question: known?.question ?? `#${questionId}`,
    answer: known?.answer ?? shown,
    rating: up ? 'up' : 'down',
    ...(questionId > 0 && { questionId }),
    ...(userKey !== undefined && { userKey }),
  });
  await ctx.answerCbQuery(uiText(languageOfCtx(ctx)).feedbackThanks);
}

async function onContext(rt: BotRuntime, ctx: Context, chunkId: string): Promise<void> {
  const t = uiText(languageOfCtx(ctx));
  const context = rt.tools.passageContext(chunkId);
  if (!context || ctx.chat === undefined) return void (await ctx.answerCbQuery(t.noContext));
  await ctx.answerCbQuery();
  await sendHtml(ctx.telegram, ctx.chat.id, renderContext(toPassageView(context)));
}
