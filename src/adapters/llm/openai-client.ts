import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  NotFoundError,
  PermissionDeniedError,
} from 'openai';
import type {
  ChatCompletionMessageParam,
  ChatCompletionTool,
  ChatCompletionMessageToolCall,
} from 'openai/resources/chat/completions';
import { LlmCallError, type LlmFailureKind } from '../../assistant/llm/llm-call-error.js';
import { scrubSecret } from '../../logger.js';

/**
 * The only module of the assistant that talks to the `openai` SDK. Everything else in
 * `src/assistant/llm` works with the plain types re-exported here, so the agent loop can be read
 * (and tested) without knowing the SDK, and library errors become `LlmError` in one place.
 */
export type ChatMessage = ChatCompletionMessageParam;
export type ChatTool = ChatCompletionTool;
export type ChatToolCall = ChatCompletionMessageToolCall;

/** What the agent needs from one completion: the assistant message and the tokens it cost. */
export interface ChatResult {
  content: string;
  toolCalls: { id: string; name: string; arguments: string }[];
  totalTokens: number;
  finishReason: string | undefined;
}

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ChatTool[];
  /** `'none'` forces a text answer (used when the tool-round budget is spent). */
  toolChoice?: 'auto' | 'none';
  maxTokens: number;
  signal?: AbortSignal;
  /** When set, the completion is streamed and every text delta is passed here as it arrives. */
  onDelta?: (delta: string) => void;
}

/** A chat-completion function; `createChatFunction` builds the real one over the SDK. */
export type ChatFunction = (request: ChatRequest) => Promise<ChatResult>;

export interface OpenAiClientOptions {
  apiKey: string;
  baseURL: string | undefined;
  /** Per-request timeout of the SDK (each retry gets its own). */
  timeoutMs: number;
  /** SDK retries on 408/409/429/5xx and connection errors, with backoff honouring Retry-After. */
  maxRetries?: number;
  fetch?: typeof fetch;
}

/** Creates the official client; no request is made until it is used. */
export function createOpenAiClient(options: OpenAiClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries ?? 2,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/**
 * Binds a client and model into a `ChatFunction`. Throws `LlmError` (never an SDK error) after
 * the SDK's own retries are spent (the SDK is what retries); its `kind` says what failed.
 */
export function createChatFunction(client: OpenAI, model: string, apiKey: string): ChatFunction {
  return async (request) => {
    try {
      return request.onDelta
        ? await streamChat(client, model, request, request.onDelta)
        : await createChat(client, model, request);
    } catch (error) {
      throw toLlmError(error, apiKey);
    }
  };
}

function baseParams(model: string, request: ChatRequest) {
  return {
    model,
    messages: request.messages,
    max_tokens: request.maxTokens,
    ...(request.tools && request.tools.length > 0
      ? { tools: request.tools, tool_choice: request.toolChoice ?? 'auto' }
      : {}),
  } as const;
}

async function createChat(client: OpenAI, model: string, request: ChatRequest): Promise<ChatResult> {
  const completion = await client.chat.completions.create(
    { ...baseParams(model, request), stream: false },
    request.signal ? { signal: request.signal } : {},
  );
  const choice = completion.choices[0];
  return {
    content: choice?.message.content ?? '',
    toolCalls: toToolCalls(choice?.message.tool_calls),
    totalTokens: completion.usage?.total_tokens ?? 0,
    finishReason: choice?.finish_reason,
  };
}

async function streamChat(
  client: OpenAI,
  model: string,
  request: ChatRequest,
  onDelta: (delta: string) => void,
): Promise<ChatResult> {
  // The SDK's stream helper assembles tool-call deltas for us; we only forward text deltas.
  const stream = client.chat.completions.stream(
    { ...baseParams(model, request), stream: true },
    request.signal ? { signal: request.signal } : {},
  );
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content;
    if (delta) onDelta(delta);
  }
  const completion = await stream.finalChatCompletion();
  const choice = completion.choices[0];
  return {
    content: choice?.message.content ?? '',
    toolCalls: toToolCalls(choice?.message.tool_calls),
    totalTokens: completion.usage?.total_tokens ?? 0,
    finishReason: choice?.finish_reason ?? undefined,
  };
}

function toToolCalls(calls: ChatCompletionMessageToolCall[] | undefined): ChatResult['toolCalls'] {
  const result: ChatResult['toolCalls'] = [];
  for (const call of calls ?? []) {
    if (call.type !== 'function') continue;
    result.push({ id: call.id, name: call.function.name, arguments: call.function.arguments ?? '' });
  }
  return result;
}

/**
 * Converts an SDK (or abort) error into an `LlmCallError` whose message says what to check. The
 * API key is scrubbed from the message: providers sometimes echo a malformed key back.
 */
export function toLlmError(error: unknown, apiKey = ''): LlmCallError {
  if (error instanceof LlmCallError) return error;
  const kind = openAiFailureKind(error);
  const status = error instanceof APIError ? error.status || '?' : '?';
  const advice: Record<LlmFailureKind, string> = {
    aborted: 'LLM request aborted (answer timeout or caller cancelled)',
    timeout: 'LLM endpoint timed out; check OPENAI_BASE_URL or raise LLM_TIMEOUT_MS',
    unreachable: 'LLM endpoint unreachable; check OPENAI_BASE_URL and the network',
    auth: 'LLM endpoint rejected the key; check OPENAI_API_KEY',
    model: 'LLM endpoint does not know the model or path; check OPENAI_MODEL and OPENAI_BASE_URL',
    rate_limit: `LLM endpoint failed with HTTP ${status} after retries`,
    server: `LLM endpoint failed with HTTP ${status} after retries`,
    other:
      error instanceof APIError ? `LLM endpoint failed with HTTP ${status} after retries` : 'LLM call failed',
  };
  return new LlmCallError(kind, `${advice[kind]}: ${openAiErrorDetail(error, apiKey)}`, { cause: error });
}

/** What went wrong in a call through the OpenAI SDK (or its abort), for chat and embeddings alike. */
export function openAiFailureKind(error: unknown): LlmFailureKind {
  if (error instanceof APIUserAbortError || isAbort(error)) return 'aborted';
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  if (error instanceof APIConnectionError) return 'unreachable';
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return 'auth';
  if (error instanceof NotFoundError) return 'model';
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    return status === 429 ? 'rate_limit' : status >= 500 ? 'server' : 'other';
  }
  return 'other';
}

/** The error's own message with the API key cut out: providers sometimes echo a malformed key. */
export function openAiErrorDetail(error: unknown, apiKey: string): string {
  return scrubSecret(error instanceof Error ? error.message : String(error), apiKey);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}
