import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake OpenAI-compatible API on 127.0.0.1 (random port) for tests of the real `openai` client:
 * `/v1/chat/completions` (JSON, or SSE when the request says `stream: true`, with tool calls) and
 * `/v1/embeddings` (float or base64). Replies are scripted per test; every request is recorded.
 */

export interface ScriptedToolCall {
  name: string;
  /** A JSON string is sent as-is (so tests can send malformed JSON); objects are stringified. */
  arguments: string | Record<string, unknown>;
  id?: string;
}

export type ChatReply =
  | { content?: string; toolCalls?: ScriptedToolCall[]; totalTokens?: number }
  | { status: number; message?: string; headers?: Record<string, string> }
  | { delayMs: number; then: ChatReply }
  /** Never answers: the request stays open until the client gives up or the fake closes. */
  | { hang: true };

/** The body of a chat request as the fake saw it. */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content?: string | null; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string; description?: string; parameters: unknown } }[];
  tool_choice?: unknown;
  stream?: boolean;
  max_tokens?: number;
}

export type ChatScript = ChatReply | ((request: ChatRequestBody) => ChatReply);

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeOpenAiServer {
  /** `http://127.0.0.1:<port>/v1`, for the client's `baseURL`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Errors thrown by scripted reply functions (failed assertions about a request). */
  scriptErrors: unknown[];
  chatRequests(): ChatRequestBody[];
  /** Replies used in order, one per chat request. */
  enqueueChat(...replies: ChatScript[]): void;
  /** Used when the queue is empty (default: HTTP 500 "no scripted reply", so a test notices). */
  setDefaultChat(script: ChatScript | undefined): void;
  /** Embedding of one input text (default: a deterministic 8-dimensional vector). */
  setEmbedder(embed: (text: string) => number[]): void;
  /** Replies for the next embedding requests, before the embedder is used (e.g. a 429). */
  enqueueEmbeddingError(...errors: { status: number; message?: string }[]): void;
  close(): Promise<void>;
}

/** Error replies tell the SDK to wait only a few milliseconds before its retry. */
const FAST_RETRY = { 'retry-after-ms': '5' };

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const chatQueue: ChatScript[] = [];
  const embeddingErrors: { status: number; message?: string }[] = [];
  const scriptErrors: unknown[] = [];
  let defaultChat: ChatScript | undefined;
  let embed = defaultEmbedding;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const body: unknown = raw === '' ? undefined : JSON.parse(raw);
    const path = (req.url ?? '').split('?')[0] ?? '';
    requests.push({ method: req.method ?? '', path, headers: req.headers, body });
    if (path === '/v1/chat/completions') {
      const request = body as ChatRequestBody;
      const script = chatQueue.shift() ?? defaultChat ?? { status: 500, message: 'no scripted reply' };
      let reply: ChatReply;
      try {
        reply = typeof script === 'function' ? script(request) : script;
      } catch (error) {
        // An assertion inside a scripted reply failed: keep it for the test, and don't let the SDK retry.
        scriptErrors.push(error);
        return sendError(res, 400, `scripted reply threw: ${String(error)}`, { 'x-should-retry': 'false' });
      }
      await sendChat(res, request, reply);
    } else if (path === '/v1/embeddings') {
      const error = embeddingErrors.shift();
      if (error) return sendError(res, error.status, error.message ?? 'scripted error');
      sendEmbeddings(res, body as EmbeddingRequestBody, embed);
    } else {
      sendError(res, 404, `fake OpenAI server: no route ${path}`);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    scriptErrors,
    chatRequests: () =>
      requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as ChatRequestBody),
    enqueueChat: (...replies) => {
      chatQueue.push(...replies);
    },
    setDefaultChat: (script) => {
      defaultChat = script;
    },
    setEmbedder: (fn) => {
      embed = fn;
    },
    enqueueEmbeddingError: (...errors) => {
      embeddingErrors.push(...errors);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...FAST_RETRY, ...headers });
  res.end(JSON.stringify({ error: { message, type: 'fake_error', code: null } }));
}

