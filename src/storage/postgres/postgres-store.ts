import type pg from 'pg';
import type { SessionState } from '../../assistant/ports.js';
import type { RetentionPolicy } from '../../config.js';
import { StorageError } from '../../errors.js';
import { retentionCutoffs } from '../retention.js';
import {
  feedbackValues,
  questionValues,
  toFeedback,
  toKpiUpdate,
  type FeedbackRow,
  type KpiRow,
} from '../rows.js';
import { createHealthTracker } from '../store-health.js';
import type { PruneCounts, Store, UsageReport } from '../store.js';
import { adviceFor, describePostgresFailure } from './failures.js';
import { SQL, UNANSWERED_STATUSES } from './statements.js';

const TOP_TOPICS = 10;
const UNANSWERED_LIMIT = 20;
const PING_TIMEOUT_MS = 1000;

export interface PostgresStoreOptions {
  /** The clock for row timestamps and retention (tests inject one). */
  now?: () => Date;
  /** Names this replica in change notifications, so it can tell its own from others'. */
  origin?: string;
}

type Query = Pick<pg.ClientBase, 'query'>;

/**
 * The store on PostgreSQL, shared by every replica: the same behaviour as the SQLite store
 * (tests/storage/store-contract.ts runs against both). The pool's schema must be migrated
 * (migrations.ts). Every write runs in its own transaction and resolves after COMMIT, so what a
 * replica acknowledges, every replica finds; a KPI update also bumps the `kpi` change version and
 * notifies the other replicas in the same transaction. Failures are StorageErrors counted in
 * `health()`; `health()` also pings the server. `close()` ends the pool.
 */
export function createPostgresStore(pool: pg.Pool, options: PostgresStoreOptions = {}): Store {
  const clock = options.now ?? (() => new Date());
  const origin = options.origin ?? 'unknown';
  const tracker = createHealthTracker('postgresql');

  const fail = (operation: string, error: unknown, write: boolean) => {
    const problem = describePostgresFailure(error);
    const message =
      `PostgreSQL store: ${operation} failed: ${(error as Error).message}. ${write ? adviceFor(problem) : ''}`.trim();
    tracker.failed(operation, problem, write, message);
    return new StorageError(message, { cause: error });
  };
  const read = async <T>(operation: string, fn: (db: Query) => Promise<T>): Promise<T> => {
    try {
      return await fn(pool);
    } catch (error) {
      throw fail(operation, error, false);
    }
  };
  const write = async <T>(operation: string, fn: (db: Query) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      tracker.wrote();
      return result;
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => undefined);
      throw fail(operation, error, true);
    } finally {
      client?.release();
    }
  };
  const idOf = (result: pg.QueryResult) => (result.rows[0] as { id: number }).id;

  return {
    backend: 'postgresql',
    logQuestion: (e) =>
      write('logQuestion', async (db) =>
        idOf(await db.query(SQL.insertQuestion, questionValues(clock(), e))),
      ),
    recordFeedback: (e) =>
      write('recordFeedback', async (db) =>
        idOf(await db.query(SQL.insertFeedback, feedbackValues(clock(), e))),
      ),
    latestNegativeFeedback: (limit) =>
      read('latestNegativeFeedback', async (db) =>
        (await db.query<FeedbackRow>(SQL.selectNegative, [limit])).rows.map(toFeedback),
      ),
    usage: (days) => read('usage', (db) => usageReport(db, days)),
    recordKpiUpdate: (u) =>
      write('recordKpiUpdate', async (db) => {
        const at = clock();
        const result = await db.query(SQL.insertKpi, [
          at,
          u.kpiId,
          u.year,
          u.kind,
          u.value,
          u.note ?? null,
          u.by,
        ]);
        await db.query(SQL.bumpVersion, ['kpi', origin]);
        return { ...u, id: idOf(result), at: at.toISOString() };
      }),
    kpiUpdates: (kpiId) =>
      read('kpiUpdates', async (db) =>
        (kpiId === undefined
          ? await db.query<KpiRow>(SQL.selectKpiAll)
          : await db.query<KpiRow>(SQL.selectKpiOne, [kpiId])
        ).rows.map(toKpiUpdate),
      ),
    getSession: (id) =>
      read(
        'session get',
        async (db) => (await db.query<{ state: SessionState }>(SQL.selectSession, [id])).rows[0]?.state,
      ),
    saveSession: (id, state) =>
      write('session set', async (db) => {
        await db.query(SQL.upsertSession, [id, JSON.stringify(state), clock()]);
      }),
    prune: (policy) => write('prune', (db) => prune(db, policy)),
    async health() {
      const reachable = await ping();
      const health = tracker.health();
      if (reachable || health.problem !== undefined) return { ...health, reachable };
      return { ...health, reachable, problem: 'the database cannot be reached' };
    },
    close: () => pool.end(),
  };

  async function ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, PING_TIMEOUT_MS, false)));
    const answered = pool.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answered, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function prune(db: Query, policy: RetentionPolicy): Promise<PruneCounts> {
    const cutoff = retentionCutoffs(policy, clock());
    const before = async (sql: string, at: string | undefined) =>
      at ? ((await db.query(sql, [at])).rowCount ?? 0) : 0;
    return {
      sessions: await before(SQL.deleteSessions, cutoff.sessions),
      questions: await before(SQL.deleteQuestions, cutoff.questions),
      feedback: await before(SQL.deleteFeedback, cutoff.feedback),
    };
  }

  async function usageReport(db: Query, days: number): Promise<UsageReport> {
    const since = new Date(clock().getTime() - Math.max(1, days) * 86_400_000);
    const [perDay, topTopics, unanswered] = await Promise.all([
      db.query<{ day: string; count: number }>(SQL.perDay, [since]),
      db.query<{ topic: string; count: number }>(SQL.topTopics, [since, TOP_TOPICS]),
      db.query<UsageReport['unanswered'][number]>(SQL.unanswered, [
        since,
        UNANSWERED_STATUSES,
        UNANSWERED_LIMIT,
      ]),
    ]);
    return { perDay: perDay.rows, topTopics: topTopics.rows, unanswered: unanswered.rows };
  }
}
