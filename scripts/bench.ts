/**
 * `npm run bench [-- --chunks N] [-- --skip-scale]`: speed on this machine.
 * 1. seed corpus: index build time (cold cache), warm in-process answer latency p50/p95 over the
 *    gold questions, one-shot `ask` wall time with a cached index (a new process per question);
 * 2. the synthetic corpus scaled to 100k chunks (scripts/bench-scale.ts), its index cache loaded in a
 *    new process as a replica would start on it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../src/logger.js';
import { createCore } from '../src/core.js';
import { loadGoldSet } from '../src/eval/gold.js';
import { formatScaleBench, runScaleBench } from './bench-scale.js';

const args = process.argv.slice(2);
const chunksArg = args.includes('--chunks') ? Number(args[args.indexOf('--chunks') + 1]) : 100_000;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (v: number): string => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'bench-cache-'));
const logger = createLogger({ level: 'warn' });
const paths = { knowledgeDir: 'knowledge', cacheDir, dataDir: cacheDir };

let started = performance.now();
const core = await createCore({ config: { paths }, logger });
const coldStartMs = performance.now() - started;
started = performance.now();
await createCore({ config: { paths }, logger });
const warmStartMs = performance.now() - started;

const questions = (await loadGoldSet('tests/eval')).filter((q) => !q.session);
for (const q of questions) await core.assistant.ask(q.question); // warm-up: JIT, jieba, caches
const latencies: number[] = [];
for (let round = 0; round < 5; round++)
  for (const q of questions) {
    const t0 = performance.now();
    await core.assistant.ask(q.question);
    latencies.push(performance.now() - t0);
  }
latencies.sort((a, b) => a - b);

// One-shot CLI: what a person typing `npm run ask -- "…"` waits for (npm, the staleness check of the
// build and Node start-up included), with the index already cached.
execFileSync('node', ['scripts/build.mjs', '--if-stale']);
const env = { ...process.env, CACHE_DIR: cacheDir, LOG_LEVEL: 'silent' };
/** Wall times (sorted) of one process per question, each with the index and derived cache on disk. */
function oneShotTimes(command: string, args: (question: string) => string[]): number[] {
  const times: number[] = [];
  for (const q of questions.slice(0, 5)) {
    const t0 = performance.now();
    execFileSync(command, args(q.question), { env, stdio: ['ignore', 'pipe', 'inherit'] });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}
// The first run writes the derived cache (knowledge, card index, typo table); it is not timed.
execFileSync('node', ['dist/src/one-shot/ask.js', '--json', '预热'], { env, stdio: 'ignore' });
const oneShot = oneShotTimes('npm', (q) => ['run', '--silent', 'ask', '--', '--json', q]);
const oneShotNode = oneShotTimes('node', (q) => ['dist/src/one-shot/ask.js', '--json', q]);
// Node's own start on this machine at this moment: the one-shot figures move with it (a busy or
// throttled machine doubles it), so it is printed beside them.
const nodeAlone = oneShotTimes('node', () => ['-e', '0']);
await rm(cacheDir, { recursive: true, force: true });

const counts = core.counts();
const rows = [
  [
    'machine',
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    '',
  ],
  ['seed corpus', `${counts.documents} documents, ${counts.chunks} chunks, ${counts.figures} figures`, ''],
  ['start, cold cache (load + build index)', ms(coldStartMs), ''],
  ['start, cached index', ms(warmStartMs), ''],
  [
    'warm answer p50 / p95',
    `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}`,
    `p95 ≤ 20 ms ${percentile(latencies, 95) <= 20 ? 'ok' : 'MISSED'}`,
  ],
  ['node -e 0, wall (median): Node start alone', ms(percentile(nodeAlone, 50)), ''],
  [
    'one-shot npm run ask, wall (median / max)',
    `${ms(percentile(oneShot, 50))} / ${ms(oneShot.at(-1) ?? 0)}`,
    `median ≤ 1 s ${percentile(oneShot, 50) <= 1000 ? 'ok' : 'MISSED'}`,
  ],
  [
    'one-shot node dist/…/ask.js, wall (median / max)',
    `${ms(percentile(oneShotNode, 50))} / ${ms(oneShotNode.at(-1) ?? 0)}`,
    `median ≤ 0.5 s ${percentile(oneShotNode, 50) <= 500 ? 'ok' : 'MISSED'}`,
  ],
];
const width = Math.max(...rows.map((r) => (r[0] ?? '').length));
process.stdout.write(
  `${rows.map(([a, b, c]) => `${(a ?? '').padEnd(width)}  ${b}  ${c}`.trimEnd()).join('\n')}\n\n`,
);

if (!args.includes('--skip-scale')) {
  process.stdout.write(
    `${formatScaleBench(await runScaleBench({ chunks: chunksArg, cache: true, log: (l) => process.stderr.write(`${l}\n`) }))}\n`,
  );
}
