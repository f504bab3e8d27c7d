import type { Answer, Language } from '../answer.js';
import type { AskOptions, Assistant, KnowledgeTools, SessionStore, SessionTurn } from '../ports.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { buildLlmAnswer } from './answer-builder.js';
import { createAsyncQueue } from './async-queue.js';
import { rewriteFollowUp } from './follow-up-rewrite.js';
import { generateGrounded, type GenerateResult } from './generate-grounded.js';
import type { LlmFailureKind } from './llm-call-error.js';
import { createAvailability } from './llm-health.js';
import { createChatFunction, createOpenAiClient, toLlmError, type ChatFunction } from './openai-client.js';
import { readPromptFiles } from './prompt-files.js';
import { createPrompts, type Prompts } from './prompts.js';

/** How one question was answered; the eval counts regenerations and fallbacks from these. */
export interface LlmOutcome {
  mode: 'llm' | 'offline';
  /** The model's first answer failed the number check and it was asked once more. */
  regenerated: boolean;
  /** The offline answer was returned instead of the model's. */
  fellBack: boolean;
  reason?: 'ungrounded' | 'secret' | 'empty' | 'unavailable' | LlmFailureKind;
  /** Numbers of the first attempt that no tool output held. */
  violations: string[];
  toolCalls: number;
  tokens: number;
  /** The standalone question, when a follow-up was rewritten. */
  rewrittenQuestion?: string;
  latencyMs: number;
}

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
  /** Total tokens per answer after which the model must answer without more tools (default 20 × maxTokens). */
  tokenBudget?: number;
  onOutcome?: (outcome: LlmOutcome) => void;
  now?: () => number;
}

export interface LlmAssistant extends Assistant {
  askStream(
    question: string,
    options?: AskOptions,
  ): { chunks: AsyncIterable<string>; answer: Promise<Answer> };
  /** Sends a one-token request; logs one warning and answers offline until the retry time when it fails. */
  health(): Promise<{ ok: boolean; reason?: string }>;
  /** The outcome of the most recent question (for the eval and the CLI). */
  readonly lastOutcome: LlmOutcome | undefined;
}

const MAX_SESSION_TURNS = 10;

const NOTICES = {
  withheld: {
    zh: '模型回答未通过数字核验，已改用离线答案。',
    en: "The model's answer was withheld: a number could not be verified. This is the offline answer.",
  },
  unavailable: {
    zh: '模型服务暂时不可用，已改用离线答案。',
    en: 'The language model is unavailable right now. This is the offline answer.',
  },
} as const;

/**
 * The LLM mode: a tool-calling agent over KnowledgeTools that writes the prose while every number
 * is checked against what the tools returned. Never throws for provider trouble: any failure gives
 * the offline answer (`mode: 'offline'`, with a notice). Throws ConfigError when prompts/ is broken.
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
  const now = deps.now ?? Date.now;
  const availability = createAvailability({
    logger: deps.logger,
    retryAfterMs: deps.retryAfterMs ?? 60_000,
    now,
  });
  const context: AnswerContext = { deps, prompts, chat, availability, now };
  let lastOutcome: LlmOutcome | undefined;
  const record = (outcome: LlmOutcome) => {
    lastOutcome = outcome;
    deps.onOutcome?.(outcome);
  };

  return {
    ask: (question, options = {}) => answerQuestion(context, question, options, record),
    askStream(question, options = {}) {
      // Chunks are verified sentences (see createSentenceGate); the final Answer is authoritative.
      // If a later sentence fails the check, the stream stops and the resolved Answer (regenerated
      // or offline) replaces what was shown — nothing unverified is ever shown in between.
      const queue = createAsyncQueue<string>();
      let streamed = false;
      const emit = (text: string) => {
        streamed = true;
        queue.push(text);
      };
      const answer = answerQuestion(context, question, options, record, emit)
        .then((result) => {
          if (!streamed) queue.push(result.answer); // offline answers are yielded whole, once
          return result;
        })
        .finally(() => queue.close());
      return { chunks: queue, answer };
    },
    health: () => checkHealth(context),
    get lastOutcome() {
      return lastOutcome;
    },
  };
}

interface AnswerContext {
  deps: LlmAssistantDeps;
  prompts: Prompts;
  chat: ChatFunction;
  availability: ReturnType<typeof createAvailability>;
  now: () => number;
}

async function checkHealth(context: AnswerContext): Promise<{ ok: boolean; reason?: string }> {
  try {
    await context.chat({
      messages: [{ role: 'user', content: context.prompts.healthCheck }],
      maxTokens: 5,
      signal: AbortSignal.timeout(context.deps.llm.timeoutMs),
    });
    context.availability.succeeded();
    return { ok: true };
  } catch (error) {
    const failure = toLlmError(error, context.deps.llm.apiKey);
    context.availability.failed(failure, { force: true });
    return { ok: false, reason: failure.message };
  }
}

/** Detects the answer language: any CJK ideograph means Chinese. */
export function detectLanguage(question: string): Language {
  return /[\u3400-\u9fff]/.test(question) ? 'zh' : 'en';
}

