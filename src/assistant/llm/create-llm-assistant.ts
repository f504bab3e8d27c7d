import type { Answer } from '../answer.js';
import type { AskOptions, Assistant, KnowledgeTools, SessionStore } from '../ports.js';
import { systemClock, type Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { answerQuestion, type AnswerContext, type LlmOutcome } from './answer-question.js';
import { createAsyncQueue } from './async-queue.js';
import { createAvailability } from './llm-health.js';
import { createChatFunction, createOpenAiClient, toLlmError } from '../../adapters/llm/openai-client.js';
import { readPromptFiles } from '../../adapters/llm/prompt-files.js';
import { createPrompts } from './prompts.js';

export type { LlmOutcome } from './answer-question.js';

export interface LlmAssistantDeps {
  llm: NonNullable<Config['llm']>;
  tools: KnowledgeTools;
  /** The offline assistant: the fallback whenever the model can't give a verified answer. */
  offline: Assistant;
  sessions: SessionStore;
  logger: Logger;
  /** Passed to the openai client (tests; proxies). */
  fetch?: typeof fetch;
  /** SDK retries per request on 429/5xx/connection errors (default 2). */
  maxRetries?: number;
  /** Folder of the prompt files (default: the repository's prompts/). */
  promptsDir?: string;
  /** After a bad key/model or an unreachable endpoint, answer offline this long before retrying (default 60 s). */
  retryAfterMs?: number;
  /** Earlier turns kept as conversation memory (default 3). */
  historyTurns?: number;
  /** Tokens per answer (prompt + completion, all calls) after which the model must answer without tools (default 20 × maxTokens). */
  tokenBudget?: number;
  /** Called after every question with how it was answered (the eval's regeneration/fallback shares). */
  onOutcome?: (outcome: LlmOutcome) => void;
  /** The time for the answer timeout (LLM_TIMEOUT_MS) and, unless `now` is given, latencies. */
  clock?: Clock;
  now?: () => number;
  /** A conversation quiet for longer than this starts afresh (default 30 minutes, as offline). */
  sessionIdleMs?: number;
}

export interface LlmAssistant extends Assistant {
  askStream(
    question: string,
    options?: AskOptions,
  ): { chunks: AsyncIterable<string>; answer: Promise<Answer> };
  /**
   * Sends a tiny request to check key, model and endpoint. On failure it logs one warning and the
   * assistant answers offline until `retryAfterMs` has passed. Never throws; call it at start.
   */
  health(): Promise<{ ok: boolean; reason?: string }>;
  /** The outcome of the most recent question (for the eval and the CLI). */
  readonly lastOutcome: LlmOutcome | undefined;
}

/**
 * The LLM mode: a tool-calling agent over KnowledgeTools that writes the prose while every number
 * is checked against what the tools returned. Never throws for provider trouble: any failure gives
 * the offline answer (`mode: 'offline'`, with a notice). Throws ConfigError at creation when a
 * prompt file is missing or broken.
 */
export function createLlmAssistant(deps: LlmAssistantDeps): LlmAssistant {
  const prompts = createPrompts(readPromptFiles(deps.promptsDir));
  const client = createOpenAiClient({
    apiKey: deps.llm.apiKey,
    baseURL: deps.llm.baseURL,
    timeoutMs: deps.llm.timeoutMs,
    ...(deps.maxRetries === undefined ? {} : { maxRetries: deps.maxRetries }),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const chat = createChatFunction(client, deps.llm.model, deps.llm.apiKey);
  const clock = deps.clock ?? systemClock;
  const now = deps.now ?? clock.now;
  const availability = createAvailability({
    logger: deps.logger,
    retryAfterMs: deps.retryAfterMs ?? 60_000,
    now,
  });
  let lastOutcome: LlmOutcome | undefined;
  const context: AnswerContext = {
    deps,
    prompts,
    chat,
    availability,
    clock,
    now,
    record: (outcome) => {
      lastOutcome = outcome;
      deps.onOutcome?.(outcome);
    },
  };

  return {
    ask: (question, options = {}) => answerQuestion(context, question, options),
    askStream(question, options = {}) {
      // Chosen: stream live but sentence-gated (see createSentenceGate). Chunks are verified
      // sentences, so nothing unverified is ever shown; if a later sentence fails, the stream stops
      // and the resolved Answer (regenerated or offline) replaces the preview. Channels render the
      // chunks, then replace the message with the final Answer — no separate "replace" event needed.
      const queue = createAsyncQueue<string>();
      let streamed = false;
      const emit = (text: string) => {
        streamed = true;
        queue.push(text);
      };
      const answer = answerQuestion(context, question, options, emit)
        .then((result) => {
          if (!streamed) queue.push(result.answer); // offline answers are yielded whole, once
          return result;
        })
        .finally(() => queue.close());
      return { chunks: queue, answer };
    },
    async health() {
      try {
        await chat({
          messages: [{ role: 'user', content: prompts.healthCheck }],
          maxTokens: 5,
          signal: clock.timeoutSignal(deps.llm.timeoutMs),
        });
        availability.succeeded();
        return { ok: true };
      } catch (error) {
        const failure = toLlmError(error, deps.llm.apiKey);
        availability.failed(failure, { force: true });
        return { ok: false, reason: failure.message };
      }
    },
    get lastOutcome() {
      return lastOutcome;
    },
  };
}
