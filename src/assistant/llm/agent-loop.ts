import type { StructuredToolInterface } from '@langchain/core/tools';
import type { Logger } from '../../logger.js';
import type { Evidence } from './evidence.js';
import type { ChatFunction, ChatMessage, ChatTool } from '../../adapters/llm/openai-client.js';
import { runToolCall } from './tool-definitions.js';

/** Limits of one agent run; each keeps a misbehaving model from running up time or cost. */
export interface AgentLimits {
  /** Rounds in which the model may call tools; after them it must answer (`tool_choice: 'none'`). */
  maxToolRounds: number;
  /** `max_tokens` of each completion. */
  maxTokens: number;
  /** Total tokens (prompt + completion, as the provider reports them) after which tools are cut off. */
  tokenBudget: number;
}

export interface AgentRun {
  text: string;
  toolCalls: number;
  tokens: number;
  /** Tool rounds used, so a regeneration can continue with what is left. */
  rounds: number;
}

export interface AgentInput {
  chat: ChatFunction;
  /** The conversation so far; the loop appends assistant and tool messages to it in place. */
  messages: ChatMessage[];
  definitions: readonly StructuredToolInterface[];
  chatTools: ChatTool[];
  evidence: Evidence;
  limits: AgentLimits;
  signal: AbortSignal;
  logger: Logger;
  /** Receives text deltas when the answer is streamed. */
  onDelta?: (delta: string) => void;
  /** Tokens already spent on this answer (rewrite, a first attempt). */
  spentTokens?: number;
}

/**
 * The tool-calling loop: ask the model, run the tools it calls (validated by their zod schemas),
 * feed the results back, until it answers in text. Throws LlmError when the provider fails.
 */
export async function runAgent(input: AgentInput): Promise<AgentRun> {
  const { chat, messages, limits } = input;
  let tokens = input.spentTokens ?? 0;
  let toolCalls = 0;
  for (let round = 0; ; round += 1) {
    const mustAnswer = round >= limits.maxToolRounds || tokens >= limits.tokenBudget;
    const result = await chat({
      messages,
      tools: input.chatTools,
      toolChoice: mustAnswer ? 'none' : 'auto',
      maxTokens: limits.maxTokens,
      signal: input.signal,
      ...(input.onDelta ? { onDelta: input.onDelta } : {}),
    });
    tokens += result.totalTokens;
    if (result.toolCalls.length === 0 || mustAnswer) {
      return {
        text: result.content.trim(),
        toolCalls,
        tokens: tokens - (input.spentTokens ?? 0),
        rounds: round,
      };
    }
    messages.push({
      role: 'assistant',
      content: result.content === '' ? null : result.content,
      tool_calls: result.toolCalls.map((call) => ({
        id: call.id,
        type: 'function' as const,
        function: { name: call.name, arguments: call.arguments },
      })),
    });
    for (const call of result.toolCalls) {
      toolCalls += 1;
      const outcome = await runToolCall(input.definitions, call);
      if (outcome.ok) input.evidence.recordOutput(outcome.content);
      else input.logger.debug({ tool: call.name, error: outcome.content }, 'tool call rejected');
      messages.push({ role: 'tool', tool_call_id: call.id, content: outcome.content });
    }
  }
}
