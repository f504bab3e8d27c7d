import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { HashedEmbeddings } from '../../src/retrieval/hashed-embeddings.js';
import { DEFAULT_HNSW_PARAMS } from '../../src/adapters/retrieval/hnsw-store.js';
import { loadOrBuildIndex, type LoadOrBuildInput } from '../../src/adapters/retrieval/index-cache.js';
import { INDEX_FORMAT_VERSION } from '../../src/retrieval/index-manifest.js';
import type { HybridSearchIndex } from '../../src/retrieval/search-index.js';
import { seedChunks, seedDocument } from '../support/seed-chunks.js';

const chunks = seedChunks();
const documents = [seedDocument()];
let root: string;
let cacheDir: string;
let logLines: string[];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'index-cache-'));
  cacheDir = path.join(root, 'index');
  logLines = [];
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function input(overrides: Partial<LoadOrBuildInput> = {}): LoadOrBuildInput {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  return {
    cacheDir,
    knowledgeHash: 'hash-1',
    chunks,
    documents,
    embeddings: new HashedEmbeddings({ dimensions: 128 }),
    logger: createLogger({ level: 'info', destination }),
    ...overrides,
  };
}

async function expectRebuilt(reason: RegExp) {
  const result = await loadOrBuildIndex(input());
  expect(result.rebuilt).toBe(true);
  expect(result.reason).toMatch(reason);
  expect(logLines.join('')).toMatch(reason);
  expect((await result.index.search('烈士墓迁了多少'))[0]?.chunk.text).toContain('1041座');
  // The rebuilt cache is valid again.
  expect((await loadOrBuildIndex(input())).rebuilt).toBe(false);
}

