import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/adapters/knowledge/load-knowledge.js';
import { MAX_DOCUMENT_BYTES } from '../../src/adapters/knowledge/loaders/index.js';
import { validateKnowledge } from '../../src/knowledge/validate-knowledge.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');
const SUMMARY = '2022-work-summary.txt';
const MB = 1024 * 1024;

describe('a document over the size limit', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'knowledge-too-large-'));
    await copyFile(join(KNOWLEDGE, SUMMARY), join(dir, SUMMARY));
    await writeFile(join(dir, 'huge.txt'), Buffer.alloc(MAX_DOCUMENT_BYTES + MB, 'a'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is refused by name with the limit stated, by the check and the loader alike', async () => {
    const expected = {
      file: 'huge.txt',
      message: expect.stringMatching(/^the file is 101\.0 MB, larger than the 100 MB limit per document — split it/),
    };
    expect((await validateKnowledge(dir)).problems).toEqual([expected]);
    const kb = await loadKnowledge(dir);
    expect(kb.problems).toEqual([{ file: expected.file, reason: expected.message }]);
    expect(kb.documents.map((d) => d.id)).toEqual([SUMMARY]);
  }, 60_000);
});
