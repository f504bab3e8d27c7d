import type { SessionState, SessionStore } from './ports.js';

/** Sessions in memory, bounded (oldest session evicted first); for the CLI and tests. */
export function createMemorySessionStore(maxSessions = 10_000): SessionStore {
  const sessions = new Map<string, SessionState>();
  return {
    get: (id) => sessions.get(id),
    set(id, state) {
      sessions.delete(id);
      sessions.set(id, state);
      if (sessions.size > maxSessions) sessions.delete(sessions.keys().next().value as string);
    },
  };
}
