import type { SessionState, SessionStore, SessionTurn } from './ports.js';

/**
 * A conversation's memory, shared by the offline and the LLM assistant so both keep and forget the
 * same way: the last turns of a session, and none once it has been quiet for longer than the idle
 * time (a veteran coming back the next day starts afresh).
 */

/** Turns kept per session: enough for follow-ups, small enough for the session row. */
export const MAX_TURNS = 10;
export const DEFAULT_SESSION_IDLE_MS = 30 * 60 * 1000;

/** The session as it stands at `now`: its turns, or none when its last turn is older than `idleMs`. */
export function activeSession(
  state: SessionState | undefined,
  now: Date,
  idleMs: number,
): SessionState | undefined {
  const last = state?.turns.at(-1);
  if (!state || !last) return state;
  const quiet = now.getTime() - Date.parse(last.at);
  return Number.isFinite(quiet) && quiet > idleMs ? { turns: [] } : state;
}

/** Appends a turn (stamped `now`) to the session's active turns, keeping the last MAX_TURNS. */
export function appendTurn(
  sessions: SessionStore,
  id: string,
  turn: Omit<SessionTurn, 'at'>,
  options: { now: Date; idleMs: number; language?: SessionState['language'] },
): void {
  const current = activeSession(sessions.get(id), options.now, options.idleMs);
  const turns = [...(current?.turns ?? []), { ...turn, at: options.now.toISOString() }].slice(-MAX_TURNS);
  const language = options.language ?? current?.language;
  sessions.set(id, { turns, ...(language ? { language } : {}) });
}
