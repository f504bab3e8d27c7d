import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBureauFile } from '../../src/knowledge/bureau-schema.js';
import { parseGlossaryFile } from '../../src/knowledge/glossary-schema.js';
import { chineseNumeralToNumber } from '../support/law-articles.js';

/*
 * The benefits knowledge around the cards: the policy glossary maps veterans' words onto terms the
 * cards really use, and the bureau's contact block stays a marked placeholder until it is filled in.
 */
const KNOWLEDGE = new URL('../../knowledge/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, KNOWLEDGE), 'utf8');
const cardText = readdirSync(new URL('cards/', KNOWLEDGE))
  .map((f) => read(`cards/${f}`))
  .join('\n');

/** Terms kept in the glossary for the report and staff's future documents, not used by any card. */
const TERMS_NOT_IN_CARDS = new Set(['信访']);

describe('policy glossary', () => {
  it('maps onto terms the entitlement cards really use, and knows the English words veterans use', () => {
    const parsed = parseGlossaryFile(read('glossary-policy.yaml'), 'glossary-policy.yaml');
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error));
    const missing = parsed.value.filter((e) => !cardText.includes(e.term) && !TERMS_NOT_IN_CARDS.has(e.term));
    expect(missing.map((e) => e.term)).toEqual([]);
    const english = new Set(parsed.value.flatMap((e) => e.english));
    for (const word of ['pension', 'disability', 'loan', 'start a business', 'seniority', 'burial']) {
      expect(english.has(word), word).toBe(true);
    }
  });
});

describe('bureau contact', () => {
  it('keeps the contact block as marked placeholders with no invented numbers', () => {
    const parsed = parseBureauFile(read('bureau.yaml'), 'bureau.yaml');
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.value.placeholder).toBe(true);
    for (const value of [parsed.value.name, parsed.value.hours, parsed.value.hotline, parsed.value.address]) {
      expect(value).toMatch(/待填写/);
      expect(value).not.toMatch(/\d/);
    }
  });
});

describe('the test tables’ Chinese article numerals', () => {
  it('converts them and rejects malformed ones', () => {
    const cases: Array<[string, number | undefined]> = [
      ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['四十六', 46], ['八十五', 85],
      ['一百零五', 105], ['两', 2], ['四六', undefined], ['46', undefined], ['', undefined],
    ];
    for (const [numeral, expected] of cases) expect(chineseNumeralToNumber(numeral), numeral).toBe(expected);
  });
});
