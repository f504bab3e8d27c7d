import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureRecord } from '../../../src/assistant/ports.js';
import { createFakeTools } from '../../support/http-fakes.js';
import { post, startTestServer, type TestServer } from './start-test-server.js';

const hostile: FigureRecord = {
  id: 'hostile',
  name: '=HYPERLINK("http://evil")',
  nameEn: '<script>alert(1)</script>',
  category: '测试',
  year: 2022,
  kind: 'actual',
  value: 5,
  unit: '个',
  doc: 'x.txt',
  quote: 'a "quoted", line\nbreak',
};

describe('read API', () => {
  let server: TestServer;
  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  beforeAll(async () => {
    server = await startTestServer({ tools: createFakeTools([hostile]) });
  });
  afterAll(() => server.close());

  it('GET /api/figures filters by category and year', async () => {
    const all = JSON.parse((await get('/api/figures')).body) as { figures: FigureRecord[] };
    expect(all.figures.length).toBe(9);
    const filtered = JSON.parse(
      (await get(`/api/figures?category=${encodeURIComponent('就业创业')}&year=2023`)).body,
    );
    expect(filtered.figures.map((f: FigureRecord) => `${f.id}/${f.year}/${f.kind}`)).toEqual([
      'training-pass-rate/2023/target',
      'post-training-employment-rate/2023/target',
    ]);
    const bad = await get('/api/figures?year=twenty');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).field).toBe('query.year');
  });

  it('GET /api/figures/:id returns the values, 404 names an unknown id', async () => {
    const found = JSON.parse((await get('/api/figures/training-pass-rate')).body);
    expect(found.metricId).toBe('training-pass-rate');
    expect(found.values.map((v: FigureRecord) => v.value)).toEqual([null, 85]);
    const missing = await get('/api/figures/no-such-metric');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('no-such-metric');
  });

  it('GET /api/sources and /api/passage', async () => {
    const sources = JSON.parse((await get('/api/sources')).body);
    expect(sources.sources[0].doc).toBe('2022-work-summary.txt');
    const passage = await get(`/api/passage?chunk=${encodeURIComponent('2022-work-summary.txt#7')}`);
    expect(passage.status).toBe(200);
    const body = JSON.parse(passage.body);
    expect(body.text).toContain(body.quote);
    expect((await get('/api/passage?chunk=nope')).status).toBe(404);
    expect(JSON.parse((await get('/api/passage')).body).field).toBe('query.chunk');
  });

  it('GET /api/indicators pairs the latest actual with the current target and marks 未公开', async () => {
    const data = JSON.parse((await get('/api/indicators')).body);
    const training = data.rows.find((r: { id: string }) => r.id === 'training-pass-rate');
    expect(training.latestActual.year).toBe(2022);
    expect(training.latestActual.value).toBeNull();
    expect(training.currentTarget).toMatchObject({ year: 2023, value: 85 });
    expect(training.undisclosed).toBe(true);
    expect(training.sourceTitle).toContain('工作总结');
    expect(data.categories).toContain('褒扬纪念');
    expect(data.years).toEqual([2023, 2022]);
    const only2023 = JSON.parse((await get('/api/indicators?year=2023')).body);
    expect(
      only2023.rows.every(
        (r: { currentTarget?: { year: number } }) => !r.currentTarget || r.currentTarget.year >= 2023,
      ),
    ).toBe(true);
  });

  it('GET /api/dashboard leads with the disclosed headline figures (余 kept), the honours and the targets note', async () => {
    const data = JSON.parse((await get('/api/dashboard')).body);
    expect(data.year).toBe(2022);
    expect(data.figures.length).toBeGreaterThan(0);
    expect(data.figures.every((f: { value: number | null }) => f.value !== null)).toBe(true);
    expect(data.figures.find((f: { id: string }) => f.id === 'online-memorial-visits')).toMatchObject({
      value: 20000,
      approx: '余',
    });
    expect(data.honours[0]).toContain('双拥工作考核得分为满分');
    expect(data.targetYear).toBe(2023);
    expect(data.actualsNote).toMatch(/2023年实际完成数尚未填报.*\/setkpi/);
    expect(JSON.parse((await get('/api/dashboard?lang=en')).body).actualsNote).toMatch(/not been entered/);
    expect((await get('/api/dashboard?lang=fr')).status).toBe(400);
  });

  it('GET /api/indicators.csv is a BOM-prefixed CSV download with formulas defused and quotes escaped', async () => {
    const raw = await fetch(`${server.url}/api/indicators.csv`);
    expect([...Buffer.from(await raw.clone().arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = { headers: raw.headers, body: await raw.text() };
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toContain('指标');
    expect(csv.body).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(csv.body).toContain('"a ""quoted"", line\nbreak"');
    expect(lines.find((l) => l.startsWith('training-pass-rate'))).toContain('未公开');
    // 余 kept; an indicator with only a target has its actual 未填报 (not 未公开).
    expect(lines.find((l) => l.startsWith('online-memorial-visits'))).toContain(',20000余,');
    const placement = lines.find((l) => l.startsWith('placement-rate'))!;
    expect(placement).toContain(',未填报,');
    expect(placement).not.toContain('未公开,');
  });

  it('charts: SVG escapes hostile names, PNG is a real image', async () => {
    const svg = await get('/charts/targets.svg?lang=en');
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(svg.body).toContain('Targets for 2023');
    const stats = await get('/charts/stats.svg');
    expect(stats.body).toContain('未公开');
    expect(stats.body).not.toContain('<script>');
    expect((await get('/charts/stats.svg?lang=fr')).status).toBe(400);
    const png = await fetch(`${server.url}/charts/targets.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('POST /api/feedback stores the rating in SQLite; 400 names a bad rating', async () => {
    const ok = await post(`${server.url}/api/feedback`, {
      question: '网上祭扫',
      rating: 'down',
      comment: '不够详细',
    });
    expect(ok.status).toBe(201);
    const stored = await server.store.latestNegativeFeedback(5);
    expect(stored[0]).toMatchObject({
      channel: 'http',
      question: '网上祭扫',
      rating: 'down',
      comment: '不够详细',
    });
    expect(stored[0]?.userKey).toMatch(/^[0-9a-f]{32}$/);
    const bad = await post(`${server.url}/api/feedback`, { question: 'q', rating: 'meh' });
    expect(bad.status).toBe(400);
    expect(bad.json.field).toBe('body.rating');
  });
});
