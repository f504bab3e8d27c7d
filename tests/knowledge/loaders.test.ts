import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeFile } from '../../src/knowledge/file-kinds.js';
import { loadDocument } from '../../src/adapters/knowledge/loaders/index.js';
import { splitFrontMatter, validateFrontMatter } from '../../src/adapters/knowledge/loaders/front-matter.js';
import { makeDocx } from '../support/make-docx.js';
import { makePdf } from '../support/make-pdf.js';

const SEED = join(import.meta.dirname, '../../knowledge/2022-work-summary.txt');
const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const file = (path: string, bytes: Uint8Array | string): KnowledgeFile => ({
  path,
  bytes: typeof bytes === 'string' ? utf8(bytes) : bytes,
});

async function loadOk(main: KnowledgeFile, sidecar?: KnowledgeFile) {
  const { document, problems } = await loadDocument(main, sidecar);
  expect(problems).toEqual([]);
  if (!document) throw new Error(`${main.path} did not load`);
  return document;
}

describe('txt loader', () => {
  it('loads the seed report: title, kind, year, text byte for byte', async () => {
    const bytes = await readFile(SEED);
    const doc = await loadOk(file('2022-work-summary.txt', bytes));
    expect(doc.title).toBe('市退役军人事务局2022年度领导班子工作总结');
    expect(doc.kind).toBe('report');
    expect(doc.year).toBe(2022);
    expect(doc.text).toBe(bytes.toString('utf8'));
    expect(doc.id).toBe('2022-work-summary.txt');
    expect(doc.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('normalises CRLF to LF and drops a BOM', async () => {
    const text = (await readFile(SEED, 'utf8')).replace(/\n/g, '\r\n');
    const doc = await loadOk(file('crlf.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)])));
    expect(doc.text).toBe(await readFile(SEED, 'utf8'));
  });

  it('splits off YAML front matter; the text starts after it', async () => {
    const doc = await loadOk(
      file(
        'notes/guide.txt',
        '---\ntitle: 优待证办理须知\nkind: policy\nissuer: 市退役军人事务局\neffective_date: 2023-03-01\nsource: 本局通知\nyear: 2023\n---\n\n优待证由安置地发放。\n',
      ),
    );
    expect(doc).toMatchObject({
      id: 'notes/guide.txt',
      title: '优待证办理须知',
      kind: 'policy',
      issuer: '市退役军人事务局',
      effectiveDate: '2023-03-01',
      sourceRef: '本局通知',
      year: 2023,
      text: '优待证由安置地发放。\n',
    });
  });

  it('defaults kind to other and year to none for a non-report title', async () => {
    const doc = await loadOk(file('faq.txt', '常见问题解答\n问：优待证在哪里领？\n'));
    expect(doc).toMatchObject({ title: '常见问题解答', kind: 'other' });
    expect(doc.year).toBeUndefined();
  });

  it('reports non-UTF-8 and empty files with what to do', async () => {
    const gbk = Buffer.from([0xcd, 0xcb, 0xd2, 0xdb, 0xbe, 0xfc, 0xc8, 0xcb]); // 退役军人 in GBK
    const bad = await loadDocument(file('gbk.txt', gbk));
    expect(bad.document).toBeUndefined();
    expect(bad.problems).toEqual([{ file: 'gbk.txt', reason: expect.stringMatching(/not UTF-8.*re-save it as UTF-8/) }]);
    const empty = await loadDocument(file('empty.txt', ' \n\n'));
    expect(empty.problems[0]?.reason).toMatch(/no text/);
    const onlyFrontMatter = await loadDocument(file('fm.md', '---\ntitle: x\n---\n'));
    expect(onlyFrontMatter.document).toBeUndefined();
  });
});

describe('front matter', () => {
  it('reports each bad field with its name and loads the document without it', async () => {
    const { document, problems } = await loadDocument(
      file('bad.md', '---\nkind: statute\neffective_date: 2021/01/01\nissuer: 全国人大常委会\nauthor: x\n---\n# 标题\n正文\n'),
    );
    expect(document).toMatchObject({ title: '标题', kind: 'other', issuer: '全国人大常委会' });
    expect(document?.effectiveDate).toBeUndefined();
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['bad.md', 'kind'],
      ['bad.md', 'effective_date'],
      ['bad.md', 'author'],
    ]);
    expect(problems[0]?.reason).toMatch(/front matter field kind: .*policy, report, law, other/);
    expect(problems[1]?.reason).toMatch(/YYYY-MM-DD/);
  });

  it('reports a front matter block that is not YAML', async () => {
    const { document, problems } = await loadDocument(file('x.md', '---\ntitle: [unclosed\n---\n正文\n'));
    expect(document?.text).toBe('正文\n');
    expect(problems[0]?.reason).toMatch(/front matter is not valid YAML/);
  });

  it('leaves text without a front matter block unchanged', () => {
    expect(splitFrontMatter('正文\n---\n')).toEqual({ raw: undefined, body: '正文\n---\n' });
    expect(validateFrontMatter({ year: '2022', 'superseded-by': 'a.md' }).value).toEqual({
      year: 2022,
      superseded_by: 'a.md',
    });
  });
});

describe('markdown loader', () => {
  it('takes the title from the first # heading and keeps the markdown text', async () => {
    const doc = await loadOk(file('policies/g.md', '## 一、安置\n# 退役军人安置政策问答\n正文 **2** 项\n'));
    expect(doc.title).toBe('退役军人安置政策问答');
    expect(doc.text).toBe('## 一、安置\n# 退役军人安置政策问答\n正文 **2** 项\n');
  });

  it('loads a law in the knowledge folder with its front matter', async () => {
    const path = 'laws/veterans-protection-law-2020.md';
    const doc = await loadOk(file(path, await readFile(join(import.meta.dirname, '../../knowledge', path))));
    expect(doc).toMatchObject({ kind: 'law', effectiveDate: '2021-01-01', title: '中华人民共和国退役军人保障法' });
    expect(doc.text.startsWith('# 中华人民共和国退役军人保障法')).toBe(true);
  });
});

describe('docx loader', () => {
  it('reads a real .docx, one paragraph per line, front matter from the sidecar', async () => {
    const docx = makeDocx(['市退役军人事务局2023年工作报告', '全年接待来访咨询1200人次。', 'A & B <c>']);
    const doc = await loadOk(
      file('reports/2023.docx', docx),
      file('reports/2023.docx.meta.yaml', 'title: 2023年度工作报告\nyear: 2023\nsuperseded_by: reports/2024.docx\n'),
    );
    expect(doc.text).toBe('市退役军人事务局2023年工作报告\n全年接待来访咨询1200人次。\nA & B <c>\n');
    expect(doc).toMatchObject({ title: '2023年度工作报告', kind: 'report', year: 2023, supersededBy: 'reports/2024.docx' });
  });

  it('defaults the title to the file name without a sidecar', async () => {
    const doc = await loadOk(file('年度工作总结.docx', makeDocx(['第一段'])));
    expect(doc).toMatchObject({ title: '年度工作总结', kind: 'report' });
  });

  it('reports a broken .docx by name with how to fix it', async () => {
    for (const bytes of [utf8('this is not a zip'), Buffer.concat([makeDocx(['x']).subarray(0, 40)])]) {
      const { document, problems } = await loadDocument(file('broken.docx', bytes));
      expect(document).toBeUndefined();
      expect(problems).toEqual([
        { file: 'broken.docx', reason: expect.stringContaining('not a valid .docx (zip) file — re-save it from Word') },
      ]);
    }
  });

  it('reports a bad sidecar field against the sidecar file', async () => {
    const { document, problems } = await loadDocument(
      file('a.docx', makeDocx(['正文'])),
      file('a.docx.meta.yaml', 'kind: memo\n'),
    );
    expect(document?.kind).toBe('other');
    expect(problems).toMatchObject([{ file: 'a.docx.meta.yaml', field: 'kind' }]);
  });
});

describe('pdf loader', () => {
  it('reads the text of a hand-made PDF across pages, without page markers', async () => {
    const pdf = makePdf([['Veterans Affairs Work Report 2023', 'Placement rate 100% (target)'], ['Page two']]);
    const doc = await loadOk(file('report.pdf', pdf), file('report.pdf.meta.yaml', 'kind: report\nyear: 2023\n'));
    expect(doc.text).toBe('Veterans Affairs Work Report 2023\nPlacement rate 100% (target)\nPage two\n');
    expect(doc).toMatchObject({ title: 'report', kind: 'report', year: 2023 });
  });

  it('reports garbage and truncated PDFs by name', async () => {
    const garbage = await loadDocument(file('garbage.pdf', utf8('just some bytes')));
    expect(garbage.problems).toEqual([{ file: 'garbage.pdf', reason: expect.stringMatching(/not a PDF file/) }]);
    const truncated = await loadDocument(file('cut.pdf', makePdf([['Hello']]).subarray(0, 60)));
    expect(truncated.document).toBeUndefined();
    expect(truncated.problems[0]?.reason).toMatch(/PDF/);
  });
});

describe('html loader', () => {
  const page = `<!doctype html><html><head><title>退役军人优待政策 &amp; 服务</title>
<meta name="kind" content="policy"><meta name="issuer" content="市退役军人事务局">
<meta name="effective-date" content="2022-05-01"><meta name="superseded-by" content="policies/new.md">
<meta name="viewport" content="width=device-width"><style>p { color: red }</style></head>
<body><nav>首页 | 政策</nav><h1>优待政策</h1><p>持优待证可
免费乘坐公交&nbsp;车&lt;市内&gt;，K&nbsp;1路。</p><script>alert(1)</script>
<ul><li>第一条</li><li>第二条<br>续行</li></ul><table><tr><td>项目</td><td>数值</td></tr></table></body></html>`;

  it('extracts text by blocks with entities decoded; meta tags as front matter', async () => {
    const doc = await loadOk(file('policies/youdai.html', page));
    expect(doc.text).toBe('优待政策\n持优待证可免费乘坐公交车<市内>，K 1路。\n第一条\n第二条\n续行\n项目 数值\n');
    expect(doc).toMatchObject({
      title: '退役军人优待政策 & 服务',
      kind: 'policy',
      issuer: '市退役军人事务局',
      effectiveDate: '2022-05-01',
      supersededBy: 'policies/new.md',
    });
  });

  it('falls back to <h1> for the title', async () => {
    const doc = await loadOk(file('x.htm', '<body><h1>2021年工作总结</h1><p>正文</p></body>'));
    expect(doc).toMatchObject({ title: '2021年工作总结', kind: 'report', year: 2021 });
  });
});
