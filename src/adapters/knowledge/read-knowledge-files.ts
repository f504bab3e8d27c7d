import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { KnowledgeError } from '../../errors.js';
import { isKnowledgePath, type KnowledgeFile } from '../../knowledge/file-kinds.js';
import { compareCodePoints, hashFiles } from '../../knowledge/knowledge-hash.js';

/**
 * Reads every file of the knowledge folder that the loader uses (documents, sidecars, data files),
 * sorted by relative posix path. Hidden files and Word lock files (`~$x.docx`) are skipped.
 */
export async function readKnowledgeFiles(dir: string): Promise<KnowledgeFile[]> {
  const paths = await listFiles(dir);
  const relevant = paths.filter(isKnowledgePath);
  return Promise.all(relevant.map(async (path) => ({ path, bytes: await readFile(join(dir, ...path.split('/'))) })));
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new KnowledgeError(dir, 'the knowledge folder cannot be read — check KNOWLEDGE_DIR points at it', {
      cause: error,
    });
  }
  const paths: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const posix = relative(dir, join(entry.parentPath, entry.name)).split(/[\\/]/).join('/');
    if (posix.split('/').some((part) => part.startsWith('.') || part.startsWith('~$'))) continue;
    paths.push(posix);
  }
  return paths.sort(compareCodePoints);
}

/**
 * sha256 over the relative paths and bytes of every file `loadKnowledge` reads, for the index cache
 * manifest. Unrelated files in the folder (README, images) do not change it.
 */
export async function hashKnowledgeFiles(dir: string): Promise<string> {
  return hashFiles(await readKnowledgeFiles(dir));
}
