import { createHash } from 'node:crypto';

/**
 * sha256 over every file's relative path and bytes, in path order. The index cache stores it in its
 * manifest: any added, removed, renamed or edited knowledge file changes the hash and forces a rebuild.
 * Pure: the caller reads the files (see `hashKnowledgeFiles` in src/adapters/knowledge/read-knowledge-files.ts).
 */
export function hashFiles(files: readonly { path: string; bytes: Uint8Array }[]): string {
  const hash = createHash('sha256');
  const sorted = [...files].sort((a, b) => compareCodePoints(a.path, b.path));
  for (const file of sorted) {
    // Length-prefixing keeps (path, bytes) boundaries unambiguous: "a"+"bc" ≠ "ab"+"c".
    hash.update(`${file.path}\0${file.bytes.length}\0`);
    hash.update(file.bytes);
  }
  return hash.digest('hex');
}

/** Locale-independent ordering, so the hash and load order are the same on every machine. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
