import type { Answer } from '../assistant/answer.js';
import type { AskOptions, Assistant, SessionState, SessionStore } from '../assistant/ports.js';
import type { Logger } from '../logger.js';
import type { Store } from './store.js';

/**
 * Chat sessions live in the store, so a follow-up sent to another replica continues the
 * conversation; the assistant, though, reads and writes sessions synchronously (SessionStore in
 * assistant/ports.ts). This bridges the two: before a question that names a session, the session
 * is loaded into a working set the assistant sees; after the answer, a changed session is saved —
 * before the answer is handed back, so no user sees an answer whose turn the store lacks.
 *
 * Sessions only carry follow-up context, so a store that cannot read or save them (read-only,
 * locked or unreachable database) must not cost the user the answer: the failure is logged here,
 * and the store counts it for /metrics and /healthz. The next question just lacks the context.
 */
export interface StoredSessions {
  /** The synchronous view to build the assistant with (offline and LLM modes alike). */
  readonly sessions: SessionStore;
  /** `assistant` with each session loaded before its question and saved after the answer. */
  wrap(assistant: Assistant): Assistant;
}

interface Entry {
  state: SessionState | undefined;
  /** Questions of this session in flight in this process. */
  users: number;
  changed: boolean;
  loaded: Promise<void>;
}

export function createStoredSessions(
  store: Pick<Store, 'getSession' | 'saveSession'>,
  logger: Logger,
): StoredSessions {
  const entries = new Map<string, Entry>();

  const sessions: SessionStore = {
    get: (id) => entries.get(id)?.state,
    set(id, state) {
      const entry = entries.get(id);
      // Only sessions of questions in flight are ever written; anything else would never be saved.
      if (!entry) return void logger.error({ session: id.slice(0, 8) }, 'session written outside a question');
      entry.state = state;
      entry.changed = true;
    },
  };

  function enter(id: string): Promise<void> {
    const existing = entries.get(id);
    if (existing) {
      existing.users += 1;
      return existing.loaded;
    }
    const entry: Entry = { state: undefined, users: 1, changed: false, loaded: Promise.resolve() };
    entry.loaded = store.getSession(id).then(
      (state) => void (entry.state = state),
      (error: unknown) =>
        logger.warn(
          { err: (error as Error).message },
          'could not read the chat session; answering without it',
        ),
    );
    entries.set(id, entry);
    return entry.loaded;
  }

  async function leave(id: string): Promise<void> {
    const entry = entries.get(id);
    if (!entry) return;
    entry.users -= 1;
    if (entry.users === 0) entries.delete(id);
    if (!entry.changed || entry.state === undefined) return;
    entry.changed = false;
    try {
      await store.saveSession(id, entry.state);
    } catch (error) {
      logger.warn(
        { err: (error as Error).message },
        'could not save the chat session; the next question will not see this one',
      );
    }
  }

  async function around<T>(id: string, fn: () => Promise<T>): Promise<T> {
    await enter(id);
    try {
      return await fn();
    } finally {
      await leave(id);
    }
  }

  return {
    sessions,
    wrap(assistant) {
      const wrapped: Assistant = {
        ask: (question: string, options?: AskOptions): Promise<Answer> => {
          const id = options?.session;
          return id ? around(id, () => assistant.ask(question, options)) : assistant.ask(question, options);
        },
      };
      const inner = assistant.askStream?.bind(assistant);
      if (inner) wrapped.askStream = (question, options) => streamAround(inner, question, options);
      return wrapped;
    },
  };

  function streamAround(
    inner: NonNullable<Assistant['askStream']>,
    question: string,
    options: AskOptions | undefined,
  ): ReturnType<NonNullable<Assistant['askStream']>> {
    const id = options?.session;
    if (!id) return inner(question, options);
    const started = enter(id).then(() => inner(question, options));
    const answer = started.then((stream) => stream.answer).finally(() => leave(id));
    async function* chunks(): AsyncIterable<string> {
      yield* (await started).chunks;
    }
    return { chunks: chunks(), answer };
  }
}
