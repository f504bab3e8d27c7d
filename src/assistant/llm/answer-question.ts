import type { Clock } from '../../clock.js';
import type { Answer, Language } from '../answer.js';
import { detectLanguage } from '../understand/language.js';
import { activeSession, appendTurn, DEFAULT_SESSION_IDLE_MS } from '../session-turns.js';
import { t } from '../compose/messages.js';
import type { AskOptions, Assistant, SessionTurn } from '../ports.js';
import { sanitizeQuestion } from '../understand/sanitize.js';
import { buildLlmAnswer } from './answer-builder.js';
import { rewriteFollowUp } from './follow-up-rewrite.js';
import { generateGrounded, type GenerateResult } from './generate-grounded.js';
import type { LlmFailureKind } from './llm-call-error.js';
import type { Availability } from './llm-health.js';
import { toLlmError, type ChatFunction } from '../../adapters/llm/openai-client.js';
import type { Prompts } from './prompts.js';
import type { LlmAssistantDeps } from './create-llm-assistant.js';

/** How one question was answered; the eval counts regenerations and fallbacks from these. */
export interface LlmOutcome {
  mode: 'llm' | 'offline';
  /** The model's first answer failed the number check and it was asked once more. */
  regenerated: boolean;
  /** The offline answer was returned instead of the model's. */
  fellBack: boolean;
  reason?: FallbackReason;
  /** Numbers of the first attempt that no tool output held. */
  violations: string[];
  toolCalls: number;
  tokens: number;
  /** The standalone question, when a follow-up was rewritten. */
  rewrittenQuestion?: string;
  latencyMs: number;
}

export type FallbackReason = 'ungrounded' | 'secret' | 'empty' | 'unavailable' | 'timeout' | LlmFailureKind;

/** What answering needs; built once by createLlmAssistant. */
export interface AnswerContext {
  deps: LlmAssistantDeps;
  prompts: Prompts;
  chat: ChatFunction;
  availability: Availability;
  /** The answer timeout runs on it. */
  clock: Pick<Clock, 'timeoutSignal'>;
  now: () => number;
  record: (outcome: LlmOutcome) => void;
}

/** Product text shown with a fallback answer. */
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
 * Answers one question with the model, or with the offline assistant when the model is
 * unavailable, fails, or writes a number it can't back. Never rejects for provider trouble.
 */
export async function answerQuestion(
  context: AnswerContext,
  question: string,
  options: AskOptions,
  emit?: (text: string) => void,
): Promise<Answer> {
  const started = context.now();
  const sanitized = sanitizeQuestion(question);
  // Empty input needs no model; the offline assistant has the right reply for it.
  if (sanitized.kind === 'empty') return context.deps.offline.ask(question, options);
  const language = options.language ?? detectLanguage(sanitized.text);
  const fallBack = (reason: FallbackReason, stats: Partial<LlmOutcome> = {}) => {
    context.record({
      ...emptyStats(),
      ...stats,
      mode: 'offline',
      fellBack: true,
      reason,
      latencyMs: context.now() - started,
    });
    return fallbackAnswer(context.deps.offline, question, options, language, reason);
  };
  if (!context.availability.shouldTry()) return fallBack('unavailable');

  const deadline = context.clock.timeoutSignal(context.deps.llm.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let rewritten: string | undefined;
  try {
    const turns = options.session ? (sessionNow(context, options.session)?.turns ?? []) : [];
    const history = turns.slice(-(context.deps.historyTurns ?? 3));
    const rewrite = await rewriteFollowUp({
      ...context,
      language,
      turns: history,
      question: sanitized.text,
      signal,
    });
    if (rewrite.question !== sanitized.text) rewritten = rewrite.question;
    const result = await generate(context, {
      language,
      options,
      question: rewrite.question,
      history,
      signal,
      emit,
    });
    context.availability.succeeded();
    const stats = statsOf(result, rewrite.tokens, rewritten);
    if (!result.ok) return fallBack(result.reason, stats);
    const answer = await finishAnswer(context, sanitized.text, rewrite.question, language, result);
    const withNotice = sanitized.truncated ? { ...answer, notice: t('truncated', language) } : answer;
    saveTurn(context, options.session, {
      question: sanitized.text,
      resolvedQuestion: rewrite.question,
      answer: answer.answer,
    });
    context.record({
      ...emptyStats(),
      ...stats,
      mode: 'llm',
      fellBack: false,
      latencyMs: context.now() - started,
    });
    return withNotice;
  } catch (error) {
    const failure = toLlmError(error, context.deps.llm.apiKey);
    context.availability.failed(failure);
    const reason = failure.kind === 'aborted' && deadline.aborted ? 'timeout' : failure.kind;
    context.deps.logger.warn({ err: failure, reason }, 'LLM answer failed; answering offline');
    return fallBack(reason, rewritten ? { rewrittenQuestion: rewritten } : {});
  }
}

function emptyStats(): Omit<LlmOutcome, 'mode' | 'fellBack' | 'latencyMs'> {
  return { regenerated: false, violations: [], toolCalls: 0, tokens: 0 };
}

function generate(
  context: AnswerContext,
  input: {
    language: Language;
    options: AskOptions;
    question: string;
    history: readonly SessionTurn[];
    signal: AbortSignal;
    emit: ((text: string) => void) | undefined;
  },
): Promise<GenerateResult> {
  const { deps } = context;
  return generateGrounded({
    chat: context.chat,
    prompts: context.prompts,
    tools: deps.tools,
    language: input.language,
    audience: input.options.audience ?? 'veteran',
    question: input.question,
    history: input.history,
    limits: {
      maxToolRounds: deps.llm.maxToolRounds,
      maxTokens: deps.llm.maxTokens,
      tokenBudget: deps.tokenBudget ?? deps.llm.maxTokens * 20,
    },
    signal: input.signal,
    logger: deps.logger,
    secret: deps.llm.apiKey,
    ...(input.emit ? { emit: input.emit } : {}),
  });
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

/** Builds the Answer; a reply that cites nothing takes out_of_scope from the offline assistant. */
async function finishAnswer(
  context: AnswerContext,
  question: string,
  standalone: string,
  language: Language,
  result: GenerateResult & { ok: true },
): Promise<Answer> {
  const answer = buildLlmAnswer({ question, text: result.text, language, evidence: result.evidence });
  if (answer.status !== 'not_found') return answer;
  try {
    // No session: this is only a second opinion on scope and must not touch the conversation.
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
  reason: FallbackReason,
): Promise<Answer> {
  // The user's own question and session: the offline assistant keeps its own follow-up state.
  const answer = await offline.ask(question, options);
  const kind = reason === 'ungrounded' || reason === 'secret' ? 'withheld' : 'unavailable';
  const note = NOTICES[kind][answer.language ?? language];
  return { ...answer, mode: 'offline', notice: answer.notice ? `${answer.notice} ${note}` : note };
}

/** The session's turns as they stand now (none after a quiet spell, as in the offline assistant). */
const sessionNow = (context: AnswerContext, id: string) =>
  activeSession(
    context.deps.sessions.get(id),
    new Date(context.now()),
    context.deps.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS,
  );

function saveTurn(context: AnswerContext, id: string | undefined, turn: Omit<SessionTurn, 'at'>): void {
  if (!id) return;
  appendTurn(context.deps.sessions, id, turn, {
    now: new Date(context.now()),
    idleMs: context.deps.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS,
  });
}
