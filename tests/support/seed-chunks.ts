import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitDocument } from '../../src/knowledge/split.js';
import type { Chunk, DocKind, SourceDocument } from '../../src/knowledge/types.js';

/**
 * The seed document and its chunks, as the knowledge pipeline's structural splitter cuts them, for
 * retrieval tests that should not need the whole knowledge folder.
 */
export const SEED_DOC_ID = '2022-work-summary.txt';

const seedPath = fileURLToPath(new URL('../../knowledge/2022-work-summary.txt', import.meta.url));

export function loadSeedText(): string {
  return readFileSync(seedPath, 'utf8');
}

export function seedDocument(text = loadSeedText()): SourceDocument {
  return {
    id: SEED_DOC_ID,
    title: '2022年度领导班子工作总结',
    kind: 'report',
    year: 2022,
    text,
    hash: 'seed',
  };
}

/** Chunks of the seed document; with arguments, of any text as a document of that id and kind. */
export function seedChunks(text = loadSeedText(), docId = SEED_DOC_ID, kind: DocKind = 'report'): Chunk[] {
  const doc =
    docId === SEED_DOC_ID ? seedDocument(text) : { id: docId, title: docId, kind, text, hash: docId };
  return splitDocument(doc).chunks;
}
