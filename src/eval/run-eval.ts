import type { Answer } from '../assistant/answer.js';
import type { Assistant, KnowledgeTools } from '../assistant/ports.js';
import type { GoldQuestion } from './gold.js';
import { scoreAnswer, type QuestionScore } from './score.js';

export interface EvalMetrics {
  questions: number;
  answerAccuracy: number;
  statusAccuracy: number;
  /** Status accuracy over questions expecting undisclosed / not_found / out_of_scope. */
  guardedStatusAccuracy: number;
  hit1: number;
  hit3: number;
  citationAccuracy: number;
  groundingViolations: number;
  /** Share of answerable questions answered "not found" (or out of scope). */
  wronglyRefused: number;
  /** Share of unanswerable questions answered as if the documents held the answer. */
  wronglyAnswered: number;
  answerable: number;
  unanswerable: number;
}

export interface EvalReport {
  overall: EvalMetrics;
  byKind: Record<string, EvalMetrics>;
  scores: QuestionScore[];
  answers: Answer[];
}

/**
 * Runs the gold set through an assistant. Questions that share a session run in file order within
 * it; retrieval is measured on the question as asked (follow-ups are left out of hit@k).
 */
export async function runEval(
  assistant: Assistant,
  tools: KnowledgeTools,
  questions: GoldQuestion[],
): Promise<EvalReport> {
  const scores: QuestionScore[] = [];
  const answers: Answer[] = [];
  for (const q of questions) {
    const answer = await assistant.ask(q.question, q.session ? { session: `eval:${q.session}` } : {});
    const retrieved =
      q.expect.quote && q.kind !== 'followup' ? await tools.searchKnowledge(q.question, 3) : undefined;
    scores.push(scoreAnswer(q, answer, retrieved));
    answers.push(answer);
  }
  const kinds = [...new Set(scores.map((s) => s.kind))].sort();
  return {
    overall: summarise(scores),
    byKind: Object.fromEntries(kinds.map((k) => [k, summarise(scores.filter((s) => s.kind === k))])),
    scores,
    answers,
  };
}

export function summarise(scores: QuestionScore[]): EvalMetrics {
  const share = (xs: (boolean | undefined)[]): number => {
    const defined = xs.filter((x): x is boolean => x !== undefined);
    return defined.length === 0 ? 1 : defined.filter(Boolean).length / defined.length;
  };
  return {
    questions: scores.length,
    answerAccuracy: share(scores.map((s) => s.correct)),
    statusAccuracy: share(scores.map((s) => s.statusOk)),
    guardedStatusAccuracy: share(scores.map((s) => (s.guarded ? s.statusOk : undefined))),
    hit1: share(scores.map((s) => s.hit1)),
    hit3: share(scores.map((s) => s.hit3)),
    citationAccuracy: share(scores.map((s) => s.citationOk)),
    groundingViolations: scores.reduce((n, s) => n + s.violations.length, 0),
    wronglyRefused: rate(scores.filter((s) => s.answerable).map((s) => s.wronglyRefused)),
    wronglyAnswered: rate(scores.filter((s) => !s.answerable).map((s) => s.wronglyAnswered)),
    answerable: scores.filter((s) => s.answerable).length,
    unanswerable: scores.filter((s) => !s.answerable).length,
  };
}

/** Share of true values; 0 for an empty list (no question of that sort, no error of that sort). */
const rate = (xs: boolean[]): number => (xs.length === 0 ? 0 : xs.filter(Boolean).length / xs.length);

/**
 * Per-set floors: each set's measured level (2026-12-03, offline, twelfth session) minus three
 * points, so CI catches a regression without failing on one question's noise; refusal rates
 * likewise plus a few points. The gold set is held at 0.95 (issue 9; measured 0.987). They record
 * where the product is, not where it should be: issue 9 asks 0.85 on the benefits test splits and
 * 0.92 on the work-summary test split. Every set also holds: no grounding violation, every
 * off-scope question recognised (tests/eval/eval-run.slow.test.ts).
 */
