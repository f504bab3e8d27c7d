import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../../support/capture-logger.js';
import { startRealTelegram, type RealTelegram } from '../../support/real-telegram.js';
import {
  visibleText,
  type FakeTelegramServer,
  type FakeUser,
  type SentMessage,
} from '../../support/fake-telegram-server.js';

/*
 * What a veteran on a phone and a leader see in Telegram, over the REAL assistant and knowledge:
 * the fake Bot API on 127.0.0.1, the real telegraf client, real SQLite, the real core. Every
 * /start button is pressed and its answer read; time comes from an injected clock.
 */

const TOKEN = '123456789:AAH-real-assistant-token_abcdef';
const FAST = {
  pacing: { perChatIntervalMs: 1, perGroupIntervalMs: 1, globalPerSecond: 0, baseBackoffMs: 20 },
  pollTimeoutSeconds: 2,
};
/** The /start buttons the issue asks for, as they are labelled (the topics' names in knowledge/cards). */
const VETERAN_BUTTONS = [
  '安置与退役金',
  '就业创业',
  '看病医疗',
  '优待证与出行优待',
  '伤残抚恤',
  '烈士与烈属',
  '养老医疗保险',
  '上学培训',
];
/** Placeholder contact text that must never reach a user. */
const PLACEHOLDER = /待公布|待填写|待局方/;

let server: FakeTelegramServer;
let now = new Date('2026-03-02T09:00:00+08:00');
let nextUserId = 5000;
let tg: RealTelegram | undefined;

beforeAll(async () => {
  // As in the service: sessions in the store, loaded before and saved after each question.
  tg = await startRealTelegram({
    token: TOKEN,
    config: (apiRoot) => ({
      telegram: {
        token: TOKEN,
        apiRoot,
        mode: { kind: 'polling' },
        adminUserIds: [],
        rateLimitPerMinute: 1000,
      },
      userHashSalt: 'real-assistant-test',
    }),
    logger: captureLogger().logger,
    botOptions: FAST,
    clock: () => now,
  });
  ({ server } = tg);
}, 120_000);

afterAll(async () => {
  await tg?.close();
});

/** A new user in a private chat of their own, so tests do not share a conversation. */
const newUser = (): FakeUser => ({ id: nextUserId++, first_name: '老兵', language_code: 'zh-hans' });

const buttons = (m: SentMessage) => (m.reply_markup?.inline_keyboard ?? []).flat();
const shown = (messages: SentMessage[]) => messages.map((m) => visibleText(m.text, m.parse_mode)).join('\n');

/**
 * Everything the bot sends in reply to `act`: updates of one chat are handled in order, so a /help
 * sent after it returns once the replies to `act` are all out.
 */
async function repliesTo(user: FakeUser, act: () => void): Promise<SentMessage[]> {
  const before = server.messagesTo(user.id).length;
  act();
  server.sendText(user, '/help');
  await server.waitFor(
    () =>
      server
        .messagesTo(user.id)
        .slice(before)
        .some((m) => m.text.includes('/figures')),
    30_000,
    'the replies',
  );
  const replies = server.messagesTo(user.id).slice(before);
  return replies.slice(0, -1);
}

const say = (user: FakeUser, text: string) => repliesTo(user, () => server.sendText(user, text));
const press = (user: FakeUser, message: SentMessage, text: string) => {
  const button = buttons(message).find((b) => b.text === text);
  if (!button)
    throw new Error(
      `no button "${text}" in ${buttons(message)
        .map((b) => b.text)
        .join(' | ')}`,
    );
  return repliesTo(user, () => server.clickButton(user, message, button.callback_data!));
};

