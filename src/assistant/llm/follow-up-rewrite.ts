import type { Language } from '../answer.js';
import type { SessionTurn } from '../ports.js';
import type { ChatFunction } from '../../adapters/llm/openai-client.js';
import type { Prompts } from './prompts.js';

/** Earlier answers are cut to this length in the rewrite prompt: the question is what matters. */
const MAX_ANSWER_CHARS = 300;
/** A "standalone question" longer than this is the model answering instead of rewriting. */
const MAX_QUESTION_CHARS = 300;

export interface RewriteResult {
  question: string;
  tokens: number;
}

/**
 * Rewrites a follow-up ("那2022年呢？") into a standalone question using the session's last turns,
 * so retrieval sees the whole question. Returns the question unchanged when there is no history or
 * the model's output is unusable. Throws LlmError when the provider fails.
 */
export async function rewriteFollowUp(input: {
  chat: ChatFunction;
  prompts: Prompts;
  language: Language;
  turns: readonly SessionTurn[];
  question: string;
  signal: AbortSignal;
}): Promise<RewriteResult> {
  if (input.turns.length === 0) return { question: input.question, tokens: 0 };
  const lines: string[] = [];
  for (const turn of input.turns) {
    lines.push(await input.prompts.historyTurn(input.language, turn.resolvedQuestion, cut(turn.answer)));
  }
  const prompt = await input.prompts.rewrite(input.language, lines.join('\n'), input.question);
  const result = await input.chat({
    messages: [{ role: 'user', content: prompt }],
    maxTokens: 200,
    signal: input.signal,
  });
  return { question: cleanRewrite(result.content) ?? input.question, tokens: result.totalTokens };
}

function cut(text: string): string {
  return text.length > MAX_ANSWER_CHARS ? `${text.slice(0, MAX_ANSWER_CHARS)}…` : text;
}

/** Keeps the first non-empty line without quotes or a "问题：" label; undefined when unusable. */
export function cleanRewrite(output: string): string | undefined {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (!line) return undefined;
  const cleaned = line
    .replace(/^(?:改写后的问题|新问题|问题|rewritten question|question)\s*[:：]\s*/i, '')
    .replace(/^["“「『']+|["”」』']+$/g, '')
    .trim();
  return cleaned === '' || cleaned.length > MAX_QUESTION_CHARS ? undefined : cleaned;
}
