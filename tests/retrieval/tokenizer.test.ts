import { describe, expect, it } from 'vitest';
import {
  cjkBigrams,
  extractNumbers,
  stemEnglish,
  tokenize,
  toHalfWidth,
} from '../../src/retrieval/tokenizer.js';

describe('tokenize', () => {
  it('segments Chinese with jieba search mode, adding sub-words', () => {
    const tokens = tokenize('完成集中迁移散葬烈士墓1041座');
    expect(tokens).toEqual(expect.arrayContaining(['迁移', '散葬', '烈士', '烈士墓', '1041']));
  });

  it('adds character bigrams of CJK runs, so differently segmented words still meet', () => {
    const tokens = tokenize('双拥考核');
    expect(tokens).toEqual(expect.arrayContaining(['双拥', '拥考', '考核']));
    expect(cjkBigrams('烈士墓')).toEqual(['烈士', '士墓']);
    expect(cjkBigrams('墓')).toEqual([]);
  });

  it('keeps numbers whole, including decimals', () => {
    expect(tokenize('培训合格率达85.5%，送喜报256次')).toEqual(expect.arrayContaining(['85.5', '256']));
  });

  it('normalises full-width digits and letters to half-width first', () => {
    expect(toHalfWidth('１０４１座，ＡＢＣ％　')).toBe('1041座,ABC% ');
    expect(tokenize('迁移烈士墓１０４１座')).toContain('1041');
    expect(tokenize('ＶＥＴＥＲＡＮＳ')).toContain('veteran');
  });

  it('lower-cases English, stems plurals and drops English stop words', () => {
    const tokens = tokenize('What are the Veterans Subsidies of 2022?');
    expect(tokens).toEqual(['veteran', 'subsidy', '2022']);
    expect(stemEnglish('classes')).toBe('class');
    expect(stemEnglish('status')).toBe('status');
    expect(stemEnglish('bus')).toBe('bus');
  });

  it('drops Chinese stop words and stop-word bigrams', () => {
    const tokens = tokenize('烈士墓迁了多少呢');
    expect(tokens).not.toContain('了');
    expect(tokens).not.toContain('呢');
    expect(tokens).not.toContain('多少');
    expect(tokens).toContain('烈士墓');
  });

  it('ignores punctuation and whitespace', () => {
    expect(tokenize('。，！？  ——“”')).toEqual([]);
  });

  it('extracts numbers for the re-ranker', () => {
    expect(extractNumbers('２０２２年培训合格率达85.5％，1041座')).toEqual(['2022', '85.5', '1041']);
  });
});
