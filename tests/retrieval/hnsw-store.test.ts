import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Document } from '@langchain/core/documents';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import { IndexCacheError } from '../../src/errors.js';
import { HashedEmbeddings } from '../../src/retrieval/hashed-embeddings.js';
import { HnswStore } from '../../src/adapters/retrieval/hnsw-store.js';
import { topK } from '../../src/retrieval/top-k.js';

const embeddings = new HashedEmbeddings({ dimensions: 64 });
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hnsw-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Deterministic pseudo-random unit vectors. */
function vectors(count: number, dims: number, seed = 7): number[][] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  return Array.from({ length: count }, () => {
    const v = Array.from({ length: dims }, next);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

const docs = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => new Document({ pageContent: `doc ${i}`, metadata: { chunkId: `c#${i}` } }),
  );

describe('HnswStore', () => {
  it('is a SaveableVectorStore that finds documents by their text', async () => {
    const store = new HnswStore(embeddings);
    expect(store).toBeInstanceOf(SaveableVectorStore);
    await store.addDocuments([
      new Document({ pageContent: '完成集中迁移散葬烈士墓1041座', metadata: { chunkId: 'a' } }),
      new Document({ pageContent: '双拥工作考核得分为满分', metadata: { chunkId: 'b' } }),
    ]);
    const [hit] = await store.similaritySearch('双拥考核', 1);
    expect(hit?.metadata.chunkId).toBe('b');
  });

  it('matches brute-force cosine on a small set', async () => {
    const data = vectors(300, 32);
    const store = new HnswStore(embeddings);
    await store.addVectors(data, docs(300));
    for (const query of vectors(20, 32, 99)) {
      const exact = topK(
        data.map((v) => v.reduce((s, x, i) => s + x * (query[i] ?? 0), 0)),
        5,
      );
      const found = await store.similaritySearchVectorWithScore(query, 5);
      expect(found.map(([d]) => d.metadata.chunkId)).toEqual(exact.map((e) => `c#${e.index}`));
      expect(found[0]?.[1]).toBeCloseTo(exact[0]?.score ?? 0, 4);
    }
  });

  it('grows past its first capacity and applies a filter', async () => {
    const data = vectors(50, 16);
    const store = new HnswStore(embeddings);
    await store.addVectors(data.slice(0, 10), docs(10));
    await store.addVectors(data.slice(10), docs(50).slice(10));
    expect(store.size).toBe(50);
    const found = await store.similaritySearchVectorWithScore(
      data[3] ?? [],
      3,
      (d) => d.metadata.chunkId !== 'c#3',
    );
    expect(found.map(([d]) => d.metadata.chunkId)).not.toContain('c#3');
    expect(found).toHaveLength(3);
  });

  it('round-trips through save and load', async () => {
    const dir = await tempDir();
    const data = vectors(100, 24);
    const store = new HnswStore(embeddings, { m: 8, efConstruction: 50, efSearch: 20 });
    await store.addVectors(data, docs(100));
    await store.save(dir);
    const loaded = await HnswStore.load(dir, embeddings);
    expect(loaded.size).toBe(100);
    expect(loaded.dimensions).toBe(24);
    expect(loaded.params).toEqual({ m: 8, efConstruction: 50, efSearch: 20 });
    const query = vectors(1, 24, 3)[0] ?? [];
    expect(await loaded.similaritySearchVectorWithScore(query, 5)).toEqual(
      await store.similaritySearchVectorWithScore(query, 5),
    );
    loaded.setEfSearch(64);
    expect(loaded.params).toEqual({ m: 8, efConstruction: 50, efSearch: 64 });
    expect(store.params.efSearch).toBe(20);
    expect(() => loaded.setEfSearch(0)).toThrow(/positive integer/);
  });

  it('refuses a truncated index file and a mismatched docstore', async () => {
    const dir = await tempDir();
    const store = new HnswStore(embeddings);
    await store.addVectors(vectors(40, 16), docs(40));
    await store.save(dir);
    await writeFile(path.join(dir, 'docstore.json'), '[]');
    await expect(HnswStore.load(dir, embeddings)).rejects.toThrow(IndexCacheError);
    await store.save(dir);
    await writeFile(path.join(dir, 'hnswlib.index'), Buffer.alloc(100));
    await expect(HnswStore.load(dir, embeddings)).rejects.toThrow(/hnswlib\.index/);
  });

  it('keeps only vectors when the caller keeps the documents, and saves no docstore', async () => {
    const dir = await tempDir();
    const data = vectors(60, 16).map((v) => Float32Array.from(v));
    const kept = docs(60);
    const documentOf = (label: number) => kept[label] as Document;
    const store = new HnswStore(embeddings, undefined, documentOf);
    store.addEmbeddings(data.slice(0, 25));
    store.addEmbeddings(data.slice(25));
    expect(store.size).toBe(60);
    expect(Array.from(store.vectorOf(7))).toEqual(Array.from(data[7] ?? []).map((x) => expect.closeTo(x, 5)));
    const query = Array.from(data[7] ?? []);
    const [best] = await store.similaritySearchVectorWithScore(query, 1);
    expect(best?.[0].metadata.chunkId).toBe('c#7');
    await expect(store.addVectors([query], docs(1))).rejects.toThrow(/addEmbeddings/);

    await store.save(dir);
    expect((await readdir(dir)).sort()).toEqual(['args.json', 'hnswlib.index']);
    await expect(HnswStore.load(dir, embeddings)).rejects.toThrow(/documentOf/);
    const loaded = await HnswStore.load(dir, embeddings, documentOf);
    expect(await loaded.similaritySearchVectorWithScore(query, 5)).toEqual(
      await store.similaritySearchVectorWithScore(query, 5),
    );
  });

  it('refuses vectors without documents when it keeps its own', () => {
    const store = new HnswStore(embeddings);
    expect(() => store.addEmbeddings([new Float32Array(8)])).toThrow(/addVectors/);
  });

  it('rejects vectors of another dimension', async () => {
    const store = new HnswStore(embeddings);
    await store.addVectors(vectors(2, 8), docs(2));
    await expect(store.addVectors(vectors(1, 9), docs(1))).rejects.toThrow(/dimension/);
    // A batch with one bad vector adds nothing, so labels and documents stay aligned.
    await expect(store.addVectors([...vectors(1, 8), ...vectors(1, 9)], docs(2))).rejects.toThrow(
      /dimension/,
    );
    expect(store.size).toBe(2);
  });
});
