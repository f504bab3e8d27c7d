/**
 * `npm run eval [-- --mode llm] [-- --verbose] [-- --json]`: runs the gold set and prints answer
 * accuracy, retrieval hit@1/hit@3, citation accuracy, status accuracy and grounding violations,
 * overall and per kind. Exits 1 under the thresholds.
 */
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createCore } from '../src/core.js';
import { loadGoldSet } from '../src/eval/gold.js';
import { checkThresholds, pct, runEval, type EvalMetrics } from '../src/eval/run-eval.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const mode = args.includes('--mode') ? args[args.indexOf('--mode') + 1] : 'offline';

const config = loadConfig();
const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
const core = await createCore({ config, logger });
const questions = await loadGoldSet(path.resolve('tests/eval'));
if (mode !== 'offline') {
  process.stderr.write(`unknown --mode ${mode}: use offline or llm\n`);
  process.exit(2);
}
const started = performance.now();
const report = await runEval(core.assistant, core.tools, questions);
const seconds = (performance.now() - started) / 1000;

if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ overall: report.overall, byKind: report.byKind }, null, 2)}\n`);
} else {
  const row = (name: string, m: EvalMetrics) =>
    `${name.padEnd(20)} ${String(m.questions).padStart(4)}  ${pct(m.answerAccuracy).padStart(7)}  ${pct(m.statusAccuracy).padStart(7)}  ${pct(m.hit1).padStart(7)}  ${pct(m.hit3).padStart(7)}  ${pct(m.citationAccuracy).padStart(7)}  ${String(m.groundingViolations).padStart(5)}`;
  const lines = [
    `eval (${mode}) — ${questions.length} questions in ${seconds.toFixed(1)}s`,
    `${'kind'.padEnd(20)} ${'n'.padStart(4)}  ${'answer'.padStart(7)}  ${'status'.padStart(7)}  ${'hit@1'.padStart(7)}  ${'hit@3'.padStart(7)}  ${'cite'.padStart(7)}  ${'ungr.'.padStart(5)}`,
    ...Object.entries(report.byKind).map(([k, m]) => row(k, m)),
    row('OVERALL', report.overall),
    `status accuracy on masked / not-found / off-scope: ${pct(report.overall.guardedStatusAccuracy)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const s of report.scores) {
    if (s.correct && s.violations.length === 0 && !verbose) continue;
    const a = report.answers[report.scores.indexOf(s)];
    if (!s.correct || s.violations.length > 0)
      process.stdout.write(
        `✗ ${s.id} [${s.kind}] ${s.problems.join('; ')}${s.violations.length ? ` ungrounded: ${s.violations.join(',')}` : ''}\n    Q: ${a?.question}\n    A: ${a?.answer.replace(/\n/g, ' ⏎ ').slice(0, 220)}\n`,
      );
  }
}
const failed = checkThresholds(report.overall);
if (failed.length > 0) {
  process.stderr.write(`eval below thresholds: ${failed.join('; ')}\n`);
  process.exitCode = 1;
}
