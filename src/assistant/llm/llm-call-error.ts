import { LlmError } from '../../errors.js';

/** Why a call to the LLM endpoint failed; decides between "fail this answer" and "mark endpoint down". */
export type LlmFailureKind =
  'auth' | 'model' | 'unreachable' | 'timeout' | 'rate_limit' | 'server' | 'aborted' | 'other';

/** An LlmError that knows its failure kind. Produced only by `toLlmError` in openai-client.ts. */
export class LlmCallError extends LlmError {
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** Bad key, unknown model or no endpoint at all: asking again right away is pointless. */
export const isEndpointDown = (kind: LlmFailureKind): boolean =>
  kind === 'auth' || kind === 'model' || kind === 'unreachable';
