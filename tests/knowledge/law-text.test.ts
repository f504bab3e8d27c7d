import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/adapters/knowledge/load-knowledge.js';
import { articleNumeral, citeArticle, lawShortTitle, parseLawArticles } from '../../src/knowledge/law-text.js';
import { PENSION_REGULATIONS, VETERANS_LAW, type LawTable } from '../support/law-articles.js';

/*
 * The laws in knowledge/laws/ are the ground every card stands on. They are checked here against
 * the hand-verified tables in tests/support/law-articles.ts (independent of the parser's own view):
 * every article is there, in order, and opens with the words the table holds.
 */
const kb = await loadKnowledge(new URL('../../knowledge/', import.meta.url).pathname);

describe('law texts in knowledge/laws', () => {
  it('loads the four laws as law documents, split one article per chunk', () => {
    const titles = kb.laws.map((l) => l.shortTitle).sort();
    expect(titles).toEqual(['军人抚恤优待条例', '烈士褒扬条例', '退役军人保障法', '退役军人安置条例'].sort());
    const counts = Object.fromEntries(kb.laws.map((l) => [l.shortTitle, l.articles.size]));
    expect(counts).toEqual({ 退役军人保障法: 85, 军人抚恤优待条例: 64, 退役军人安置条例: 93, 烈士褒扬条例: 43 });
    for (const law of kb.laws) {
      const chunks = kb.chunks.filter((c) => c.docId === law.docId);
      expect(chunks).toHaveLength(law.articles.size);
      expect(chunks.every((c) => /^第[零一二三四五六七八九十百]+条/.test(c.text))).toBe(true);
    }
  });

  it.each([
    ['退役军人保障法', VETERANS_LAW],
    ['军人抚恤优待条例', PENSION_REGULATIONS],
  ] as [string, LawTable][])('%s matches the verified table article by article', (shortTitle, table) => {
    const law = kb.laws.find((l) => l.shortTitle === shortTitle);
    expect(law?.articles.size).toBe(table.articleCount);
    const mismatches = [...table.articles].filter(([n, opening]) => {
      const text = law?.articles.get(n)?.text.replace(/^第[零一二三四五六七八九十百]+条\s*/, '') ?? '';
      return !text.startsWith(opening);
    });
    expect(mismatches).toEqual([]);
    for (const [chapter, first] of table.chapters) {
      expect(law?.articles.get(first)?.chapter, `${shortTitle} ${chapter}`).toContain(chapter.slice(0, 2));
    }
  });
});

describe('parseLawArticles', () => {
  it('keeps an article’s paragraphs together and starts a new one at each 第X条 or heading', () => {
    const articles = parseLawArticles(
      '# 某条例\n\n## 第一章 总 则\n\n第一条 为了测试。\n\n第二款内容。\n\n## 第二章 待遇\n\n第二条 另一条。',
    );
    expect(articles.map((a) => [a.number, a.chapter])).toEqual([
      [1, '第一章 总则'],
      [2, '第二章 待遇'],
    ]);
    expect(articles[0]?.text).toBe('第一条 为了测试。\n\n第二款内容。');
  });
});

describe('article numerals and titles', () => {
  it('writes article numbers the way the laws do', () => {
    expect([1, 10, 15, 20, 23, 85, 100, 105, 110].map(articleNumeral)).toEqual([
      '一', '十', '十五', '二十', '二十三', '八十五', '一百', '一百零五', '一百一十',
    ]);
    expect(citeArticle('退役军人保障法', 15)).toBe('《退役军人保障法》第十五条');
    expect(lawShortTitle('中华人民共和国退役军人保障法')).toBe('退役军人保障法');
  });
});
