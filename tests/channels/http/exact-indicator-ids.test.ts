import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, post, startTestServer, type TestServer } from './start-test-server.js';

/**
 * Over the real knowledge base, whose natural-language matcher maps `q` to training_pass_rate and
 * `c`, `d`, `b2`, `placement_rat` to placement_rate: an id names an indicator exactly or not at all.
 */
describe('indicator ids in the HTTP API are exact', () => {
  let server: TestServer;
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const put = (id: string, body: unknown) =>
    post(`${server.url}/api/admin/figures/${encodeURIComponent(id)}`, body, auth, 'PUT');
  beforeAll(async () => {
    server = await startTestServer({ real: true });
  });
  afterAll(() => server.close());

  it.each(['q', 'c', 'd', 'b2', 'placement_rat', '培训合格率', 'PLACEMENT_RATE'])(
    'PUT /api/admin/figures/%s is a 404 listing the valid ids, and nothing is recorded',
    async (id) => {
      const reply = await put(id, { year: 2023, value: 1 });
      expect(reply.status).toBe(404);
      expect(reply.json.field).toBe('id');
      expect(reply.json.validIds).toEqual(expect.arrayContaining(['placement_rate', 'training_pass_rate']));
      expect(String(reply.json.error)).toContain(`"${id}"`);
      expect(String(reply.json.error)).toContain('placement_rate, ');
      expect(await server.store.kpiUpdates()).toEqual([]);
    },
  );

  it('GET /api/figures/:id takes exact ids only', async () => {
    const near = await fetch(`${server.url}/api/figures/placement_rat`);
    expect(near.status).toBe(404);
    expect(((await near.json()) as { validIds: string[] }).validIds).toContain('placement_rate');
    const exact = await fetch(`${server.url}/api/figures/placement_rate`);
    expect(exact.status).toBe(200);
    expect(((await exact.json()) as { metricId: string }).metricId).toBe('placement_rate');
  });

  it('the exact id updates that indicator and no other', async () => {
    const reply = await put('training_pass_rate', { year: 2024, value: 99, kind: 'target' });
    expect(reply.status).toBe(200);
    expect((await server.store.kpiUpdates()).map((u) => u.kpiId)).toEqual(['training_pass_rate']);
  });
});