describe('loadOrBuildIndex', () => {
  it('builds on the first call, with progress, and loads on the second', async () => {
    const progress: number[] = [];
    const first = await loadOrBuildIndex(input({ onProgress: (done) => progress.push(done) }));
    expect(first.rebuilt).toBe(true);
    expect(first.reason).toMatch(/no cache yet/);
    expect(progress.at(-1)).toBe(chunks.length);

    const second = await loadOrBuildIndex(input());
    expect(second.rebuilt).toBe(false);
    expect(second.reason).toBeUndefined();
    expect(second.index.size).toBe(chunks.length);
    const [a, b] = [await first.index.search('双拥考核'), await second.index.search('双拥考核')];
    expect(b.map((h) => [h.chunk.id, h.score])).toEqual(a.map((h) => [h.chunk.id, h.score]));
  });

  it('writes the manifest fields and leaves no temp folders', async () => {
    await loadOrBuildIndex(input());
    const manifest = JSON.parse(await readFile(path.join(cacheDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      formatVersion: INDEX_FORMAT_VERSION,
      knowledgeHash: 'hash-1',
      embedderId: 'hashed-v1-d128',
      dimensions: 128,
      chunkCount: chunks.length,
      hnsw: { m: DEFAULT_HNSW_PARAMS.m, efConstruction: DEFAULT_HNSW_PARAMS.efConstruction },
    });
    expect(Number.isNaN(Date.parse(manifest.builtAt))).toBe(false);
    expect(await readdir(root)).toEqual(['index']);
    // The chunks are not copied into the cache: the caller has them, the manifest has their digest.
    expect((await readdir(cacheDir)).sort()).toEqual(['bm25.bin', 'bm25.json', 'manifest.json', 'vectors']);
    expect((await readdir(path.join(cacheDir, 'vectors'))).sort()).toEqual(['args.json', 'hnswlib.index']);
    expect(manifest.chunksDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rebuilds when the knowledge hash changes', async () => {
    await loadOrBuildIndex(input());
    const result = await loadOrBuildIndex(input({ knowledgeHash: 'hash-2' }));
    expect(result.rebuilt).toBe(true);
    expect(result.reason).toMatch(/knowledge changed/);
    expect((await loadOrBuildIndex(input({ knowledgeHash: 'hash-2' }))).rebuilt).toBe(false);
  });

  it('rebuilds when the embedder id changes', async () => {
    await loadOrBuildIndex(input());
    const result = await loadOrBuildIndex(input({ embeddings: new HashedEmbeddings({ dimensions: 64 }) }));
    expect(result.rebuilt).toBe(true);
    expect(result.reason).toMatch(/embedder changed \(hashed-v1-d128 → hashed-v1-d64\)/);
  });

  it('rebuilds for another hnsw graph, and applies another ef to the cached one', async () => {
    await loadOrBuildIndex(input({ hnswParams: { m: 16, efConstruction: 40, efSearch: 50 } }));
    const wider = await loadOrBuildIndex(input({ hnswParams: { m: 16, efConstruction: 40, efSearch: 90 } }));
    expect(wider.rebuilt).toBe(false);
    expect((wider.index as HybridSearchIndex).parts.store.params).toEqual({
      m: 16,
      efConstruction: 40,
      efSearch: 90,
    });
    const other = await loadOrBuildIndex(input({ hnswParams: { m: 24, efConstruction: 40, efSearch: 90 } }));
    expect(other.rebuilt).toBe(true);
    expect(other.reason).toMatch(/hnsw graph changed \(M=16 efConstruction=40 → M=24 efConstruction=40\)/);
  });

  it('rebuilds when the chunks change under the same hash', async () => {
    await loadOrBuildIndex(input());
    const edited = chunks.map((c, i) => (i === 3 ? { ...c, text: `${c.text}补充` } : c));
    const result = await loadOrBuildIndex(input({ chunks: edited }));
    expect(result.rebuilt).toBe(true);
    expect(result.reason).toMatch(/different chunks/);
  });

  it('rebuilds when a chunk moves to another section under the same hash', async () => {
    await loadOrBuildIndex(input());
    const moved = chunks.map((c, i) => (i === 3 ? { ...c, sectionPath: ['其他'] } : c));
    const result = await loadOrBuildIndex(input({ chunks: moved }));
    expect(result.rebuilt).toBe(true);
    expect(result.reason).toMatch(/different chunks/);
  });

  it('rebuilds when the format version differs', async () => {
    await loadOrBuildIndex(input());
    const file = path.join(cacheDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...manifest, formatVersion: 0 }));
    await expectRebuilt(/format version 0/);
  });

  it('rebuilds when the hnsw file is truncated', async () => {
    await loadOrBuildIndex(input());
    const file = path.join(cacheDir, 'vectors', 'hnswlib.index');
    await truncate(file, Math.floor((await stat(file)).size / 2));
    await expectRebuilt(/corrupt cache: vectors\/hnswlib\.index/);
  });

  it('rebuilds when the manifest is garbage', async () => {
    await loadOrBuildIndex(input());
    await writeFile(path.join(cacheDir, 'manifest.json'), '\u0000garbage{');
    await expectRebuilt(/corrupt cache: .*manifest\.json is not valid JSON/);
  });

  it('rebuilds when the manifest is valid JSON of the wrong shape', async () => {
    await loadOrBuildIndex(input());
    await writeFile(path.join(cacheDir, 'manifest.json'), JSON.stringify({ formatVersion: 'one' }));
    await expectRebuilt(/not a valid manifest/);
  });

  it('rebuilds when BM25 JSON is overwritten with garbage', async () => {
    await loadOrBuildIndex(input());
    await writeFile(path.join(cacheDir, 'bm25.json'), '{"formatVersion":1}');
    await expectRebuilt(/corrupt cache: bm25\.json/);
  });

  it('rebuilds when the BM25 arrays are truncated', async () => {
    await loadOrBuildIndex(input());
    const file = path.join(cacheDir, 'bm25.bin');
    await truncate(file, Math.floor((await stat(file)).size / 2));
    await expectRebuilt(/corrupt cache: bm25\.bin/);
  });

  it('rebuilds when a data file is missing', async () => {
    await loadOrBuildIndex(input());
    await rm(path.join(cacheDir, 'vectors', 'args.json'));
    await expectRebuilt(/corrupt cache: vectors\/args\.json/);
  });
});
