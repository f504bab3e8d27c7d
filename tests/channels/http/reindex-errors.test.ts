import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../../src/assistant/answer.js';
import { ADMIN_TOKEN, post, startTestServer, type TestServer } from './start-test-server.js';

/** The real core over a copy of knowledge/ that the test breaks and mends. */
describe('POST /api/admin/reindex with a bad kpis.yaml', () => {
  let dir: string;
  let server: TestServer;
  let goodKpis: string;
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const reindex = () => post(`${server.url}/api/admin/reindex`, {}, auth);
  const ask = async (question: string) =>
    AnswerSchema.parse((await post(`${server.url}/api/ask`, { question })).json);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reindex-knowledge-'));
    await cp(join(import.meta.dirname, '../../../knowledge'), dir, { recursive: true });
    goodKpis = await readFile(join(dir, 'kpis.yaml'), 'utf8');
    server = await startTestServer({ real: true, knowledgeDir: dir });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is a 422 naming the file and field, and the previous index keeps answering', async () => {
    await writeFile(join(dir, 'kpis.yaml'), goodKpis.replace("unit: '%'", 'unit: 42'));
    const reply = await reindex();
    expect(reply.status).toBe(422);
    expect(reply.json.file).toBe('kpis.yaml');
    expect(reply.json.field).toBe('indicators[0].unit');
    expect(String(reply.json.error)).toMatch(/^kpis\.yaml \(indicators\[0\]\.unit\): /);
    expect(String(reply.json.error)).toContain('the previous knowledge keeps answering');
    const answer = await ask('去年迁移了多少座散葬烈士墓？');
    expect(answer.answer).toContain('1041');
  });

  it('reloads once the file is fixed', async () => {
    await writeFile(join(dir, 'kpis.yaml'), goodKpis);
    const reply = await reindex();
    expect(reply.status).toBe(200);
    expect(reply.json.documents).toBeGreaterThan(0);
  });
});
