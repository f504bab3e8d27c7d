import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../../src/assistant/answer.js';
import type { StatsSummary } from '../../../src/assistant/ports.js';
import { ADMIN_TOKEN, post, startTestServer, type TestServer } from './start-test-server.js';

/** The HTTP API over the real core and knowledge/ folder: real answers, real figures, real charts. */
describe('HTTP API over the real knowledge base', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ real: true });
  });
  afterAll(() => server.close());

  it('answers a figure question with a citation whose passage can be opened', async () => {
    const reply = await post(`${server.url}/api/ask`, { question: '2022年网上祭扫有多少人？' });
    const answer = AnswerSchema.parse(reply.json);
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('20000');
    const chunkId = answer.citations.find((c) => c.chunkId)?.chunkId;
    expect(chunkId).toBeDefined();
    const passage = await fetch(`${server.url}/api/passage?chunk=${encodeURIComponent(chunkId!)}`);
    expect(passage.status).toBe(200);
    const body = (await passage.json()) as { text: string; quote: string };
    expect(body.text).toContain(body.quote);
  });

  it('a follow-up in the same session resolves against the previous question', async () => {
    await post(`${server.url}/api/ask`, { question: '2023年培训合格率的目标是多少？', session: 'follow-1' });
    const second = AnswerSchema.parse(
      (await post(`${server.url}/api/ask`, { question: '训后推荐就业率呢？', session: 'follow-1' })).json,
    );
    expect(second.answer).toContain('85');
  });

  it('an admin KPI update shows up in the indicators and the figure lookup', async () => {
    const summary = (await (await fetch(`${server.url}/api/stats`)).json()) as StatsSummary;
    const target = summary.targets.find((t) => t.target?.value != null);
    expect(target).toBeDefined();
    const put = await post(
      `${server.url}/api/admin/figures/${encodeURIComponent(target!.metricId)}`,
      { year: target!.year, value: 12.5, kind: 'actual', note: 'test' },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
      'PUT',
    );
    expect(put.status).toBe(200);
    const figure = (await (
      await fetch(`${server.url}/api/figures/${encodeURIComponent(target!.metricId)}?year=${target!.year}`)
    ).json()) as {
      values: { kind: string; value: number | null }[];
    };
    expect(figure.values.find((v) => v.kind === 'actual')?.value).toBe(12.5);
  });

  it('serves the dashboard rows and both chart formats', async () => {
    const rows = ((await (await fetch(`${server.url}/api/indicators`)).json()) as { rows: unknown[] }).rows;
    expect(rows.length).toBeGreaterThan(10);
    const svg = await (await fetch(`${server.url}/charts/stats.svg`)).text();
    expect(svg).toContain('年度工作主要数据');
  });
});
