/**
 * `npx tsx scripts/calibrate-cards.ts`: calibrates when a card answers and when the assistant says
 * "not found" (src/assistant/benefits/calibration.ts). It runs the real offline assistant, with each
 * candidate setting, over the dev splits of every blind benefits set, pooled (answerable and
 * unanswerable questions both in them), and the original gold benefits questions, and prints answer
 * accuracy, answerable questions refused and unanswerable questions answered. Never reads a test split.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { MATCH_PARAMS, type MatchParams } from '../src/assistant/benefits/calibration.js';
import { createAssistant } from '../src/assistant/create-assistant.js';
import { createCore } from '../src/core.js';
import { loadGoldSet } from '../src/eval/gold.js';
import { runEval, type EvalMetrics } from '../src/eval/run-eval.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

const core = await createCore({ config: loadConfig(), logger: createLogger({ level: 'error' }) });
const devFiles = readdirSync('tests/eval/blind').filter((f) => /^benefits\d*\.dev\.jsonl$/.test(f));
const dev = await loadGoldSet(path.resolve('tests/eval/blind'), devFiles);
const gold = await loadGoldSet(path.resolve('tests/eval'), ['policy.jsonl']);

async function measure(params: MatchParams): Promise<{ dev: EvalMetrics; gold: EvalMetrics }> {
  const assistant = createAssistant({ kb: core.knowledge(), tools: core.tools, matchParams: params });
  return {
    dev: (await runEval(assistant, core.tools, dev)).overall,
    gold: (await runEval(assistant, core.tools, gold)).overall,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (params: MatchParams, r: { dev: EvalMetrics; gold: EvalMetrics }) =>
  `${JSON.stringify(params)}  dev ${pct(r.dev.answerAccuracy)} (refused ${pct(r.dev.wronglyRefused)}, over-answered ${pct(r.dev.wronglyAnswered)})  gold-benefits ${pct(r.gold.answerAccuracy)}`;

console.log(`current  ${line(MATCH_PARAMS, await measure(MATCH_PARAMS))}`);
const results: { params: MatchParams; score: number; text: string }[] = [];
for (const contextWeight of [0.7, 1])
  for (const unknownNounWeight of [0.5, 1, 2])
    for (const unknownTokenWeight of [0.1, 0.2, 0.4])
      for (const minConfidence of [0.2, 0.25, 0.3, 0.35, 0.4]) {
        const params = {
          ...MATCH_PARAMS,
          contextWeight,
          unknownNounWeight,
          unknownTokenWeight,
          minConfidence,
        };
        const r = await measure(params);
        results.push({ params, score: r.dev.answerAccuracy + r.gold.answerAccuracy, text: line(params, r) });
      }
results.sort((a, b) => a.score - b.score);
for (const r of results.slice(-8)) console.log(r.text);
