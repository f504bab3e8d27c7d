import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AnswerSchema } from '../../../src/assistant/answer.js';
import type { Assistant } from '../../../src/assistant/ports.js';
import { WEB_TOPIC_IDS } from '../../../src/channels/http/web-topics.js';
import { createFakeAssistant } from '../../support/http-fakes.js';
import { post, startTestServer, type TestServer } from './start-test-server.js';

describe('POST /api/ask', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('returns the Answer JSON and logs the question in the store', async () => {
    const reply = await post(`${server.url}/api/ask`, {
      question: '2022年网上祭扫有多少人？',
      session: 'abc-123',
    });
    expect(reply.status).toBe(200);
    const answer = AnswerSchema.parse(reply.json);
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]?.quote).toBe('网上祭扫达20000余人');
    const questionId = Number(reply.headers.get('x-question-id'));
    expect(questionId).toBeGreaterThan(0);
    expect((await server.store.usage(1)).perDay.reduce((n, d) => n + d.count, 0)).toBeGreaterThanOrEqual(1);
  });

  it('logs the suggestion topic a question was picked from', async () => {
    await post(`${server.url}/api/ask`, { question: '集中迁移散葬烈士墓多少座？', topic: '褒扬纪念' });
    expect((await server.store.usage(1)).topTopics).toContainEqual({ topic: '褒扬纪念', count: 1 });
  });

  it.each(['<b>广告</b> 加微信', '褒扬纪念 ', 'Remembrance', 'x'.repeat(50)])(
    'accepts only the page topics: %j is a 400 naming body.topic, and nothing reaches the log',
    async (topic) => {
      const before = await server.store.usage(1);
      const reply = await post(`${server.url}/api/ask`, { question: '集中迁移散葬烈士墓多少座？', topic });
      expect(reply.status).toBe(400);
      expect(reply.json.field).toBe('body.topic');
      expect(String(reply.json.error)).toContain('就业创业, 褒扬纪念, 移交安置, 荣誉成绩, 政策待遇');
      expect(await server.store.usage(1)).toEqual(before);
    },
  );

  it('the page sends exactly the topic ids the server accepts', async () => {
    // The page's own module (plain JS, no types): imported by a path TypeScript does not follow.
    const page: string = '../../../src/web/i18n.js';
    const { TOPIC_IDS } = (await import(page)) as { TOPIC_IDS: string[] };
    expect(TOPIC_IDS).toEqual([...WEB_TOPIC_IDS]);
  });

  it.each([
    [{}, 'body.question'],
    [{ question: 42 }, 'body.question'],
    [{ question: '   ' }, 'body.question'],
    [{ question: 'x'.repeat(2001) }, 'body.question'],
    [{ question: 'ok', session: 'has space' }, 'body.session'],
    [{ question: 'ok', language: 'fr' }, 'body.language'],
  ])('400 names the bad field for %j', async (body, field) => {
    const reply = await post(`${server.url}/api/ask`, body);
    expect(reply.status).toBe(400);
    expect(reply.json.field).toBe(field);
    expect(String(reply.json.error)).toContain(field);
  });

  it('400 names unknown fields instead of ignoring them', async () => {
    const reply = await post(`${server.url}/api/ask`, { question: 'ok', questoin: 'typo' });
    expect(reply.status).toBe(400);
    expect(String(reply.json.error)).toContain('questoin');
  });

  it('400 for malformed JSON, 415 for a non-JSON content type', async () => {
    expect((await post(`${server.url}/api/ask`, '{"question":')).status).toBe(400);
    const form = await post(`${server.url}/api/ask`, 'question=hi', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('413 for a body over the size limit', async () => {
    const reply = await post(`${server.url}/api/ask`, { question: 'x', padding: 'y'.repeat(20_000) });
    expect(reply.status).toBe(413);
  });

  it('405 for GET on a POST route, 404 JSON for unknown paths', async () => {
    const wrongMethod = await fetch(`${server.url}/api/ask`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const missing = await fetch(`${server.url}/api/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toContain('/api/nope');
  });

  it('without askStream, ?stream=1 still answers with plain JSON', async () => {
    const reply = await post(`${server.url}/api/ask?stream=1`, { question: '网上祭扫' });
    expect(reply.headers.get('content-type')).toContain('application/json');
    expect(AnswerSchema.parse(reply.json).mode).toBe('offline');
  });
});

describe('POST /api/ask when the client goes away', () => {
  it('aborts the signal given to the assistant, so a model call can stop', async () => {
    let seen: AbortSignal | undefined;
    const assistant: Assistant = {
      ask: (_question, options) =>
        new Promise((_resolve, reject) => {
          seen = options?.signal;
          options?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    };
    const server = await startTestServer({ assistant });
    try {
      const controller = new AbortController();
      const pending = fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'slow' }),
        signal: controller.signal,
      }).catch(() => 'client aborted');
      await vi.waitFor(() => expect(seen).toBeDefined());
      expect(seen!.aborted).toBe(false);
      controller.abort();
      expect(await pending).toBe('client aborted');
      await vi.waitFor(() => expect(seen!.aborted).toBe(true));
    } finally {
      await server.close();
    }
  });
});

describe('POST /api/ask?stream=1 with a streaming assistant', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ assistant: createFakeAssistant({ streaming: true }) });
  });
  afterAll(() => server.close());

  it('sends chunk events whose text adds up to the answer, then meta and the final answer', async () => {
    const response = await fetch(`${server.url}/api/ask?stream=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '网上祭扫' }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text())
      .split('\n\n')
      .filter(Boolean)
      .map((block) => {
        const [eventLine, dataLine] = block.split('\n');
        return {
          event: eventLine!.slice(7),
          data: JSON.parse(dataLine!.slice(6)) as Record<string, unknown>,
        };
      });
    const chunks = events.filter((e) => e.event === 'chunk');
    expect(chunks.length).toBeGreaterThan(1);
    const final = events.at(-1)!;
    expect(final.event).toBe('answer');
    const answer = AnswerSchema.parse(final.data);
    expect(chunks.map((c) => c.data.text).join('')).toBe(answer.answer);
    expect(events.find((e) => e.event === 'meta')?.data.questionId).toEqual(expect.any(Number));
  });
});
