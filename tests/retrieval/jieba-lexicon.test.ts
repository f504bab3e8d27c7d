import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { readJiebaDictionary } from '../../src/adapters/retrieval/jieba-dictionary.js';
import { createLeanSegmenter, jiebaLexiconFrom } from '../../src/retrieval/jieba-lexicon.js';

describe('createLeanSegmenter', () => {
  it('segments, cuts for search and tags exactly as jieba with the whole dictionary', () => {
    const full = Jieba.withDict(dict);
    const lean = createLeanSegmenter(jiebaLexiconFrom(readJiebaDictionary()));
    const texts = [
      '烈士褒扬金的标准是多少',
      '优代证怎么办',
      '完成集中迁移散葬烈士墓1041座',
      '退役军人的4s店优惠是不是',
      '伤残军人坐火车票价减半吗？乘坐市内公交地铁免费',
      'how many veterans were placed in 2022',
    ];
    for (const text of texts) {
      expect(lean.cut(text, false)).toEqual(full.cut(text, false));
      expect(lean.cut(text, true)).toEqual(full.cut(text, true));
      expect(lean.cutForSearch(text, false)).toEqual(full.cutForSearch(text, false));
      expect(lean.tag(text, true)).toEqual(full.tag(text, true));
    }
  }, 30_000);
});
