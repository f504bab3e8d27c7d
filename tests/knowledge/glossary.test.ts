import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeGlossaries, parseGlossaryFile } from '../../src/knowledge/glossary-schema.js';
import { toKnowledgeError } from '../../src/knowledge/yaml-data.js';
import type { GlossaryEntry } from '../../src/knowledge/types.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');

async function readGlossary(name: string): Promise<GlossaryEntry[]> {
  const parsed = parseGlossaryFile(await readFile(join(KNOWLEDGE, name), 'utf8'), name);
  if (!parsed.success) throw toKnowledgeError(parsed.error);
  return parsed.value;
}

/** The official term a word maps to, the way query expansion uses the glossary. */
function officialTermsFor(glossary: readonly GlossaryEntry[], word: string): string[] {
  const w = word.toLowerCase();
  return glossary.filter((e) => e.colloquial.includes(word) || e.english.includes(w)).map((e) => e.term);
}

describe('knowledge/glossary.yaml', () => {
  it('has 40–80 entries, each with variants, English in lower case, unique terms', async () => {
    const glossary = await readGlossary('glossary.yaml');
    expect(glossary.length).toBeGreaterThanOrEqual(40);
    expect(glossary.length).toBeLessThanOrEqual(80);
    expect(new Set(glossary.map((e) => e.term)).size).toBe(glossary.length);
    for (const entry of glossary) {
      expect(entry.colloquial.length + entry.english.length, entry.term).toBeGreaterThan(0);
      for (const word of entry.english) expect(word).toBe(word.toLowerCase());
    }
  });

  it('maps colloquial and English words to the official terms', async () => {
    const glossary = await readGlossary('glossary.yaml');
    const cases: [string, string][] = [
      ['老兵', '退役军人'],
      ['退伍军人', '退役军人'],
      ['当过兵的', '退役军人'],
      ['复员军人', '退役军人'],
      ['找工作', '就业'],
      ['上班', '就业'],
      ['开店', '创业'],
      ['做生意', '创业'],
      ['当老板', '创业'],
      ['上访', '信访'],
      ['投诉', '信访'],
      ['反映问题', '信访'],
      ['烈士墓', '烈士纪念设施'],
      ['扫墓', '祭扫'],
      ['安排工作', '安置'],
      ['离休干部', '军休干部'],
      ['veteran', '退役军人'],
      ['resettlement', '安置'],
      ['placement rate', '计划分配安置率'],
      ['training pass rate', '培训合格率'],
      ['employment after training', '训后推荐就业率'],
      ['awareness rate', '知晓率'],
      ['martyr', '烈士'],
      ['pension', '抚恤'],
      ['preferential treatment', '优抚'],
      ['petition', '信访'],
      ['complaint', '信访'],
      ['start-up', '创业'],
      ['entrepreneurship', '创业'],
      ['target', '目标'],
      ['2023 target', '目标'],
    ];
    for (const [word, term] of cases) expect(officialTermsFor(glossary, word), word).toContain(term);
    for (const term of ['优待证', '抚恤', '喜报', '双拥']) expect(glossary.map((e) => e.term)).toContain(term);
  });

  it('uses official terms that occur in the knowledge (the report and the entitlement cards)', async () => {
    const glossary = await readGlossary('glossary.yaml');
    const cardFiles = (await readdir(join(KNOWLEDGE, 'cards'))).map((f) => `cards/${f}`);
    const texts = await Promise.all(
      ['2022-work-summary.txt', ...cardFiles].map((f) => readFile(join(KNOWLEDGE, f), 'utf8')),
    );
    const corpus = texts.join('\n');
    expect(glossary.filter((e) => !corpus.includes(e.term)).map((e) => e.term)).toEqual([]);
  });
});

describe('parseGlossaryFile', () => {
  it('names the file and field of a malformed entry', () => {
    const parsed = parseGlossaryFile('entries:\n  - term: 就业\n    colloquial: [找工作]\n  - colloquial: 开店\n', 'glossary.yaml');
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const error = toKnowledgeError(parsed.error);
    expect(error.message).toContain('glossary.yaml (entries[1].term)');
    expect(parsed.error.map((p) => p.field)).toEqual(['entries[1].term', 'entries[1].colloquial']);
  });

  it('accepts a bare list, lower-cases English, defaults missing lists to []', () => {
    const parsed = parseGlossaryFile('- term: 安置\n  english: [Resettlement]\n', 'glossary-x.yaml');
    expect(parsed).toEqual({ success: true, value: [{ term: '安置', colloquial: [], english: ['resettlement'] }] });
  });
});

describe('mergeGlossaries', () => {
  it('combines entries with the same term without duplicate words', () => {
    const merged = mergeGlossaries([
      [{ term: '退役军人', colloquial: ['老兵'], english: ['veteran'] }],
      [
        { term: '退役军人', colloquial: ['老兵', '退伍兵'], english: ['veterans'] },
        { term: '就业', colloquial: ['找工作'], english: [] },
      ],
    ]);
    expect(merged).toEqual([
      { term: '退役军人', colloquial: ['老兵', '退伍兵'], english: ['veteran', 'veterans'] },
      { term: '就业', colloquial: ['找工作'], english: [] },
    ]);
  });

  it('merges the work-report and policy glossaries', async () => {
    const report = await readGlossary('glossary.yaml');
    const policy = await readGlossary('glossary-policy.yaml');
    const merged = mergeGlossaries([report, policy]);
    expect(merged.length).toBeLessThan(report.length + policy.length);
    expect(new Set(merged.map((e) => e.term)).size).toBe(merged.length);
  });
});
