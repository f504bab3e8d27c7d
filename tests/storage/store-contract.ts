import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { StorageError } from '../../src/errors.js';
import type { Store } from '../../src/storage/store.js';

/**
 * The behaviour every Store backend must show — SQLite (one machine) and PostgreSQL (replicas) run
 * the same tests: sqlite-store.test.ts and postgres-store.test.ts call describeStoreContract. What
 * differs between them is how a test reaches the database from outside, which each backend gives.
 */
export interface ContractBackend {
  /** A fresh, empty store on new data, with the test's clock and a short lock wait. */
  open(options: { now: () => Date; lockWaitMs: number }): Promise<Store>;
  /** Another store on the same data: a restart, or a second replica. */
  openAgain(options: { now: () => Date }): Promise<Store>;
  /** Takes the write lock from outside (another process) until the returned function releases it. */
  holdWriteLock(): Promise<() => Promise<void>>;
  /** Replaces the database under the running store, as a careless restore or a cleanup script would. */
  replaceUnderneath(): Promise<void>;
  /** What `health().problem` says after replaceUnderneath. */
  replacedProblem: string;
  /** Argument for tests/storage/crash-writer.ts that opens the same data. */
  crashWriterTarget(): string;
  cleanup(): Promise<void>;
}

const DAY = 86_400_000;

