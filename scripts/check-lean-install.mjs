// The README's promise for a production install, checked on a scratch copy of the committed tree:
// `npm ci --omit=dev` installs no dev tool and none of the dropped PDF packages, then `npm start`
// with no configuration but a free port answers a question and renders a chart PNG (the CJK font
// comes from npm, not the system). Prints the size of the production node_modules.
// Run: `npm run check:install` (CI runs it after the tests). Needs the npm registry, as `npm ci` does.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'va-lean-install-'));
const READY_TIMEOUT_MS = 180_000;
/** Dev-only packages that must not be installed, and packages the project no longer uses at all. */
const ABSENT = ['tsx', 'vitest', 'typescript', 'eslint', 'playwright-core', 'pdf-parse'];

function fail(message) {
  throw new Error(`lean install check failed: ${message}`);
}

function run(command, args, cwd = work) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** `npm start` until it logs "assistant ready"; its URL and the child. */
function start(env) {
  const child = spawn('npm', ['start'], { cwd: work, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let raw = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "assistant ready" in time:\n${raw}`)),
      READY_TIMEOUT_MS,
    );
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      raw += chunk;
      const line = raw.split('\n').find((l) => l.includes('"assistant ready'));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line).url);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before it was ready:\n${raw}`));
    });
  });
  return { child, ready };
}

let server;
try {
  // The committed tree, as a clean clone has it (no node_modules, no dist, no caches).
  execFileSync('bash', ['-c', `git -C "${root}" archive HEAD | tar -x -C "${work}"`]);
  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund']);

  for (const name of ABSENT) {
    if (existsSync(path.join(work, 'node_modules', name))) fail(`${name} is installed by npm ci --omit=dev`);
  }
  const sizeMb = execFileSync('du', ['-sm', 'node_modules'], { cwd: work, encoding: 'utf8' }).split('\t')[0];
  console.log(`production node_modules: ${sizeMb} MB`);

  // The service's own variables only: nothing from this shell switches on Telegram or the LLM.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(TELEGRAM_|OPENAI_|EMBEDDINGS|ADMIN_|CHART_FONT|npm_)/.test(key),
    ),
  );
  server = start({ ...env, HOST: '127.0.0.1', PORT: '0' });
  const url = await server.ready;

  const ask = await fetch(new URL('/api/ask', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question: '2022年迁移了多少烈士墓' }),
  });
  const answer = await ask.json();
  if (ask.status !== 200 || !String(answer.answer).includes('1041')) {
    fail(`POST /api/ask answered ${ask.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  }

  const chart = await fetch(new URL('/charts/stats.png?lang=zh', url));
  const png = Buffer.from(await chart.arrayBuffer());
  const isPng = png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (chart.status !== 200 || !isPng)
    fail(`GET /charts/stats.png answered ${chart.status}: ${png.toString().slice(0, 300)}`);

  console.log(`npm ci --omit=dev && npm start: answers and renders a ${png.length}-byte chart PNG`);
} finally {
  if (server) {
    server.child.kill('SIGTERM');
    await new Promise((resolve) =>
      server.child.exitCode === null ? server.child.once('exit', resolve) : resolve(),
    );
  }
  rmSync(work, { recursive: true, force: true });
}
