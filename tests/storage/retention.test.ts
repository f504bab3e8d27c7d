import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type RetentionPolicy } from '../../src/config.js';
import { PRUNE_EVERY_MS, startPruning, type Every } from '../../src/storage/retention.js';
import { createSqliteStore } from '../../src/storage/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { captureLogger } from '../support/capture-logger.js';

const DAY = 86_400_000;
let dir: string;
let store: Store;
let now: Date;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'retention-'));
  now = new Date('2026-01-01T00:00:00.000Z');
  store = createSqliteStore(join(dir, 'assistant.db'), { now: () => now });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const later = (ms: number) => (now = new Date(now.getTime() + ms));
const logQuestion = (question: string) =>
  store.logQuestion({ channel: 'http', question, status: 'answered', mode: 'offline', latencyMs: 1 });
const feedback = (question: string) => store.recordFeedback({ channel: 'http', question, rating: 'down' });
const questions = () => store.usage(10_000).perDay.reduce((n, d) => n + d.count, 0);

describe('store.prune', () => {
  const defaults: RetentionPolicy = loadConfig({}).retention;

  it('by default drops sessions after a day and logged questions after 180 days, and keeps feedback', () => {
    store.set('old', { turns: [] });
    logQuestion('old question');
    feedback('old feedback');
    store.recordKpiUpdate({ kpiId: 'k', year: 2025, kind: 'actual', value: 1, by: 'admin-api' });
    later(DAY - 1);
    store.set('fresh', { turns: [] });
    expect(store.prune(defaults)).toEqual({ sessions: 0, questions: 0, feedback: 0 });
    later(2);
    expect(store.prune(defaults)).toEqual({ sessions: 1, questions: 0, feedback: 0 });
    expect(store.get('old')).toBeUndefined();
    expect(store.get('fresh')).toEqual({ turns: [] });

    logQuestion('recent question');
    later(180 * DAY);
    expect(store.prune(defaults)).toEqual({ sessions: 1, questions: 1, feedback: 0 });
    expect(questions()).toBe(1);
    later(10 * 365 * DAY);
    expect(store.prune(defaults)).toEqual({ sessions: 0, questions: 1, feedback: 0 });
    expect(store.latestNegativeFeedback(5).map((f) => f.question)).toEqual(['old feedback']);
    expect(store.kpiUpdates()).toHaveLength(1); // KPI history is never pruned
  });

  it('drops feedback too when FEEDBACK_RETENTION_DAYS is set, and keeps everything with 0', () => {
    feedback('a year old');
    later(365 * DAY + 1);
    const keepAll = loadConfig({ SESSION_RETENTION_DAYS: '0', QUESTION_LOG_RETENTION_DAYS: '0' }).retention;
    expect(store.prune(keepAll)).toEqual({ sessions: 0, questions: 0, feedback: 0 });
    expect(store.prune(loadConfig({ FEEDBACK_RETENTION_DAYS: '365' }).retention).feedback).toBe(1);
  });
});

describe('startPruning', () => {
  it('prunes at start and on every tick of its timer, logging what went', () => {
    const ticks: (() => void)[] = [];
    let stopped = false;
    const every: Every = (ms, fn) => {
      expect(ms).toBe(PRUNE_EVERY_MS);
      ticks.push(fn);
      return () => (stopped = true);
    };
    const { logger, lines } = captureLogger();
    store.set('s', { turns: [] });
    const stop = startPruning({ store, policy: loadConfig({}).retention, logger, every });
    expect(store.get('s')).toEqual({ turns: [] });
    later(2 * DAY);
    ticks[0]!();
    expect(store.get('s')).toBeUndefined();
    const deleted = lines().find((l) => l.msg === 'retention: old rows deleted') as
      { deleted?: object } | undefined;
    expect(deleted?.deleted).toEqual({ sessions: 1, questions: 0, feedback: 0 });
    stop();
    expect(stopped).toBe(true);
  });

  it('a failed prune is logged and tried again on the next tick', () => {
    const ticks: (() => void)[] = [];
    const { logger, lines } = captureLogger();
    let calls = 0;
    const failing = {
      prune: () => {
        calls += 1;
        throw new Error('database is locked');
      },
    };
    startPruning({
      store: failing,
      policy: loadConfig({}).retention,
      logger,
      every: (_ms, fn) => (ticks.push(fn), () => undefined),
    });
    ticks[0]!();
    expect(calls).toBe(2);
    expect(lines().filter((l) => l.msg.startsWith('retention: pruning failed'))).toHaveLength(2);
  });
});
