/**
 * What one replica changes that the others must apply: staff KPI updates (reload the mirror), the
 * knowledge (reindex), and Telegram updates waiting in the shared inbox (the leader handles them).
 * With one process (SQLite) every change is made here and applied at once, so the feed carries
 * nothing; with PostgreSQL, postgres/change-feed.ts carries it between replicas.
 */
export type ChangeTopic = 'kpi' | 'knowledge' | 'telegram-updates';

export interface ChangeFeed {
  /** Runs `apply` after another replica changed `topic`; runs of one topic never overlap. */
  on(topic: ChangeTopic, apply: () => Promise<void>): void;
  /** Tells the other replicas that `topic` changed here. Rejects when it could not be told. */
  publish(topic: ChangeTopic): Promise<void>;
  close(): Promise<void>;
}

/** The feed of a single process: nothing to hear, nobody to tell. */
export function createLocalChangeFeed(): ChangeFeed {
  return { on: () => undefined, publish: async () => undefined, close: async () => undefined };
}

/**
 * Runs each topic's handlers one run at a time: a change announced while a run is going on (a
 * reindex takes seconds) causes exactly one more run after it, however many arrive meanwhile.
 */
export function createTopicRunner(onError: (topic: ChangeTopic, error: unknown) => void) {
  const handlers = new Map<ChangeTopic, (() => Promise<void>)[]>();
  const state = new Map<ChangeTopic, { running: boolean; again: boolean }>();
  async function run(topic: ChangeTopic): Promise<void> {
    const s = state.get(topic) ?? { running: false, again: false };
    state.set(topic, s);
    if (s.running) return void (s.again = true);
    s.running = true;
    do {
      s.again = false;
      for (const apply of handlers.get(topic) ?? [])
        await apply().catch((error: unknown) => onError(topic, error));
    } while (s.again);
    s.running = false;
  }
  return {
    add(topic: ChangeTopic, apply: () => Promise<void>) {
      handlers.set(topic, [...(handlers.get(topic) ?? []), apply]);
    },
    run,
  };
}
