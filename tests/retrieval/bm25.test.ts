import { describe, expect, it } from 'vitest';
import { Bm25Index, type Bm25Arrays, type Bm25Meta } from '../../src/retrieval/bm25.js';
import { queryTerms, toBm25Document } from '../../src/retrieval/search-index.js';
import { tokenize } from '../../src/retrieval/tokenizer.js';
import { seedChunks } from '../support/seed-chunks.js';

const chunks = seedChunks();
const index = Bm25Index.build(chunks.map(toBm25Document));
const terms = (query: string, weight = 1) => tokenize(query).map((term) => ({ term, weight }));
const top = (query: string) => chunks[index.search(terms(query), 1)[0]?.index ?? -1]?.text ?? '';

describe('Bm25Index on the seed document', () => {
  it('finds the 1041 tombs chunk for a colloquial question', () => {
    expect(top('烈士墓迁了多少')).toContain('1041座');
  });

  it('finds the full-marks chunk for 双拥考核', () => {
    expect(top('双拥考核')).toContain('满分');
  });

  it('finds online memorial figures', () => {
    expect(top('网上祭扫人数')).toContain('20000余人');
  });

  it('returns nothing for terms it has never seen', () => {
    expect(index.search(terms('天气预报 football'), 5)).toEqual([]);
  });

  it('counts a section-title match, but below a body match', () => {
    const docs = [
      { body: tokenize('开展走访慰问'), title: tokenize('就业创业') },
      { body: tokenize('推动就业创业工作'), title: tokenize('走访慰问') },
      { body: tokenize('其他工作'), title: tokenize('其他') },
    ];
    const small = Bm25Index.build(docs);
    const hits = small.search(terms('就业创业'), 3);
    expect(hits.map((h) => h.index)).toEqual([1, 0]);
    expect(hits[1]?.score).toBeGreaterThan(0);
  });

  it('weights boost terms (shared across their tokens) lower than typed terms', () => {
    const small = Bm25Index.build([
      { body: tokenize('退役军人服务'), title: [] },
      { body: tokenize('老兵之家'), title: [] },
      { body: tokenize('无关内容'), title: [] },
    ]);
    const hits = small.search(queryTerms('老兵', ['退役军人']), 3);
    expect(hits[0]?.index).toBe(1);
    expect(hits[1]?.index).toBe(0);
  });

  it('scores a query the same however many searches came before it', () => {
    const first = index.search(terms('双拥考核满分'), 5);
    index.search(terms('烈士墓迁移'), 5);
    index.search(terms('双拥'), 5, (doc) => doc % 2 === 0);
    expect(index.search(terms('双拥考核满分'), 5)).toEqual(first);
  });

  it('applies the document filter', () => {
    const first = index.search(terms('烈士墓'), 1)[0]?.index;
    const filtered = index.search(terms('烈士墓'), 5, (doc) => doc !== first);
    expect(filtered.map((h) => h.index)).not.toContain(first);
  });

  it('round-trips through its parts (meta through JSON, arrays copied) with identical scores', () => {
    const parts = index.toParts();
    const copy = (a: Bm25Arrays): Bm25Arrays => ({
      lengths: a.lengths.slice(),
      ids: a.ids.slice(),
      tfs: a.tfs.slice(),
    });
    const restored = Bm25Index.fromParts({
      meta: JSON.parse(JSON.stringify(parts.meta)),
      body: copy(parts.body),
      title: copy(parts.title),
    });
    expect(restored.search(terms('双拥考核满分'), 5)).toEqual(index.search(terms('双拥考核满分'), 5));
  });

  it('rejects parts that disagree with the document count or each other', () => {
    const parts = index.toParts();
    const meta = { ...parts.meta, docCount: parts.meta.docCount + 1 };
    expect(() => Bm25Index.fromParts({ ...parts, meta })).toThrow(/docCount/);
    const body = { ...parts.body, tfs: parts.body.tfs.subarray(0, 8) };
    expect(() => Bm25Index.fromParts({ ...parts, body })).toThrow(/inconsistent/);
  });

  it('builds the same index one document at a time', () => {
    const builder = Bm25Index.builder();
    for (const chunk of chunks) builder.add(toBm25Document(chunk));
    const streamed = builder.build();
    expect(streamed.docCount).toBe(chunks.length);
    expect(streamed.toParts()).toEqual(index.toParts());
    expect(streamed.search(terms('烈士墓迁了多少'), 5)).toEqual(index.search(terms('烈士墓迁了多少'), 5));
  });

  it('rejects parts that are not an index', () => {
    const { body, title } = index.toParts();
    const notMeta = { hello: 'world' } as unknown as Bm25Meta;
    expect(() => Bm25Index.fromParts({ meta: notMeta, body, title })).toThrow(/BM25/);
    expect(() => Bm25Index.fromParts({ meta: null as unknown as Bm25Meta, body, title })).toThrow(/BM25/);
  });
});
