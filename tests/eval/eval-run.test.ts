import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/assistant/answer.js';
import { loadGoldSet, type GoldQuestion } from '../../src/eval/gold.js';
import { checkThresholds, pct, runEval, THRESHOLDS, type EvalReport } from '../../src/eval/run-eval.js';
import { createTestCore, type TestCore } from '../support/create-test-core.js';

/*
 * CI guard for `npm run eval`: the whole gold set through the real offline core, held to the same
 * thresholds as `npm run eval` (answer accuracy ≥ 95 %, every masked / not-found / off-scope status
 * right, no grounding violation). Measured 0.961 on 232 questions on 2026-11-27.
 */
const ANSWER_ACCURACY_FLOOR = THRESHOLDS.answerAccuracy;

let testCore: TestCore;
let questions: GoldQuestion[];
let report: EvalReport;

beforeAll(async () => {
  testCore = await createTestCore();
  questions = await loadGoldSet(path.join(import.meta.dirname));
  report = await runEval(testCore.core.assistant, testCore.core.tools, questions);
});
afterAll(async () => {
  await testCore.cleanup();
});

/** One line per failing question, so a failure says which questions to look at. */
function failures(filter: (i: number) => boolean): string {
  return report.scores
    .flatMap((s, i) => (filter(i) ? [{ s, answer: report.answers[i]?.answer ?? '' }] : []))
    .map(
      ({ s, answer }) => `${s.id}: ${[...s.problems, ...s.violations].join('; ')} — ${answer.slice(0, 80)}`,
    )
    .join('\n');
}

describe('eval over the gold set (offline)', () => {
  it('runs every gold question and returns a valid Answer for each', () => {
    expect(questions.length).toBeGreaterThanOrEqual(100);
    expect(report.scores).toHaveLength(questions.length);
    expect(report.answers).toHaveLength(questions.length);
    for (const answer of report.answers)
      expect(AnswerSchema.safeParse(answer).success, answer.question).toBe(true);
    expect(report.answers.every((a) => a.mode === 'offline')).toBe(true);
  });

  it('has zero grounding violations', () => {
    const ungrounded = report.scores.map((s) => s.violations.length > 0);
    expect(
      report.overall.groundingViolations,
      failures((i) => ungrounded[i] === true),
    ).toBe(0);
  });

  it('gets the status of every off-scope question right', () => {
    const offScope = report.scores.map(
      (s, i) => questions[i]?.expect.status === 'out_of_scope' && !s.statusOk,
    );
    expect(report.byKind.out_of_scope?.questions).toBeGreaterThan(0);
    expect(
      report.byKind.out_of_scope?.statusAccuracy,
      failures((i) => offScope[i] === true),
    ).toBe(1);
    // Also the off-scope questions filed under other kinds (e.g. English chit-chat).
    expect(offScope.filter(Boolean)).toHaveLength(0);
  });

  it(`keeps overall answer accuracy at or above ${pct(ANSWER_ACCURACY_FLOOR)}`, () => {
    expect(
      report.overall.answerAccuracy,
      `answer accuracy ${pct(report.overall.answerAccuracy)}; wrong:\n${failures((i) => report.scores[i]?.correct === false)}`,
    ).toBeGreaterThanOrEqual(ANSWER_ACCURACY_FLOOR);
  });

  it('meets every threshold of npm run eval, including 100 % on masked / not-found / off-scope statuses', () => {
    const guardedWrong = report.scores.map((s) => s.guarded && !s.statusOk);
    expect(
      checkThresholds(report.overall),
      failures((i) => guardedWrong[i] === true),
    ).toEqual([]);
  });
});
