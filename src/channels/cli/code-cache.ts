import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Runs a CommonJS bundle with V8's code cache. A one-shot `npm run ask` is a new process per
 * question, and compiling the ~0.9 MB bundle (plus the functions it calls) took ~100 ms of each;
 * with the cache V8 reuses the compiled code. Node 20 has no compile cache of its own
 * (`module.enableCompileCache` is Node 22), so this does what it does for one file: compile with the
 * cache beside the bundle, and write the cache after the first run (it then holds every function
 * that run compiled). The cache is only a speed-up: V8 rejects one made for other code or another
 * Node and it is written afresh; a folder that cannot be written just means no cache. The bundle
 * must not call import() itself: a script compiled from a cache has no import() callback (the build
 * routes its package imports through a CommonJS helper).
 */
export function runWithCodeCache(bundleFile: string): void {
  const cacheFile = `${bundleFile}.v8-cache`;
  const source = readFileSync(bundleFile, 'utf8');
  const cachedData = readOptional(cacheFile);
  const script = new vm.Script(Module.wrap(source), {
    filename: bundleFile,
    ...(cachedData ? { cachedData } : {}),
  });
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => writeQuietly(cacheFile, () => script.createCachedData()));
  }
  const wrapper = script.runInThisContext() as CommonJsWrapper;
  const require = createRequire(bundleFile);
  const module = { exports: {}, filename: bundleFile, id: bundleFile };
  wrapper.call(module.exports, module.exports, require, module, bundleFile, path.dirname(bundleFile));
}

type CommonJsWrapper = (
  exports: object,
  require: NodeJS.Require,
  module: object,
  filename: string,
  dirname: string,
) => void;

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so a concurrent run never reads half a cache. */
function writeQuietly(file: string, data: () => Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data());
    renameSync(temporary, file);
  } catch {
    // Read-only install or a full disk: the next run compiles without a cache, as before.
  }
}
