import { describe, expect, it } from 'vitest';
import { KNOWLEDGE, useKnowledgeCopy } from '../support/knowledge-copy.js';
import { CLI_TIMEOUT_MS, runCli } from '../support/run-cli.js';

/*
 * `npm run test:slow`: `ingest --check` as a real process (seconds of tsx start-up each) on a temp
 * copy of knowledge/ with broken files; what the loader makes of them in-process is in
 * broken-knowledge.test.ts.
 */

const copy = useKnowledgeCopy();

const runIngest = (args: string[], env: Record<string, string>) =>
  runCli('src/channels/cli/ingest.ts', args, { LOG_LEVEL: 'warn', ...env });

describe('unreadable documents', () => {
  it(
    'make `ingest --check` exit non-zero naming each file',
    async () => {
      await copy.addGarbageDocuments();
      const result = await runIngest(['--check'], { KNOWLEDGE_DIR: copy.knowledgeDir });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/^broken\.docx: .*re-save/m);
      expect(result.stderr).toMatch(/^uploads\/garbage\.pdf: .*PDF/m);
    },
    CLI_TIMEOUT_MS,
  );
});

describe('placeholder contacts', () => {
  it(
    'pass `ingest --check` (exit 0) with a warning naming bureau.yaml and how to fill it in',
    async () => {
      const result = await runIngest(['--check'], { KNOWLEDGE_DIR: copy.knowledgeDir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('are valid');
      expect(result.stderr).toMatch(/^warning: .*bureau\.yaml still holds placeholder contacts/m);
      expect(result.stderr).toContain('placeholder: false');
    },
    CLI_TIMEOUT_MS,
  );
});

describe('a malformed kpis.yaml', () => {
  it(
    'makes `ingest --check` exit non-zero and print the file and field',
    async () => {
      await copy.damage('kpis.yaml', "    unit: '%'", '    unit: 42');
      const result = await runIngest(['--check'], { KNOWLEDGE_DIR: copy.knowledgeDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('kpis.yaml (indicators[0].unit)');
      expect(result.stderr).toMatch(/1 problem/);
      expect(result.stdout).toBe('');
    },
    CLI_TIMEOUT_MS,
  );
});

describe('ingest --check on the real knowledge folder', () => {
  it(
    'exits 0',
    async () => {
      const result = await runIngest(['--check'], { KNOWLEDGE_DIR: KNOWLEDGE });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/problem/);
      expect(result.stdout).toMatch(/valid/);
    },
    CLI_TIMEOUT_MS,
  );
});
