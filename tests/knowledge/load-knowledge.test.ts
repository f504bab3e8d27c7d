import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/adapters/knowledge/load-knowledge.js';
import { hashKnowledgeFiles } from '../../src/adapters/knowledge/read-knowledge-files.js';
import { KnowledgeError } from '../../src/errors.js';
import { makeDocx } from '../support/make-docx.js';
import { makePdf } from '../support/make-pdf.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'knowledge-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), content);
}

/** A folder with one file of every format, two broken files, sidecars, data files and noise. */
async function makeMixedFolder(): Promise<void> {
  await copyFile(join(KNOWLEDGE, '2022-work-summary.txt'), join(dir, '2022-work-summary.txt'));
  await copyFile(join(KNOWLEDGE, 'kpis.yaml'), join(dir, 'kpis.yaml'));
  await copyFile(join(KNOWLEDGE, 'glossary.yaml'), join(dir, 'glossary.yaml'));
  await put('glossary-policy.yaml', 'entries:\n  - term: 创业担保贷款\n    colloquial: [开店贷款]\n');
  await put('bureau.yaml', 'name: 市退役军人事务局\nhours: 工作日 9:00-17:00\nhotline: 12345\naddress: 某路1号\nplaceholder: true\n');
  await put('policies/guide.md', '---\ntitle: 优待证指南\nkind: policy\n---\n# 一、优待证\n优待证由安置地发放。\n');
  await put('policies/old.md', '---\ntitle: 旧版指南\nkind: policy\nsuperseded_by: policies/guide.md\n---\n旧内容。\n');
  await put('reports/2023.docx', makeDocx(['市退役军人事务局2023年工作总结', '一、工作开展情况', '全年完成培训300人次。']));
  await put('reports/2023.docx.meta.yaml', 'kind: report\nyear: 2023\n');
  await put('reports/scan.pdf', makePdf([['Annual report 2021', 'Trained 120 veterans.']]));
  await put('web/page.html', '<title>网页通知</title><body><p>办理时间：工作日。</p></body>');
  await put('reports/broken.docx', 'not a zip at all');
  await put('reports/garbage.pdf', '%PDF-1.7\n garbage');
  await put('notes/readme.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  await put('.hidden/secret.txt', '不应加载');
  await put('reports/~$2023.docx', 'word lock file');
}

describe('loadKnowledge', () => {
  it('loads every format, reports broken files by name and still loads the rest', async () => {
    await makeMixedFolder();
    const kb = await loadKnowledge(dir);
    expect(kb.documents.map((d) => d.id)).toEqual([
      '2022-work-summary.txt',
      'policies/guide.md',
      'policies/old.md',
      'reports/2023.docx',
      'reports/scan.pdf',
      'web/page.html',
    ]);
    expect(kb.problems.map((p) => p.file).sort()).toEqual(['reports/broken.docx', 'reports/garbage.pdf']);
    expect(kb.problems.find((p) => p.file === 'reports/broken.docx')?.reason).toMatch(/re-save it from Word as \.docx/);
    expect(kb.problems.find((p) => p.file === 'reports/garbage.pdf')?.reason).toMatch(/PDF could not be read/);

    const docx = kb.documents.find((d) => d.id === 'reports/2023.docx');
    expect(docx).toMatchObject({ kind: 'report', year: 2023 });
    expect(docx?.text).toContain('全年完成培训300人次。');
    expect(kb.documents.find((d) => d.id === 'reports/scan.pdf')?.text).toContain('Trained 120 veterans.');
    expect(kb.documents.find((d) => d.id === 'policies/old.md')?.supersededBy).toBe('policies/guide.md');

    expect(kb.kpis.length).toBeGreaterThanOrEqual(30);
    expect(kb.glossary.map((e) => e.term)).toContain('创业担保贷款');
    expect(kb.glossary.map((e) => e.term)).toContain('退役军人');
    expect(kb.bureau).toEqual({
      name: '市退役军人事务局',
      hours: '工作日 9:00-17:00',
      hotline: '12345',
      address: '某路1号',
      placeholder: true,
    });
  });

  it('splits documents into sections and chunks and extracts figures', async () => {
    await makeMixedFolder();
    const kb = await loadKnowledge(dir);
    for (const doc of kb.documents) expect(kb.chunks.some((c) => c.docId === doc.id), doc.id).toBe(true);
    for (const chunk of kb.chunks) {
      const doc = kb.documents.find((d) => d.id === chunk.docId);
      expect(doc?.text).toContain(chunk.text);
      expect(kb.sections.some((s) => s.id === chunk.sectionId)).toBe(true);
    }
    const seedFigures = kb.figures.filter((f) => f.docId === '2022-work-summary.txt');
    expect(seedFigures.some((f) => f.value === 1041)).toBe(true);
  });

  it('loads the real knowledge folder without problems', async () => {
    const kb = await loadKnowledge(KNOWLEDGE);
    expect(kb.problems).toEqual([]);
    const seed = kb.documents.find((d) => d.id === '2022-work-summary.txt');
    expect(seed).toMatchObject({ title: '市退役军人事务局2022年度领导班子工作总结', kind: 'report', year: 2022 });
    expect(kb.bureau?.placeholder).toBe(true);
  });

  it('throws a KnowledgeError naming kpis.yaml and the field path', async () => {
    await copyFile(join(KNOWLEDGE, '2022-work-summary.txt'), join(dir, '2022-work-summary.txt'));
    await put(
      'kpis.yaml',
      'indicators:\n  - id: a\n    name_zh: 甲\n    name_en: A\n    category: 就业创业\n    unit: "%"\n' +
        '    values:\n      - { year: 2023, kind: plan, value: 85, doc: 2022-work-summary.txt, quote: 培训合格率达85％ }\n',
    );
    const error = await loadKnowledge(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).message).toContain('kpis.yaml (indicators[0].values[0].kind)');
    expect((error as KnowledgeError).message).toMatch(/use actual .* or target/);
  });

  it('throws for a malformed glossary and bureau file, naming the field', async () => {
    await put('a.txt', '正文\n');
    await put('glossary-extra.yaml', 'entries:\n  - term: 就业\n    english: employment\n');
    await expect(loadKnowledge(dir)).rejects.toThrow('glossary-extra.yaml (entries[0].english)');
    await rm(join(dir, 'glossary-extra.yaml'));
    await put('bureau.yaml', 'name: 局\nhours: 9-17\nhotline: "1"\naddress: 路\n');
    await expect(loadKnowledge(dir)).rejects.toThrow('bureau.yaml (placeholder)');
  });

  it('reports a superseded_by that names no document, and KPI quotes not found', async () => {
    await put('old.md', '---\nsuperseded_by: new.md\n---\n旧。\n');
    await put('a.txt', '培训合格率达85％\n');
    await put(
      'kpis.yaml',
      'indicators:\n  - id: a\n    name_zh: 甲\n    name_en: A\n    category: 就业创业\n    unit: "%"\n' +
        '    values:\n      - { year: 2023, kind: target, value: 80, doc: a.txt, quote: 培训合格率达80％ }\n',
    );
    const kb = await loadKnowledge(dir);
    expect(kb.documents).toHaveLength(2);
    expect(kb.problems).toEqual([
      { file: 'old.md', field: 'superseded_by', reason: expect.stringContaining('"new.md" is not another document') },
      { file: 'kpis.yaml', reason: expect.stringContaining('indicators[0].values[0].quote') },
    ]);
  });

  it('throws a KnowledgeError for a missing folder', async () => {
    await expect(loadKnowledge(join(dir, 'nope'))).rejects.toThrow(/knowledge folder cannot be read/);
  });
});

describe('hashKnowledgeFiles', () => {
  it('is stable and changes only when a loaded file changes', async () => {
    await put('a.txt', '一\n');
    await put('kpis.yaml', 'indicators: []\n');
    const first = await hashKnowledgeFiles(dir);
    expect(await hashKnowledgeFiles(dir)).toBe(first);
    await put('notes.png', 'x');
    await put('prompts.yaml', 'x: 1\n');
    expect(await hashKnowledgeFiles(dir)).toBe(first);
    await put('a.txt', '二\n');
    const second = await hashKnowledgeFiles(dir);
    expect(second).not.toBe(first);
    await put('sub/b.md', '# b\n');
    expect(await hashKnowledgeFiles(dir)).not.toBe(second);
  });
});
