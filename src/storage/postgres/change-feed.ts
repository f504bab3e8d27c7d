import pg from 'pg';
import type { Logger } from '../../logger.js';
import { createTopicRunner, type ChangeFeed, type ChangeTopic } from '../change-feed.js';
import { clientConfig, redactUrl } from './pool.js';
import { SQL } from './statements.js';

/** How often versions are compared, for a notification missed while the LISTEN connection was down. */
export const VERSION_CHECK_MS = 5000;
const CHANNEL = 'assistant_changes';
const MAX_RECONNECT_MS = 30_000;

export interface PostgresChangeFeedOptions {
  url: string;
  pool: pg.Pool;
  logger: Logger;
  /** This replica's name in notifications (its own are not applied twice). */
  origin: string;
  versionCheckMs?: number;
}

/**
 * Changes between replicas through PostgreSQL: each change bumps a version in `change_versions`
 * and sends NOTIFY in the same transaction (statements.ts, bumpVersion), so a replica hears it
 * within milliseconds; a dedicated connection LISTENs. Notifications are lost while that
 * connection is down, so versions are also compared every `versionCheckMs` and after every
 * reconnect: a missed change is applied late rather than never.
 */
export async function createPostgresChangeFeed(options: PostgresChangeFeedOptions): Promise<ChangeFeed> {
  const { pool, logger, origin } = options;
  const seen = new Map<ChangeTopic, number>();
  const runner = createTopicRunner((topic, error) =>
    logger.error(
      { topic, err: (error as Error).message },
      'could not apply a change made on another replica',
    ),
  );
  let closed = false;
  let listener: pg.Client | undefined;
  let reconnectMs = 1000;
  let reconnectTimer: NodeJS.Timeout | undefined;

  /** Applies `topic` when `version` is newer than the one this replica has seen. */
  const heard = (topic: ChangeTopic, version: number, from: string | undefined) => {
    if (version <= (seen.get(topic) ?? 0)) return;
    seen.set(topic, version);
    if (from !== origin) void runner.run(topic);
  };

  async function checkVersions(): Promise<void> {
    try {
      const { rows } = await pool.query<{ topic: ChangeTopic; version: number }>(SQL.selectVersions);
      for (const row of rows) heard(row.topic, row.version, undefined);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'could not compare change versions; trying again later');
    }
  }

  async function listen(): Promise<void> {
    const client = new pg.Client(clientConfig(options.url));
    client.on('notification', (message) => {
      try {
        const {
          topic,
          version,
          origin: from,
        } = JSON.parse(message.payload ?? '') as {
          topic: ChangeTopic;
          version?: number | null;
          origin: string;
        };
        // Versioned topics are applied once per version; a version-less one is a wake-up call.
        if (version === undefined || version === null) {
          if (from !== origin) void runner.run(topic);
        } else heard(topic, Number(version), from);
      } catch {
        logger.warn({ payload: message.payload }, 'ignored a change notification that is not ours');
      }
    });
    const lost = (error?: Error) => {
      if (closed || listener !== client) return;
      listener = undefined;
      logger.warn(
        { err: error && redactUrl(error.message, options.url), retryInMs: reconnectMs },
        'lost the PostgreSQL LISTEN connection; changes are picked up by version checks until it is back',
      );
      scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
    reconnectMs = 1000;
    await checkVersions(); // what changed while nobody listened
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      listen().catch(() => {
        reconnectMs = Math.min(MAX_RECONNECT_MS, reconnectMs * 2);
        scheduleReconnect();
      });
    }, reconnectMs);
    reconnectTimer.unref();
  }

  // The versions as of now are this replica's starting point: it loaded everything at start.
  const { rows } = await pool.query<{ topic: ChangeTopic; version: number }>(SQL.selectVersions);
  for (const row of rows) seen.set(row.topic, row.version);
  await listen();
  const checker = setInterval(() => void checkVersions(), options.versionCheckMs ?? VERSION_CHECK_MS);
  checker.unref();

  return {
    on: (topic, apply) => runner.add(topic, apply),
    async publish(topic) {
      const { rows: bumped } = await pool.query<{ version: number }>(SQL.bumpVersion, [topic, origin]);
      const version = bumped[0]?.version;
      if (version !== undefined) heard(topic, version, origin);
    },
    async close() {
      closed = true;
      clearInterval(checker);
      clearTimeout(reconnectTimer);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}
