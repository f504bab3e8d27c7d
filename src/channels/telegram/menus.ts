import type { Context, Telegraf } from 'telegraf';
import type { Language } from '../../assistant/answer.js';
import type { EntitlementTopic } from '../../assistant/ports.js';
import { type BotRuntime, languageOfCtx, sessionOf } from './bot-runtime.js';
import { escapeHtml, truncate } from './html.js';
import type { InlineKeyboard } from './render-answer.js';
import { answerQuestion } from './question-handlers.js';
import { sendHtml } from './send-html.js';
import { uiText } from './texts.js';

/**
 * The /start menu for a veteran on a phone: buttons for what veterans ask, from the benefits
 * topics of the knowledge (entitlement cards), the rest under 更多问题, and one button for the
 * bureau's yearly figures (the leaders' brief). One press answers: a topic button asks the
 * assistant the topic's overview question, as if typed, and offers the topic's other questions
 * under a button; a question button asks that question.
 */

/** The topics on the first screen, in this order; every other topic is under 更多问题. */
const MAIN_TOPICS = [
  'placement',
  'jobs',
  'medical',
  'preferential',
  'disability',
  'martyrs',
  'insurance',
  'education',
];
/** A topic's question menu shows this many, so it fits a phone screen. */
const QUESTIONS_PER_TOPIC = 8;
const BUTTON_TEXT_MAX = 30;

/** The question the yearly-figures button asks: an overview question, answered with the brief. */
const BRIEF_QUESTION: Record<Language, string> = {
  zh: '简单汇报一下年度工作数据',
  en: 'How did last year go?',
};

const topicName = (topic: EntitlementTopic, language: Language) => (language === 'en' ? topic.en : topic.zh);

