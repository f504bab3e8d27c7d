import pg from 'pg';
import type { Leadership } from '../../channels/telegram/leadership.js';
import type { Logger } from '../../logger.js';
import { LOCKS } from './lock-keys.js';
import { clientConfig, redactUrl } from './pool.js';

/** How often a replica that does not lead tries to take the lead. */
export const LEAD_RETRY_MS = 2000;
/** How often the leader checks that its lock connection is alive. */
const HEARTBEAT_MS = 2000;

/**
 * Leadership by a session-level advisory lock on a dedicated connection: the replica holding it
 * talks to Telegram. The server releases the lock the moment that connection ends — the process
 * exited, was killed, or lost the network (the connection asks the server to notice a silent peer
 * within seconds: TCP keepalives) — and a waiting replica takes it within LEAD_RETRY_MS. The
 * leader checks its connection every few seconds and stops leading at the first failure, before
 * another replica can have taken over.
 */
export function createAdvisoryLeadership(deps: {
  url: string;
  logger: Logger;
  retryMs?: number;
}): Leadership {
  const { url, logger } = deps;
  const retryMs = deps.retryMs ?? LEAD_RETRY_MS;
  let client: pg.Client | undefined;
  let leading: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lead: (signal: AbortSignal) => Promise<void> = async () => undefined;

  async function connect(): Promise<pg.Client> {
    const next = new pg.Client(clientConfig(url));
    next.on('error', (error) => lose(next, error));
    next.on('end', () => lose(next));
    await next.connect();
    // A leader cut off by the network must lose the lock in seconds, not in the OS default of hours.
    await next.query(
      'SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3',
    );
    return next;
  }

  function lose(which: pg.Client, error?: Error): void {
    if (which !== client) return;
    client = undefined;
    if (leading) {
      leading.abort();
      leading = undefined;
      logger.warn(
        { err: error && redactUrl(error.message, url) },
        'lost the Telegram lead (its database connection ended)',
      );
    }
    void which.end().catch(() => undefined);
    schedule(retryMs);
  }

  function schedule(ms: number): void {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void attempt(), ms);
    timer.unref();
  }

  async function attempt(): Promise<void> {
    if (stopped) return;
    try {
      client ??= await connect();
      const current = client;
      if (leading) {
        await current.query('SELECT 1'); // heartbeat
        return schedule(HEARTBEAT_MS);
      }
      const { rows } = await current.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS got', [
        ...LOCKS.telegram,
      ]);
      if (!rows[0]?.got || stopped) return schedule(retryMs);
      leading = new AbortController();
      schedule(HEARTBEAT_MS);
      await lead(leading.signal);
    } catch (error) {
      if (client) lose(client, error as Error);
      else {
        logger.warn(
          { err: redactUrl((error as Error).message, url) },
          'cannot reach PostgreSQL for the Telegram lead; retrying',
        );
        schedule(retryMs);
      }
    }
  }

  return {
    async start(onLead) {
      lead = onLead;
      await attempt();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      leading?.abort();
      leading = undefined;
      const current = client;
      client = undefined;
      // Ending the session releases the lock; the next replica takes over within its retry.
      await current?.end().catch(() => undefined);
    },
  };
}