export function describeStoreContract(name: string, makeBackend: () => ContractBackend): void {
  describe(`Store contract: ${name}`, () => {
    let backend: ContractBackend;
    let stores: Store[] = [];
    let now: Date;
    const clock = () => now;
    const later = (ms: number) => (now = new Date(now.getTime() + ms));

    const open = async () => {
      backend = makeBackend();
      now = new Date('2026-03-01T08:00:00.000Z');
      const store = await backend.open({ now: clock, lockWaitMs: 50 });
      stores.push(store);
      return store;
    };
    const openAgain = async () => {
      const store = await backend.openAgain({ now: clock });
      stores.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of stores) await store.close();
      stores = [];
      await backend?.cleanup();
    });

    const question = (
      store: Store,
      text: string,
      status: 'answered' | 'not_found' | 'out_of_scope' = 'answered',
      topic?: string,
    ) =>
      store.logQuestion({
        channel: 'http',
        question: text,
        status,
        mode: 'offline',
        latencyMs: 3,
        ...(topic && { topic }),
      });

    it('round-trips questions, feedback and sessions', async () => {
      const s = await open();
      expect(s.backend).toBe(name);
      const qid = await s.logQuestion({
        channel: 'telegram',
        userKey: 'abc',
        question: '2022年培训合格率是多少？',
        status: 'answered',
        mode: 'offline',
        latencyMs: 12.6,
        topic: '就业创业',
      });
      expect(qid).toBeGreaterThan(0);
      await s.recordFeedback({ channel: 'telegram', question: 'good', rating: 'up' });
      const fid = await s.recordFeedback({
        channel: 'telegram',
        userKey: 'abc',
        questionId: qid,
        question: '2022年培训合格率是多少？',
        answer: '合格率为**%',
        rating: 'down',
        comment: '看不懂',
      });
      const negative = await s.latestNegativeFeedback(10);
      expect(negative).toEqual([
        {
          id: fid,
          at: '2026-03-01T08:00:00.000Z',
          channel: 'telegram',
          questionId: qid,
          userKey: 'abc',
          question: '2022年培训合格率是多少？',
          answer: '合格率为**%',
          comment: '看不懂',
          rating: 'down',
        },
      ]);

      expect(await s.getSession('tg:1')).toBeUndefined();
      const state = {
        turns: [
          { question: 'a', resolvedQuestion: 'a', answer: 'b', year: 2022, at: '2026-01-01T00:00:00.000Z' },
        ],
        language: 'zh' as const,
      };
      await s.saveSession('tg:1', state);
      expect(await s.getSession('tg:1')).toEqual(state);
      await s.saveSession('tg:1', { turns: [] });
      expect(await s.getSession('tg:1')).toEqual({ turns: [] });
    });

    it('keeps KPI history oldest first, filtered by indicator, with null for 未公开', async () => {
      const s = await open();
      const first = await s.recordKpiUpdate({
        kpiId: 'pass-rate',
        year: 2023,
        kind: 'actual',
        value: 95.5,
        by: 'telegram:x',
      });
      await s.recordKpiUpdate({ kpiId: 'other', year: 2023, kind: 'target', value: 1, by: 'admin-api' });
      await s.recordKpiUpdate({
        kpiId: 'pass-rate',
        year: 2023,
        kind: 'actual',
        value: null,
        note: '暂不公开',
        by: 'telegram:x',
      });
      expect(first).toEqual({
        kpiId: 'pass-rate',
        year: 2023,
        kind: 'actual',
        value: 95.5,
        by: 'telegram:x',
        id: first.id,
        at: '2026-03-01T08:00:00.000Z',
      });
      const history = await s.kpiUpdates('pass-rate');
      expect(history.map((u) => u.value)).toEqual([95.5, null]);
      expect(history[1]).toMatchObject({ note: '暂不公开', by: 'telegram:x' });
      expect(history[0]).toEqual(first);
      expect((await s.kpiUpdates()).map((u) => u.kpiId)).toEqual(['pass-rate', 'other', 'pass-rate']);
    });

    it('reports usage by the injected clock: per day, top topics and unanswered questions', async () => {
      const s = await open();
      await question(s, 'a', 'answered', '就业创业');
      await question(s, 'b', 'answered', '就业创业');
      await question(s, 'c', 'answered', '优抚优待');
      later(DAY);
      await question(s, '天气怎么样', 'out_of_scope');
      await question(s, '2030年数据', 'not_found', '年度数据');
      const report = await s.usage(7);
      expect(report.perDay).toEqual([
        { day: '2026-03-01', count: 3 },
        { day: '2026-03-02', count: 2 },
      ]);
      expect(report.topTopics).toEqual([
        { topic: '就业创业', count: 2 },
        { topic: '优抚优待', count: 1 },
        { topic: '年度数据', count: 1 },
      ]);
      expect(report.unanswered).toEqual([
        { question: '2030年数据', status: 'not_found', at: '2026-03-02T08:00:00.000Z' },
        { question: '天气怎么样', status: 'out_of_scope', at: '2026-03-02T08:00:00.000Z' },
      ]);
      later(7 * DAY);
      expect((await s.usage(1)).perDay).toEqual([]);
    });

    it('another store on the same data (a restart, another replica) sees every write', async () => {
      const s = await open();
      await s.saveSession('web:7', { turns: [], language: 'en' });
      await s.recordKpiUpdate({ kpiId: 'k', year: 2022, kind: 'actual', value: 3, by: 'x' });
      const fid = await s.recordFeedback({ channel: 'http', question: 'q', rating: 'down' });
      const other = await openAgain();
      expect(await other.getSession('web:7')).toEqual({ turns: [], language: 'en' });
      expect(await other.kpiUpdates('k')).toHaveLength(1);
      expect((await other.latestNegativeFeedback(1))[0]?.id).toBe(fid);
      await other.saveSession('web:7', { turns: [], language: 'zh' });
      expect(await s.getSession('web:7')).toEqual({ turns: [], language: 'zh' });
    });

    it('prunes by the retention policy on the injected clock: sessions after a day, questions after 180, feedback kept', async () => {
      const s = await open();
      const defaults = loadConfig({}).retention;
      await s.saveSession('old', { turns: [] });
      await question(s, 'old question');
      await s.recordFeedback({ channel: 'http', question: 'old feedback', rating: 'down' });
      await s.recordKpiUpdate({ kpiId: 'k', year: 2025, kind: 'actual', value: 1, by: 'admin-api' });
      later(DAY - 1);
      await s.saveSession('fresh', { turns: [] });
      expect(await s.prune(defaults)).toEqual({ sessions: 0, questions: 0, feedback: 0 });
      later(2);
      expect(await s.prune(defaults)).toEqual({ sessions: 1, questions: 0, feedback: 0 });
      expect(await s.getSession('old')).toBeUndefined();
      expect(await s.getSession('fresh')).toEqual({ turns: [] });
      await question(s, 'recent question');
      later(180 * DAY);
      expect(await s.prune(defaults)).toEqual({ sessions: 1, questions: 1, feedback: 0 });
      later(10 * 365 * DAY);
      expect(await s.prune(defaults)).toEqual({ sessions: 0, questions: 1, feedback: 0 });
      expect((await s.latestNegativeFeedback(5)).map((f) => f.question)).toEqual(['old feedback']);
      expect(await s.kpiUpdates()).toHaveLength(1); // KPI history is never pruned
      const keepAll = loadConfig({ SESSION_RETENTION_DAYS: '0', QUESTION_LOG_RETENTION_DAYS: '0' }).retention;
      expect(await s.prune(keepAll)).toEqual({ sessions: 0, questions: 0, feedback: 0 });
      expect((await s.prune(loadConfig({ FEEDBACK_RETENTION_DAYS: '365' }).retention)).feedback).toBe(1);
    });

    it('a write that cannot take the lock is refused, counted and shown as degraded, and recovers', async () => {
      const s = await open();
      expect(await s.health()).toMatchObject({ backend: name, writable: true, failures: {} });
      const release = await backend.holdWriteLock();
      try {
        await expect(s.recordFeedback({ channel: 'http', question: 'q', rating: 'down' })).rejects.toThrow(
          StorageError,
        );
        await expect(s.saveSession('x', { turns: [] })).rejects.toThrow(StorageError);
        expect(await s.health()).toMatchObject({
          writable: false,
          problem: 'the database is locked by another process',
          failures: { recordFeedback: 1, 'session set': 1 },
        });
        expect(await s.getSession('x')).toBeUndefined(); // reads go on
      } finally {
        await release();
      }
      await s.saveSession('x', { turns: [] });
      expect(await s.health()).toMatchObject({
        writable: true,
        failures: { recordFeedback: 1, 'session set': 1 },
      });
      expect(await s.latestNegativeFeedback(5)).toEqual([]); // the refused write was not stored
    });

    it('refuses writes once the database is replaced under it, and says to restart', async () => {
      const s = await open();
      await s.recordFeedback({ channel: 'http', question: 'kept', rating: 'down' });
      await backend.replaceUnderneath();
      await expect(s.recordFeedback({ channel: 'http', question: 'lost?', rating: 'down' })).rejects.toThrow(
        /not stored\. Restart the service/,
      );
      await expect(s.saveSession('tg:1', { turns: [] })).rejects.toThrow(StorageError);
      expect(await s.health()).toMatchObject({
        writable: false,
        problem: backend.replacedProblem,
        failures: { recordFeedback: 1, 'session set': 1 },
      });
    });

    it('loses no acknowledged write when the writing process is killed with SIGKILL', async () => {
      await open();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'crash-writer.ts'), backend.crashWriterTarget()],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const acknowledged: number[] = [];
      let buffer = '';
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (data: Buffer) => {
          buffer += data.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) acknowledged.push(Number(line));
          if (acknowledged.length >= 100 && !child.killed) child.kill('SIGKILL');
        });
        child.on('exit', () => resolve());
      });
      expect(acknowledged.length).toBeGreaterThanOrEqual(100);
      const s = await openAgain();
      const stored = new Set((await s.latestNegativeFeedback(100_000)).map((f) => f.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(await s.getSession('s0')).toEqual({ turns: [], language: 'zh' });
    });
  });
}
