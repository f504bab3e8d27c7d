import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Chunk } from '../knowledge/types.js';
import type { HnswParams } from './vector-index.js';

/** Bump when the layout or the meaning of any cached file changes; old caches are then rebuilt. */
export const INDEX_FORMAT_VERSION = 4;

export const ManifestSchema = z.object({
  formatVersion: z.number().int(),
  knowledgeHash: z.string(),
  embedderId: z.string(),
  dimensions: z.number().int().positive(),
  chunkCount: z.number().int().nonnegative(),
  /** sha256 of what the index was built from, chunk by chunk (see `chunksDigest`). */
  chunksDigest: z.string(),
  /** The hnsw graph's shape; the search breadth (ef) is not part of it and applies on load. */
  hnsw: z.object({ m: z.number().int(), efConstruction: z.number().int() }),
  builtAt: z.string(),
  /** sha256 per data file: a truncated or overwritten file is caught before native code reads it. */
  files: z.record(z.string(), z.string()),
});

/** `manifest.json`: what the cache was built from, and checksums of its files. */
export type IndexManifest = z.infer<typeof ManifestSchema>;

/** What the wanted index is built from, to compare with a cached manifest. */
export interface WantedIndex {
  knowledgeHash: string;
  embedderId: string;
  chunks: readonly Chunk[];
  hnsw: HnswParams;
}

/**
 * sha256 over each chunk's id, document, section path and text — everything the index is built
 * from — hashed chunk by chunk, so no string of the whole corpus is ever made.
 */
export function chunksDigest(chunks: readonly Chunk[]): string {
  const hash = createHash('sha256');
  for (const chunk of chunks) {
    hash.update(JSON.stringify([chunk.id, chunk.docId, chunk.sectionPath, chunk.text]));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/** Why a well-formed manifest does not describe the wanted index, or undefined when it does. */
export function staleness(manifest: IndexManifest, wanted: WantedIndex): string | undefined {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    return `format version ${manifest.formatVersion}, expected ${INDEX_FORMAT_VERSION}`;
  }
  if (manifest.knowledgeHash !== wanted.knowledgeHash) return 'knowledge changed (knowledgeHash differs)';
  if (manifest.embedderId !== wanted.embedderId) {
    return `embedder changed (${manifest.embedderId} → ${wanted.embedderId})`;
  }
  const { m, efConstruction } = manifest.hnsw;
  if (m !== wanted.hnsw.m || efConstruction !== wanted.hnsw.efConstruction) {
    return `hnsw graph changed (M=${m} efConstruction=${efConstruction} → M=${wanted.hnsw.m} efConstruction=${wanted.hnsw.efConstruction})`;
  }
  if (manifest.chunkCount !== wanted.chunks.length) {
    return `chunk count changed (${manifest.chunkCount} → ${wanted.chunks.length})`;
  }
  if (manifest.chunksDigest !== chunksDigest(wanted.chunks)) {
    return 'different chunks than the index was built from (chunksDigest differs)';
  }
  return undefined;
}
