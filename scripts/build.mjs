// Transpiles src/**/*.ts to dist/src/**/*.js (one file each, no bundling) so that `npm start` and the
// CLI run on plain Node: no TypeScript loader hooks at start-up, which cost over a second per
// command. Static assets the code finds relative to itself (src/web, prompts/) are copied along.
// `--if-stale` skips the work when nothing under src/ or prompts/ is newer than the last build
// (a walk of mtimes, a few ms; esbuild is not even loaded then). scripts/run-built.mjs does the
// same check in the process that then runs the command.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist');
const stamp = path.join(out, '.built');
const inputs = ['src', 'prompts'].map((dir) => path.join(root, dir));

function newestMtime(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function listTs(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTs(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * sha256 over the built code (source maps aside): src/cache/code-fingerprint.ts reads it instead of
 * hashing ~200 files at every start, to key the derived cache to the code that derived it.
 */
function fingerprint(dir) {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.map'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * zod is ~95 modules; Node resolves, reads and compiles each at every start, ~100 ms of a one-shot
 * `npm run ask` (config, the Answer schema and the index manifest use it). The build bundles it into
 * one minified file, dist/vendor/zod.js, and points the built code's `from "zod"` at it. The code
 * imports only `z` from it; tests and tsx scripts run src/ on node_modules' zod as before.
 */
async function vendorZod(build) {
  const vendor = path.join(out, 'vendor', 'zod.js');
  await build({
    stdin: { contents: 'export { z } from "zod";', resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: vendor,
    logLevel: 'warning',
  });
  for (const file of readdirSync(path.join(out, 'src'), { recursive: true })) {
    if (!file.endsWith('.js')) continue;
    const full = path.join(out, 'src', file);
    const code = readFileSync(full, 'utf8');
    if (!code.includes('from "zod"')) continue;
    const relative = path.relative(path.dirname(full), vendor).split(path.sep).join('/');
    writeFileSync(full, code.replaceAll('from "zod"', `from "${relative}"`));
  }
}

/**
 * `npm run ask` starts a new process per question, and Node spent more of it resolving, reading and
 * compiling the ~100 modules of the offline path than answering. The build bundles that command into
 * one CommonJS file, dist/src/one-shot/bundle.cjs (code it loads on demand — the LLM, document
 * loaders — is in it but runs only when asked for), and a small launcher beside it,
 * dist/src/one-shot/ask.js, that runs the bundle with V8's code cache (src/channels/cli/code-cache.ts):
 * CommonJS because Node 20 offers a code cache only to scripts, not to ES modules. Each file's
 * `import.meta.url` is rewritten to its own place in dist/src, so paths it finds relative to itself
 * (the code fingerprint, prompts/, packages) stay the same.
 */
async function bundleOneShot(build) {
  const srcOut = path.join(out, 'src');
  const outdir = path.join(srcOut, 'one-shot');
  const ownUrl = (commonJs) => ({
    name: 'keep-own-import-meta-url',
    setup(plugin) {
      plugin.onLoad({ filter: /\.js$/ }, (args) => {
        if (!args.path.startsWith(out)) return undefined;
        const relative = JSON.stringify(path.relative(outdir, args.path).split(path.sep).join('/'));
        const base = commonJs ? 'require("node:url").pathToFileURL(__filename)' : 'import.meta.url';
        const code = readFileSync(args.path, 'utf8').replaceAll(
          'import.meta.url',
          `new URL(${relative}, ${base}).href`,
        );
        return { contents: code, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: [path.join(srcOut, 'channels', 'cli', 'ask.js')],
    outfile: path.join(outdir, 'bundle.cjs'),
    format: 'cjs',
    plugins: [ownUrl(true)],
  });
  routePackageImports(path.join(outdir, 'bundle.cjs'));
  await build({
    ...common,
    entryPoints: [path.join(srcOut, 'channels', 'cli', 'ask-one-shot.js')],
    outfile: path.join(outdir, 'ask.js'),
    format: 'esm',
    plugins: [ownUrl(false)],
  });
}

/**
 * The bundle runs as a vm script (for the code cache), and V8 drops a script's import() callback
 * when it is compiled from a cache: the document parsers it import()s (mammoth, pdfjs, ESM-only)
 * then fail to load. Every import() left in the bundle (only packages remain; the bundle's own
 * modules became calls) goes through import-package.cjs beside it, a module Node loads itself.
 */
function routePackageImports(bundleFile) {
  const code = readFileSync(bundleFile, 'utf8');
  const routed = code.replace(/\bimport\((?=")/g, 'importPackage(');
  if (routed === code) throw new Error(`${bundleFile}: expected import() of the document parsers`);
  writeFileSync(bundleFile, `const importPackage = require("./import-package.cjs");\n${routed}`);
  writeFileSync(
    path.join(path.dirname(bundleFile), 'import-package.cjs'),
    '// import() for the one-shot bundle (see routePackageImports in scripts/build.mjs).\n' +
      'module.exports = (specifier) => import(specifier);\n',
  );
}

/** True when nothing was built yet or a file under src/ or prompts/ is newer than the last build. */
export function isStale() {
  return !existsSync(stamp) || Math.max(...inputs.map(newestMtime)) > statSync(stamp).mtimeMs;
}

/** Builds dist/ afresh. */
export async function buildDist() {
  // Imported only when building: the staleness check before every `npm run ask` does not need it.
  const { build } = await import('esbuild');
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: listTs(path.join(root, 'src')),
    outdir: path.join(out, 'src'),
    outbase: path.join(root, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await vendorZod(build);
  await bundleOneShot(build);
  cpSync(path.join(root, 'src', 'web'), path.join(out, 'src', 'web'), { recursive: true });
  cpSync(path.join(root, 'prompts'), path.join(out, 'prompts'), { recursive: true });
  writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(out, 'src', 'code-fingerprint.txt'), `${fingerprint(path.join(out, 'src'))}\n`);
  writeFileSync(stamp, new Date().toISOString());
}

// Run as a script (`npm run build`, `node scripts/build.mjs --if-stale`); scripts/run-built.mjs imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv.includes('--if-stale') || isStale()) await buildDist();
}
