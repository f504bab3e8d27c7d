import { describe, expect, it } from 'vitest';
import { Embeddings } from '@langchain/core/embeddings';
import { isIdentifiedEmbeddings } from '../../src/retrieval/embedder.js';
import { HashedEmbeddings } from '../../src/retrieval/hashed-embeddings.js';

const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);

describe('HashedEmbeddings', () => {
  const embeddings = new HashedEmbeddings();

  it('is a LangChain Embeddings with an id naming version and dimensions', () => {
    expect(embeddings).toBeInstanceOf(Embeddings);
    expect(embeddings.id).toBe('hashed-v1-d32');
    expect(new HashedEmbeddings({ dimensions: 512 }).id).toBe('hashed-v1-d512');
    expect(isIdentifiedEmbeddings(embeddings)).toBe(true);
  });

  it('is deterministic across calls and instances', async () => {
    const text = '完成集中迁移散葬烈士墓1041座。';
    const a = await embeddings.embedQuery(text);
    const b = await new HashedEmbeddings().embedQuery(text);
    expect(a).toEqual(b);
    expect(await embeddings.embedDocuments([text])).toEqual([a]);
  });

  it('returns L2-normalised vectors of the configured length', async () => {
    const vector = await embeddings.embedQuery('双拥工作考核得分为满分');
    expect(vector).toHaveLength(32);
    expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 5);
    const small = await new HashedEmbeddings({ dimensions: 64 }).embedQuery('双拥');
    expect(small).toHaveLength(64);
  });

  it('scores related texts higher than unrelated ones', async () => {
    const [query, related, unrelated] = await embeddings.embedDocuments([
      '烈士墓迁移了多少座',
      '完成集中迁移散葬烈士墓1041座。',
      '严格落实公务员平时考核办法，强化上下班作风纪律建设。',
    ]);
    expect(dot(query ?? [], related ?? [])).toBeGreaterThan(dot(query ?? [], unrelated ?? []) + 0.2);
  });

  it('gives an empty text the zero vector instead of NaNs', async () => {
    const vector = await embeddings.embedQuery('。。。');
    expect(vector.every((v) => v === 0)).toBe(true);
  });

  it('rejects a nonsensical dimension', () => {
    expect(() => new HashedEmbeddings({ dimensions: 3 })).toThrow(/dimensions/);
  });
});
