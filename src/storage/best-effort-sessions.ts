import type { SessionState, SessionStore } from '../assistant/ports.js';
import type { Logger } from '../logger.js';

/**
 * Sessions only carry follow-up context, so a store that cannot read or save them (read-only,
 * full or locked database) must not cost the user the answer: the failure is logged here, and the
 * store itself counts it for /metrics and /healthz. The next question just lacks the context.
 */
export function createBestEffortSessions(sessions: SessionStore, logger: Logger): SessionStore {
  return {
    get(id: string): SessionState | undefined {
      try {
        return sessions.get(id);
      } catch (error) {
        logger.warn(
          { err: (error as Error).message },
          'could not read the chat session; answering without it',
        );
        return undefined;
      }
    },
    delete(id: string): void {
      try {
        sessions.delete(id);
      } catch (error) {
        logger.warn(
          { err: (error as Error).message },
          'could not end the chat session; it ends by itself after the idle time',
        );
      }
    },
    set(id: string, state: SessionState): void {
      try {
        sessions.set(id, state);
      } catch (error) {
        logger.warn(
          { err: (error as Error).message },
          'could not save the chat session; the next question will not see this one',
        );
      }
    },
  };
}
