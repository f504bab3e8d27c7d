import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/knowledge/types.js';
import { HashedEmbeddings } from '../../src/retrieval/hashed-embeddings.js';
import { createSearchIndex } from '../../src/retrieval/search-index.js';
import { seedChunks, seedDocument } from '../support/seed-chunks.js';

const chunks = seedChunks();
const policyText = '退役军人安置待遇保障办法。烈士墓迁移补助标准为每座2000元。';
const policyDoc: SourceDocument = {
  id: 'policies/p.md',
  title: '政策',
  kind: 'policy',
  text: policyText,
  hash: 'p',
};
const policyChunks = seedChunks(policyText, policyDoc.id);
const progress: [number, number][] = [];
const embeddings = new HashedEmbeddings();
const index = await createSearchIndex({
  chunks,
  documents: [seedDocument()],
  embeddings,
  onProgress: (done, total) => progress.push([done, total]),
});
/** The seed plus a policy document competing on the same topic, for the filters. */
const mixed = await createSearchIndex({
  chunks: [...chunks, ...policyChunks],
  documents: [seedDocument(), policyDoc],
  embeddings,
});

describe('createSearchIndex on the seed document', () => {
  it('indexes every chunk and reports progress up to the total', () => {
    expect(index.size).toBe(chunks.length);
    expect(progress.at(-1)).toEqual([index.size, index.size]);
  });

  it.each([
    ['烈士墓迁了多少', '1041座'],
    ['去年迁了多少座散葬烈士墓？', '1041座'],
    ['双拥考核', '满分'],
    ['网上祭扫有多少人', '20000余人'],
    ['2023年培训合格率目标', '培训合格率达85％'],
  ])('answers %s with the chunk containing %s first', async (query, expected) => {
    const [hit] = await index.search(query, { k: 3 });
    expect(hit?.chunk.text).toContain(expected);
    expect(hit?.bm25Rank ?? hit?.vectorRank).toBeDefined();
  });

  it('returns at most k hits, best first', async () => {
    const hits = await index.search('退役军人工作', { k: 4 });
    expect(hits).toHaveLength(4);
    for (let i = 1; i < hits.length; i += 1)
      expect(hits[i - 1]?.score).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
  });

  it('returns nothing for a question about nothing in the corpus', async () => {
    expect(await index.search('football weather forecast')).toEqual([]);
    expect(await index.search('   ')).toEqual([]);
  });

  it('uses boost terms so a colloquial word reaches the official one', async () => {
    const without = await index.search('当兵的 foo', { k: 3 });
    const withBoost = await index.search('当兵的 foo', { k: 3, boostTerms: ['退役军人'] });
    expect(withBoost.length).toBeGreaterThan(without.length);
    expect(withBoost[0]?.chunk.text).toContain('退役军人');
  });

  it('filters by document kind and excluded documents', async () => {
    const unfiltered = await mixed.search('烈士墓迁移', { k: 10 });
    expect(new Set(unfiltered.map((h) => h.chunk.docId)).size).toBe(2);
    const policyOnly = await mixed.search('烈士墓迁移', { k: 5, kinds: ['policy'] });
    expect(policyOnly.length).toBeGreaterThan(0);
    expect(policyOnly.every((h) => h.chunk.docId === policyDoc.id)).toBe(true);
    const excluded = await mixed.search('烈士墓迁移', { k: 10, excludeDocs: [policyDoc.id] });
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.some((h) => h.chunk.docId === policyDoc.id)).toBe(false);
  });
});
