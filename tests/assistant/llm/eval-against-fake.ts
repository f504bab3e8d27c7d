/**
 * `npx tsx tests/assistant/llm/eval-against-fake.ts`: runs the gold set through the LLM mode, with
 * the real knowledge tools and offline assistant, against the fake OpenAI-compatible server driven
 * by `extractiveModel`. Prints the eval metrics plus the share of answers that were regenerated or
 * fell back (`--chaos` injects invented numbers and 500s). A plumbing check, not a model benchmark; `npm run eval -- --mode llm` is the real one.
 */
import path from 'node:path';
import { createLlmAssistant, type LlmOutcome } from '../../../src/assistant/llm/create-llm-assistant.js';
import { createMemorySessionStore } from '../../../src/assistant/memory-session-store.js';
import { loadConfig } from '../../../src/config.js';
import { createCore } from '../../../src/core.js';
import { loadGoldSet } from '../../../src/eval/gold.js';
import { pct, runEval } from '../../../src/eval/run-eval.js';
import { evalGroundingSources } from '../../../src/eval/score.js';
import { checkGrounding } from '../../../src/assistant/grounding.js';
import { stripNonClaims } from '../../../src/assistant/llm/grounding-gate.js';
import { createLogger } from '../../../src/logger.js';
import { extractiveModel, startFakeOpenAiServer } from '../../support/fake-openai-server.js';

const logger = createLogger({ level: 'error' });
const config = loadConfig({ ...process.env, OPENAI_API_KEY: '' });
const core = await createCore({ config, logger });
const server = await startFakeOpenAiServer();
// --chaos: every 5th answer gets an invented number (→ regeneration; every 2nd regeneration keeps it → fallback) and
// every 13th request fails with HTTP 500 (→ SDK retry), to exercise the recovery paths end to end.
let requestCount = 0;
let answerCount = 0;
server.setDefaultChat(
  process.argv.includes('--chaos')
    ? (request) => {
        requestCount += 1;
        if (requestCount % 13 === 0) return { status: 500, message: 'chaos' };
        const reply = extractiveModel(request);
        if (!('content' in reply) || reply.toolCalls || !request.tools) return reply;
        answerCount += 1;
        const regenerating = /工具结果里找不到|appear in no tool result/.test(
          request.messages.at(-1)?.content ?? '',
        );
        return answerCount % 5 === 0 || (regenerating && answerCount % 2 === 0)
          ? { content: `${reply.content ?? ''}\n共99999项。` }
          : reply;
      }
    : extractiveModel,
);
const outcomes: LlmOutcome[] = [];
const assistant = createLlmAssistant({
  llm: {
    apiKey: 'sk-fake',
    baseURL: server.baseURL,
    model: 'extractive-fake',
    timeoutMs: 10_000,
    maxToolRounds: 4,
    maxTokens: 1200,
  },
  tools: core.tools,
  offline: core.assistant,
  sessions: createMemorySessionStore(),
  logger,
  onOutcome: (o) => outcomes.push(o),
});
const questions = await loadGoldSet(path.resolve('tests/eval'));
const started = performance.now();
const report = await runEval(assistant, core.tools, questions);
const seconds = (performance.now() - started) / 1000;
await server.close();

const m = report.overall;
// The eval's checker counts inline citation markers ([1], [2]) as numbers; this is the count without them.
const withoutMarkers = report.answers.reduce(
  (n, a) => n + checkGrounding(stripNonClaims(a.answer), evalGroundingSources(a)).violations.length,
  0,
);
const share = (f: (o: LlmOutcome) => boolean) =>
  pct(outcomes.filter(f).length / Math.max(outcomes.length, 1));
const lines = [
  `eval (llm, extractive fake${process.argv.includes('--chaos') ? ', chaos' : ''}) — ${questions.length} questions in ${seconds.toFixed(1)}s`,
  `answer ${pct(m.answerAccuracy)}  status ${pct(m.statusAccuracy)}  guarded status ${pct(m.guardedStatusAccuracy)}`,
  `hit@1 ${pct(m.hit1)}  hit@3 ${pct(m.hit3)}  citations ${pct(m.citationAccuracy)}  ungrounded numbers ${m.groundingViolations} (${withoutMarkers} without [n] markers)`,
  `model answers ${share((o) => o.mode === 'llm')}  regenerated ${share((o) => o.regenerated)}  fell back ${share((o) => o.fellBack)}`,
  `fallback reasons: ${JSON.stringify(Object.fromEntries([...new Set(outcomes.map((o) => o.reason).filter(Boolean))].map((r) => [r, outcomes.filter((o) => o.reason === r).length])))}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
if (process.argv.includes('--verbose')) {
  for (const [i, s] of report.scores.entries()) {
    if (s.correct && s.violations.length === 0) continue;
    const a = report.answers[i];
    process.stdout.write(
      `✗ ${s.id} [${s.kind}] ${s.problems.join('; ')} ungrounded: ${s.violations.join(',')}\n    Q: ${a?.question}\n    A: ${a?.answer.replace(/\n/g, ' ⏎ ').slice(0, 200)}\n`,
    );
  }
}
