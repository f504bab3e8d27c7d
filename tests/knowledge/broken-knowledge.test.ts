import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core.js';
import { KnowledgeError } from '../../src/errors.js';
import { loadKnowledge } from '../../src/adapters/knowledge/load-knowledge.js';
import { createLogger } from '../../src/logger.js';
import { copySharedCache, createTestCore } from '../support/create-test-core.js';
import { KNOWLEDGE, useKnowledgeCopy } from '../support/knowledge-copy.js';

/*
 * Broken knowledge end to end, on a temp copy of the real knowledge/ folder (never the real one):
 * unreadable documents are skipped by name while the rest still answers; a malformed kpis.yaml
 * stops loading with the file and field; a corrupt index cache is rebuilt, not trusted. What
 * `ingest --check` says of them (a real process) is in ingest-check.slow.test.ts. Loader and
 * cache details are unit-tested in tests/knowledge/load-knowledge.test.ts and
 * tests/retrieval/index-cache.test.ts.
 */

const copy = useKnowledgeCopy();

describe('unreadable documents', () => {
  it('are reported by name with a reason while the rest loads and answers', async () => {
    await copy.addGarbageDocuments();
    const { core, cleanup } = await createTestCore({ knowledgeDir: copy.knowledgeDir });
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

});

describe('a malformed kpis.yaml', () => {
  it('stops loading with an error naming kpis.yaml and the field', async () => {
    await copy.damage('kpis.yaml', "    unit: '%'", '    unit: 42');
    const error = await loadKnowledge(copy.knowledgeDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as Error).message).toContain('kpis.yaml (indicators[0].unit)');
    // The core refuses to start on it too, rather than serve answers without curated figures.
    await expect(createTestCore({ knowledgeDir: copy.knowledgeDir })).rejects.toThrow(
      'kpis.yaml (indicators[0].unit)',
    );
  });

  it('names a missing required field', async () => {
    await copy.damage('kpis.yaml', '    name_zh: 计划分配安置率\n', '');
    await expect(loadKnowledge(copy.knowledgeDir)).rejects.toThrow('kpis.yaml (indicators[0].name_zh)');
  });

  it('with broken YAML syntax names the file and line', async () => {
    await writeFile(
      path.join(copy.knowledgeDir, 'kpis.yaml'),
      `${await readFile(path.join(KNOWLEDGE, 'kpis.yaml'), 'utf8')}  - { id: broken\n`,
    );
    await expect(loadKnowledge(copy.knowledgeDir)).rejects.toThrow(/kpis\.yaml.*YAML.*line \d+/);
  });
});

describe('a corrupt index cache', () => {
  async function listFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  }

  it('is rebuilt, not trusted, and answers stay right', async () => {
    const cacheDir = path.join(copy.temp, 'cache');
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
      const core = await createCore({
        config: { paths: { knowledgeDir: copy.knowledgeDir, cacheDir, dataDir: copy.temp } },
        logger,
      });
      // The derived cache writes in the background: let it finish before the temp folder goes.
      await core.flush();
      return core;
    };

    // Whole caches first (the run's shared ones fit this copy of knowledge/; built here otherwise).
    await copySharedCache(cacheDir);
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
