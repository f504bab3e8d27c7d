import { readFileSync, statSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../../src/assistant/answer.js';
import { extractiveModel, startFakeOpenAiServer } from '../../support/fake-openai-server.js';
import { makeDocx } from '../../support/make-docx.js';
import { CLI_TIMEOUT_MS, ROOT, runCli, runProcess, type RunResult } from '../../support/run-cli.js';

/*
 * `npm run test:slow`: `npm run ask` as a user runs it — a real child process (tsx start-up, its
 * own index), whose stdout must carry nothing but the answer (JSON modes are piped into other
 * tools) while logs and usage go to stderr. The command's options are tested in-process in
 * ask.test.ts.
 */

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), 'ask-cli-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** `ask` as a real child process (tsx over src/), as `npm run ask` runs it. */
const runAskProcess = (args: string[], env: Record<string, string>) =>
  runCli('src/channels/cli/ask.ts', args, { CACHE_DIR: cacheDir, KNOWLEDGE_DIR: 'knowledge', ...env });

describe('ask as a process', () => {
  it(
    'prints exactly one line of JSON, an Answer, with logs only on stderr',
    async () => {
      // info level logs "knowledge loaded" and "search index loaded": they must not reach stdout.
      const result = await runAskProcess(['--json', '2022年迁移了多少烈士墓'], { LOG_LEVEL: 'info' });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.endsWith('\n')).toBe(true);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      const answer = AnswerSchema.parse(JSON.parse(lines[0] ?? ''));
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
});

/** What `npm run ask` runs: the one-shot bundle under dist/ (built first when src/ is newer). */
const runBuiltAsk = (args: string[], env: Record<string, string>): Promise<RunResult> =>
  runProcess(process.execPath, ['scripts/run-built.mjs', 'dist/src/one-shot/ask.js', ...args], {
    CACHE_DIR: cacheDir,
    KNOWLEDGE_DIR: 'knowledge',
    ...env,
  });

describe('the built one-shot bundle (npm run ask)', () => {
  it(
    'answers offline, and in LLM mode finds its prompts and packages from where the bundle lives',
    async () => {
      const offline = await runBuiltAsk(['--json', '2022年迁移了多少烈士墓'], {});
      expect(offline.code, offline.stderr).toBe(0);
      expect(AnswerSchema.parse(JSON.parse(offline.stdout)).answer).toContain('1041');

      const fake = await startFakeOpenAiServer();
      try {
        fake.setDefaultChat(extractiveModel);
        const llm = await runBuiltAsk(['--json', '去年迁移了多少座散葬烈士墓？'], {
          OPENAI_API_KEY: 'sk-bundle-test-key',
          OPENAI_BASE_URL: fake.baseURL,
          OPENAI_MODEL: 'fake-model',
        });
        expect(llm.code, llm.stderr).toBe(0);
        const answer = AnswerSchema.parse(JSON.parse(llm.stdout));
        expect(answer.mode).toBe('llm');
        expect(answer.answer).toContain('1041');
        // The system prompt came from prompts/ (read relative to the bundled code): the model saw it.
        const systemPrompt = readFileSync(path.join(ROOT, 'prompts', 'system.zh.md'), 'utf8').slice(0, 40);
        expect(JSON.stringify(fake.chatRequests())).toContain(JSON.stringify(systemPrompt).slice(1, -1));
      } finally {
        await fake.close();
      }
    },
    CLI_TIMEOUT_MS,
  );
});

describe('the one-shot bundle with a staff document and its code cache', () => {
  it(
    'loads a Word document through the on-demand loader, and the second run keeps the code cache',
    async () => {
      // The document parsers are import()ed inside the bundle, which runs as a vm script: this
      // checks that import() still resolves packages from where the bundle lives.
      const temp = await mkdtemp(path.join(tmpdir(), 'ask-docx-'));
      try {
        await cp(path.join(ROOT, 'knowledge'), path.join(temp, 'knowledge'), { recursive: true });
        const notice = '本局老兵食堂每周三中午提供免费午餐，地点在局机关一楼。';
        await writeFile(path.join(temp, 'knowledge', 'canteen-notice.docx'), makeDocx([notice]));
        const env = { CACHE_DIR: path.join(temp, 'cache'), KNOWLEDGE_DIR: path.join(temp, 'knowledge') };
        const first = await runBuiltAsk(['--json', '老兵食堂每周几提供免费午餐？'], env);
        expect(first.code, first.stderr).toBe(0);
        expect(AnswerSchema.parse(JSON.parse(first.stdout)).answer).toContain('每周三');

        const codeCache = path.join(ROOT, 'dist/src/one-shot/bundle.cjs.v8-cache');
        const written = statSync(codeCache).mtimeMs;
        const second = await runBuiltAsk(['--json', '老兵食堂在哪里？'], env);
        expect(second.code, second.stderr).toBe(0);
        expect(AnswerSchema.parse(JSON.parse(second.stdout)).answer).toContain('一楼');
        // V8 accepted the cache (a rejected one is written afresh after the run).
        expect(statSync(codeCache).mtimeMs).toBe(written);
      } finally {
        await rm(temp, { recursive: true, force: true });
      }
    },
    CLI_TIMEOUT_MS,
  );
});
