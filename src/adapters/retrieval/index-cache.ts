import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IndexCacheError } from '../../errors.js';
import type { Chunk, SourceDocument } from '../../knowledge/types.js';
import type { Logger } from '../../logger.js';
import { Bm25Index, type Bm25Arrays, type Bm25Meta } from '../../retrieval/bm25.js';
import type { IdentifiedEmbeddings } from '../../retrieval/embedder.js';
import { DEFAULT_HNSW_PARAMS, type HnswParams } from '../../retrieval/vector-index.js';
import { HnswIndex } from './hnsw-index.js';
import { HNSW_ARGS_FILE, HNSW_INDEX_FILE, readHnswFiles, writeHnswFiles } from './hnsw-files.js';
import {
  chunksDigest,
  INDEX_FORMAT_VERSION,
  ManifestSchema,
  staleness,
  type IndexManifest,
} from '../../retrieval/index-manifest.js';
import { packArrays, unpackArrays, type PackedEntry } from '../../retrieval/packed-arrays.js';
import { createSearchIndex, HybridSearchIndex, type SearchIndex } from '../../retrieval/search-index.js';

const MANIFEST = 'manifest.json';
const BM25 = 'bm25.json';
/** BM25's postings as binary, laid out as `bm25.json` says. */
const BM25_ARRAYS = 'bm25.bin';
const VECTORS = 'vectors';
/**
 * Every file the manifest checksums, relative to the cache folder. The chunks themselves are not
 * stored: the caller has them, and the manifest's `chunksDigest` says whether they are the ones the
 * index was built from (at 100k chunks a chunks.json was 44 MB to write, read and parse per start).
 */
const DATA_FILES = [BM25, BM25_ARRAYS, `${VECTORS}/${HNSW_INDEX_FILE}`, `${VECTORS}/${HNSW_ARGS_FILE}`];

export interface LoadOrBuildInput {
  /** Folder of the cache, e.g. `.cache/index`; created when missing. */
  cacheDir: string;
  /** Hash of the knowledge the chunks came from; a different hash means a stale cache. */
  knowledgeHash: string;
  chunks: Chunk[];
  documents: SourceDocument[];
  embeddings: IdentifiedEmbeddings;
  logger?: Logger;
  /** Called while embedding on a rebuild, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * hnsw parameters (default DEFAULT_HNSW_PARAMS). A cache built with another M or efConstruction
   * is rebuilt; another ef applies to the loaded index at once.
   */
  hnswParams?: HnswParams;
}

export interface LoadOrBuildResult {
  index: SearchIndex;
  /** False when the index came from the cache. */
  rebuilt: boolean;
  /** Why the cache was not used (missing, stale, corrupt), when rebuilt. */
  reason?: string;
}

/**
 * Loads the index from `cacheDir` when its manifest matches the knowledge hash, embedder id,
 * format version, hnsw graph and chunk list, and every file passes its checksum; otherwise builds
 * it, logs why, and writes the cache atomically (temp folder + rename). A cache that cannot be
 * written is logged and skipped: the built index is still returned.
 */
export async function loadOrBuildIndex(input: LoadOrBuildInput): Promise<LoadOrBuildResult> {
  const { cacheDir, logger } = input;
  try {
    const index = await loadCachedIndex(input);
    logger?.info({ cacheDir, chunks: index.size }, 'search index loaded from cache');
    return { index, rebuilt: false };
  } catch (error) {
    if (!(error instanceof IndexCacheError)) throw error;
    const reason = error.message;
    logger?.info({ cacheDir, reason }, 'rebuilding search index');
    const started = performance.now();
    const index = await createSearchIndex(input);
    try {
      // An empty knowledge base has no vector index to save; building it again costs nothing.
      if (index.size > 0) await saveIndexCache(index, input);
    } catch (writeError) {
      logger?.warn(
        { cacheDir, err: writeError },
        'could not write the search index cache; it will be rebuilt next start',
      );
    }
    logger?.info({ chunks: index.size, ms: Math.round(performance.now() - started) }, 'search index built');
    return { index, rebuilt: true, reason };
  }
}

/** Reads and validates the cache; throws IndexCacheError with the reason it cannot be used. */
async function loadCachedIndex(input: LoadOrBuildInput): Promise<HybridSearchIndex> {
  const { cacheDir, chunks, embeddings } = input;
  const manifest = await readManifest(cacheDir);
  const hnsw = input.hnswParams ?? DEFAULT_HNSW_PARAMS;
  const stale = staleness(manifest, { ...input, embedderId: embeddings.id, hnsw });
  if (stale) throw new IndexCacheError(`stale cache: ${stale}`);
  for (const file of DATA_FILES) {
    const expected = manifest.files[file];
    const actual = await sha256File(path.join(cacheDir, file));
    if (expected === undefined || actual !== expected) {
      throw new IndexCacheError(`corrupt cache: ${file} does not match its checksum in ${MANIFEST}`);
    }
  }
  const bm25 = await readBm25(cacheDir);
  const { index: store } = await readHnswFiles(path.join(cacheDir, VECTORS), {
    externalAllowed: true,
    readDocuments: false,
  });
  if (store.dimensions !== manifest.dimensions) {
    throw new IndexCacheError(
      `corrupt cache: vectors have ${store.dimensions} dimensions, manifest says ${manifest.dimensions}`,
    );
  }
  store.setEfSearch(hnsw.efSearch);
  try {
    return new HybridSearchIndex({ chunks, documents: input.documents, bm25, store, embeddings });
  } catch (error) {
    throw new IndexCacheError(`corrupt cache: ${(error as Error).message}`, { cause: error });
  }
}