async function answerQuestion(
  context: AnswerContext,
  question: string,
  options: AskOptions,
  record: (outcome: LlmOutcome) => void,
  emit?: (text: string) => void,
): Promise<Answer> {
  const { deps, availability } = context;
  const started = context.now();
  const language = options.language ?? detectLanguage(question);
  const base = { regenerated: false, violations: [], toolCalls: 0, tokens: 0 };
  const fallBack = async (reason: NonNullable<LlmOutcome['reason']>, stats: Partial<LlmOutcome> = {}) => {
    record({
      ...base,
      ...stats,
      mode: 'offline',
      fellBack: true,
      reason,
      latencyMs: context.now() - started,
    });
    return fallbackAnswer(deps.offline, question, options, language, reason);
  };
  if (!availability.shouldTry()) return fallBack('unavailable');

  const deadline = AbortSignal.timeout(deps.llm.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let rewritten: string | undefined;
  try {
    const turns = options.session ? (deps.sessions.get(options.session)?.turns ?? []) : [];
    const history = turns.slice(-(deps.historyTurns ?? 3));
    const rewrite = await rewriteFollowUp({
      chat: context.chat,
      prompts: context.prompts,
      language,
      turns: history,
      question,
      signal,
    });
    if (rewrite.question !== question) rewritten = rewrite.question;
    const result = await generateGrounded({
      chat: context.chat,
      prompts: context.prompts,
      tools: deps.tools,
      language,
      audience: options.audience ?? 'veteran',
      question: rewrite.question,
      history,
      limits: limitsOf(deps),
      signal,
      logger: deps.logger,
      secret: deps.llm.apiKey,
      ...(emit ? { emit } : {}),
    });
    availability.succeeded();
    const stats = statsOf(result, rewrite.tokens, rewritten);
    if (!result.ok) return fallBack(result.reason, stats);
    const answer = await finishAnswer(context, question, rewrite.question, language, result.text, result);
    saveTurn(deps.sessions, options.session, turns, {
      question,
      resolvedQuestion: rewrite.question,
      answer: answer.answer,
    });
    record({ ...base, ...stats, mode: 'llm', fellBack: false, latencyMs: context.now() - started });
    return answer;
  } catch (error) {
    const failure = toLlmError(error, deps.llm.apiKey);
    availability.failed(failure);
    const reason = failure.kind === 'aborted' && deadline.aborted ? 'timeout' : failure.kind;
    deps.logger.warn({ err: failure.message, reason }, 'LLM answer failed; answering offline');
    return fallBack(reason, rewritten ? { rewrittenQuestion: rewritten } : {});
  }
}

function limitsOf(deps: LlmAssistantDeps) {
  return {
    maxToolRounds: deps.llm.maxToolRounds,
    maxTokens: deps.llm.maxTokens,
    tokenBudget: deps.tokenBudget ?? deps.llm.maxTokens * 20,
  };
}

function statsOf(
  result: GenerateResult,
  rewriteTokens: number,
  rewritten: string | undefined,
): Partial<LlmOutcome> {
  return {
    regenerated: result.regenerated,
    violations: result.violations,
    toolCalls: result.toolCalls,
    tokens: result.tokens + rewriteTokens,
    ...(rewritten ? { rewrittenQuestion: rewritten } : {}),
  };
}

/** Builds the Answer; a reply that cites nothing takes its status (e.g. out_of_scope) from the offline assistant. */
async function finishAnswer(
  context: AnswerContext,
  question: string,
  standalone: string,
  language: Language,
  text: string,
  result: GenerateResult,
): Promise<Answer> {
  const answer = buildLlmAnswer({ question, text, language, evidence: result.evidence });
  if (answer.status !== 'not_found') return answer;
  try {
    const offline = await context.deps.offline.ask(standalone, { language });
    return offline.status === 'out_of_scope' ? { ...answer, status: 'out_of_scope' } : answer;
  } catch {
    return answer;
  }
}

async function fallbackAnswer(
  offline: Assistant,
  question: string,
  options: AskOptions,
  language: Language,
  reason: NonNullable<LlmOutcome['reason']>,
): Promise<Answer> {
  const answer = await offline.ask(question, options);
  const kind = reason === 'ungrounded' || reason === 'secret' ? 'withheld' : 'unavailable';
  const note = NOTICES[kind][answer.language ?? language];
  return { ...answer, mode: 'offline', notice: answer.notice ? `${answer.notice} ${note}` : note };
}

function saveTurn(
  sessions: SessionStore,
  id: string | undefined,
  turns: readonly SessionTurn[],
  turn: Omit<SessionTurn, 'at'>,
): void {
  if (!id) return;
  const state = sessions.get(id);
  const next = [...turns, { ...turn, at: new Date().toISOString() }].slice(-MAX_SESSION_TURNS);
  sessions.set(id, { ...state, turns: next });
}
