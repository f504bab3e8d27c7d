import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IndexCacheError } from '../../errors.js';
import type { HnswParams } from '../../retrieval/vector-index.js';
import { emptyNativeIndex, HnswIndex } from './hnsw-index.js';

/**
 * The hnsw cache format, one folder: `hnswlib.index` (the native graph), `args.json` (HnswArgs) and,
 * for a store that keeps its own documents, `docstore.json`. Search is hnsw-index.ts.
 */
export const HNSW_INDEX_FILE = 'hnswlib.index';
export const HNSW_ARGS_FILE = 'args.json';
const DOCSTORE_FILE = 'docstore.json';

/** Stored next to the index as `args.json`. */
interface HnswArgs {
  space: 'cosine';
  dimensions: number;
  count: number;
  params: HnswParams;
  /** `docstore`: the documents are in docstore.json; `external`: the caller keeps them (absent = docstore). */
  documents?: 'docstore' | 'external';
}

/** A saved document of a store that keeps its own (LangChain's Document, as plain data). */
export interface StoredDocument {
  pageContent: string;
  metadata: Record<string, unknown>;
}

/**
 * Writes `hnswlib.index` and `args.json` into `directory` (created if missing), and
 * `docstore.json` when `documents` are given (else args.json says the caller keeps them).
 */
export async function writeHnswFiles(
  directory: string,
  index: HnswIndex,
  documents?: readonly StoredDocument[],
): Promise<void> {
  const graph = index.graph;
  if (!graph) throw new IndexCacheError('HnswStore.save: the store is empty; add vectors first');
  await mkdir(directory, { recursive: true });
  const args: HnswArgs = {
    space: 'cosine',
    dimensions: graph.getNumDimensions(),
    count: index.size,
    params: index.params,
    documents: documents ? 'docstore' : 'external',
  };
  await graph.writeIndex(path.join(directory, HNSW_INDEX_FILE));
  await writeFile(path.join(directory, HNSW_ARGS_FILE), JSON.stringify(args));
  if (documents) {
    const docstore = documents.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata }));
    await writeFile(path.join(directory, DOCSTORE_FILE), JSON.stringify(docstore));
  }
}

/**
 * Reads a folder written by `writeHnswFiles`: the index, and its documents when they were saved
 * with it (`documents` undefined when the caller keeps them). Throws IndexCacheError (naming the
 * file) when a file is missing, does not parse, or disagrees with the others — callers rebuild
 * instead of trusting it. Without `externalAllowed` (a caller with no documents of its own, e.g.
 * LangChain's store without `documentOf`) a folder saved without its documents is rejected.
 */
export async function readHnswFiles(
  directory: string,
  options: { externalAllowed: boolean; readDocuments: boolean },
): Promise<{ index: HnswIndex; documents: StoredDocument[] | undefined }> {
  const argsFile = path.join(directory, HNSW_ARGS_FILE);
  const args = await readJson<HnswArgs>(argsFile);
  if (!args.params || !Number.isInteger(args.count)) {
    throw new IndexCacheError(`${argsFile}: has no params or count; delete the folder to rebuild`);
  }
  const external = args.documents === 'external';
  if (external && !options.externalAllowed) {
    throw new IndexCacheError(
      `${argsFile}: the store was saved without its documents; load it with documentOf`,
    );
  }
  const documents =
    !external && options.readDocuments ? await readDocstore(directory, args.count) : undefined;
  const native = emptyNativeIndex(args.dimensions);
  const indexFile = path.join(directory, HNSW_INDEX_FILE);
  try {
    await native.readIndex(indexFile);
  } catch (error) {
    throw new IndexCacheError(`${indexFile}: hnswlib could not read the index; delete it to rebuild`, {
      cause: error,
    });
  }
  if (native.getCurrentCount() !== args.count || native.getNumDimensions() !== args.dimensions) {
    throw new IndexCacheError(
      `${indexFile}: holds ${native.getCurrentCount()} vectors of ${native.getNumDimensions()} dimensions, expected ${args.count} of ${args.dimensions}`,
    );
  }
  return { index: HnswIndex.fromNative(native, args.params), documents };
}

async function readDocstore(directory: string, count: number): Promise<StoredDocument[]> {
  const file = path.join(directory, DOCSTORE_FILE);
  const docstore = await readJson<StoredDocument[]>(file);
  if (!Array.isArray(docstore) || docstore.length !== count) {
    throw new IndexCacheError(
      `${file}: holds ${Array.isArray(docstore) ? docstore.length : 'no'} documents but args.json says ${count}; delete the folder to rebuild`,
    );
  }
  return docstore;
}

async function readJson<T>(file: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new IndexCacheError(`${file}: cannot be read; rebuild the index`, { cause: error });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new IndexCacheError(`${file}: is not valid JSON; delete it to rebuild the index`, { cause: error });
  }
}
