import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareCodePoints } from '../knowledge/knowledge-hash.js';

/** The folder this code runs from: `src/` under tsx, `dist/src/` when built. */
const SOURCE_ROOT = fileURLToPath(new URL('..', import.meta.url));

let memo: Promise<string> | undefined;

/**
 * sha256 over the running code — every file under the source root except source maps — and the
 * installed packages (npm's `node_modules/.package-lock.json`), so values derived from the knowledge
 * are rebuilt after any change to the code or the dependencies that derived them, with no version
 * number to remember to bump. Computed once per process (a few ms).
 */
export function codeFingerprint(): Promise<string> {
  memo ??= computeFingerprint(SOURCE_ROOT);
  return memo;
}

async function computeFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.endsWith('.map'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort(compareCodePoints);
  const contents = await Promise.all(files.map((file) => readFile(path.join(root, file))));
  files.forEach((file, i) => {
    const bytes = contents[i] ?? Buffer.alloc(0);
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  });
  const lock = installedPackagesLock(root);
  hash.update(`lock\0${lock ? await readFile(lock) : 'none'}`);
  return hash.digest('hex');
}

/** npm's record of what is installed, in the nearest node_modules above the source root. */
function installedPackagesLock(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const lock = path.join(dir, 'node_modules', '.package-lock.json');
    if (existsSync(lock)) return lock;
    if (path.dirname(dir) === dir) return undefined;
  }
}
