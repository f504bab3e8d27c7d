import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors.js';
import { hashUserId } from '../../../src/storage/user-hash.js';
import type { SentMessage } from '../../support/fake-telegram-server.js';
import { createSkippingClock } from '../../support/fake-clock.js';
import { ADMIN, EN_USER, startHarness, TOKEN, USER, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const GROUP = { id: -100500, type: 'supergroup' as const, title: '老兵群' };

/** Sends a question and waits until the bot has sent `count` more messages to that chat. */
async function ask(text: string, from = USER, count = 1, chat?: typeof GROUP): Promise<SentMessage[]> {
  const chatId = chat?.id ?? from.id;
  const before = h!.server.messagesTo(chatId).length;
  h!.server.sendText(from, text, chat ? { chat } : {});
  await h!.server.waitFor(
    () => h!.server.messagesTo(chatId).length >= before + count,
    10_000,
    `reply to "${text}"`,
  );
  return h!.server.messagesTo(chatId).slice(before);
}

const buttons = (m: SentMessage) => (m.reply_markup?.inline_keyboard ?? []).flat();

describe('Telegram bot end to end (real telegraf, fake Bot API)', () => {
  it('registers commands in Chinese and English and welcomes with the menu; 年度数据 asks for the brief', async () => {
    h = await startHarness();
    expect(h.server.commands.map((c) => c.language_code)).toEqual([undefined, 'zh', 'en']);
    expect(h.server.commands[2]!.commands.map((c) => c.command)).toContain('figures');
    const [zh] = await ask('/start');
    expect(zh!.text).toContain('您好');
    expect(zh!.text).toContain('/start');
    // The benefits topics come from the knowledge (see real-assistant.test.ts); these fake tools have none.
    expect(buttons(zh!).map((b) => b.text)).toEqual(['📊 年度数据', '更多问题 ▸']);
    const [en] = await ask('/start', EN_USER);
    expect(en!.text).toContain('Hello');
    expect(buttons(en!).map((b) => b.text)).toContain('📊 Yearly figures');
    const brief = buttons(zh!).find((b) => b.text === '📊 年度数据')!;
    h.server.clickButton(USER, zh!, brief.callback_data!);
    await h.server.waitFor(() => h!.server.messagesTo(USER.id).length >= 2, 10_000, 'brief answer');
    expect(h.assistant.calls.at(-1)!.question).toBe('简单汇报一下年度工作数据');
    // The question asked by the button is shown above its answer.
    expect(h.server.messagesTo(USER.id)[1]!.text).toContain('❓ <b>简单汇报一下年度工作数据</b>');
    expect((await h.store.usage(1)).topTopics).toEqual([{ topic: '年度数据', count: 1 }]);
  });

  it('answers a figure question with typing, HTML, sources, feedback and source buttons in words', async () => {
    h = await startHarness();
    const [reply] = await ask('2022年就业人数是多少？');
    expect(h.server.callsOf('sendChatAction').length).toBeGreaterThan(0);
    expect(reply!.parse_mode).toBe('HTML');
    expect(reply!.text).toContain('2022年退役军人实现就业1234人');
    expect(reply!.text).toContain('📄 <b>2022年工作总结</b> · 一、工作开展情况');
    expect(reply!.text).toContain('<blockquote expandable>全年实现就业1234人</blockquote>');
    expect(reply!.reply_to).toBeDefined();
    const b = buttons(reply!);
    expect(b.map((x) => x.text)).toEqual(
      expect.arrayContaining(['👍', '👎', '看原文：工作开展情况', '那2021年呢？']),
    );
    for (const x of b) expect(Buffer.byteLength(x.callback_data!, 'utf8')).toBeLessThanOrEqual(64);
    expect(h.assistant.calls[0]!.options).toMatchObject({ session: `tg:${USER.id}`, audience: 'veteran' });

    // 👎 is stored with the question; the source button shows the whole paragraph.
    h.server.clickButton(USER, reply!, b.find((x) => x.text === '👎')!.callback_data!);
    await h.server.waitFor(() => h!.server.callsOf('answerCallbackQuery').length >= 1);
    const feedback = await h.store.latestNegativeFeedback(5);
    expect(feedback[0]).toMatchObject({
      question: '2022年就业人数是多少？',
      rating: 'down',
      userKey: hashUserId(USER.id, 'test-salt'),
    });
    h.server.clickButton(USER, reply!, b.find((x) => x.text === '看原文：工作开展情况')!.callback_data!);
    await h.server.waitFor(() => h!.server.messagesTo(USER.id).length >= 2);
    expect(h.server.messagesTo(USER.id)[1]!.text).toContain('这一段是完整的原文段落');
    // A follow-up suggestion longer than 64 bytes still works through a parked key.
    const long = b.find((x) => x.text.startsWith('2023年的就业目标'))!;
    expect(long.callback_data!.startsWith('~')).toBe(true);
    h.server.clickButton(USER, reply!, long.callback_data!);
    await h.server.waitFor(() => h!.assistant.calls.length >= 2);
    expect(h.assistant.calls[1]!.question).toContain('2023年的就业目标是多少？');
    // Unknown or evicted buttons get an answer too (the spinner must not hang).
    h.server.clickButton(USER, reply!, '~evicted');
    h.server.clickButton(USER, reply!, 'old:format');
    await h.server.waitFor(
      () => h!.server.callsOf('answerCallbackQuery').length >= 5,
      10_000,
      'expired buttons',
    );
    const expired = h.server
      .callsOf('answerCallbackQuery')
      .filter((c) => String(c.payload.text).includes('已过期'));
    expect(expired).toHaveLength(2);
  });

  it('shows a masked figure as 未公开, answers English in English, and says when a question is off-scope', async () => {
    h = await startHarness();
    const [masked] = await ask('2022年培训合格率是多少？');
    expect(masked!.text).toContain('🔒 <b>未公开</b>');
    expect(masked!.text).toContain('培训合格率达**%');
    const [en] = await ask('How many veterans found employment in 2022?', EN_USER);
    expect(en!.text).toContain('In 2022, 1234 veterans found jobs.');
    expect(en!.text).toContain('<b>Sources</b>');
    const [off] = await ask('今天天气怎么样？');
    expect(off!.text).toContain('不在退役军人事务范围内');
    expect((await h.store.usage(1)).unanswered.map((u) => u.status)).toEqual(['out_of_scope']);
  });

  it('escapes user and document text (a <script> question comes back as text)', async () => {
    h = await startHarness();
    const [reply] = await ask('<script>alert("x")</script> & 1');
    expect(reply!.text).toContain('回答：&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 1');
    expect(reply!.text).toContain('2022年工作总结 &lt;b&gt;&amp;');
    expect(reply!.text).not.toContain('<script>');
  });

  it('shows a long answer’s lead first; 更多 sends the rest split under 4096 characters', async () => {
    h = await startHarness();
    const [lead] = await ask('请给我一个长文回答');
    expect(lead!.text.length).toBeLessThan(400);
    expect(lead!.reply_to).toBeDefined();
    const more = buttons(lead!).find((b) => b.text === '📖 更多')!;
    h.server.clickButton(USER, lead!, more.callback_data!);
    await h.server.waitFor(
      () => h!.server.messagesTo(USER.id).some((m) => m.text.includes('第60段')),
      10_000,
      'the rest',
    );
    const parts = h.server.messagesTo(USER.id).slice(1);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(4096);
    // Every part starts at a paragraph boundary: no paragraph is cut in the middle.
    for (const p of parts) expect(p.text).toMatch(/^第\d+段/);
  });

  it('falls back to plain text when Telegram rejects the HTML', async () => {
    h = await startHarness();
    h.server.failNext('sendMessage', { kind: 'badHtml' });
    const [reply] = await ask('2022年就业人数是多少？');
    expect(reply!.parse_mode).toBeUndefined();
    expect(reply!.text).toContain('2022年退役军人实现就业1234人');
    expect(reply!.text).not.toContain('<b>');
  });

  it('in groups answers only mentions, replies to the bot and its commands', async () => {
    h = await startHarness();
    const bot = h.server.bot.username;
    h.server.sendText(USER, '大家好，今天就业人数多少', { chat: GROUP });
    h.server.sendText(USER, '/start@other_bot', { chat: GROUP });
    h.server.sendOther(USER, { sticker: { file_id: 's' } }, { chat: GROUP });
    const [mentioned] = await ask(`@${bot} 2022年就业人数是多少？`, USER, 1, GROUP);
    expect(mentioned!.text).toContain('1234人');
    expect(h.assistant.calls.map((c) => c.question)).toEqual(['2022年就业人数是多少？']);
    const [help] = await ask(`/help@${bot}`, USER, 1, GROUP);
    expect(help!.text).toContain('/figures');
    h.server.sendText(USER, '那培训合格率呢', { chat: GROUP, replyTo: mentioned! });
    await h.server.waitFor(() => h!.server.messagesTo(GROUP.id).length >= 3, 10_000, 'reply-to answer');
    expect(h.assistant.calls).toHaveLength(2);
    expect(h.server.messagesTo(GROUP.id)).toHaveLength(3);
  });

  it('asks for text when given a sticker, photo, voice, document or location', async () => {
    h = await startHarness();
    const kinds = [
      {
        sticker: {
          file_id: 'a',
          file_unique_id: 'a',
          type: 'regular',
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
      { photo: [{ file_id: 'b', file_unique_id: 'b', width: 1, height: 1 }] },
      { voice: { file_id: 'c', file_unique_id: 'c', duration: 1 } },
      { document: { file_id: 'd', file_unique_id: 'd' } },
      { location: { latitude: 1, longitude: 2 } },
    ];
    for (const content of kinds) h.server.sendOther(USER, content);
    await h.server.waitFor(
      () => h!.server.messagesTo(USER.id).length >= kinds.length,
      10_000,
      'non-text replies',
    );
    expect(h.server.messagesTo(USER.id).every((m) => m.text.includes('请用文字'))).toBe(true);
    expect(h.assistant.calls).toHaveLength(0);
  });

  it('refuses admin commands to others (logged with the user id) and runs them for admins', async () => {
    h = await startHarness();
    const [refused] = await ask('/reindex');
    expect(refused!.text).toContain('仅限管理员');
    expect(h.reindexCalls).toBe(0);
    expect(h.logs.some((l) => l.includes('Refused an admin command') && l.includes(String(USER.id)))).toBe(
      true,
    );
    const done = await ask('/reindex', ADMIN, 2);
    expect(done[1]!.text).toContain('3 个文件，120 个段落，45 个数据');
    await ask('今天天气怎么样？', ADMIN);
    const [usage] = await ask('/usage', ADMIN);
    expect(usage!.text).toContain('今天天气怎么样？');
    const [feedback] = await ask('/feedback', ADMIN);
    expect(feedback!.text).toContain('暂无差评');
    expect(h.assistant.calls.at(-1)!.options).toMatchObject({ audience: 'staff' });
  });

  it('/reindex with an invalid knowledge file names the file and field; the old index stays', async () => {
    h = await startHarness({
      deps: {
        reindex: () =>
          Promise.reject(new KnowledgeError('kpis.yaml', 'expected string', { field: 'indicators[0].unit' })),
      },
    });
    const replies = await ask('/reindex', ADMIN, 2);
    expect(replies[1]!.text).toContain('kpis.yaml (indicators[0].unit): expected string');
    expect(replies[1]!.text).toContain('仍使用之前的内容回答');
  });

  /** Sends /setkpi, checks the confirmation, clicks ✅ and waits for "recorded" and the figure. */
  async function setKpiConfirmed(payload: string): Promise<void> {
    const [confirmation] = await ask(`/setkpi ${payload}`, ADMIN);
    const ok = buttons(confirmation!).find((b) => b.text.includes('确认'))!;
    const before = h!.server.messagesTo(ADMIN.id).length;
    h!.server.clickButton(ADMIN, confirmation!, ok.callback_data!);
    await h!.server.waitFor(() => h!.server.messagesTo(ADMIN.id).length >= before + 2, 10_000, 'recorded');
  }

  it('/setkpi takes exact ids only and names the valid ones; nothing is written', async () => {
    h = await startHarness();
    for (const near of ['不存在的指标', '就业人数', 'job', 'j']) {
      const [bad] = await ask(`/setkpi ${near} 2023 5`, ADMIN);
      expect(bad!.text).toContain(
        `unknown indicator id &quot;${near}&quot; — use one of the exact ids: jobs, pass-rate, tombs`,
      );
    }
    expect(await h.store.kpiUpdates()).toEqual([]);
  });

  it('/setkpi shows the full name and writes only when the admin confirms, once', async () => {
    h = await startHarness();
    const [confirmation] = await ask('/setkpi jobs 2023 1456 年中统计', ADMIN);
    expect(confirmation!.text).toContain('请核对后确认记录');
    expect(confirmation!.text).toContain('<b>退役军人就业人数</b>（jobs）');
    expect(confirmation!.text).toContain('2023 实际：<b>1456人</b>');
    expect(confirmation!.text).toContain('备注：年中统计');
    expect(await h.store.kpiUpdates()).toEqual([]);
    const [ok, cancel] = buttons(confirmation!);
    expect([ok!.text, cancel!.text]).toEqual(['✅ 确认记录', '取消']);
    // Someone else's click on the admin's button does nothing.
    h.server.clickButton(USER, confirmation!, ok!.callback_data!);
    await h.server.waitFor(() => h!.server.callsOf('answerCallbackQuery').length >= 1);
    expect(await h.store.kpiUpdates()).toEqual([]);
    h.server.clickButton(ADMIN, confirmation!, ok!.callback_data!);
    await h.server.waitFor(() => h!.kpis.current().length === 1, 10_000, 'the write');
    // A second click is refused: the confirmation works once.
    h.server.clickButton(ADMIN, confirmation!, ok!.callback_data!);
    await h.server.waitFor(() => h!.server.callsOf('answerCallbackQuery').length >= 3);
    expect(await h.store.kpiUpdates()).toHaveLength(1);

    const [other] = await ask('/setkpi pass-rate 2023 未公开', ADMIN);
    const no = buttons(other!).find((b) => b.text === '取消')!;
    h.server.clickButton(ADMIN, other!, no.callback_data!);
    await h.server.waitFor(() => h!.server.messagesTo(ADMIN.id).some((m) => m.text.includes('已取消')));
    expect(await h.store.kpiUpdates()).toHaveLength(1);
  });

  it('/setkpi records a new value and /figures then shows it with its history', async () => {
    h = await startHarness();
    const [before] = await ask('/figures 就业人数');
    expect(before!.text).toContain('最新：<b>1234人</b>（2022，实际）');
    // The 2023 target has no actual yet: 未填报, not 未公开.
    expect(before!.text).toContain('目标：<b>1500人</b>（2023） · 2023年实际 未填报');
    await setKpiConfirmed('jobs 2023 1456 年中统计');
    await setKpiConfirmed('pass-rate 2023 未公开');
    const [after] = await ask('/kpi 就业人数');
    expect(after!.text).toContain('最新：<b>1456人</b>（2023，实际）');
    expect(after!.text).not.toContain('未填报');
    expect(after!.text).toContain('年中统计');
    expect(after!.text).toMatch(
      /2021 实际：1100人[\s\S]*2022 实际：1234人[\s\S]*2023 实际：1456人 · telegram:/,
    );
    const [masked] = await ask('/figures 合格率');
    expect(masked!.text).toContain('最新：<b>未公开</b>（2023，实际）');
    const [answer] = await ask('现在就业人数是多少？');
    expect(answer!.text).toContain('2023年退役军人实现就业1456人');
    expect((await h.store.kpiUpdates('jobs'))[0]).toMatchObject({
      value: 1456,
      by: `telegram:${hashUserId(ADMIN.id, 'test-salt')}`,
    });
  });

  it('offers categories for /figures, and lists targets, stats, sources and help', async () => {
    h = await startHarness();
    const [cats] = await ask('/figures');
    const cat = buttons(cats!).find((b) => b.text === '就业创业')!;
    h.server.clickButton(USER, cats!, cat.callback_data!);
    await h.server.waitFor(() => h!.server.messagesTo(USER.id).length >= 2);
    const list = h.server.messagesTo(USER.id)[1]!;
    const figure = buttons(list).find((b) => b.text === '培训合格率')!;
    h.server.clickButton(USER, list, figure.callback_data!);
    await h.server.waitFor(() => h!.server.messagesTo(USER.id).length >= 3);
    expect(h.server.messagesTo(USER.id)[2]!.text).toContain('未公开');
    const [targets] = await ask('/targets');
    expect(targets!.text).toContain('2023年目标');
    expect(targets!.text).toContain(
      '退役军人就业人数</b>：目标 1500人 · 完成进度 82.3% · 2023年实际 未填报（2022年 1234人）',
    );
    expect(targets!.text).toContain('培训合格率</b>：目标 95% · 2023年实际 未填报（2022年 未公开）');
    expect(targets!.text).toContain('2023年实际完成数尚未填报。工作人员可在 Telegram 发送 /setkpi');
    const [stats] = await ask('/stats');
    expect(stats!.text).toContain('荣获全国双拥模范城称号');
    expect(stats!.text).not.toContain('未公开');
    const [sources] = await ask('/sources');
    expect(sources!.text).toContain('退役军人保障法 &lt;摘要&gt;');
    // Placeholder contacts are never shown: /help points to the local service station instead.
    const [help] = await ask('/help');
    expect(help!.text).toContain('可咨询当地退役军人服务站');
    expect(help!.text).not.toContain('12345');
    expect(help!.text).not.toMatch(/待公布|待填写|待局方/);
  });

  it('sends /stats once: a picture with the summary as its caption', async () => {
    h = await startHarness({ deps: { renderStatsPng: async () => Buffer.from('PNGDATA-1234567890') } });
    h.server.sendText(USER, '/stats');
    await h.server.waitFor(() => h!.server.sent.some((m) => m.method === 'sendPhoto'), 10_000, 'photo');
    const photo = h.server.sent.find((m) => m.method === 'sendPhoto')!;
    expect(photo.photoBytes).toBeGreaterThan(0);
    expect(photo.text).toContain('荣获全国双拥模范城称号');
    // Nothing else follows: the summary is not sent a second time as text.
    await ask('/help');
    expect(h.server.messagesTo(USER.id).map((m) => m.method)).toEqual(['sendPhoto', 'sendMessage']);
  });

  it('replies politely when a user asks too fast', async () => {
    h = await startHarness({ rateLimitPerMinute: 2 });
    await ask('问题一');
    await ask('问题二');
    const [limited] = await ask('问题三');
    expect(limited!.text).toContain('您提问太快了');
    expect(h.assistant.calls).toHaveLength(2);
  });

  it('says so once per cool-down, then answers again when the minute has passed on the bot’s clock', async () => {
    const clock = createSkippingClock();
    h = await startHarness({ rateLimitPerMinute: 2, deps: { clock } });
    await ask('问题一');
    await ask('问题二');
    const [limited] = await ask('问题三');
    expect(limited!.text).toContain('您提问太快了');
    const refused = () => h!.logs.filter((l) => l.includes('Question rate-limited')).length;
    h.server.sendText(USER, '问题四');
    await h.server.waitFor(() => refused() === 2, 10_000, 'the fourth question refused');
    clock.advance(60_000);
    // No second notice for the fourth question (within the cool-down): the next message answers.
    const [answer] = await ask('问题五');
    expect(answer!.text).toContain('回答：问题五');
    expect(h.assistant.calls.map((c) => c.question)).toEqual(['问题一', '问题二', '问题五']);
  });

  it('never writes the bot token to the logs, even when calls fail', async () => {
    h = await startHarness();
    h.server.failNext('sendMessage', { kind: 'drop' });
    h.server.failNext('sendMessage', { kind: '500' });
    await ask('就业人数');
    await ask('崩溃吧');
    expect(h.logs.length).toBeGreaterThan(3);
    const all = h.logs.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split(':')[1]);
  });
});
