/**
 * `npm run eval [-- --set gold,benefits-dev] [-- --mode llm] [-- --verbose] [-- --json]`: runs each
 * question set (src/eval/eval-sets.ts) and prints, per set and per kind, answer accuracy, retrieval
 * hit@1/hit@3, citation accuracy, status accuracy, grounding violations, and the two error rates:
 * answerable questions answered "not found", unanswerable questions answered. Failures are printed
 * for the gold set and dev splits only, never for test splits. `--mode llm` runs the sets through
 * the configured OpenAI-compatible endpoint. Exits 1 under a set's floor, 2 on bad usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLlmAssistant, type LlmOutcome } from '../src/assistant/llm/create-llm-assistant.js';
import { createMemorySessionStore } from '../src/assistant/memory-session-store.js';
import type { Assistant } from '../src/assistant/ports.js';
import { loadConfig, loadDotEnv, type Config } from '../src/config.js';
import { createCore, type Core } from '../src/core.js';
import { EVAL_SETS, type EvalSet } from '../src/eval/eval-sets.js';
import { loadGoldSet, type GoldQuestion } from '../src/eval/gold.js';
import { checkSetFloors, pct, runEval, type EvalMetrics, type EvalReport } from '../src/eval/run-eval.js';
import { createLogger, type Logger } from '../src/logger.js';
import { createEmbeddingsFor } from '../src/wiring/embeddings.js';

function usageError(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      set: { type: 'string' },
      mode: { type: 'string', default: 'offline' },
      verbose: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
} catch (error) {
  usageError(
    `${error instanceof Error ? error.message : String(error)}\nusage: npm run eval -- [--set ${EVAL_SETS.map((s) => s.name).join(',')}] [--mode offline|llm] [--verbose] [--json]`,
  );
}
const { verbose, json } = parsed.values;
const mode = parsed.values.mode;
const wanted = parsed.values.set?.split(',').map((s) => s.trim());
const unknownSet = wanted?.find((name) => !EVAL_SETS.some((s) => s.name === name));
if (unknownSet) usageError(`unknown --set ${unknownSet}: use ${EVAL_SETS.map((s) => s.name).join(', ')}`);
const sets = EVAL_SETS.filter((s) => !wanted || wanted.includes(s.name));

if (mode !== 'offline' && mode !== 'llm') usageError(`unknown --mode ${mode}: use offline or llm`);
loadDotEnv();
const config = loadConfig();
if (mode === 'llm' && config.llm === undefined)
  usageError(
    '--mode llm needs OPENAI_API_KEY: set it (plus OPENAI_BASE_URL and OPENAI_MODEL for a provider other than OpenAI; see src/assistant/llm/README.md), or run the eval without --mode llm.',
  );

const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
const sessions = createMemorySessionStore();
const core = await createCore({ config, logger, sessions, embeddings: await createEmbeddingsFor(config) });
const outcomes: LlmOutcome[] = [];
const assistant = mode === 'llm' ? await createCheckedLlmAssistant(config, core, logger) : core.assistant;

const results: { set: EvalSet; questions: GoldQuestion[]; report: EvalReport; seconds: number }[] = [];
for (const set of sets) {
  let questions: GoldQuestion[];
  try {
    questions = await loadGoldSet(path.resolve(set.dir), set.files);
  } catch (error) {
    usageError(`${set.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (questions.length === 0) {
    process.stderr.write(
      `${set.name}: no questions in ${set.dir}/${set.files?.join(',') ?? '*.jsonl'} — skipped\n`,
    );
    continue;
  }
  const started = performance.now();
  const report = await runEval(assistant, core.tools, questions);
  results.push({ set, questions, report, seconds: (performance.now() - started) / 1000 });
}
const llmSummary = mode === 'llm' ? summariseOutcomes(outcomes) : undefined;

if (json) {
  const out = {
    mode,
    sets: Object.fromEntries(
      results.map(({ set, report }) => [set.name, { overall: report.overall, byKind: report.byKind }]),
    ),
    ...(llmSummary && { llm: llmSummary }),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  for (const r of results) printReport(r.set, r.report, r.seconds);
  printSummary();
}
const failed = results.flatMap(({ set, report }) =>
  checkSetFloors(set.name, report.overall).map((f) => `${set.name}: ${f}`),
);
if (failed.length > 0) {
  process.stderr.write(`eval below floors: ${failed.join('; ')}\n`);
  process.exitCode = 1;
}

/** The LLM assistant, after one health check: an eval against a dead endpoint would only measure offline. */
async function createCheckedLlmAssistant(cfg: Config, c: Core, log: Logger): Promise<Assistant> {
  const llm = cfg.llm;
  if (llm === undefined) throw new Error('unreachable: checked above');
  const created = createLlmAssistant({
    llm,
    tools: c.tools,
    offline: c.assistant,
    sessions,
    logger: log,
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  const health = await created.health();
  if (!health.ok)
    usageError(
      `LLM endpoint check failed (${health.reason ?? 'no reason given'}): check OPENAI_API_KEY, OPENAI_BASE_URL and OPENAI_MODEL.`,
    );
  return created;
}

interface LlmSummary {
  answers: number;
  modelAnswers: number;
  regenerated: number;
  fellBack: number;
  fallbackReasons: Record<string, number>;
  meanLatencyMs: number;
  meanTokens: number;
}

/** Shares over all questions the LLM assistant answered (follow-up rewrites are not separate answers). */
function summariseOutcomes(list: LlmOutcome[]): LlmSummary {
  const n = list.length || 1;
  const fallbackReasons: Record<string, number> = {};
  for (const o of list)
    if (o.fellBack)
      fallbackReasons[o.reason ?? 'unknown'] = (fallbackReasons[o.reason ?? 'unknown'] ?? 0) + 1;
  return {
    answers: list.length,
    modelAnswers: list.filter((o) => o.mode === 'llm').length / n,
    regenerated: list.filter((o) => o.regenerated).length / n,
    fellBack: list.filter((o) => o.fellBack).length / n,
    fallbackReasons,
    meanLatencyMs: Math.round(list.reduce((sum, o) => sum + o.latencyMs, 0) / n),
    meanTokens: Math.round(list.reduce((sum, o) => sum + o.tokens, 0) / n),
  };
}

function header(first: string): string {
  return `${first.padEnd(20)} ${'n'.padStart(4)}  ${'answer'.padStart(7)}  ${'status'.padStart(7)}  ${'hit@1'.padStart(7)}  ${'hit@3'.padStart(7)}  ${'cite'.padStart(7)}  ${'refused'.padStart(7)}  ${'over-ans'.padStart(8)}  ${'ungr.'.padStart(5)}`;
}
function row(name: string, m: EvalMetrics): string {
  return `${name.padEnd(20)} ${String(m.questions).padStart(4)}  ${pct(m.answerAccuracy).padStart(7)}  ${pct(m.statusAccuracy).padStart(7)}  ${pct(m.hit1).padStart(7)}  ${pct(m.hit3).padStart(7)}  ${pct(m.citationAccuracy).padStart(7)}  ${(m.answerable ? pct(m.wronglyRefused) : '—').padStart(7)}  ${(m.unanswerable ? pct(m.wronglyAnswered) : '—').padStart(8)}  ${String(m.groundingViolations).padStart(5)}`;
}

function printReport(set: EvalSet, r: EvalReport, elapsedSeconds: number): void {
  const lines = [
    '',
    `== ${set.name} (${mode}) — ${r.scores.length} questions in ${elapsedSeconds.toFixed(1)}s`,
    header('kind'),
    ...Object.entries(r.byKind).map(([k, m]) => row(k, m)),
    row('OVERALL', r.overall),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!set.showFailures) {
    process.stdout.write('(test split: failures are not shown)\n');
    return;
  }
  for (const [i, s] of r.scores.entries()) {
    if (s.correct && s.violations.length === 0) continue;
    const a = r.answers[i];
    const width = verbose ? 600 : 220;
    process.stdout.write(
      `✗ ${s.id} [${s.kind}] ${s.problems.join('; ')}${s.violations.length ? ` ungrounded: ${s.violations.join(',')}` : ''}\n    Q: ${a?.question}\n    A: ${a?.answer.replace(/\n/g, ' ⏎ ').slice(0, width)}\n`,
    );
  }
}

/** One line per set: the figures the closing notes quote. */
function printSummary(): void {
  const lines = [
    '',
    `== summary (${mode})`,
    header('set'),
    ...results.map(({ set, report }) => row(set.name, report.overall)),
  ];
  lines.push(
    'refused = answerable questions answered "not found"; over-ans = unanswerable questions answered',
  );
  if (llmSummary) {
    const reasons = Object.entries(llmSummary.fallbackReasons)
      .map(([reason, count]) => `${reason} ${count}`)
      .join(', ');
    lines.push(
      `llm: ${pct(llmSummary.modelAnswers)} model answers, ${pct(llmSummary.regenerated)} regenerated, ${pct(llmSummary.fellBack)} fell back${reasons ? ` (${reasons})` : ''}; mean ${llmSummary.meanLatencyMs} ms, ${llmSummary.meanTokens} tokens per answer`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