async function readManifest(cacheDir: string): Promise<IndexManifest> {
  const file = path.join(cacheDir, MANIFEST);
  try {
    await stat(file);
  } catch {
    throw new IndexCacheError(`no cache yet (${file} is missing)`);
  }
  const parsed = ManifestSchema.safeParse(await readCacheJson<unknown>(cacheDir, MANIFEST));
  if (!parsed.success) {
    throw new IndexCacheError(
      `corrupt cache: ${file} is not a valid manifest (${parsed.error.issues[0]?.message})`,
    );
  }
  return parsed.data;
}

async function readCacheJson<T>(cacheDir: string, name: string): Promise<T> {
  const file = path.join(cacheDir, name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new IndexCacheError(`corrupt cache: ${file} cannot be read`, { cause: error });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new IndexCacheError(`corrupt cache: ${file} is not valid JSON`, { cause: error });
  }
}

/** `bm25.json`: the index's meta and where each array sits in `bm25.bin`. */
interface Bm25File {
  meta: Bm25Meta;
  layout: PackedEntry[];
}

const BM25_ARRAY_NAMES = ['lengths', 'ids', 'tfs'] as const;

async function writeBm25(folder: string, bm25: Bm25Index): Promise<void> {
  const { meta, body, title } = bm25.toParts();
  const { pieces, layout } = packArrays(
    (['body', 'title'] as const).flatMap((field) =>
      BM25_ARRAY_NAMES.map((name): [string, Uint32Array | Uint16Array] => [
        `${field}.${name}`,
        (field === 'body' ? body : title)[name],
      ]),
    ),
  );
  await writeFile(path.join(folder, BM25_ARRAYS), pieces);
  const file: Bm25File = { meta, layout };
  await writeFile(path.join(folder, BM25), JSON.stringify(file));
}

async function readBm25(cacheDir: string): Promise<Bm25Index> {
  const file = await readCacheJson<Partial<Bm25File> | null>(cacheDir, BM25);
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(cacheDir, BM25_ARRAYS));
  } catch (error) {
    throw new IndexCacheError(`corrupt cache: ${BM25_ARRAYS} cannot be read`, { cause: error });
  }
  try {
    const arrays = unpackArrays(bytes, Array.isArray(file?.layout) ? file.layout : []);
    const field = (name: 'body' | 'title'): Bm25Arrays => {
      const get = (part: string) => arrays.get(`${name}.${part}`);
      const [lengths, ids, tfs] = [get('lengths'), get('ids'), get('tfs')];
      if (!(lengths instanceof Uint32Array && ids instanceof Uint32Array && tfs instanceof Uint16Array)) {
        throw new Error(`${BM25_ARRAYS} lacks the ${name} arrays`);
      }
      return { lengths, ids, tfs };
    };
    return Bm25Index.fromParts({ meta: file?.meta as Bm25Meta, body: field('body'), title: field('title') });
  } catch (error) {
    throw new IndexCacheError(`corrupt cache: ${BM25}: ${(error as Error).message}`, { cause: error });
  }
}

async function sha256File(file: string): Promise<string | undefined> {
  try {
    const hash = createHash('sha256');
    for await (const block of createReadStream(file)) hash.update(block as Buffer);
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * Writes `index` as the cache for `knowledgeHash` and the embedder. Every file goes into a sibling
 * temp folder, manifest last, then the folder is swapped in with renames: a crash leaves the old
 * cache, no cache, or a temp folder that is never read. Throws on I/O errors (the temp folder is
 * removed). `loadOrBuildIndex` calls this after a rebuild.
 */
export async function saveIndexCache(
  index: HybridSearchIndex,
  input: Pick<LoadOrBuildInput, 'cacheDir' | 'knowledgeHash' | 'embeddings'>,
): Promise<void> {
  const { cacheDir } = input;
  const suffix = `${process.pid}-${Date.now()}`;
  const temp = `${cacheDir}.tmp-${suffix}`;
  await mkdir(temp, { recursive: true });
  try {
    const { bm25, store, chunks } = index.parts;
    await writeBm25(temp, bm25);
    if (!(store instanceof HnswIndex))
      throw new TypeError('saveIndexCache: the vectors are not in an HnswIndex');
    // The chunks are the documents: the search index keeps them, so no docstore is written.
    await writeHnswFiles(path.join(temp, VECTORS), store);
    const files: Record<string, string> = {};
    for (const file of DATA_FILES) files[file] = (await sha256File(path.join(temp, file))) ?? '';
    const manifest: IndexManifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      knowledgeHash: input.knowledgeHash,
      embedderId: input.embeddings.id,
      dimensions: store.dimensions ?? 0,
      chunkCount: chunks.length,
      chunksDigest: chunksDigest(chunks),
      hnsw: { m: store.params.m, efConstruction: store.params.efConstruction },
      builtAt: new Date().toISOString(),
      files,
    };
    await writeFile(path.join(temp, MANIFEST), JSON.stringify(manifest, null, 2));
    const old = `${cacheDir}.old-${suffix}`;
    const hadOld = await rename(cacheDir, old).then(
      () => true,
      () => false,
    );
    await rename(temp, cacheDir);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
