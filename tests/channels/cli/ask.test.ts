import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema, type Answer } from '../../../src/assistant/answer.js';

/*
 * `npm run ask` as a user runs it: a real child process over the real knowledge/ folder, with its
 * index cache in a temp dir. stdout must carry nothing but the answer (JSON modes are piped into
 * other tools); logs and usage go to stderr.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const ASK = path.join(ROOT, 'src/channels/cli/ask.ts');
/** Each run compiles with tsx and loads the index; the machine may be busy with other tests. */
const CLI_TIMEOUT_MS = 90_000;

let cacheDir: string;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runAsk(
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [ASK, ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        CACHE_DIR: cacheDir,
        KNOWLEDGE_DIR: 'knowledge',
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

function parseAnswer(line: string): Answer {
  const parsed = AnswerSchema.safeParse(JSON.parse(line));
  if (!parsed.success) throw new Error(`not an Answer: ${line}\n${parsed.error.message}`);
  return parsed.data;
}

// The first run builds the index into cacheDir; the later ones load it from there.
beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), 'ask-cli-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('ask --json', () => {
  it(
    'prints exactly one line of JSON, an Answer, with logs only on stderr',
    async () => {
      // info level logs "knowledge loaded" and "search index loaded": they must not reach stdout.
      const result = await runAsk(['--json', '2022年迁移了多少烈士墓'], { env: { LOG_LEVEL: 'info' } });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.endsWith('\n')).toBe(true);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      const answer = parseAnswer(lines[0] ?? '');
      expect(answer).toMatchObject({
        question: '2022年迁移了多少烈士墓',
        status: 'answered',
        mode: 'offline',
      });
      expect(answer.answer).toContain('1041');
      expect(result.stderr).toContain('knowledge loaded');
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'joins several words into one question and honours --lang',
    async () => {
      const result = await runAsk(['--json', '--lang', 'en', '2022年', '迁移了多少烈士墓']);
      expect(result.code, result.stderr).toBe(0);
      const answer = parseAnswer(result.stdout.trim());
      expect(answer.question).toBe('2022年 迁移了多少烈士墓');
      expect(answer.language).toBe('en');
    },
    CLI_TIMEOUT_MS,
  );
});

describe('ask --jsonl', () => {
  it(
    'answers one question per stdin line, in order, one JSON line each',
    async () => {
      const questions = ['2022年迁移了多少烈士墓', '今天天气怎么样', '2022年培训合格率是多少'];
      // A blank line in between is skipped, not answered.
      const result = await runAsk(['--jsonl'], {
        stdin: `${questions[0]}\n\n${questions[1]}\r\n${questions[2]}\n`,
      });
      expect(result.code, result.stderr).toBe(0);
      const answers = result.stdout.trimEnd().split('\n').map(parseAnswer);
      expect(answers.map((a) => a.question)).toEqual(questions);
      expect(answers.map((a) => a.status)).toEqual(['answered', 'out_of_scope', 'undisclosed']);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'keeps a session across lines with --session',
    async () => {
      const stdin = '2023年培训合格率目标是多少？\n那2022年呢？\n';
      const result = await runAsk(['--jsonl', '--session', 'cli-test'], { stdin });
      expect(result.code, result.stderr).toBe(0);
      const [, followUp] = result.stdout.trimEnd().split('\n').map(parseAnswer);
      expect(followUp?.status).toBe('undisclosed');
      expect(followUp?.answer).toContain('培训合格率');
    },
    CLI_TIMEOUT_MS,
  );
});

describe('usage errors', () => {
  it.each([
    ['no question', []],
    ['--json without a question', ['--json']],
  ])(
    '%s → exit code 2 with usage on stderr',
    async (_name, args) => {
      const result = await runAsk(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/no question given/);
      expect(result.stderr).toMatch(/usage:/);
      expect(result.stderr).toContain('--jsonl');
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'a bad --lang value → exit code 2 naming the option',
    async () => {
      const result = await runAsk(['--lang', 'fr', '问题']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--lang must be zh or en, got fr/);
    },
    CLI_TIMEOUT_MS,
  );
});

describe('human-readable mode', () => {
  it(
    'prints the answer, 来源 and the quote, then a line of what to ask next',
    async () => {
      const result = await runAsk(['2022年迁移了多少烈士墓']);
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
    },
    CLI_TIMEOUT_MS,
  );
});
