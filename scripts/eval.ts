/**
 * `npm run eval [-- --mode llm] [-- --verbose] [-- --json]`: runs the gold set and prints answer
 * accuracy, retrieval hit@1/hit@3, citation accuracy, status accuracy and grounding violations,
 * overall and per kind. `--mode llm` runs it through the configured OpenAI-compatible endpoint
 * (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL) and adds the shares of answers the model had to
 * regenerate and that fell back to the offline answer. Exits 1 under the thresholds, 2 on bad usage.
 */
import path from 'node:path';
import { createLlmAssistant, type LlmOutcome } from '../src/assistant/llm/create-llm-assistant.js';
import { createMemorySessionStore } from '../src/assistant/memory-session-store.js';
import type { Assistant } from '../src/assistant/ports.js';
import { loadConfig, loadDotEnv, type Config } from '../src/config.js';
import { createCore, type Core } from '../src/core.js';
import { loadGoldSet } from '../src/eval/gold.js';
import { checkThresholds, pct, runEval, type EvalMetrics, type EvalReport } from '../src/eval/run-eval.js';
import { createLogger, type Logger } from '../src/logger.js';
import { createEmbeddingsFor } from '../src/wiring/embeddings.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const mode = args.includes('--mode') ? args[args.indexOf('--mode') + 1] : 'offline';

function usageError(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

if (mode !== 'offline' && mode !== 'llm') usageError(`unknown --mode ${mode}: use offline or llm`);
loadDotEnv();
const config = loadConfig();
if (mode === 'llm' && config.llm === undefined)
  usageError(
    '--mode llm needs OPENAI_API_KEY: set it (plus OPENAI_BASE_URL and OPENAI_MODEL for a provider other than OpenAI; see src/assistant/llm/README.md), or run the eval without --mode llm.',
  );

const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
const sessions = createMemorySessionStore();
const core = await createCore({ config, logger, sessions, embeddings: createEmbeddingsFor(config) });
const questions = await loadGoldSet(path.resolve('tests/eval'));
const outcomes: LlmOutcome[] = [];
const assistant = mode === 'llm' ? await createCheckedLlmAssistant(config, core, logger) : core.assistant;

const started = performance.now();
const report = await runEval(assistant, core.tools, questions);
const seconds = (performance.now() - started) / 1000;
const llmSummary = mode === 'llm' ? summariseOutcomes(outcomes) : undefined;

if (args.includes('--json')) {
  const json = {
    mode,
    overall: report.overall,
    byKind: report.byKind,
    ...(llmSummary && { llm: llmSummary }),
  };
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
} else {
  printReport(report, seconds);
}
const failed = checkThresholds(report.overall);
if (failed.length > 0) {
  process.stderr.write(`eval below thresholds: ${failed.join('; ')}\n`);
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

function printReport(r: EvalReport, elapsedSeconds: number): void {
  const row = (name: string, m: EvalMetrics) =>
    `${name.padEnd(20)} ${String(m.questions).padStart(4)}  ${pct(m.answerAccuracy).padStart(7)}  ${pct(m.statusAccuracy).padStart(7)}  ${pct(m.hit1).padStart(7)}  ${pct(m.hit3).padStart(7)}  ${pct(m.citationAccuracy).padStart(7)}  ${String(m.groundingViolations).padStart(5)}`;
  const lines = [
    `eval (${mode}) — ${questions.length} questions in ${elapsedSeconds.toFixed(1)}s`,
    `${'kind'.padEnd(20)} ${'n'.padStart(4)}  ${'answer'.padStart(7)}  ${'status'.padStart(7)}  ${'hit@1'.padStart(7)}  ${'hit@3'.padStart(7)}  ${'cite'.padStart(7)}  ${'ungr.'.padStart(5)}`,
    ...Object.entries(r.byKind).map(([k, m]) => row(k, m)),
    row('OVERALL', r.overall),
    `status accuracy on masked / not-found / off-scope: ${pct(r.overall.guardedStatusAccuracy)}`,
  ];
  if (llmSummary) {
    const reasons = Object.entries(llmSummary.fallbackReasons)
      .map(([reason, count]) => `${reason} ${count}`)
      .join(', ');
    lines.push(
      `llm: ${pct(llmSummary.modelAnswers)} model answers, ${pct(llmSummary.regenerated)} regenerated, ${pct(llmSummary.fellBack)} fell back${reasons ? ` (${reasons})` : ''}; mean ${llmSummary.meanLatencyMs} ms, ${llmSummary.meanTokens} tokens per answer`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const [i, s] of r.scores.entries()) {
    if (s.correct && s.violations.length === 0 && !verbose) continue;
    const a = r.answers[i];
    if (!s.correct || s.violations.length > 0)
      process.stdout.write(
        `✗ ${s.id} [${s.kind}] ${s.problems.join('; ')}${s.violations.length ? ` ungrounded: ${s.violations.join(',')}` : ''}\n    Q: ${a?.question}\n    A: ${a?.answer.replace(/\n/g, ' ⏎ ').slice(0, 220)}\n`,
      );
  }
}
