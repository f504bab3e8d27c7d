import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile , mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core.js';
import { KnowledgeError } from '../../src/errors.js';
import { loadKnowledge } from '../../src/adapters/knowledge/load-knowledge.js';
import { createLogger } from '../../src/logger.js';
import { createTestCore } from '../support/create-test-core.js';

/*
 * Broken knowledge end to end, on a temp copy of the real knowledge/ folder (never the real one):
 * unreadable documents are skipped by name while the rest still answers; a malformed kpis.yaml
 * stops loading with the file and field; `ingest --check` exits non-zero naming them; a corrupt
 * index cache is rebuilt, not trusted. Loader and cache details are unit-tested in
 * tests/knowledge/load-knowledge.test.ts and tests/retrieval/index-cache.test.ts.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const KNOWLEDGE = path.join(ROOT, 'knowledge');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const INGEST = path.join(ROOT, 'src/channels/cli/ingest.ts');
/** Spawned CLIs compile with tsx and may build an index on a busy machine. */
const CLI_TIMEOUT_MS = 90_000;

let temp: string;
let knowledgeDir: string;

beforeEach(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'broken-knowledge-'));
  knowledgeDir = path.join(temp, 'knowledge');
  await cp(KNOWLEDGE, knowledgeDir, { recursive: true });
});
afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

/** Replaces `from` (which must occur) in a knowledge file of the temp copy. */
async function damage(file: string, from: string, to: string): Promise<void> {
  const target = path.join(knowledgeDir, file);
  const text = await readFile(target, 'utf8');
  expect(text, `${file} should contain ${from}`).toContain(from);
  await writeFile(target, text.replace(from, to));
}

async function addGarbageDocuments(): Promise<void> {
  await writeFile(path.join(knowledgeDir, 'broken.docx'), 'this is not a zip archive');
  await mkdir(path.join(knowledgeDir, 'uploads'), { recursive: true });
  await writeFile(path.join(knowledgeDir, 'uploads', 'garbage.pdf'), '%PDF-1.7\n garbage, no xref\n');
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runIngest(args: string[], env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [INGEST, ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('unreadable documents', () => {
  it('are reported by name with a reason while the rest loads and answers', async () => {
    await addGarbageDocuments();
    const { core, cleanup } = await createTestCore({ knowledgeDir });
    try {
      const problems = core.counts().problems;
      expect(problems.map((p) => p.file).sort()).toEqual(['broken.docx', 'uploads/garbage.pdf']);
      expect(problems.find((p) => p.file === 'broken.docx')?.reason).toMatch(/\.docx.*re-save/);
      expect(problems.find((p) => p.file === 'uploads/garbage.pdf')?.reason).toMatch(/PDF/);

      const clean = await loadKnowledge(KNOWLEDGE);
      expect(core.counts().documents).toBe(clean.documents.length);
      expect(core.counts().chunks).toBe(clean.chunks.length);

      const answer = await core.assistant.ask('2022年迁移了多少烈士墓');
      expect(answer.status).toBe('answered');
      expect(answer.answer).toContain('1041');
      const masked = await core.assistant.ask('2022年培训合格率是多少');
      expect(masked.status).toBe('undisclosed');
    } finally {
      await cleanup();
    }
  });

  it(
    'make `ingest --check` exit non-zero naming each file',
    async () => {
      await addGarbageDocuments();
      const result = await runIngest(['--check'], { KNOWLEDGE_DIR: knowledgeDir });
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
      const result = await runIngest(['--check'], { KNOWLEDGE_DIR: knowledgeDir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('are valid');
      expect(result.stderr).toMatch(/^warning: .*bureau\.yaml still holds placeholder contacts/m);
      expect(result.stderr).toContain('placeholder: false');
    },
    CLI_TIMEOUT_MS,
  );
});

describe('a malformed kpis.yaml', () => {
  it('stops loading with an error naming kpis.yaml and the field', async () => {
    await damage('kpis.yaml', "    unit: '%'", '    unit: 42');
    const error = await loadKnowledge(knowledgeDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as Error).message).toContain('kpis.yaml (indicators[0].unit)');
    // The core refuses to start on it too, rather than serve answers without curated figures.
    await expect(createTestCore({ knowledgeDir })).rejects.toThrow('kpis.yaml (indicators[0].unit)');
  });

  it('names a missing required field', async () => {
    await damage('kpis.yaml', '    name_zh: 计划分配安置率\n', '');
    await expect(loadKnowledge(knowledgeDir)).rejects.toThrow('kpis.yaml (indicators[0].name_zh)');
  });

  it(
    'makes `ingest --check` exit non-zero and print the file and field',
    async () => {
      await damage('kpis.yaml', "    unit: '%'", '    unit: 42');
      const result = await runIngest(['--check'], { KNOWLEDGE_DIR: knowledgeDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('kpis.yaml (indicators[0].unit)');
      expect(result.stderr).toMatch(/1 problem/);
      expect(result.stdout).toBe('');
    },
    CLI_TIMEOUT_MS,
  );

  it('with broken YAML syntax names the file and line', async () => {
    await writeFile(
      path.join(knowledgeDir, 'kpis.yaml'),
      `${await readFile(path.join(KNOWLEDGE, 'kpis.yaml'), 'utf8')}  - { id: broken\n`,
    );
    await expect(loadKnowledge(knowledgeDir)).rejects.toThrow(/kpis\.yaml.*YAML.*line \d+/);
  });
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

describe('a corrupt index cache', () => {
  async function listFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  }

  it('is rebuilt, not trusted, and answers stay right', async () => {
    const cacheDir = path.join(temp, 'cache');
    const logs: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logs.push(chunk.toString());
          done();
        },
      }),
    });
    const open = async () => {
      const core = await createCore({ config: { paths: { knowledgeDir, cacheDir, dataDir: temp } }, logger });
      // The derived cache writes in the background: let it finish before the temp folder goes.
      await core.flush();
      return core;
    };

    await open();
    const files = (await listFiles(path.join(cacheDir, 'index'))).filter((f) => !f.endsWith('manifest.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    // Every data file cut in half under an intact manifest: only checksums can catch this.
    for (const file of files) await truncate(file, Math.floor((await stat(file)).size / 2));

    logs.length = 0;
    const core = await open();
    expect(logs.join('')).toMatch(/rebuilding search index.*corrupt|corrupt.*rebuilding search index/);
    const answer = await core.assistant.ask('2022年迁移了多少烈士墓');
    expect(answer.answer).toContain('1041');
    expect(answer.citations[0]?.quote).toContain('1041');

    // The rebuilt cache is whole again: the next start loads it.
    logs.length = 0;
    await open();
    expect(logs.join('')).toContain('search index loaded from cache');
    expect(logs.join('')).not.toContain('rebuilding search index');
  });
});
