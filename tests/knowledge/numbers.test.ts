import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNumbers, numberValues, type NumberMention } from '../../src/knowledge/numbers.js';

const seed = readFileSync(new URL('../../knowledge/2022-work-summary.txt', import.meta.url), 'utf8');

/** The parts of a mention most tests care about. */
const brief = (m: NumberMention) => ({ value: m.value, unit: m.unit, raw: m.raw });

describe('findNumbers — Arabic numbers', () => {
  it('reads half- and full-width digits, decimals and thousands separators', () => {
    expect(findNumbers('共1,041座，３．５亿元，12000元').map(brief)).toEqual([
      { value: 1041, unit: '座', raw: '1,041座' },
      { value: 350_000_000, unit: '亿元', raw: '３．５亿元' },
      { value: 12000, unit: '元', raw: '12000元' },
    ]);
  });

  it('applies 万/亿 and keeps the multiplier in the unit as written', () => {
    const [m] = findNumbers('资金1.2万元');
    expect(m).toMatchObject({ value: 12000, unit: '万元', multiplier: 10000, raw: '1.2万元' });
    expect(findNumbers('1.1万')[0]?.value).toBe(11000); // no 11000.000000000002
    expect(findNumbers('1000多万元')[0]).toMatchObject({ value: 10_000_000, unit: '万元', approximate: true });
  });

  it('treats the full-width comma as a separator between numbers, not a thousands separator', () => {
    expect(findNumbers('遗属6名，100名').map((m) => m.value)).toEqual([6, 100]);
    expect(findNumbers('分别为12，345').map((m) => m.value)).toEqual([12, 345]);
  });

  it('reads percents in either width and in words', () => {
    expect(findNumbers('85％').map(brief)).toEqual([{ value: 85, unit: '%', raw: '85％' }]);
    expect(findNumbers('85%').map(brief)).toEqual([{ value: 85, unit: '%', raw: '85%' }]);
    expect(findNumbers('百分之八十五')[0]).toMatchObject({ value: 85, unit: '%' });
  });

  it('splits a range into two mentions that share the unit', () => {
    expect(findNumbers('有退役军人100－299名的').map(brief)).toEqual([
      { value: 100, unit: '名', raw: '100' },
      { value: 299, unit: '名', raw: '299名' },
    ]);
    expect(findNumbers('1-2万人')[0]).toMatchObject({ value: 10000, unit: '万人' });
  });

  it('marks 余/多/以上 as approximate', () => {
    expect(findNumbers('网上祭扫达20000余人')[0]).toMatchObject({ value: 20000, unit: '人', approximate: true });
    expect(findNumbers('20多人')[0]).toMatchObject({ value: 20, approximate: true });
    expect(findNumbers('100％以上')[0]).toMatchObject({ value: 100, unit: '%', approximate: true });
    expect(findNumbers('12000元')[0]?.approximate).toBe(false);
  });
});

describe('findNumbers — dates and years', () => {
  it('reads month/day dates as mentions with unit 月/日', () => {
    expect(findNumbers('于8月30日提前3个月').map(brief)).toEqual([
      { value: 8, unit: '月', raw: '8月' },
      { value: 30, unit: '日', raw: '30日' },
      { value: 3, unit: '个月', raw: '3个月' },
    ]);
    expect(findNumbers('完成“9·30”祭英烈活动').map(brief)).toEqual([
      { value: 9, unit: '月', raw: '9' },
      { value: 30, unit: '日', raw: '30' },
    ]);
  });

  it('reads years and ISO dates', () => {
    expect(findNumbers('2022年度').map(brief)).toEqual([{ value: 2022, unit: '年度', raw: '2022年度' }]);
    expect(findNumbers('2020-11-11通过').map((m) => [m.value, m.unit])).toEqual([
      [2020, '年'],
      [11, '月'],
      [11, '日'],
    ]);
    expect(findNumbers('二〇二二年')[0]).toMatchObject({ value: 2022, unit: '年' });
  });
});

describe('findNumbers — Chinese numerals', () => {
  it.each([
    ['获得全部四项表彰', 4, '项'],
    ['两次', 2, '次'],
    ['十名', 10, '名'],
    ['排位全省一档', 1, '档'],
    ['三个月', 3, '个月'],
    ['一百零五人', 105, '人'],
    ['二十余人', 20, '人'],
    ['两年内', 2, '年'],
    ['力争实现“七个确保”', 7, '个'],
    ['子女未满18周岁', 18, '周岁'],
    ['市军休总站获评五星级服务机构', 5, '星级'],
  ])('%s → %d %s', (text, value, unit) => {
    expect(findNumbers(text).map((m) => [m.value, m.unit])).toEqual([[value, unit]]);
  });

  it('writes a trailing 万 of a Chinese numeral into the unit, like 3万人', () => {
    expect(findNumbers('三万人')[0]).toMatchObject({ value: 30000, unit: '万人', multiplier: 10000 });
    expect(numberValues('三万人')).toEqual([30000, 3]);
  });

  it.each([
    '党的二十大精神',
    '落实“一岗双责”工作机制',
    '坚定拥护“两个确立”',
    '严肃“三会一课”',
    '中央八项规定',
    '一起谋划、一起部署',
    '十分重要',
    '第一议题',
    '唯一一个',
    '三五个',
    '三千',
    '参照上一年度标准',
    '每一次评定',
    '统一制发',
  ])('%s has no number', (text) => {
    expect(findNumbers(text)).toEqual([]);
  });
});

describe('findNumbers — masked digits', () => {
  it.each([
    ['组建**余人的队伍', '人', true],
    ['信息***余条', '条', true],
    ['培训合格率达**％', '%', false],
    ['占总额的**％以上', '%', true],
    ['奖补资金****万元', '万元', false],
    ['化解重复访＊起', '起', false],
    ['调整使用××名', '名', false],
  ])('%s is masked', (text, unit, approximate) => {
    const mentions = findNumbers(text);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ value: null, masked: true, unit, approximate });
  });

  it('does not take masked names for numbers', () => {
    expect(findNumbers('**市退役军人事务局与**日报社、**人民医院、**电视台合作')).toEqual([]);
    expect(findNumbers('**')).toEqual([]);
    expect(findNumbers('**第四十六条**').every((m) => !m.masked)).toBe(true);
  });
});

describe('findNumbers — on the seed document', () => {
  const mentions = findNumbers(seed);

  it('gives raw text that is exactly the source at index', () => {
    expect(mentions.length).toBeGreaterThan(80);
    for (const m of mentions) expect(seed.slice(m.index, m.index + m.raw.length)).toBe(m.raw);
  });

  it('finds the key figures', () => {
    const raws = mentions.map((m) => m.raw);
    expect(raws).toEqual(expect.arrayContaining(['1041座', '12000元', '20000余人', '85％', '四项', '****万元']));
  });

  it('never gives a masked mention a value', () => {
    for (const m of mentions) expect(m.masked ? m.value === null : typeof m.value === 'number').toBe(true);
  });
});

describe('numberValues', () => {
  it('yields both forms of a multiplied number', () => {
    expect(numberValues('1.2万')).toEqual([12000, 1.2]);
  });

  it('yields percents as the number and skips masked values', () => {
    expect(numberValues('85％，**％，四项')).toEqual([85, 4]);
  });

  it('accepts a date a quote contains', () => {
    const quote = '全市**名退役军人安置任务于8月30日提前3个月在全省率先完成';
    const known = new Set(numberValues(quote));
    for (const m of findNumbers('8月30日完成')) expect(known.has(m.value as number)).toBe(true);
  });
});
