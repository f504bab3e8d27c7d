import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import type { DerivedCache } from '../assistant/derived-cache.js';
import type { Logger } from '../logger.js';
import { codeFingerprint } from './code-fingerprint.js';

/** Bump when the file layout changes (the code fingerprint covers what the values mean). */
const FORMAT = 'derived-v1';
const KEY_LENGTH = 64;

export interface FileDerivedCache extends DerivedCache {
  /** `remember` for a value computed asynchronously (the knowledge base itself). */
  rememberAsync<T>(name: string, compute: () => Promise<T>): Promise<{ value: T; cached: boolean }>;
  /** Resolves when every write started so far has finished (or failed and been logged). */
  flush(): Promise<void>;
}

/**
 * The DerivedCache on disk: one file per value in `dir` (`<name>.v8`: the key, a newline, the value
 * in V8's serialization, which keeps Maps, Sets and shared references). The key hashes the knowledge
 * hash, the code fingerprint and the V8 version, so any change to the knowledge, the code or Node
 * reads as a miss. Reads are synchronous (a value is needed at once, files are small); writes go to
 * a temp file renamed into place, in the background. A cache that cannot be read or written is
 * never an error: the value is computed, and a failed write is logged once.
 */
export async function createFileDerivedCache(options: {
  dir: string;
  knowledgeHash: string;
  logger?: Logger;
}): Promise<FileDerivedCache> {
  const { dir, logger } = options;
  const key = createHash('sha256')
    .update(`${FORMAT}\0${options.knowledgeHash}\0${await codeFingerprint()}\0${process.versions.v8}`)
    .digest('hex');
  const file = (name: string) => path.join(dir, `${name}.v8`);
  let warned = false;
  const pending = new Set<Promise<void>>();
  let writes = 0;
  /** Once per process, with the first write: a start that only reads pays nothing. */
  let cleaned: Promise<void> | undefined;

  const read = (name: string): { value: unknown } | undefined => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file(name));
    } catch {
      return undefined;
    }
    if (bytes.toString('latin1', 0, KEY_LENGTH) !== key) return undefined;
    try {
      return { value: v8.deserialize(bytes.subarray(KEY_LENGTH + 1)) };
    } catch (error) {
      logger?.warn({ err: error, file: file(name) }, 'derived cache file unreadable: rebuilding it');
      return undefined;
    }
  };

  const write = (name: string, value: unknown): void => {
    const target = file(name);
    const temp = `${target}.${process.pid}-${++writes}.tmp`;
    // Serialized now: the caller may go on to change the value.
    const bytes = Buffer.concat([Buffer.from(`${key}\n`, 'latin1'), v8.serialize(value)]);
    const writing = mkdir(dir, { recursive: true })
      .then(() => (cleaned ??= removeStaleTemps(dir)))
      .then(() => writeFile(temp, bytes))
      .then(() => rename(temp, target))
      .catch((error: unknown) => {
        if (warned) return;
        warned = true;
        logger?.warn(
          { err: error, dir },
          'derived cache not written (answers are unaffected; the next start rebuilds)',
        );
      })
      .finally(() => pending.delete(writing));
    pending.add(writing);
  };

  return {
    remember<T>(name: string, compute: () => T): T {
      const hit = read(name);
      if (hit) return hit.value as T;
      const value = compute();
      write(name, value);
      return value;
    },
    async rememberAsync<T>(name: string, compute: () => Promise<T>) {
      const hit = read(name);
      if (hit) return { value: hit.value as T, cached: true };
      const value = await compute();
      write(name, value);
      return { value, cached: false };
    },
    async flush() {
      await Promise.all(pending);
    },
  };
}

/** `<name>.v8.<pid>-<n>.tmp`, a write in progress (or abandoned: its process was killed). */
const TEMP = /\.v8\.(\d+)-\d+\.tmp$/;

/** Removes temp files whose writing process is gone; a live process's write is left alone. */
async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(TEMP.exec(name)?.[1]);
      if (!pid || pid === process.pid || isAlive(pid)) return;
      await unlink(path.join(dir, name)).catch(() => undefined);
    }),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