async function sendChat(res: ServerResponse, request: ChatRequestBody, reply: ChatReply): Promise<void> {
  if ('hang' in reply) return;
  if ('delayMs' in reply) {
    await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed || res.socket?.destroyed) return; // the client gave up
    return sendChat(res, request, reply.then);
  }
  if ('status' in reply)
    return sendError(res, reply.status, reply.message ?? `scripted HTTP ${reply.status}`);
  const toolCalls = (reply.toolCalls ?? []).map((call, i) => ({
    id: call.id ?? `call_${i + 1}`,
    type: 'function' as const,
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    },
  }));
  const content = reply.content ?? (toolCalls.length > 0 ? null : '');
  const finish = toolCalls.length > 0 ? 'tool_calls' : 'stop';
  const usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: reply.totalTokens ?? 100 };
  const head = { id: 'chatcmpl-fake', created: 1_700_000_000, model: request.model };
  if (!request.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    const message = {
      role: 'assistant',
      content,
      ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    };
    res.end(
      JSON.stringify({
        ...head,
        object: 'chat.completion',
        choices: [{ index: 0, message, finish_reason: finish }],
        usage,
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (delta: object, finishReason: string | null = null, extra: object = {}) =>
    res.write(
      `data: ${JSON.stringify({ ...head, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`,
    );
  send({ role: 'assistant', content: '' });
  // Split text into small pieces, like a real model, so streaming and sentence gating are exercised.
  for (const piece of (content ?? '').match(/[\s\S]{1,4}/g) ?? []) send({ content: piece });
  toolCalls.forEach((call, index) => {
    send({
      tool_calls: [
        { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
      ],
    });
    send({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] });
  });
  send({}, finish, { usage });
  res.end('data: [DONE]\n\n');
}

interface EmbeddingRequestBody {
  model: string;
  input: string | string[];
  encoding_format?: 'float' | 'base64';
}

function sendEmbeddings(
  res: ServerResponse,
  body: EmbeddingRequestBody,
  embed: (t: string) => number[],
): void {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const data = inputs.map((text, index) => {
    const vector = embed(text);
    const embedding =
      body.encoding_format === 'base64'
        ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
        : vector;
    return { object: 'embedding', index, embedding };
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }),
  );
}

/** A deterministic 8-dimensional vector from character codes: equal texts get equal vectors. */
export function defaultEmbedding(text: string): number[] {
  const vector = new Array<number>(8).fill(0);
  for (const [i, char] of [...text].entries())
    vector[i % 8] = (vector[i % 8] ?? 0) + (char.codePointAt(0) ?? 0) / 65536;
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}

interface ToolPassage {
  cite: number;
  text?: string;
  quote?: string;
}

const REGENERATE = /工具结果里找不到|appear in no tool result/;

/**
 * A deterministic stand-in for a model, for running the gold set "in LLM mode" without one: it
 * searches with the question as asked, then answers with the top two passages verbatim, cited.
 * Follow-up rewrites return the new question unchanged. It measures the plumbing (tools, citations,
 * grounding, fallbacks), not the prose of a real model.
 */
export const extractiveModel = (request: ChatRequestBody): ChatReply => {
  const last = request.messages.at(-1);
  const content = last?.content ?? '';
  if (!request.tools) {
    const match = /(?:新问题：|New question: )([\s\S]*)$/.exec(content);
    return { content: match?.[1]?.trim() ?? '' };
  }
  if (last?.role === 'user' && !REGENERATE.test(content)) {
    return { toolCalls: [{ name: 'search_knowledge', arguments: { query: content.slice(0, 200), k: 3 } }] };
  }
  const passages: ToolPassage[] = [];
  for (const message of request.messages) {
    if (message.role !== 'tool' || !message.content) continue;
    const parsed: unknown = JSON.parse(message.content);
    if (Array.isArray(parsed))
      passages.push(...(parsed as ToolPassage[]).filter((p) => typeof p.cite === 'number'));
  }
  const top = passages.slice(0, 2);
  if (top.length === 0)
    return {
      content: /[\u4e00-\u9fff]/.test(request.messages[1]?.content ?? '')
        ? '没有找到相关内容。'
        : 'Nothing relevant was found.',
    };
  return { content: top.map((p) => `${p.text ?? p.quote ?? ''}[${p.cite}]`).join('\n') };
};
