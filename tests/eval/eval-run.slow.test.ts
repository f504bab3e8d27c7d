import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVAL_SETS } from '../../src/eval/eval-sets.js';
import { loadGoldSet, type GoldQuestion } from '../../src/eval/gold.js';
import { checkSetFloors, pct, runEval, SET_FLOORS, type EvalReport } from '../../src/eval/run-eval.js';
import { createTestCore, type TestCore } from '../support/create-test-core.js';

/*
 * CI guard for `npm run eval`: every question set through the real offline core, each held to its
 * floor (its measured level minus a small margin, in src/eval/run-eval.ts) and to the promises that
 * hold everywhere: no grounding violation, every off-scope question recognised. Failures of the
 * gold set and the dev splits are listed; a test split reports its figures only. In `npm run
 * test:slow`: several hundred questions through the real core take longer than the fast suite may.
 */
const ROOT = path.join(import.meta.dirname, '../..');

let testCore: TestCore;
const runs = new Map<string, { questions: GoldQuestion[]; report: EvalReport; showFailures: boolean }>();

beforeAll(async () => {
  testCore = await createTestCore();
  for (const set of EVAL_SETS) {
    const questions = await loadGoldSet(path.join(ROOT, set.dir), set.files);
    runs.set(set.name, {
      questions,
      report: await runEval(testCore.core.assistant, testCore.core.tools, questions),
      showFailures: set.showFailures,
    });
  }
}, 120_000);
afterAll(async () => {
  await testCore.cleanup();
});

/** One line per failing question (never for a test split, whose questions stay unread). */
function failures(name: string, filter: (i: number) => boolean): string {
  const run = runs.get(name);
  if (!run) return '';
  if (!run.showFailures)
    return `${name}: ${run.report.scores.filter((_, i) => filter(i)).length} failing (test split: not listed)`;
  return run.report.scores
    .flatMap((s, i) => (filter(i) ? [{ s, answer: run.report.answers[i]?.answer ?? '' }] : []))
    .map(
      ({ s, answer }) => `${s.id}: ${[...s.problems, ...s.violations].join('; ')} — ${answer.slice(0, 80)}`,
    )
    .join('\n');
}

describe.each(EVAL_SETS.map((s) => [s.name]))('eval set %s (offline)', (name) => {
  it('answers every question with a valid, offline Answer', () => {
    const run = runs.get(name);
    expect(run?.questions.length).toBeGreaterThanOrEqual(50);
    expect(run?.report.answers.map((a) => a.mode)).toEqual(run?.questions.map(() => 'offline'));
    // Every answer quotes its sources verbatim: a citation quote is never empty.
    const emptyQuotes = run?.report.answers.flatMap((a) => a.citations.filter((c) => c.quote.trim() === ''));
    expect(emptyQuotes).toEqual([]);
  });

  it('has zero grounding violations', () => {
    const run = runs.get(name);
    expect(
      run?.report.overall.groundingViolations,
      failures(name, (i) => (run?.report.scores[i]?.violations.length ?? 0) > 0),
    ).toBe(0);
  });

  it(`holds its floor (${SET_FLOORS[name] ? pct(SET_FLOORS[name].answerAccuracy) : 'thresholds'})`, () => {
    const run = runs.get(name);
    if (!run) throw new Error(`no run for ${name}`);
    const m = run.report.overall;
    expect(
      checkSetFloors(name, m),
      `${name}: answer ${pct(m.answerAccuracy)}, refused ${pct(m.wronglyRefused)}, over-answered ${pct(m.wronglyAnswered)}\n${failures(name, (i) => run.report.scores[i]?.correct === false)}`,
    ).toEqual([]);
  });
});

describe('off-scope questions', () => {
  it('are recognised in every set', () => {
    const wrong = [...runs.entries()].flatMap(([name, run]) =>
      run.questions.flatMap((q, i) =>
        q.expect.status === 'out_of_scope' && run.report.answers[i]?.status !== 'out_of_scope'
          ? [`${name}:${q.id}`]
          : [],
      ),
    );
    expect(wrong).toEqual([]);
  });
});
