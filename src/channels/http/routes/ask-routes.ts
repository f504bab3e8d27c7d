import type { Answer } from '../../../assistant/answer.js';
import type { AskOptions } from '../../../assistant/ports.js';
import type { Route, RouteContext } from '../http-deps.js';
import { readJson, sendJson } from '../http-io.js';
import { AskBodySchema, parseInput } from '../validation.js';

interface AskRequest {
  question: string;
  options: AskOptions;
  /** The page's suggestion topic, when the question was picked from one. */
  topic: string | undefined;
}

/** Logs the answer (question log + metrics); a failing log must not cost the user the answer. */
async function recordAnswer(
  ctx: RouteContext,
  request: AskRequest,
  answer: Answer,
  started: number,
): Promise<number | undefined> {
  const seconds = (performance.now() - started) / 1000;
  ctx.metrics.observeAnswer(seconds, answer.status, answer.mode);
  try {
    return await ctx.deps.store.logQuestion({
      channel: 'http',
      userKey: ctx.userKey,
      question: request.question,
      status: answer.status,
      mode: answer.mode,
      latencyMs: Math.round(seconds * 1000),
      ...(request.topic ? { topic: request.topic } : {}),
    });
  } catch (error) {
    ctx.log.error({ err: error }, 'could not log the question');
    return undefined;
  }
}

async function parseAsk(ctx: RouteContext): Promise<AskRequest> {
  const body = parseInput(AskBodySchema, await readJson(ctx.req), 'body');
  const abort = new AbortController();
  // The client went away: stop the model instead of paying for an answer nobody reads.
  ctx.res.on('close', () => {
    if (!ctx.res.writableEnded) abort.abort();
  });
  const options: AskOptions = { signal: abort.signal };
  if (body.session) options.session = body.session;
  if (body.language) options.language = body.language;
  if (body.audience) options.audience = body.audience;
  return { question: body.question, options, topic: body.topic };
}

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Streams `chunk` events with text, then one `answer` event with the grounded Answer (and `meta`). */
async function streamAnswer(ctx: RouteContext, request: AskRequest): Promise<void> {
  const started = performance.now();
  const stream = ctx.deps.assistant.askStream!(request.question, request.options);
  const { res } = ctx;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  try {
    for await (const text of stream.chunks) {
      if (res.destroyed) break;
      res.write(sse('chunk', { text }));
    }
    const answer = await stream.answer;
    const questionId = await recordAnswer(ctx, request, answer, started);
    res.write(sse('meta', { questionId: questionId ?? null }));
    res.end(sse('answer', answer));
  } catch (error) {
    ctx.log.error({ err: error }, 'streamed answer failed');
    // Headers are gone already; tell the page in-band so it can show a message or retry without streaming.
    res.end(sse('error', { error: '回答失败，请稍后再试。The answer failed; please try again.' }));
  }
}

async function ask(ctx: RouteContext): Promise<void> {
  const request = await parseAsk(ctx);
  const wantsStream = ctx.url.pathname.endsWith('/stream') || ctx.url.searchParams.get('stream') === '1';
  if (wantsStream && ctx.deps.assistant.askStream) return streamAnswer(ctx, request);
  const started = performance.now();
  const answer = await ctx.deps.assistant.ask(request.question, request.options);
  const questionId = await recordAnswer(ctx, request, answer, started);
  sendJson(ctx.res, 200, answer, questionId === undefined ? {} : { 'x-question-id': String(questionId) });
}

/**
 * POST /api/ask → the Answer JSON. With `?stream=1` (or POST /api/ask/stream) and an assistant
 * that streams (LLM mode), Server-Sent Events instead; without askStream the plain JSON is sent,
 * which the page handles the same way.
 */
export const askRoutes: Route[] = [
  { method: 'POST', pattern: '/api/ask', handler: ask, limited: true },
  { method: 'POST', pattern: '/api/ask/stream', handler: ask, limited: true },
];
