/**
 * Which replica talks to Telegram: exactly one polls getUpdates (Telegram refuses two pollers) and
 * handles the updates, so per-chat order, the bot-wide flood limits of the paced gateway and the
 * handlers' in-memory state (pending /setkpi confirmations, long button payloads) hold as they do
 * for one process. One process leads at once; replicas on PostgreSQL take turns by an advisory
 * lock (postgres/advisory-leadership.ts), and another takes over when the leader dies.
 */
export interface Leadership {
  /**
   * Runs `lead` whenever this process becomes the leader; its signal aborts when it stops being
   * the leader. Resolves after the first try, leader or not.
   */
  start(lead: (signal: AbortSignal) => Promise<void>): Promise<void>;
  /** Stops trying, and gives the lead up (the next replica takes over at once). */
  stop(): Promise<void>;
}

/** One process: always the leader. */
export function createSoleLeadership(): Leadership {
  const controller = new AbortController();
  return {
    start: (lead) => lead(controller.signal),
    async stop() {
      controller.abort();
    },
  };
}
