import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/knowledge/figures.js';
import { splitDocument } from '../../src/knowledge/split.js';
import type { ExtractedFigure, SourceDocument } from '../../src/knowledge/types.js';

const seedText = readFileSync(new URL('../../knowledge/2022-work-summary.txt', import.meta.url), 'utf8');

function doc(id: string, text: string, extra: Partial<SourceDocument> = {}): SourceDocument {
  return { id, title: '标题', kind: 'report', text, hash: 'test', ...extra };
}

function figuresOf(d: SourceDocument): ExtractedFigure[] {
  return extractFigures(d, splitDocument(d).sections);
}

const seed = doc('2022-work-summary.txt', seedText, { title: '市退役军人事务局2022年度领导班子工作总结' });
const figures = figuresOf(seed);
const byRaw = (raw: string, quotePart = ''): ExtractedFigure | undefined =>
  figures.find((f) => f.raw === raw && f.quote.includes(quotePart));

describe('extractFigures on the seed report', () => {
  it('quotes every figure verbatim and gives unique ids', () => {
    expect(figures.length).toBeGreaterThan(50);
    for (const f of figures) {
      expect(seedText.includes(f.quote), f.quote).toBe(true);
      expect(f.quote).toContain(f.raw);
    }
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
  });

  it('reads 烈士墓1041座 with subject, section path and year', () => {
    expect(byRaw('1041座')).toMatchObject({
      subject: '集中迁移散葬烈士墓',
      value: 1041,
      unit: '座',
      year: 2022,
      kind: 'actual',
      approximate: false,
      sectionPath: ['一、工作开展情况', '（四）聚焦高效发展真抓实干', '3.褒扬纪念营造尊崇氛围'],
      quote: '完成集中迁移散葬烈士墓1041座。',
    });
  });

  it('reads money and approximate counts', () => {
    expect(byRaw('12000元')).toMatchObject({ subject: '慰问金', value: 12000, unit: '元' });
    expect(byRaw('20000余人')).toMatchObject({ subject: '网上祭扫', value: 20000, unit: '人', approximate: true });
  });

  it('reads a rating’s subject as what was rated, not its kind', () => {
    expect(byRaw('五星级')).toMatchObject({ subject: '军休总站', value: 5, unit: '星级' });
    expect(byRaw('四星级')).toMatchObject({ subject: '军休所', value: 4, unit: '星级' });
  });

  it('keeps masked figures as null with their unit', () => {
    expect(byRaw('**％', '培训合格率达**％')).toMatchObject({
      subject: '培训合格率',
      value: null,
      unit: '%',
      year: 2022,
      kind: 'actual',
    });
    expect(byRaw('****万元')).toMatchObject({ value: null, unit: '万元' });
    expect(byRaw('**％以上')).toMatchObject({ value: null, unit: '%', approximate: true });
    for (const f of figures.filter((x) => /[*＊×]/.test(x.raw))) expect(f.value).toBeNull();
  });

  it('marks the 2023 plans as targets for 2023', () => {
    const targets = figures.filter((f) => f.kind === 'target');
    const training = targets.find((f) => f.subject === '培训合格率');
    expect(training).toMatchObject({ value: 85, unit: '%', year: 2023, raw: '85％' });
    expect(targets.find((f) => f.subject === '训后推荐就业率')).toMatchObject({ value: 85, year: 2023 });
    for (const f of targets) expect(f.sectionPath[0]).toBe('三、2023年工作打算');
    for (const f of figures.filter((x) => x.sectionPath[0] !== '三、2023年工作打算')) expect(f.kind).toBe('actual');
  });

  it('reads Chinese numerals with a measure word', () => {
    expect(byRaw('四项', '我局获得全部四项表彰')).toMatchObject({ value: 4, unit: '项', subject: '表彰' });
    expect(byRaw('一档')).toMatchObject({ value: 1, unit: '档' });
  });

  it('skips dates, years, heading numbers and set phrases', () => {
    const raws = figures.map((f) => f.raw);
    for (const raw of ['8月', '30日', '1月', '17日', '2022年', '2022年度', '2023年', '9', '30', '1', '2', '3']) {
      expect(raws).not.toContain(raw);
    }
    expect(figures.some((f) => f.quote.includes('一岗双责') && f.raw.startsWith('一'))).toBe(false);
  });

  it('gives the first number of a range the shared unit and subject', () => {
    const low = byRaw('100', '100－299名');
    const high = byRaw('299名');
    expect(low).toMatchObject({ value: 100, unit: '名' });
    expect(high?.subject).toBe(low?.subject);
  });
});

describe('extractFigures on small documents', () => {
  it('takes the year from the sentence (明年 = document year + 1) and the kind from cues', () => {
    const text = '总结\n一、工作情况\n2021年，发放补助资金1.2万元。力争明年培训合格率达到90%。';
    const found = figuresOf(doc('small.txt', text, { year: 2022 }));
    expect(found.map((f) => [f.subject, f.value, f.unit, f.year, f.kind])).toEqual([
      ['补助资金', 1.2, '万元', 2021, 'actual'],
      ['培训合格率', 90, '%', 2023, 'target'],
    ]);
  });

  it('does not take article numbers for figures but keeps durations', () => {
    const text = '# 指南\n\n保留学籍：退役后两年内允许入学或复学。依据：《退役军人保障法》第三十五条。\n\n**第四十六条**\n';
    const found = figuresOf(doc('policies/guide.md', text, { kind: 'policy' }));
    expect(found.map((f) => [f.raw, f.value, f.unit])).toEqual([['两年', 2, '年']]);
    expect(found[0]?.sectionPath).toEqual(['指南']);
    expect(found[0]?.year).toBeUndefined();
  });

  it('quotes the clause when the sentence is long', () => {
    const filler = '坚持以人民为中心的发展思想持续推进各项工作落地见效';
    const text = `标题\n${filler}，${filler}，${filler}，${filler}，完成迁移烈士墓12座，${filler}。`;
    const [figure] = figuresOf(doc('long.txt', text));
    expect(figure?.quote).toBe('完成迁移烈士墓12座，');
  });

  it('returns nothing for an empty document or one without numbers', () => {
    expect(figuresOf(doc('empty.txt', ''))).toEqual([]);
    expect(figuresOf(doc('words.txt', '标题\n**\n没有数字的正文。'))).toEqual([]);
  });
});