export const SET_FLOORS: Record<string, { answerAccuracy: number; maxWronglyRefused?: number }> = {
  gold: { answerAccuracy: 0.95, maxWronglyRefused: 0.03 },
  'benefits-dev': { answerAccuracy: 0.91, maxWronglyRefused: 0.03 },
  'benefits-test': { answerAccuracy: 0.9, maxWronglyRefused: 0.04 },
  'benefits2-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.05 },
  'benefits2-test': { answerAccuracy: 0.92, maxWronglyRefused: 0.05 },
  'benefits3-dev': { answerAccuracy: 0.92, maxWronglyRefused: 0.03 },
  'benefits3-test': { answerAccuracy: 0.89, maxWronglyRefused: 0.05 },
  'benefits4-dev': { answerAccuracy: 0.92, maxWronglyRefused: 0.03 },
  'benefits4-test': { answerAccuracy: 0.92, maxWronglyRefused: 0.03 },
  'benefits5-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.03 },
  'benefits5-test': { answerAccuracy: 0.87, maxWronglyRefused: 0.03 },
  'benefits6-dev': { answerAccuracy: 0.92, maxWronglyRefused: 0.03 },
  'benefits6-test': { answerAccuracy: 0.88, maxWronglyRefused: 0.03 },
  'benefits7-dev': { answerAccuracy: 0.91, maxWronglyRefused: 0.03 },
  'benefits7-test': { answerAccuracy: 0.84, maxWronglyRefused: 0.03 },
  'benefits8-dev': { answerAccuracy: 0.95, maxWronglyRefused: 0.03 },
  'benefits8-test': { answerAccuracy: 0.92, maxWronglyRefused: 0.03 },
  'benefits9-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.03 },
  'benefits9-test': { answerAccuracy: 0.91, maxWronglyRefused: 0.03 },
  'benefits10-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.03 },
  'benefits10-test': { answerAccuracy: 0.9, maxWronglyRefused: 0.03 },
  'benefits11-dev': { answerAccuracy: 0.9, maxWronglyRefused: 0.03 },
  'benefits11-test': { answerAccuracy: 0.86, maxWronglyRefused: 0.03 },
  'benefits12-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.05 },
  'benefits12-test': { answerAccuracy: 0.91, maxWronglyRefused: 0.05 },
  'benefits13-dev': { answerAccuracy: 0.88, maxWronglyRefused: 0.03 },
  'benefits13-test': { answerAccuracy: 0.87, maxWronglyRefused: 0.03 },
  'benefits14-dev': { answerAccuracy: 0.92, maxWronglyRefused: 0.03 },
  'benefits14-test': { answerAccuracy: 0.88, maxWronglyRefused: 0.03 },
  'benefits15-dev': { answerAccuracy: 0.9, maxWronglyRefused: 0.03 },
  'benefits15-test': { answerAccuracy: 0.79, maxWronglyRefused: 0.05 },
  'benefits16-dev': { answerAccuracy: 0.89, maxWronglyRefused: 0.03 },
  'benefits16-test': { answerAccuracy: 0.85, maxWronglyRefused: 0.05 },
  'benefits17-dev': { answerAccuracy: 0.9, maxWronglyRefused: 0.03 },
  'benefits17-test': { answerAccuracy: 0.8, maxWronglyRefused: 0.07 },
  'benefits18-dev': { answerAccuracy: 0.93, maxWronglyRefused: 0.03 },
  'benefits18-test': { answerAccuracy: 0.86, maxWronglyRefused: 0.03 },
  'benefits19-dev': { answerAccuracy: 0.9, maxWronglyRefused: 0.03 },
  'benefits19-test': { answerAccuracy: 0.86, maxWronglyRefused: 0.03 },
  'benefits20-dev': { answerAccuracy: 0.9, maxWronglyRefused: 0.03 },
  'benefits20-test': { answerAccuracy: 0.83, maxWronglyRefused: 0.05 },
  'benefits21-dev': { answerAccuracy: 0.88, maxWronglyRefused: 0.03 },
  'benefits21-test': { answerAccuracy: 0.83, maxWronglyRefused: 0.03 },
  'benefits22-dev': { answerAccuracy: 0.84, maxWronglyRefused: 0.03 },
  'benefits22-test': { answerAccuracy: 0.86, maxWronglyRefused: 0.08 },
  'benefits23-dev': { answerAccuracy: 0.89, maxWronglyRefused: 0.03 },
  'benefits23-test': { answerAccuracy: 0.83, maxWronglyRefused: 0.03 },
  'benefits24-dev': { answerAccuracy: 0.82, maxWronglyRefused: 0.05 },
  'benefits24-test': { answerAccuracy: 0.87, maxWronglyRefused: 0.05 },
  'summary-dev': { answerAccuracy: 0.97, maxWronglyRefused: 0.03 },
  'summary-test': { answerAccuracy: 0.95, maxWronglyRefused: 0.03 },
  'summary2-dev': { answerAccuracy: 0.97, maxWronglyRefused: 0.03 },
  'summary2-test': { answerAccuracy: 0.95, maxWronglyRefused: 0.03 },
  'summary3-dev': { answerAccuracy: 0.95, maxWronglyRefused: 0.03 },
  'summary3-test': { answerAccuracy: 0.93, maxWronglyRefused: 0.05 },
  'summary4-dev': { answerAccuracy: 0.97, maxWronglyRefused: 0.03 },
  'summary4-test': { answerAccuracy: 0.92, maxWronglyRefused: 0.05 },
  'summary5-dev': { answerAccuracy: 0.97, maxWronglyRefused: 0.03 },
  'summary5-test': { answerAccuracy: 0.87, maxWronglyRefused: 0.03 },
  'summary6-dev': { answerAccuracy: 0.97, maxWronglyRefused: 0.03 },
  'summary6-test': { answerAccuracy: 0.89, maxWronglyRefused: 0.08 },
  'summary7-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.03 },
  'summary7-test': { answerAccuracy: 0.87, maxWronglyRefused: 0.09 },
  'summary8-dev': { answerAccuracy: 0.9, maxWronglyRefused: 0.1 },
  'summary8-test': { answerAccuracy: 0.85, maxWronglyRefused: 0.08 },
  'summary9-dev': { answerAccuracy: 0.93, maxWronglyRefused: 0.05 },
  'summary9-test': { answerAccuracy: 0.94, maxWronglyRefused: 0.03 },
  'summary10-dev': { answerAccuracy: 0.9, maxWronglyRefused: 0.05 },
  'summary10-test': { answerAccuracy: 0.92, maxWronglyRefused: 0.05 },
  'summary11-dev': { answerAccuracy: 0.92, maxWronglyRefused: 0.05 },
  'summary11-test': { answerAccuracy: 0.89, maxWronglyRefused: 0.05 },
  'summary12-dev': { answerAccuracy: 0.9, maxWronglyRefused: 0.03 },
  'summary12-test': { answerAccuracy: 0.9, maxWronglyRefused: 0.07 },
  'summary13-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.03 },
  'summary13-test': { answerAccuracy: 0.84, maxWronglyRefused: 0.08 },
  'summary14-dev': { answerAccuracy: 0.91, maxWronglyRefused: 0.06 },
  'summary14-test': { answerAccuracy: 0.86, maxWronglyRefused: 0.08 },
  'summary15-dev': { answerAccuracy: 0.95, maxWronglyRefused: 0.03 },
  'summary15-test': { answerAccuracy: 0.95, maxWronglyRefused: 0.06 },
  'summary16-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.03 },
  'summary16-test': { answerAccuracy: 0.83, maxWronglyRefused: 0.1 },
  'summary17-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.05 },
  'summary17-test': { answerAccuracy: 0.83, maxWronglyRefused: 0.03 },
  'summary18-dev': { answerAccuracy: 0.95, maxWronglyRefused: 0.03 },
  'summary18-test': { answerAccuracy: 0.88, maxWronglyRefused: 0.08 },
  'summary19-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.05 },
  'summary19-test': { answerAccuracy: 0.79, maxWronglyRefused: 0.19 },
  'summary20-dev': { answerAccuracy: 0.92, maxWronglyRefused: 0.09 },
  'summary20-test': { answerAccuracy: 0.76, maxWronglyRefused: 0.1 },
  'summary21-dev': { answerAccuracy: 0.95, maxWronglyRefused: 0.03 },
  'summary21-test': { answerAccuracy: 0.81, maxWronglyRefused: 0.07 },
  'summary22-dev': { answerAccuracy: 0.95, maxWronglyRefused: 0.03 },
  'summary22-test': { answerAccuracy: 0.89, maxWronglyRefused: 0.1 },
  'summary23-dev': { answerAccuracy: 0.75, maxWronglyRefused: 0.22 },
  'summary23-test': { answerAccuracy: 0.69, maxWronglyRefused: 0.23 },
  'summary24-dev': { answerAccuracy: 0.94, maxWronglyRefused: 0.03 },
  'summary24-test': { answerAccuracy: 0.88, maxWronglyRefused: 0.08 },
  'summary25-dev': { answerAccuracy: 0.9, maxWronglyRefused: 0.06 },
  'summary25-test': { answerAccuracy: 0.76, maxWronglyRefused: 0.06 },
  'summary26-dev': { answerAccuracy: 0.92, maxWronglyRefused: 0.03 },
  'summary26-test': { answerAccuracy: 0.86, maxWronglyRefused: 0.06 },
  'summary27-dev': { answerAccuracy: 0.81, maxWronglyRefused: 0.07 },
  'summary27-test': { answerAccuracy: 0.87, maxWronglyRefused: 0.09 },
};

/** What a set's report fails of its floor; empty when it holds. */
export function checkSetFloors(set: string, m: EvalMetrics): string[] {
  const failed: string[] = [];
  const floor = SET_FLOORS[set];
  if (floor && m.answerAccuracy < floor.answerAccuracy)
    failed.push(`answer accuracy ${pct(m.answerAccuracy)} < ${pct(floor.answerAccuracy)}`);
  if (floor?.maxWronglyRefused !== undefined && m.wronglyRefused > floor.maxWronglyRefused)
    failed.push(`answerable questions refused ${pct(m.wronglyRefused)} > ${pct(floor.maxWronglyRefused)}`);
  if (m.groundingViolations > 0) failed.push(`${m.groundingViolations} grounding violations`);
  return failed;
}

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
