import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../../src/assistant/answer.js';
import { CLI_TIMEOUT_MS, runCli } from '../../support/run-cli.js';

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
