import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareCodePoints } from '../knowledge/knowledge-hash.js';

/** The folder this code runs from: `src/` under tsx, `dist/src/` when built. */
const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built code's hash, written by scripts/build.mjs into `dist/src/` (absent under tsx). */
const BUILT_FINGERPRINT = path.join(SOURCE_ROOT, 'code-fingerprint.txt');

let memo: Promise<string> | undefined;

/**
 * sha256 over the running code — every file under the source root except source maps — and the
 * installed packages (npm's `node_modules/.package-lock.json`), so values derived from the knowledge
 * are rebuilt after any change to the code or the dependencies that derived them, with no version
 * number to remember to bump. The build writes the code's hash; under tsx the source files are
 * hashed (a few ms). Computed once per process.
 */
export function codeFingerprint(): Promise<string> {
  memo ??= computeFingerprint(SOURCE_ROOT);
  return memo;
}

async function computeFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  const built = await readFile(BUILT_FINGERPRINT, 'utf8').catch(() => undefined);
  if (built) hash.update(`built\0${built}`);
  else hashTree(hash, await sourceFiles(root));
  const lock = installedPackagesLock(root);
  hash.update(`lock\0${lock ? await readFile(lock) : 'none'}`);
  return hash.digest('hex');
}

/** The source root's files (source maps aside) with their bytes, in path order. */
async function sourceFiles(root: string): Promise<{ file: string; bytes: Buffer }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.endsWith('.map'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort(compareCodePoints);
  return Promise.all(files.map(async (file) => ({ file, bytes: await readFile(path.join(root, file)) })));
}

function hashTree(hash: Hash, files: { file: string; bytes: Buffer }[]): void {
  for (const { file, bytes } of files) hash.update(`${file}\0${bytes.length}\0`).update(bytes);
}

/** npm's record of what is installed, in the nearest node_modules above the source root. */
function installedPackagesLock(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const lock = path.join(dir, 'node_modules', '.package-lock.json');
    if (existsSync(lock)) return lock;
    if (path.dirname(dir) === dir) return undefined;
  }
}