function rowsOf<T>(items: T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

function topicButtons(topics: EntitlementTopic[], language: Language): InlineKeyboard {
  return rowsOf(
    topics.map((topic) => ({ text: topicName(topic, language), callback_data: `tp:${topic.id}` })),
    2,
  );
}

/** The first screen: the main topics, then 年度数据 and 更多问题. */
export function mainMenu(topics: EntitlementTopic[], language: Language): InlineKeyboard {
  const t = uiText(language);
  const main = MAIN_TOPICS.flatMap((id) => topics.filter((topic) => topic.id === id));
  return [
    ...topicButtons(main, language),
    [
      { text: t.briefButton, callback_data: 'brief' },
      { text: t.moreTopicsButton, callback_data: 'topics:more' },
    ],
  ];
}

type TopicCard = EntitlementTopic['cards'][number];

/** The card a topic button answers with: the topic's overview (`<topic>-overview`), else its first. */
export function overviewCard(topic: EntitlementTopic): TopicCard | undefined {
  return topic.cards.find((card) => card.id === `${topic.id}-overview`) ?? topic.cards[0];
}

/** A topic's other questions (the overview was the topic button's answer), one per row, and the way back. */
export function topicMenu(topic: EntitlementTopic, language: Language): InlineKeyboard {
  const overview = overviewCard(topic);
  const others = topic.cards.filter((card) => card !== overview);
  const questions = others.slice(0, QUESTIONS_PER_TOPIC).map((card) => [
    {
      text: truncate(language === 'en' ? card.titleEn : card.question, BUTTON_TEXT_MAX),
      callback_data: `cq:${card.id}`,
    },
  ]);
  return [...questions, [{ text: uiText(language).backButton, callback_data: 'topics:main' }]];
}

/** /start: ends the chat's conversation (a new one starts) and shows the menu. */
export async function showStart(rt: BotRuntime, ctx: Context): Promise<void> {
  if (ctx.chat === undefined) return;
  await endConversation(rt, ctx.chat.id);
  const language = languageOfCtx(ctx);
  await sendHtml(ctx.telegram, ctx.chat.id, uiText(language).welcome, {
    keyboard: mainMenu(rt.tools.entitlementTopics(), language),
  });
}

/**
 * Saves the chat's session with no turns, so the next question has nothing to follow (the store
 * has no delete; an empty session is what a quiet spell leaves too). Best effort: if the store
 * cannot write, the menu still shows and the conversation ends after the idle time.
 */
async function endConversation(rt: BotRuntime, chatId: number): Promise<void> {
  try {
    await rt.store.saveSession(sessionOf(chatId), { turns: [] });
  } catch (error) {
    rt.logger.warn(
      { err: (error as Error).message },
      'could not end the chat session; it ends by itself after the idle time',
    );
  }
}

export function registerMenuHandlers(bot: Telegraf, rt: BotRuntime): void {
  bot.action(/^topics:(main|more)$/, async (ctx) => {
    await ctx.answerCbQuery();
    const language = languageOfCtx(ctx);
    const t = uiText(language);
    const topics = rt.tools.entitlementTopics();
    if (ctx.match[1] === 'main')
      return void (await sendHtml(ctx.telegram, ctx.chat!.id, t.chooseTopic, {
        keyboard: mainMenu(topics, language),
      }));
    const others = topics.filter((topic) => !MAIN_TOPICS.includes(topic.id));
    const keyboard = [
      ...topicButtons(others, language),
      [{ text: t.backButton, callback_data: 'topics:main' }],
    ];
    await sendHtml(ctx.telegram, ctx.chat!.id, t.chooseTopic, { keyboard });
  });

  // A topic button: the overview answer at once, the topic's other questions one press away.
  bot.action(/^tp:([a-z]+)$/, async (ctx) => {
    const language = languageOfCtx(ctx);
    const topic = rt.tools.entitlementTopics().find((t) => t.id === ctx.match[1]);
    const card = topic && overviewCard(topic);
    if (!topic || !card) return void (await ctx.answerCbQuery(uiText(language).buttonExpired));
    await ctx.answerCbQuery();
    const otherQuestions = {
      text: uiText(language).topicQuestions(topicName(topic, language)),
      callback_data: `tq:${topic.id}`,
    };
    await answerQuestion(rt, ctx, card.question, {
      topic: topic.zh,
      echo: language === 'en' ? card.titleEn : card.question,
      inAppLanguage: true,
      extraRows: [[otherQuestions]],
    });
  });

  bot.action(/^tq:([a-z]+)$/, async (ctx) => {
    const language = languageOfCtx(ctx);
    const topic = rt.tools.entitlementTopics().find((t) => t.id === ctx.match[1]);
    if (!topic) return void (await ctx.answerCbQuery(uiText(language).buttonExpired));
    await ctx.answerCbQuery();
    const html = `<b>${escapeHtml(topicName(topic, language))}</b>\n${uiText(language).chooseQuestion}`;
    await sendHtml(ctx.telegram, ctx.chat!.id, html, { keyboard: topicMenu(topic, language) });
  });

  bot.action(/^cq:([a-z0-9-]+)$/, async (ctx) => {
    const language = languageOfCtx(ctx);
    const topics = rt.tools.entitlementTopics();
    const topic = topics.find((t) => t.cards.some((card) => card.id === ctx.match[1]));
    const card = topic?.cards.find((c) => c.id === ctx.match[1]);
    // A card removed from knowledge/ since the menu was sent.
    if (!topic || !card) return void (await ctx.answerCbQuery(uiText(language).buttonExpired));
    await ctx.answerCbQuery();
    await answerQuestion(rt, ctx, card.question, {
      topic: topic.zh,
      echo: language === 'en' ? card.titleEn : card.question,
      inAppLanguage: true,
    });
  });

  bot.action('brief', async (ctx) => {
    await ctx.answerCbQuery();
    const language = languageOfCtx(ctx);
    const question = BRIEF_QUESTION[language];
    await answerQuestion(rt, ctx, question, { topic: '年度数据', echo: question });
  });
}
