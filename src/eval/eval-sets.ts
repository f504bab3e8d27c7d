/**
 * The question sets `npm run eval` runs, each reported on its own:
 * - `gold`: the original set (tests/eval/*.jsonl), written while the rules were tuned on it;
 * - blind sets (tests/eval/blind/): written by writers who saw only the source texts and a brief
 *   (kept beside each set), split 50/50 with a fixed seed. Failures are read on `dev` only; `test`
 *   is run for aggregate figures and its questions are never printed.
 */
export interface EvalSet {
  name: string;
  /** Folder under the project root. */
  dir: string;
  /** The files of the set; all *.jsonl of the folder when omitted. */
  files?: readonly string[];
  /** False for test splits: the eval never prints their questions or answers. */
  showFailures: boolean;
}

export const EVAL_SETS: readonly EvalSet[] = [
  { name: 'gold', dir: 'tests/eval', showFailures: true },
  { name: 'benefits-dev', dir: 'tests/eval/blind', files: ['benefits.dev.jsonl'], showFailures: true },
  { name: 'benefits-test', dir: 'tests/eval/blind', files: ['benefits.test.jsonl'], showFailures: false },
  { name: 'benefits2-dev', dir: 'tests/eval/blind', files: ['benefits2.dev.jsonl'], showFailures: true },
  { name: 'benefits2-test', dir: 'tests/eval/blind', files: ['benefits2.test.jsonl'], showFailures: false },
  { name: 'benefits3-dev', dir: 'tests/eval/blind', files: ['benefits3.dev.jsonl'], showFailures: true },
  { name: 'benefits3-test', dir: 'tests/eval/blind', files: ['benefits3.test.jsonl'], showFailures: false },
  { name: 'benefits4-dev', dir: 'tests/eval/blind', files: ['benefits4.dev.jsonl'], showFailures: true },
  { name: 'benefits4-test', dir: 'tests/eval/blind', files: ['benefits4.test.jsonl'], showFailures: false },
  { name: 'benefits5-dev', dir: 'tests/eval/blind', files: ['benefits5.dev.jsonl'], showFailures: true },
  { name: 'benefits5-test', dir: 'tests/eval/blind', files: ['benefits5.test.jsonl'], showFailures: false },
  { name: 'benefits6-dev', dir: 'tests/eval/blind', files: ['benefits6.dev.jsonl'], showFailures: true },
  { name: 'benefits6-test', dir: 'tests/eval/blind', files: ['benefits6.test.jsonl'], showFailures: false },
  { name: 'benefits7-dev', dir: 'tests/eval/blind', files: ['benefits7.dev.jsonl'], showFailures: true },
  { name: 'benefits7-test', dir: 'tests/eval/blind', files: ['benefits7.test.jsonl'], showFailures: false },
  { name: 'benefits8-dev', dir: 'tests/eval/blind', files: ['benefits8.dev.jsonl'], showFailures: true },
  { name: 'benefits8-test', dir: 'tests/eval/blind', files: ['benefits8.test.jsonl'], showFailures: false },
  { name: 'benefits9-dev', dir: 'tests/eval/blind', files: ['benefits9.dev.jsonl'], showFailures: true },
  { name: 'benefits9-test', dir: 'tests/eval/blind', files: ['benefits9.test.jsonl'], showFailures: false },
  { name: 'benefits10-dev', dir: 'tests/eval/blind', files: ['benefits10.dev.jsonl'], showFailures: true },
  { name: 'benefits10-test', dir: 'tests/eval/blind', files: ['benefits10.test.jsonl'], showFailures: false },
  { name: 'benefits11-dev', dir: 'tests/eval/blind', files: ['benefits11.dev.jsonl'], showFailures: true },
  { name: 'benefits11-test', dir: 'tests/eval/blind', files: ['benefits11.test.jsonl'], showFailures: false },
  { name: 'benefits12-dev', dir: 'tests/eval/blind', files: ['benefits12.dev.jsonl'], showFailures: true },
  { name: 'benefits12-test', dir: 'tests/eval/blind', files: ['benefits12.test.jsonl'], showFailures: false },
  { name: 'benefits13-dev', dir: 'tests/eval/blind', files: ['benefits13.dev.jsonl'], showFailures: true },
  { name: 'benefits13-test', dir: 'tests/eval/blind', files: ['benefits13.test.jsonl'], showFailures: false },
  { name: 'benefits14-dev', dir: 'tests/eval/blind', files: ['benefits14.dev.jsonl'], showFailures: true },
  { name: 'benefits14-test', dir: 'tests/eval/blind', files: ['benefits14.test.jsonl'], showFailures: false },
  { name: 'benefits15-dev', dir: 'tests/eval/blind', files: ['benefits15.dev.jsonl'], showFailures: true },
  { name: 'benefits15-test', dir: 'tests/eval/blind', files: ['benefits15.test.jsonl'], showFailures: false },
  { name: 'benefits16-dev', dir: 'tests/eval/blind', files: ['benefits16.dev.jsonl'], showFailures: true },
  { name: 'benefits16-test', dir: 'tests/eval/blind', files: ['benefits16.test.jsonl'], showFailures: false },
  { name: 'benefits17-dev', dir: 'tests/eval/blind', files: ['benefits17.dev.jsonl'], showFailures: true },
  { name: 'benefits17-test', dir: 'tests/eval/blind', files: ['benefits17.test.jsonl'], showFailures: false },
  { name: 'benefits18-dev', dir: 'tests/eval/blind', files: ['benefits18.dev.jsonl'], showFailures: true },
  { name: 'benefits18-test', dir: 'tests/eval/blind', files: ['benefits18.test.jsonl'], showFailures: false },
  { name: 'summary-dev', dir: 'tests/eval/blind', files: ['summary.dev.jsonl'], showFailures: true },
  { name: 'summary-test', dir: 'tests/eval/blind', files: ['summary.test.jsonl'], showFailures: false },
  { name: 'summary2-dev', dir: 'tests/eval/blind', files: ['summary2.dev.jsonl'], showFailures: true },
  { name: 'summary2-test', dir: 'tests/eval/blind', files: ['summary2.test.jsonl'], showFailures: false },
  { name: 'summary3-dev', dir: 'tests/eval/blind', files: ['summary3.dev.jsonl'], showFailures: true },
  { name: 'summary3-test', dir: 'tests/eval/blind', files: ['summary3.test.jsonl'], showFailures: false },
  { name: 'summary4-dev', dir: 'tests/eval/blind', files: ['summary4.dev.jsonl'], showFailures: true },
  { name: 'summary4-test', dir: 'tests/eval/blind', files: ['summary4.test.jsonl'], showFailures: false },
  { name: 'summary5-dev', dir: 'tests/eval/blind', files: ['summary5.dev.jsonl'], showFailures: true },
  { name: 'summary5-test', dir: 'tests/eval/blind', files: ['summary5.test.jsonl'], showFailures: false },
  { name: 'summary6-dev', dir: 'tests/eval/blind', files: ['summary6.dev.jsonl'], showFailures: true },
  { name: 'summary6-test', dir: 'tests/eval/blind', files: ['summary6.test.jsonl'], showFailures: false },
  { name: 'summary7-dev', dir: 'tests/eval/blind', files: ['summary7.dev.jsonl'], showFailures: true },
  { name: 'summary7-test', dir: 'tests/eval/blind', files: ['summary7.test.jsonl'], showFailures: false },
  { name: 'summary8-dev', dir: 'tests/eval/blind', files: ['summary8.dev.jsonl'], showFailures: true },
  { name: 'summary8-test', dir: 'tests/eval/blind', files: ['summary8.test.jsonl'], showFailures: false },
  { name: 'summary9-dev', dir: 'tests/eval/blind', files: ['summary9.dev.jsonl'], showFailures: true },
  { name: 'summary9-test', dir: 'tests/eval/blind', files: ['summary9.test.jsonl'], showFailures: false },
  { name: 'summary10-dev', dir: 'tests/eval/blind', files: ['summary10.dev.jsonl'], showFailures: true },
  { name: 'summary10-test', dir: 'tests/eval/blind', files: ['summary10.test.jsonl'], showFailures: false },
  { name: 'summary11-dev', dir: 'tests/eval/blind', files: ['summary11.dev.jsonl'], showFailures: true },
  { name: 'summary11-test', dir: 'tests/eval/blind', files: ['summary11.test.jsonl'], showFailures: false },
  { name: 'summary12-dev', dir: 'tests/eval/blind', files: ['summary12.dev.jsonl'], showFailures: true },
  { name: 'summary12-test', dir: 'tests/eval/blind', files: ['summary12.test.jsonl'], showFailures: false },
  { name: 'summary13-dev', dir: 'tests/eval/blind', files: ['summary13.dev.jsonl'], showFailures: true },
  { name: 'summary13-test', dir: 'tests/eval/blind', files: ['summary13.test.jsonl'], showFailures: false },
  { name: 'summary14-dev', dir: 'tests/eval/blind', files: ['summary14.dev.jsonl'], showFailures: true },
  { name: 'summary14-test', dir: 'tests/eval/blind', files: ['summary14.test.jsonl'], showFailures: false },
  { name: 'summary15-dev', dir: 'tests/eval/blind', files: ['summary15.dev.jsonl'], showFailures: true },
  { name: 'summary15-test', dir: 'tests/eval/blind', files: ['summary15.test.jsonl'], showFailures: false },
  { name: 'summary16-dev', dir: 'tests/eval/blind', files: ['summary16.dev.jsonl'], showFailures: true },
  { name: 'summary16-test', dir: 'tests/eval/blind', files: ['summary16.test.jsonl'], showFailures: false },
  { name: 'summary17-dev', dir: 'tests/eval/blind', files: ['summary17.dev.jsonl'], showFailures: true },
  { name: 'summary17-test', dir: 'tests/eval/blind', files: ['summary17.test.jsonl'], showFailures: false },
  { name: 'summary18-dev', dir: 'tests/eval/blind', files: ['summary18.dev.jsonl'], showFailures: true },
  { name: 'summary18-test', dir: 'tests/eval/blind', files: ['summary18.test.jsonl'], showFailures: false },
  { name: 'summary19-dev', dir: 'tests/eval/blind', files: ['summary19.dev.jsonl'], showFailures: true },
  { name: 'summary19-test', dir: 'tests/eval/blind', files: ['summary19.test.jsonl'], showFailures: false },
  { name: 'summary20-dev', dir: 'tests/eval/blind', files: ['summary20.dev.jsonl'], showFailures: true },
  { name: 'summary20-test', dir: 'tests/eval/blind', files: ['summary20.test.jsonl'], showFailures: false },
  { name: 'summary21-dev', dir: 'tests/eval/blind', files: ['summary21.dev.jsonl'], showFailures: true },
  { name: 'summary21-test', dir: 'tests/eval/blind', files: ['summary21.test.jsonl'], showFailures: false },
];