describe('Telegram over the real assistant', () => {
  it('/start shows the veterans’ topics and the yearly figures, in words, without placeholders', async () => {
    const user = newUser();
    const [menu] = await say(user, '/start');
    expect(menu!.text).toContain('您好');
    const labels = buttons(menu!).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining([...VETERAN_BUTTONS, '📊 年度数据']));
    expect(labels).not.toContain('优抚优待');
    expect(menu!.text).not.toMatch(PLACEHOLDER);
  });

  it.each(VETERAN_BUTTONS)(
    'the %s button answers from the benefits knowledge with sources in words and the topic’s other questions',
    async (label) => {
      const user = newUser();
      const [menu] = await say(user, '/start');
      const replies = await press(user, menu!, label);
      expect(replies).toHaveLength(1);
      const answer = replies[0]!;
      const text = shown(replies);
      // The question is shown (the chat has no message of it), then the card's plain answer.
      expect(text.startsWith('❓ ')).toBe(true);
      expect(text.length).toBeGreaterThan(60);
      // A benefits answer, never the work report: no masked report text, no report citations.
      expect(text).not.toMatch(/\*\*|工作总结|领导班子/);
      expect(text).not.toMatch(PLACEHOLDER);
      const labels = buttons(answer).map((b) => b.text);
      const sources = labels.filter((l) => /^看(依据|原文)：/.test(l));
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) expect(source).toMatch(/^看依据：.+第[一二三四五六七八九十百]+条/);
      expect(labels).not.toContain('📖 原文 1');
      expect(labels).toContain(`${label}：更多问题 ▸`);
      // Next questions, never the one just asked; each source button once.
      const asked = text.split('\n')[0]!.slice(2);
      expect(labels).not.toContain(asked);
      expect(new Set(sources).size).toBe(sources.length);

      // The topic's other questions; one of them asks the real assistant again.
      const [topicMenu] = await press(user, answer, `${label}：更多问题 ▸`);
      const questions = buttons(topicMenu!).filter((b) => b.callback_data?.startsWith('cq:'));
      expect(questions.length).toBeGreaterThanOrEqual(3);
      expect(buttons(topicMenu!).map((b) => b.text)).toContain('◂ 返回主题');
      const second = await press(user, topicMenu!, questions[0]!.text);
      expect(shown(second)).toMatch(/^❓ /);
      expect(shown(second)).not.toMatch(/\*\*|领导班子|未找到|不在.*范围/);
      expect(shown(second)).not.toMatch(PLACEHOLDER);
    },
    60_000,
  );

  it('a long card answer shows the direct answer first and the rest (who, basis, where to go) behind 更多', async () => {
    const user = newUser();
    const [menu] = await say(user, '/start');
    const [answer] = await press(user, menu!, '安置与退役金');
    expect(shown([answer!])).toContain('退役金');
    expect(shown([answer!])).not.toContain('依据：《');
    const more = await press(user, answer!, '📖 更多');
    const rest = shown(more);
    expect(rest).toContain('适用：');
    expect(rest).toContain('依据：《退役军人保障法》第二十一条');
    expect(rest).toContain('办理：');
    expect(rest).toContain('出处');
    // The source button opens the article it names.
    const [article] = await press(user, answer!, '看依据：保障法第二十一条');
    expect(shown([article!])).toContain('第二十一条');
    expect(shown([article!])).toContain('退役金');
  });

  it('the 年度数据 button gives the leaders’ brief: figures, honours, targets, problems, each cited', async () => {
    const user = newUser();
    const [menu] = await say(user, '/start');
    const [brief] = await press(user, menu!, '📊 年度数据');
    const lead = shown([brief!]);
    expect(lead).toContain('2022年工作简报');
    expect(lead).toContain('【主要数据】');
    expect(lead).toMatch(/· .+：\d/);
    expect(lead).not.toMatch(/不在.*范围|\*\*/);
    const labels = buttons(brief!).map((b) => b.text);
    expect(labels.some((l) => l.startsWith('看原文：'))).toBe(true);
    const rest = shown(await press(user, brief!, '📖 更多'));
    expect(rest).toContain('【荣誉】');
    expect(rest).toContain('【2023年目标】');
    expect(rest).toContain('实际完成数未填报');
    expect(rest).toContain('【存在的问题】');
    expect(rest).toContain('2022年度领导班子工作总结');
    expect(rest).not.toMatch(PLACEHOLDER);
    // Typed, a leader's overview question gets the same brief, not a refusal.
    const [typed] = await say(user, '去年工作总体怎么样？');
    expect(shown([typed!])).toContain('2022年工作简报');
  });

  it('a new short question after a figure question is answered as a new question', async () => {
    const user = newUser();
    const [figure] = await say(user, '2022年网上祭扫有多少人？');
    expect(shown([figure!])).toContain('20000余人');
    const [money] = await say(user, '我退伍了能领什么钱？');
    expect(shown([money!])).toContain('退役金');
    expect(shown([money!])).not.toContain('祭扫');
  });

  it('answers both parts of a two-part figure question', async () => {
    const user = newUser();
    const [both] = await say(user, '网上祭扫和实地擦碑各多少人');
    const text = shown([both!]);
    expect(text).toContain('网上祭扫');
    expect(text).toContain('20000余人');
    expect(text).toContain('1000余人次');
    expect(text).not.toMatch(PLACEHOLDER);
  });

  it('/start and a quiet spell both end the conversation: a follow-up then has nothing to follow', async () => {
    const user = newUser();
    await say(user, '2022年网上祭扫有多少人？');
    const [followUp] = await say(user, '那2021年呢');
    // A follow-up of the figure: the years that exist are named.
    expect(shown([followUp!])).toContain('2022年');
    await say(user, '/start');
    const [afterStart] = await say(user, '那2021年呢');
    expect(shown([afterStart!])).not.toContain('祭扫');

    await say(user, '2022年网上祭扫有多少人？');
    now = new Date(now.getTime() + 31 * 60_000);
    const [afterQuiet] = await say(user, '那2021年呢');
    expect(shown([afterQuiet!])).not.toContain('祭扫');
  });

  it('never shows placeholder contacts: /help and every answer sent in these tests', async () => {
    const user = newUser();
    server.sendText(user, '/help');
    await server.waitFor(() => server.messagesTo(user.id).length > 0, 30_000, '/help');
    expect(shown(server.messagesTo(user.id))).toContain('退役军人服务站');
    for (const message of server.sent)
      expect(visibleText(message.text, message.parse_mode)).not.toMatch(PLACEHOLDER);
  });
});
