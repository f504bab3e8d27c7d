import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/adapters/knowledge/load-knowledge.js';
import { validateKnowledge } from '../../src/knowledge/validate-knowledge.js';

// `npm run test:slow`: loading 50 MB of text takes tens of seconds by design. The size limit is
// tested in large-document.test.ts.

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');
const SUMMARY = '2022-work-summary.txt';
const MB = 1024 * 1024;

/**
 * A bulk export as staff would drop it in: the work summary's sections repeated under numbered
 * headings until the file reaches `bytes` (tens of thousands of headings, 100k+ chunks).
 */
async function writeBulkExport(file: string, bytes: number): Promise<void> {
  const body = (await readFile(join(KNOWLEDGE, SUMMARY), 'utf8')).split('\n').slice(1).join('\n');
  const parts = ['全市退役军人工作资料汇编\n'];
  let size = Buffer.byteLength(parts[0]!);
  for (let i = 1; size < bytes; i++) {
    const part = `${(i % 9) + 1}.第${i}册\n${body}\n`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  await writeFile(file, parts.join(''));
}

describe('a 50 MB document in knowledge/', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'knowledge-large-'));
    await copyFile(join(KNOWLEDGE, SUMMARY), join(dir, SUMMARY));
    await writeBulkExport(join(dir, 'bulk-export.txt'), 50 * MB);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads (as start does) and passes the check (as ingest --check does): both agree', async () => {
    const { problems } = await validateKnowledge(dir);
    expect(problems).toEqual([]);
    const kb = await loadKnowledge(dir);
    expect(kb.problems).toEqual([]);
    const bulkChunks = kb.chunks.filter((c) => c.docId === 'bulk-export.txt');
    expect(bulkChunks.length).toBeGreaterThan(100_000);
    // Deep in the file, chunks and figures still get the section path the same text has alone.
    const last = <T>(items: T[], doc: string, pick: (item: T) => string) => items.filter((i) => pick(i) === doc).at(-1);
    const chunkPath = (doc: string) => last(kb.chunks, doc, (c) => c.docId)?.sectionPath;
    const figurePath = (doc: string) => last(kb.figures, doc, (f) => f.docId)?.sectionPath;
    expect(chunkPath('bulk-export.txt')).toEqual(chunkPath(SUMMARY));
    expect(figurePath('bulk-export.txt')).toEqual(figurePath(SUMMARY));
    expect(chunkPath(SUMMARY)?.length).toBeGreaterThan(0);
  }, 180_000);
});
