import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './start-test-server.js';

/** An uploaded Markdown guide: its source paragraphs read without raw "###" heading marks. */
describe('GET /api/passage over a Markdown document', () => {
  let dir: string;
  let server: TestServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'va-md-knowledge-'));
    for (const file of ['kpis.yaml', '2022-work-summary.txt', 'bureau.yaml'])
      await copyFile(join('knowledge', file), join(dir, file));
    await writeFile(
      join(dir, 'guide.md'),
      '---\ntitle: 优待指南\nkind: policy\n---\n# 优待指南\n\n## 一、交通优待\n\n### （一）乘车\n\n退役军人凭优待证乘坐市内公交车免费。\n\n### （二）景区\n\n退役军人凭优待证游览政府投资主办的景区免门票。\n',
    );
    server = await startTestServer({ real: true, knowledgeDir: dir });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the section and its text with headings as words, the quote still inside the text', async () => {
    const reply = await fetch(`${server.url}/api/passage?chunk=${encodeURIComponent('guide.md#1')}`);
    const passage = (await reply.json()) as { section: string; text: string; quote: string };
    expect(passage.section).toBe('优待指南 › 一、交通优待 › （二）景区');
    expect(passage.text).not.toMatch(/#/);
    expect(passage.text).toContain('（二）景区');
    expect(passage.text).toContain(passage.quote);
  });
});
