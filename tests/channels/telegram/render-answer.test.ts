import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/assistant/answer.js';
import { parseSetKpi } from '../../../src/channels/telegram/admin-handlers.js';
import { createCallbackCodec } from '../../../src/channels/telegram/callback-data.js';
import { renderAnswer } from '../../../src/channels/telegram/render-answer.js';
import { renderHelp } from '../../../src/channels/telegram/render-tools.js';
import { checkTelegramHtml } from '../../support/fake-telegram-server.js';

const answer: Answer = {
  question: 'q',
  answer: '培训合格率 <未公开> & 其他',
  status: 'undisclosed',
  language: 'zh',
  citations: [
    {
      doc: 'd.txt',
      title: '总结"<标题>"',
      section: '一、概况 › （四）',
      quote: '合格率达**%',
      chunkId: `${'很长的文件名'.repeat(10)}.txt#12`,
    },
  ],
  figures: [],
  mode: 'offline',
  notice: '问题已截断 <b>',
  suggestions: ['那2021年呢？'],
};

describe('renderAnswer', () => {
  it('escapes everything, marks 未公开, and lists sources with expandable quotes', () => {
    const { html } = renderAnswer(answer, 7, createCallbackCodec());
    expect(checkTelegramHtml(html)).toBeUndefined();
    expect(html.startsWith('🔒 <b>未公开</b>')).toBe(true);
    expect(html).toContain('培训合格率 &lt;未公开&gt; &amp; 其他');
    expect(html).toContain('<i>问题已截断 &lt;b&gt;</i>');
    expect(html).toContain('📄 <b>总结&quot;&lt;标题&gt;&quot;</b> · 一、概况 › （四）');
    expect(html).toContain('<blockquote expandable>合格率达**%</blockquote>');
  });

  it('keeps callback data within 64 bytes and resolves parked payloads', () => {
    const codec = createCallbackCodec();
    const { keyboard } = renderAnswer(answer, 123456, codec);
    const all = keyboard.flat();
    // The source says what it opens; next questions follow; feedback last.
    expect(all.map((b) => b.text)).toEqual(['看原文：（四）', '那2021年呢？', '👍', '👎']);
    for (const b of all) expect(Buffer.byteLength(b.callback_data, 'utf8')).toBeLessThanOrEqual(64);
    expect(all[3]!.callback_data).toBe('fb:down:123456');
    const context = all[0]!.callback_data;
    expect(context.startsWith('~')).toBe(true);
    expect(codec.decode(context)).toEqual({ kind: 'ctx', value: answer.citations[0]!.chunkId });
    expect(createCallbackCodec().decode(context)).toBeUndefined();
  });

  it('names law articles by the law and the article', () => {
    const law: Answer = {
      ...answer,
      status: 'answered',
      citations: [
        {
          doc: 'laws/p.md',
          title: '中华人民共和国退役军人保障法',
          section: '第三章 退役安置 › 第二十一条',
          quote: '第二十一条 …',
          chunkId: 'laws/p.md#20',
        },
      ],
    };
    const labels = renderAnswer(law, 1, createCallbackCodec())
      .keyboard.flat()
      .map((b) => b.text);
    expect(labels[0]).toBe('看依据：保障法第二十一条');
  });

  it('puts a long message’s rest and its sources behind 更多, keeping the list of the lead together', () => {
    const long: Answer = {
      ...answer,
      status: 'answered',
      notice: undefined,
      answer: [
        '2022年工作简报：',
        '【主要数据】',
        '· 网上祭扫人数：20000余人',
        '· 墓碑擦拭描摹人次：1000余人次',
        '【荣誉】',
        '· 荣获全国双拥模范城称号',
      ].join('\n'),
      citations: Array.from({ length: 4 }, (_, i) => ({
        ...answer.citations[0]!,
        quote: '很长的引文。'.repeat(40),
        chunkId: `d.txt#${i}`,
      })),
    };
    const codec = createCallbackCodec();
    const rendered = renderAnswer(long, 9, codec, { asked: '简单汇报一下' });
    expect(rendered.html.startsWith('❓ <b>简单汇报一下</b>')).toBe(true);
    expect(rendered.html).toContain('· 墓碑擦拭描摹人次：1000余人次');
    expect(rendered.html).not.toContain('【荣誉】');
    expect(rendered.html).not.toContain('出处');
    expect(rendered.more).toContain('【荣誉】');
    expect(rendered.more).toContain('<b>出处</b>');
    const more = rendered.keyboard.flat().find((b) => b.text === '📖 更多')!;
    expect(codec.decode(more.callback_data)).toEqual({ kind: 'more', value: rendered.more });
    expect(checkTelegramHtml(rendered.html)).toBeUndefined();
    expect(checkTelegramHtml(rendered.more!)).toBeUndefined();
    // Two passages of one section make one button.
    expect(rendered.keyboard.flat().filter((b) => b.text.startsWith('看原文：'))).toHaveLength(1);
    // An item's indented basis line stays with its item in the lead.
    const items = renderAnswer(
      {
        ...long,
        answer: [
          '主要有这些（每项可单独再问）：',
          '· 看病医疗：到军队医院和公立医院看病享受优待服务。',
          '  依据：《退役军人保障法》第五十二条',
          '· 看病优待服务：公立医院应当为退役军人看病提供优待服务。',
          '  依据：《军人抚恤优待条例》第四十四条',
        ].join('\n'),
      },
      2,
      createCallbackCodec(),
    );
    expect(items.html).toContain('第五十二条');
    expect(items.html).toContain('第四十四条');
    expect(items.html).not.toContain('出处');
    // A short answer keeps its sources and has no 更多.
    const short = renderAnswer(answer, 1, createCallbackCodec());
    expect(short.more).toBeUndefined();
    expect(short.html).toContain('出处');
  });

  it('has no sources block and no 未公开 note for a plain answer', () => {
    const { html } = renderAnswer(
      { ...answer, status: 'answered', citations: [], notice: undefined } as Answer,
      1,
      createCallbackCodec(),
    );
    expect(html).not.toContain('未公开</b>');
    expect(html).not.toContain('出处');
  });
});

