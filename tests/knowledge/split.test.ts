import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitDocument } from '../../src/knowledge/split.js';
import type { SourceDocument } from '../../src/knowledge/types.js';

const seedText = readFileSync(new URL('../../knowledge/2022-work-summary.txt', import.meta.url), 'utf8');

function doc(id: string, text: string, title = '标题'): SourceDocument {
  return { id, title, kind: 'report', text, hash: 'test' };
}

const seed = doc('2022-work-summary.txt', seedText, '市退役军人事务局2022年度领导班子工作总结');

describe('splitDocument on the seed report', () => {
  const { sections, chunks } = splitDocument(seed);

  it('puts 烈士墓1041座 under its three-level section path', () => {
    const chunk = chunks.find((c) => c.text.includes('完成集中迁移散葬烈士墓1041座'));
    expect(chunk?.sectionPath).toEqual(['一、工作开展情况', '（四）聚焦高效发展真抓实干', '3.褒扬纪念营造尊崇氛围']);
    const section = sections.find((s) => s.id === chunk?.sectionId);
    expect(section?.path).toEqual(chunk?.sectionPath);
    expect(section?.text.startsWith('3.褒扬纪念营造尊崇氛围。为营造')).toBe(true);
  });

  it('cuts every chunk and section verbatim from the document', () => {
    for (const c of chunks) expect(seedText.includes(c.text), c.text).toBe(true);
    for (const s of sections) expect(seedText.includes(s.text), s.text.slice(0, 40)).toBe(true);
  });

  it('keeps chunks quotable: at most ~220 characters, no empty ones', () => {
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(220);
      expect(c.text.trim()).toBe(c.text);
      expect(c.text.length).toBeGreaterThan(0);
    }
  });

  it('covers every sentence of the body (nothing but the title and heading-only lines is lost)', () => {
    const covered = chunks.map((c) => c.text).join('');
    const headingOnly = new Set(['一、工作开展情况', '二、存在的问题和不足', '三、2023年工作打算']);
    for (const line of seedText.split('\n').slice(1)) {
      const t = line.trim();
      if (t === '' || headingOnly.has(t) || /^（[一二三四]）[^。]*$/.test(t)) continue;
      for (const sentence of t.split(/(?<=[。；])/)) expect(covered.includes(sentence), sentence).toBe(true);
    }
  });

  it('treats the first line as the title, not a section or chunk', () => {
    expect(chunks.some((c) => c.text.includes('领导班子工作总结'))).toBe(false);
    expect(sections[0]?.path).toEqual([]);
    expect(sections[0]?.text).toBe('根据要求，现将**市退役军人事务局2022年领导班子工作情况总结汇报如下。');
  });

  it('splits a heading that carries body text on its line', () => {
    const paths = sections.map((s) => s.path.at(-1));
    expect(paths).toContain('1.强化党的创新理论武装');
    expect(paths).toContain('（一）主动担当奉献精神不够');
    expect(paths).toContain('（三）提升服务保障质效，助推全面发展');
    const level1 = sections.filter((s) => s.path.length === 1).map((s) => s.path[0]);
    expect(level1).toEqual(['一、工作开展情况', '二、存在的问题和不足', '三、2023年工作打算']);
  });

  it('numbers ids and orders in document order', () => {
    chunks.forEach((c, i) => {
      expect(c.order).toBe(i);
      expect(c.id).toBe(`2022-work-summary.txt#${i}`);
    });
    sections.forEach((s, i) => expect(s.id).toBe(`2022-work-summary.txt§${i}`));
    const positions = chunks.map((c) => seedText.indexOf(c.text));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('includes sub-sections in a section text', () => {
    const top = sections.find((s) => s.path.join('/') === '三、2023年工作打算');
    expect(top?.text).toContain('培训合格率达85％');
    expect(top?.text.startsWith('三、2023年工作打算\n（一）')).toBe(true);
  });
});

describe('splitDocument on Markdown', () => {
  const markdown = [
    '# 退役军人权益指南',
    '',
    '本指南是通俗摘要。',
    '',
    '## 一、就业创业',
    '',
    '### （一）创业',
    '',
    '**第四十六条**',
    '',
    '创业贷款：可以申请创业担保贷款。依据：《退役军人保障法》第四十六条。',
    '',
    '1. 列表项不是标题',
    '',
    '## 二、教育培训',
    '',
    '保留学籍：退役后两年内允许入学或复学。',
    '',
    '```',
    '# 代码里的井号不是标题',
    '```',
  ].join('\n');
  const { sections, chunks } = splitDocument(doc('policies/guide.md', markdown, '退役军人权益指南'));

  it('splits by # headings and nests the Chinese numbering under them', () => {
    expect(sections.map((s) => s.path)).toEqual([
      ['退役军人权益指南'],
      ['退役军人权益指南', '一、就业创业'],
      ['退役军人权益指南', '一、就业创业', '（一）创业'],
      ['退役军人权益指南', '二、教育培训'],
    ]);
  });

  it('keeps article references and list items as body text', () => {
    const creation = chunks.filter((c) => c.sectionPath.at(-1) === '（一）创业').map((c) => c.text);
    expect(creation).toEqual([
      '**第四十六条**',
      '创业贷款：可以申请创业担保贷款。依据：《退役军人保障法》第四十六条。',
      '1. 列表项不是标题',
    ]);
  });

  it('does not read headings inside code fences', () => {
    expect(sections.some((s) => s.path.includes('代码里的井号不是标题'))).toBe(false);
    for (const c of chunks) expect(markdown.includes(c.text)).toBe(true);
  });
});

describe('splitDocument edge cases', () => {
  it('returns nothing for an empty document', () => {
    expect(splitDocument(doc('empty.txt', ''))).toEqual({ sections: [], chunks: [] });
    expect(splitDocument(doc('blank.md', '\n\n  \n'))).toEqual({ sections: [], chunks: [] });
  });

  it('makes one preamble section for a document without headings', () => {
    const text = '标题行\n第一句话。第二句话！\n第三句话？';
    const { sections, chunks } = splitDocument(doc('plain.txt', text));
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({ path: [], text: '第一句话。第二句话！\n第三句话？' });
    expect(chunks.map((c) => c.text)).toEqual(['第一句话。第二句话！\n第三句话？']);
    expect(chunks[0]?.sectionPath).toEqual([]);
  });

  it('keeps a one-line document as its content, not as a title', () => {
    const { chunks } = splitDocument(doc('one.txt', '只有一句话。'));
    expect(chunks.map((c) => c.text)).toEqual(['只有一句话。']);
  });

  it('makes no chunk of a line of only **', () => {
    const { chunks } = splitDocument(doc('masked.txt', '标题\n**\n一、标题\n**\n正文。'));
    expect(chunks.map((c) => c.text)).toEqual(['正文。']);
  });

  it('splits an over-long sentence at commas', () => {
    const clause = '这是一个用来测试长句切分的分句内容';
    const sentence = `${Array.from({ length: 20 }, () => clause).join('，')}。`;
    const { chunks } = splitDocument(doc('long.txt', `标题\n${sentence}`));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(220);
    expect(chunks.map((c) => c.text).join('')).toBe(sentence);
  });

  it('reads half-width parentheses, 1、 and （1） headings and CRLF line endings', () => {
    const text = '总结\r\n一、概况\r\n(一)工作\r\n1、学习。内容一。\r\n（1）细项。内容二。\r\n';
    const { sections, chunks } = splitDocument(doc('crlf.txt', text));
    expect(sections.map((s) => s.path.at(-1))).toEqual(['一、概况', '(一)工作', '1、学习', '（1）细项']);
    expect(sections.at(-1)?.path).toEqual(['一、概况', '(一)工作', '1、学习', '（1）细项']);
    expect(chunks.map((c) => c.text)).toEqual(['1、学习。内容一。', '（1）细项。内容二。']);
  });

  it('does not take a decimal at line start for a heading', () => {
    const { sections } = splitDocument(doc('d.txt', '标题\n1.5亿元资金已到位。'));
    expect(sections.map((s) => s.path)).toEqual([[]]);
  });
});
