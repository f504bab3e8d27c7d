import { describe, expect, it } from 'vitest';
import { CARD_TOPICS, parseCardFile } from '../../src/knowledge/card-schema.js';
import { checkCards } from '../../src/knowledge/check-cards.js';
import { loadKnowledge } from '../../src/adapters/knowledge/load-knowledge.js';
import type { EntitlementCard } from '../../src/knowledge/types.js';

/*
 * The entitlement cards in knowledge/cards/ against the laws in knowledge/laws/: every article a
 * card cites exists, its quote is verbatim in that article, and every number a card states is in
 * an article it cites. Then the checker itself, on cards made wrong on purpose.
 */
const kb = await loadKnowledge(new URL('../../knowledge/', import.meta.url).pathname);

describe('the cards in knowledge/cards', () => {
  it('all load, with no problem reported', () => {
    expect(kb.problems.filter((p) => p.file.startsWith('cards/'))).toEqual([]);
    expect(kb.cards.length).toBeGreaterThanOrEqual(250);
  });

  it('pass every check against the law texts', () => {
    expect(checkCards(kb.cards, kb.laws)).toEqual([]);
  });

  it('cover every topic and all four laws', () => {
    const topics = new Set(kb.cards.map((c) => c.topic));
    expect([...topics].sort()).toEqual(Object.keys(CARD_TOPICS).sort());
    const laws = new Set(kb.cards.flatMap((c) => c.basis.map((b) => b.law)));
    expect(laws.size).toBe(4);
  });

  it('each answer in Chinese and English, leading with the answer, short enough to read on a phone', () => {
    const tooLong = kb.cards.filter((c) => c.answer.length > 200).map((c) => c.id);
    expect(tooLong).toEqual([]);
    const noEnglish = kb.cards.filter((c) => /[\u3400-\u9fff]{4,}/.test(c.answerEn.replace(/\([^)]*\)/g, ''))).map((c) => c.id);
    expect(noEnglish).toEqual([]);
  });
});

const law = kb.laws.find((l) => l.shortTitle === '退役军人保障法');
const good: EntitlementCard = {
  id: 'test-card',
  file: 'cards/test.yaml',
  topic: 'preferential',
  title: '退役军人优待证',
  titleEn: 'Preferential card',
  question: '优待证在哪领？',
  answer: '接收时由安置地退役军人事务部门发放。',
  answerEn: 'The veterans affairs department issues it when you report.',
  basis: [{ law: '退役军人保障法', article: 15, quote: '向退役军人发放退役军人优待证' }],
  related: [],
  phrasings: [],
  keywords: [],
};

describe('checkCards', () => {
  const check = (patch: Partial<EntitlementCard>, extra: EntitlementCard[] = []) =>
    checkCards([{ ...good, ...patch }, ...extra], law ? [law] : []).map((p) => `${p.field}: ${p.message}`);

  it('accepts a correct card', () => {
    expect(check({})).toEqual([]);
  });

  it('names the field of an article the law does not have', () => {
    expect(check({ basis: [{ law: '退役军人保障法', article: 99, quote: '优待证' }] })[0]).toMatch(
      /^cards\[0\]\.basis\[0\]\.article: .*has no article 99 \(it has 85\)/,
    );
  });

  it('rejects a quote that is not verbatim in the cited article', () => {
    expect(check({ basis: [{ law: '退役军人保障法', article: 16, quote: '向退役军人发放退役军人优待证' }] })[0]).toMatch(
      /basis\[0\]\.quote: not found verbatim/,
    );
  });

  it('rejects a number no cited article states, in Chinese and English text alike', () => {
    expect(check({ answer: '30日内发放。' })[0]).toMatch(/^cards\[0\]\.answer: states 30/);
    expect(check({ answerEn: 'Within 30 days (Article 15).' })[0]).toMatch(/^cards\[0\]\.answer_en: states 30/);
    // An English answer shows the card's title: a grade range written in digits there is checked too.
    expect(check({ titleEn: 'Pension for grade 1–4 veterans' })[0]).toMatch(/^cards\[0\]\.title_en: states 1, 4/);
  });

  it('rejects unknown laws, related ids and duplicate ids', () => {
    expect(check({ basis: [{ law: '保障法', article: 15, quote: '优待证' }] })[0]).toMatch(/unknown law "保障法"/);
    expect(check({ related: ['no-such-card'] })[0]).toMatch(/related\[0\]: no card with id "no-such-card"/);
    expect(check({}, [{ ...good }])[0]).toMatch(/duplicate id "test-card"/);
  });
});

describe('parseCardFile', () => {
  it('names the file, the field and the fix for a malformed card', () => {
    const result = parseCardFile('topic: preferential\ncards:\n  - id: Bad Id\n    title: x\n', 'cards/bad.yaml');
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error[0]).toMatchObject({ file: 'cards/bad.yaml', field: 'cards[0].id' });
      expect(result.error.map((p) => p.field)).toContain('cards[0].basis');
    }
  });

  it('rejects an unknown topic with the list of topics', () => {
    const result = parseCardFile('topic: parking\ncards: []\n', 'cards/bad.yaml');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error[0]?.message).toMatch(/use one of: report, placement/);
  });
});
