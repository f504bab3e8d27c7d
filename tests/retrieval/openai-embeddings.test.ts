import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiEmbeddings } from '../../src/retrieval/openai-embeddings.js';
import { LlmError } from '../../src/errors.js';
import {
  defaultEmbedding,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../support/fake-openai-server.js';

describe('createOpenAiEmbeddings against a fake OpenAI-compatible server', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => {
    server = await startFakeOpenAiServer();
  });
  afterEach(async () => {
    await server.close();
  });

  const create = (extra: { batchSize?: number; maxRetries?: number } = {}) =>
    createOpenAiEmbeddings({
      apiKey: 'sk-embed-test',
      baseURL: server.baseURL,
      model: 'emb-model',
      ...extra,
    });

  it('names itself openai:<model> so the index cache rebuilds when the embedder changes', () => {
    expect(create().id).toBe('openai:emb-model');
  });

  it('embeds documents in batches of at most 64, in input order', async () => {
    const texts = Array.from({ length: 150 }, (_, i) => `第${i}段：退役军人服务`);
    const vectors = await create().embedDocuments(texts);
    const sizes = server.requests.map((r) => (r.body as { input: string[] }).input.length);
    expect(sizes).toEqual([64, 64, 22]);
    expect(vectors).toHaveLength(150);
    // base64 decoding by the SDK gives float32 precision; order must follow the inputs.
    for (const i of [0, 63, 64, 149]) {
      expect(vectors[i]?.[0]).toBeCloseTo(defaultEmbedding(texts[i]!)[0]!, 5);
    }
    expect((server.requests[0]?.body as { model: string }).model).toBe('emb-model');
  });

  it('embeds a query through the same endpoint', async () => {
    const vector = await create().embedQuery('烈士墓迁移');
    expect(vector).toHaveLength(8);
    expect(vector[3]).toBeCloseTo(defaultEmbedding('烈士墓迁移')[3]!, 5);
  });

  it('retries a 429 and succeeds', async () => {
    server.enqueueEmbeddingError({ status: 429, message: 'slow down' });
    const vectors = await create().embedDocuments(['优抚', '安置']);
    expect(vectors).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('throws an LlmError naming the variable to fix when the model is unknown, without the key', async () => {
    server.enqueueEmbeddingError({ status: 404, message: 'model sk-embed-test not found' });
    const error = await create({ maxRetries: 0 })
      .embedQuery('x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as Error).message).toMatch(/OPENAI_EMBEDDING_MODEL/);
    expect((error as Error).message).not.toContain('sk-embed-test');
  });

  it('rejects a batch size above 64', () => {
    expect(() => create({ batchSize: 65 })).toThrow(/batchSize/);
  });
});

describe('createOpenAiEmbeddings batch size per provider', () => {
  it('uses batches of 10 for DashScope compatible mode', async () => {
    const server = await startFakeOpenAiServer();
    // Route a DashScope-looking base URL to the fake through the client's fetch.
    const viaFake: typeof fetch = (input, init) =>
      fetch(
        String(input instanceof Request ? input.url : input).replace(
          /^https:\/\/dashscope[^/]*\/compatible-mode\/v1/,
          server.baseURL,
        ),
        init,
      );
    try {
      const embeddings = createOpenAiEmbeddings({
        apiKey: 'k',
        baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
        model: 'text-embedding-v3',
        fetch: viaFake,
      });
      await embeddings.embedDocuments(Array.from({ length: 25 }, (_, i) => `段落${i}`));
      expect(server.requests.map((r) => (r.body as { input: string[] }).input.length)).toEqual([10, 10, 5]);
    } finally {
      await server.close();
    }
  });
});
