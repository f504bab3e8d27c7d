import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateKnowledge } from '../../src/knowledge/validate-knowledge.js';
import { makeDocx } from '../support/make-docx.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'knowledge-check-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), content);
}

const KPI_HEAD = 'indicators:\n  - id: pass_rate\n    name_zh: 培训合格率\n    name_en: Pass rate\n    category: 就业创业\n    unit: "%"\n    values:\n';

describe('validateKnowledge', () => {
  it('finds no problems in the real knowledge folder, and warns while the contacts are placeholders', async () => {
    const { problems, warnings } = await validateKnowledge(KNOWLEDGE);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/knowledge\/bureau\.yaml still holds placeholder contacts/)]);
    expect(warnings[0]).toMatch(/hotline.*placeholder: false/);
  });

  it('lists every problem with file, field and a fix', async () => {
    await copyFile(join(KNOWLEDGE, '2022-work-summary.txt'), join(dir, '2022-work-summary.txt'));
    await put('old.md', '---\nkind: statute\nsuperseded_by: gone.md\n---\n旧。\n');
    await put('broken.docx', 'not a zip');
    await put('orphan.docx.meta.yaml', 'year: 2020\n');
    await put('guide.md.meta.yaml', 'year: 2020\n');
    await put('guide.md', '# 指南\n正文\n');
    await put(
      'kpis.yaml',
      KPI_HEAD +
        '      - { year: 2023, kind: target, value: 85, doc: 2022-work-summary.txt, quote: 培训合格率达85％ }\n' +
        '      - { year: 2022, kind: actual, value: null, doc: 2022-work-summary.txt, quote: 培训合格率达99％ }\n' +
        '      - { year: 2022, kind: actual, value: null, doc: missing.txt, quote: x }\n',
    );
    await put('glossary.yaml', 'entries:\n  - term: ""\n');
    await put('bureau.yaml', 'name: 局\nhours: 9-17\nhotline: 1\naddress: 路\nplaceholder: maybe\n');
    const { problems } = await validateKnowledge(dir);
    const found = problems.map((p) => `${p.file} ${p.field ?? '-'}`);
    expect(found).toEqual([
      'broken.docx -',
      'old.md kind',
      'old.md superseded_by',
      'bureau.yaml placeholder',
      'glossary.yaml entries[0].term',
      'kpis.yaml indicators[0].values[1].quote',
      'kpis.yaml indicators[0].values[2].doc',
      'guide.md.meta.yaml -',
      'orphan.docx.meta.yaml -',
    ]);
    for (const p of problems) expect(p.message.length, `${p.file}: ${p.message}`).toBeGreaterThan(20);
    expect(problems.find((p) => p.file === 'guide.md.meta.yaml')?.message).toMatch(/only for \.docx\/\.pdf/);
  });

  it('accepts a docx with a valid sidecar and a valid superseded_by chain', async () => {
    await put('new.md', '# 新指南\n正文\n');
    await put('old.docx', makeDocx(['旧指南']));
    await put('old.docx.meta.yaml', 'title: 旧指南\nkind: policy\nsuperseded_by: new.md\n');
    expect((await validateKnowledge(dir)).problems).toEqual([]);
  });

  it('warns about a missing contact card, and not once it is filled in', async () => {
    await put('a.md', '# 指南\n正文\n');
    expect((await validateKnowledge(dir)).warnings).toEqual([expect.stringMatching(/bureau\.yaml is missing/)]);
    await put('bureau.yaml', 'name: 某市退役军人事务局\nhours: 周一至周五\nhotline: "0000-0000000"\naddress: 某路\nplaceholder: false\n');
    expect(await validateKnowledge(dir)).toEqual({ problems: [], warnings: [] });
  });

  it('reports an empty or missing folder', async () => {
    expect((await validateKnowledge(dir)).problems).toMatchObject([{ message: expect.stringMatching(/no documents/) }]);
    expect((await validateKnowledge(join(dir, 'nope'))).problems).toMatchObject([
      { file: join(dir, 'nope'), message: expect.stringMatching(/cannot be read/) },
    ]);
  });
});
