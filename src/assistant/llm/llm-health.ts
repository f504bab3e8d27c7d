import { isEndpointDown, type LlmCallError } from './llm-call-error.js';
import type { Logger } from '../../logger.js';

/**
 * Whether the endpoint is worth asking. A bad key, an unknown model or an unreachable endpoint
 * marks it down: questions go straight to the offline answer (no waiting on a dead endpoint) until
 * `retryAfterMs` has passed, then the next question tries again. Transient failures (429, 5xx,
 * timeouts) only fail the one answer. Each change of state is logged once, not per question.
 */
export interface Availability {
  shouldTry(): boolean;
  succeeded(): void;
  failed(error: LlmCallError, options?: { force?: boolean }): void;
  readonly down: boolean;
  readonly reason: string | undefined;
}

export function createAvailability(options: {
  logger: Logger;
  retryAfterMs: number;
  now: () => number;
}): Availability {
  let downUntil: number | undefined;
  let reason: string | undefined;
  return {
    shouldTry: () => downUntil === undefined || options.now() >= downUntil,
    succeeded() {
      if (downUntil !== undefined)
        options.logger.info('LLM endpoint is answering again; LLM mode is back on');
      downUntil = undefined;
      reason = undefined;
    },
    failed(error, { force = false } = {}) {
      if (!force && !isEndpointDown(error.kind)) return;
      const wasDown = downUntil !== undefined;
      downUntil = options.now() + options.retryAfterMs;
      reason = error.message;
      if (!wasDown) {
        options.logger.warn(
          { err: error, retryInMs: options.retryAfterMs },
          'LLM endpoint unusable; answering offline and retrying later',
        );
      }
    },
    get down() {
      return downUntil !== undefined;
    },
    get reason() {
      return reason;
    },
  };
}
