import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema, type Answer } from '../../../src/assistant/answer.js';
import { runAsk } from '../../../src/channels/cli/ask-command.js';
import { createTestCore, type TestCore } from '../../support/create-test-core.js';
import { CLI_TIMEOUT_MS, type RunResult } from '../../support/run-cli.js';

/*
 * `npm run ask`: the command in-process over the real core and knowledge/ folder. Once as a user
 * runs it — a real child process — is in ask-process.slow.test.ts.
 */

let testCore: TestCore;

/** The ask command in this process; the assistant is opened only when asked for (counted). */
let opened = 0;
async function runAskHere(args: string[], options: { stdin?: string } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runAsk(
    args,
    {
      stdin: Readable.from([options.stdin ?? '']),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
    async () => {
      opened++;
      return testCore.core.assistant;
    },
  );
  return { code, stdout, stderr };
}

function parseAnswer(line: string): Answer {
  const parsed = AnswerSchema.safeParse(JSON.parse(line));
  if (!parsed.success) throw new Error(`not an Answer: ${line}\n${parsed.error.message}`);
  return parsed.data;
}

beforeAll(async () => {
  testCore = await createTestCore();
}, CLI_TIMEOUT_MS);
afterAll(async () => {
  await testCore.cleanup();
});

describe('ask --json', () => {
  it('joins several words into one question and honours --lang', async () => {
    const result = await runAskHere(['--json', '--lang', 'en', '2022年', '迁移了多少烈士墓']);
    expect(result.code, result.stderr).toBe(0);
    const answer = parseAnswer(result.stdout.trim());
    expect(answer.question).toBe('2022年 迁移了多少烈士墓');
    expect(answer.language).toBe('en');
  });
});

describe('ask --jsonl', () => {
  it('answers one question per stdin line, in order, one JSON line each', async () => {
    const questions = ['2022年迁移了多少烈士墓', '今天天气怎么样', '2022年培训合格率是多少'];
    // A blank line in between is skipped, not answered.
    const result = await runAskHere(['--jsonl'], {
      stdin: `${questions[0]}\n\n${questions[1]}\r\n${questions[2]}\n`,
    });
    expect(result.code, result.stderr).toBe(0);
    const answers = result.stdout.trimEnd().split('\n').map(parseAnswer);
    expect(answers.map((a) => a.question)).toEqual(questions);
    expect(answers.map((a) => a.status)).toEqual(['answered', 'out_of_scope', 'undisclosed']);
  });

  it('keeps a session across lines with --session', async () => {
    const stdin = '2023年培训合格率目标是多少？\n那2022年呢？\n';
    const result = await runAskHere(['--jsonl', '--session', 'cli-test'], { stdin });
    expect(result.code, result.stderr).toBe(0);
    const [, followUp] = result.stdout.trimEnd().split('\n').map(parseAnswer);
    expect(followUp?.status).toBe('undisclosed');
    expect(followUp?.answer).toContain('培训合格率');
  });
});

describe('usage errors', () => {
  it.each([
    ['no question', []],
    ['--json without a question', ['--json']],
  ])('%s → exit code 2 with usage on stderr', async (_name, args) => {
    const openedBefore = opened;
    const result = await runAskHere(args);
    // A usage error loads no knowledge.
    expect(opened).toBe(openedBefore);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/no question given/);
    expect(result.stderr).toMatch(/usage:/);
    expect(result.stderr).toContain('--jsonl');
  });

  it('a mistyped option → exit code 2 naming it, and no answer to a question with --jsn in it', async () => {
    const openedBefore = opened;
    const result = await runAskHere(['--jsn', '2023年培训合格率目标是多少？']);
    // A usage error loads no knowledge.
    expect(opened).toBe(openedBefore);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/unknown option --jsn/);
    expect(result.stderr).toMatch(/usage:/);
  });

  it('a bad --lang value → exit code 2 naming the option', async () => {
    const openedBefore = opened;
    const result = await runAskHere(['--lang', 'fr', '问题']);
    // A usage error loads no knowledge.
    expect(opened).toBe(openedBefore);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--lang must be zh or en, got fr/);
  });
});

describe('human-readable mode', () => {
  it('prints the answer, 来源 and the quote, then a line of what to ask next', async () => {
    const result = await runAskHere(['2022年迁移了多少烈士墓']);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain('1041');
    expect(out).toContain('来源');
    expect(out).toContain('“完成集中迁移散葬烈士墓1041座”');
    expect(out).toContain('市退役军人事务局2022年度领导班子工作总结');
    expect(out.indexOf('来源')).toBeLessThan(out.lastIndexOf('完成集中迁移散葬烈士墓1041座'));
    // Two or three questions the knowledge answers, after the sources.
    const next = /接着可以问：(.+)/.exec(out);
    expect(next, out).not.toBeNull();
    expect(next![1]!.split(' ／ ').length).toBeGreaterThanOrEqual(2);
    expect(out.indexOf('接着可以问')).toBeGreaterThan(out.indexOf('来源'));
    expect(() => JSON.parse(out)).toThrow();
  });
});
