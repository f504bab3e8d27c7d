import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, post, startTestServer, type TestServer } from './start-test-server.js';

describe('admin API', () => {
  let server: TestServer;
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each([
    ['no header', {}],
    ['wrong token', { authorization: 'Bearer wrong' }],
    ['token prefix', { authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}` }],
    ['not bearer', { authorization: `Basic ${ADMIN_TOKEN}` }],
  ])('401 with %s, and nothing happens', async (_label, headers) => {
    const reply = await post(`${server.url}/api/admin/reindex`, {}, headers);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toContain('Bearer');
    const put = await post(
      `${server.url}/api/admin/figures/training-pass-rate`,
      { year: 2023, value: 90 },
      headers,
      'PUT',
    );
    expect(put.status).toBe(401);
    expect(server.reindexCalls).toBe(0);
    expect(await server.store.kpiUpdates()).toEqual([]);
  });

  it('POST /api/admin/reindex rebuilds and reports the counts', async () => {
    const reply = await post(`${server.url}/api/admin/reindex`, {}, auth);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ documents: 1, chunks: 42, figures: 8 });
    expect(server.reindexCalls).toBe(1);
  });

  it('PUT /api/admin/figures/:id appends to the history; null records 未公开', async () => {
    const url = `${server.url}/api/admin/figures/training-pass-rate`;
    const first = await post(url, { year: 2023, value: 97.5, note: '年中统计' }, auth, 'PUT');
    expect(first.status).toBe(200);
    expect(first.json.update).toMatchObject({
      kpiId: 'training-pass-rate',
      year: 2023,
      kind: 'actual',
      value: 97.5,
      by: 'admin-api',
    });
    const second = await post(url, { year: 2023, value: null, kind: 'actual' }, auth, 'PUT');
    expect((second.json.history as unknown[]).length).toBe(2);
    expect((await server.store.kpiUpdates('training-pass-rate')).map((u) => u.value)).toEqual([97.5, null]);
  });

  it('PUT takes exact ids only: a name or unknown id is a 404 listing the ids; 400 names the field', async () => {
    const before = (await server.store.kpiUpdates()).length;
    const byName = await post(
      `${server.url}/api/admin/figures/${encodeURIComponent('培训合格率')}`,
      { year: 2024, value: 88, kind: 'target' },
      auth,
      'PUT',
    );
    expect(byName.status).toBe(404);
    expect(byName.json.validIds).toContain('training-pass-rate');
    const unknown = await post(`${server.url}/api/admin/figures/nope`, { year: 2023, value: 1 }, auth, 'PUT');
    expect(unknown.status).toBe(404);
    expect(await server.store.kpiUpdates()).toHaveLength(before);
    const badValue = await post(
      `${server.url}/api/admin/figures/training-pass-rate`,
      { year: 2023, value: '90' },
      auth,
      'PUT',
    );
    expect(badValue.json.field).toBe('body.value');
    const badKind = await post(
      `${server.url}/api/admin/figures/training-pass-rate`,
      { year: 2023, value: 1, kind: 'guess' },
      auth,
      'PUT',
    );
    expect(badKind.json.field).toBe('body.kind');
    const noYear = await post(
      `${server.url}/api/admin/figures/training-pass-rate`,
      { value: 1 },
      auth,
      'PUT',
    );
    expect(noYear.json.field).toBe('body.year');
  });
});

describe('admin API without ADMIN_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { ADMIN_TOKEN: '' } });
  });
  afterAll(() => server.close());

  it('refuses every request and says how to enable it', async () => {
    const reply = await post(`${server.url}/api/admin/reindex`, {}, { authorization: 'Bearer ' });
    expect(reply.status).toBe(401);
    expect(String(reply.json.error)).toContain('ADMIN_TOKEN');
    expect(server.reindexCalls).toBe(0);
  });
});