describe('parseSetKpi', () => {
  const resolve = ['jobs', 'pass-rate'];
  it('parses value, 未公开, kind and note', () => {
    expect(parseSetKpi('jobs 2023 1,456 年中 统计', resolve)).toEqual({
      success: true,
      value: { kpiId: 'jobs', year: 2023, kind: 'actual', value: 1456, note: '年中 统计' },
    });
    expect(parseSetKpi('jobs 2024 未公开 target', resolve)).toEqual({
      success: true,
      value: { kpiId: 'jobs', year: 2024, kind: 'target', value: null },
    });
  });
  it('takes exact ids only: a name or a near miss is refused with the valid ids', () => {
    for (const near of ['就业人数', 'job', 'JOBS', 'j'])
      expect(parseSetKpi(`${near} 2023 1`, resolve)).toEqual({
        success: false,
        error: `unknown indicator id "${near}" — use one of the exact ids: jobs, pass-rate`,
      });
  });
  it('refuses unknown indicators, bad years and bad values', () => {
    expect(parseSetKpi('jobs', resolve)).toMatchObject({ success: false });
    expect(parseSetKpi('nope 2023 1', resolve)).toMatchObject({
      success: false,
      error: expect.stringContaining('nope'),
    });
    expect(parseSetKpi('jobs 23 1', resolve)).toMatchObject({
      success: false,
      error: expect.stringContaining('year'),
    });
    expect(parseSetKpi('jobs 2023 many', resolve)).toMatchObject({
      success: false,
      error: expect.stringContaining('value'),
    });
  });
});

describe('renderHelp', () => {
  const bureau = {
    name: '某市退役军人事务局',
    hours: '周一至周五',
    hotline: '0000-1234567',
    address: '某路1号',
    placeholder: false,
  };

  it('shows the bureau contact once it is filled in, and only the service station while it is a placeholder', () => {
    expect(renderHelp('zh', false, bureau)).toContain('0000-1234567');
    const placeholder = renderHelp('zh', false, { ...bureau, placeholder: true });
    expect(placeholder).toContain('可咨询当地退役军人服务站');
    expect(placeholder).not.toContain('0000-1234567');
    expect(renderHelp('en', false, undefined)).toContain('local veterans service station');
  });

  it('shows admin commands to admins only', () => {
    expect(renderHelp('zh', true, undefined)).toContain('/setkpi');
    expect(renderHelp('zh', false, undefined)).not.toContain('/setkpi');
  });
});
