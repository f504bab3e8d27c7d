import type { Language } from '../answer.js';
import type { Audience, KnowledgeTools, SessionTurn } from '../ports.js';
import type { Logger } from '../../logger.js';
import { createCitationNumbering } from './answer-builder.js';
import { runAgent, type AgentLimits, type AgentRun } from './agent-loop.js';
import { createEvidence, type Evidence } from './evidence.js';
import { checkAnswer, createSentenceGate, type SentenceGate } from './grounding-gate.js';
import type { ChatFunction, ChatMessage } from '../../adapters/llm/openai-client.js';
import type { Prompts } from './prompts.js';
import { createToolDefinitions, toChatTools } from './tool-definitions.js';

export interface GenerateInput {
  chat: ChatFunction;
  prompts: Prompts;
  tools: KnowledgeTools;
  language: Language;
  audience: Audience;
  /** The standalone question (after follow-up rewrite). */
  question: string;
  history: readonly SessionTurn[];
  limits: AgentLimits;
  signal: AbortSignal;
  logger: Logger;
  /** The API key: never in a prompt, and an answer containing it is withheld. */
  secret: string;
  /** Receives verified text as it is written (streaming); see createSentenceGate. */
  emit?: (text: string) => void;
}

export type GenerateResult = {
  evidence: Evidence;
  regenerated: boolean;
  toolCalls: number;
  tokens: number;
  /** Violations of the first attempt (the ones named in the regeneration request). */
  violations: string[];
} & ({ ok: true; text: string } | { ok: false; reason: 'ungrounded' | 'secret' | 'empty' });

/**
 * Runs the agent and checks its answer; one violation → one regeneration naming the numbers;
 * still wrong → `{ ok: false }` so the caller falls back to the offline answer. Throws LlmError
 * when the provider fails.
 */
export async function generateGrounded(input: GenerateInput): Promise<GenerateResult> {
  const evidence = createEvidence(titleLookup(input.tools));
  const definitions = createToolDefinitions(input.tools, evidence);
  const messages = await initialMessages(input);
  const base = { chat: input.chat, messages, definitions, chatTools: toChatTools(definitions), evidence };
  const run = (gate: SentenceGate | undefined, limits: AgentLimits, spent: number): Promise<AgentRun> =>
    runAgent({
      ...base,
      limits,
      signal: input.signal,
      logger: input.logger,
      spentTokens: spent,
      ...(gate ? { onDelta: (delta: string) => gate.push(delta) } : {}),
    });

  const firstGate = gateFor(input, evidence);
  const first = await run(firstGate, input.limits, 0);
  firstGate?.flush();
  const firstCheck = checkAnswer(first.text, evidence.outputs, input.secret);
  const stats = {
    evidence,
    toolCalls: first.toolCalls,
    tokens: first.tokens,
    violations: firstCheck.violations,
  };
  if (first.text === '') return { ...stats, regenerated: false, ok: false, reason: 'empty' };
  if (firstCheck.ok) return { ...stats, regenerated: false, ok: true, text: first.text };
  if (firstCheck.leaksSecret) return { ...stats, regenerated: false, ok: false, reason: 'secret' };

  input.logger.info({ violations: firstCheck.violations }, 'LLM answer has unverified numbers; regenerating');
  messages.push({ role: 'assistant', content: first.text });
  messages.push({
    role: 'user',
    content: await input.prompts.regenerate(input.language, firstCheck.violations),
  });
  // Stream the second attempt only if nothing of the first reached the user: no mixed texts.
  const secondGate = firstGate && firstGate.released === '' ? gateFor(input, evidence) : undefined;
  const remaining = {
    ...input.limits,
    maxToolRounds: Math.max(0, input.limits.maxToolRounds - first.rounds),
  };
  const second = await run(secondGate, remaining, first.tokens);
  secondGate?.flush();
  const secondCheck = checkAnswer(second.text, evidence.outputs, input.secret);
  const total = {
    ...stats,
    toolCalls: first.toolCalls + second.toolCalls,
    tokens: first.tokens + second.tokens,
  };
  if (second.text !== '' && secondCheck.ok)
    return { ...total, regenerated: true, ok: true, text: second.text };
  return {
    ...total,
    regenerated: true,
    ok: false,
    reason: secondCheck.leaksSecret ? 'secret' : 'ungrounded',
  };
}

function gateFor(input: GenerateInput, evidence: Evidence): SentenceGate | undefined {
  const emit = input.emit;
  if (!emit) return undefined;
  const numbering = createCitationNumbering(evidence);
  return createSentenceGate(
    () => evidence.outputs,
    input.secret,
    emit,
    (text) => numbering.apply(text),
  );
}

/** System prompt, the last turns as conversation memory, then the question as the user's message. */
async function initialMessages(input: GenerateInput): Promise<ChatMessage[]> {
  const messages: ChatMessage[] = [
    { role: 'system', content: await input.prompts.system(input.language, input.audience) },
  ];
  for (const turn of input.history) {
    messages.push({ role: 'user', content: turn.resolvedQuestion });
    messages.push({ role: 'assistant', content: turn.answer });
  }
  messages.push({ role: 'user', content: input.question });
  return messages;
}

function titleLookup(tools: KnowledgeTools): (doc: string) => string {
  let titles: Map<string, string> | undefined;
  return (doc) => {
    titles ??= new Map(tools.listSources().map((s) => [s.doc, s.title]));
    return titles.get(doc) ?? doc;
  };
}
