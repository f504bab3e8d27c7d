import type pg from 'pg';
import type { Update } from 'telegraf/types';
import { chatKeyOf, type UpdateInbox } from '../../channels/telegram/update-inbox.js';
import type { ChangeFeed } from '../change-feed.js';
import { INBOX_SQL } from './statements.js';

/**
 * The Telegram inbox shared by the replicas: `telegram_updates`, claimed by update_id. Whichever
 * replica Telegram (or its retry) reaches stores the update — a second delivery of the same id is
 * dropped by the primary key — and wakes the leader through the change feed. Handled updates are
 * kept two days, longer than Telegram retries a delivery.
 */
export function createPostgresInbox(deps: {
  pool: pg.Pool;
  changes: ChangeFeed;
  origin: string;
}): UpdateInbox {
  const { pool } = deps;
  const listeners: (() => void)[] = [];
  deps.changes.on('telegram-updates', async () => {
    for (const wake of listeners) wake();
  });
  return {
    async add(updates) {
      if (updates.length === 0) return;
      await pool.query(INBOX_SQL.add, [
        updates.map((u) => u.update_id),
        updates.map(chatKeyOf),
        updates.map((u) => JSON.stringify(u)),
        deps.origin,
      ]);
      for (const wake of listeners) wake();
    },
    async pending(skip) {
      const { rows } = await pool.query<{ payload: Update }>(INBOX_SQL.pending, [[...skip]]);
      return rows.map((r) => r.payload);
    },
    async markHandled(updateId) {
      await pool.query(INBOX_SQL.markHandled, [updateId]);
    },
    onAdded: (wake) => void listeners.push(wake),
    async prune() {
      await pool.query(INBOX_SQL.prune);
    },
  };
}
