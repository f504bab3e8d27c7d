import { describe, expect, it } from 'vitest';
import { isMaskedNumber, normaliseForMatch, toHalfWidth } from '../../src/knowledge/normalise.js';
import { parseChineseNumeral } from '../../src/knowledge/chinese-numerals.js';

describe('toHalfWidth', () => {
  it('converts full-width digits, letters and punctuation', () => {
    expect(toHalfWidth('１２３４５６７８９０')).toBe('1234567890');
    expect(toHalfWidth('ＡＢＣｘｙｚ')).toBe('ABCxyz');
    expect(toHalfWidth('85％，（一）３．５－１０＊＊')).toBe('85%,(一)3.5-10**');
    expect(toHalfWidth('a\u3000b')).toBe('a b');
  });

  it('keeps Chinese punctuation without an ASCII twin and keeps the length', () => {
    const text = '一、工作。“三训一扶”、《法》·９·３０';
    const half = toHalfWidth(text);
    expect(half).toBe('一、工作。“三训一扶”、《法》·9·30');
    expect(half.length).toBe(text.length);
  });
});

describe('normaliseForMatch', () => {
  it('half-widths, lower-cases and collapses whitespace', () => {
    expect(normaliseForMatch('  Ｖｅｔｅｒａｎ\u3000 Affairs\n\t８５％ ')).toBe('veteran affairs 85%');
  });
});

describe('isMaskedNumber', () => {
  it.each(['**', '***', '＊＊', '×', '××', '***余', '**％', '****万元', ' ** '])('%s is masked', (raw) => {
    expect(isMaskedNumber(raw)).toBe(true);
  });

  it.each(['85', '12000元', '四项', '', '**2', 'abc'])('%s is not masked', (raw) => {
    expect(isMaskedNumber(raw)).toBe(false);
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['四', 4],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三千', 3000],
    ['十万', 100_000],
    ['三万五千', 35_000],
    ['一亿二千万', 120_000_000],
    ['二〇二二', 2022],
    ['零', 0],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['', '二三十', '四x', 'abc'])('%s is not a numeral', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });
});
