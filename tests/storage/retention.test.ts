import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { PRUNE_EVERY_MS, startPruning, type Every } from '../../src/storage/retention.js';
import { createSqliteStore } from '../../src/storage/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { captureLogger } from '../support/capture-logger.js';

// What each backend prunes is in the store contract (store-contract.ts); this is the schedule.
const DAY = 86_400_000;
let dir: string;
let store: Store;
let now: Date;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'retention-'));
  now = new Date('2026-01-01T00:00:00.000Z');
  store = createSqliteStore(join(dir, 'assistant.db'), { now: () => now });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const later = (ms: number) => (now = new Date(now.getTime() + ms));
/** Resolves once `predicate` holds, checking after each turn of the event loop (bounded). */
async function until(predicate: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await predicate()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('startPruning', () => {
  it('prunes at start and on every tick of its timer, logging what went', async () => {
    const ticks: (() => void)[] = [];
    let stopped = false;
    const every: Every = (ms, fn) => {
      expect(ms).toBe(PRUNE_EVERY_MS);
      ticks.push(fn);
      return () => (stopped = true);
    };
    const { logger, lines } = captureLogger();
    await store.saveSession('s', { turns: [] });
    const stop = startPruning({ store, policy: loadConfig({}).retention, logger, every });
    expect(await store.getSession('s')).toEqual({ turns: [] });
    later(2 * DAY);
    ticks[0]!();
    await until(async () => (await store.getSession('s')) === undefined, 'the session to be pruned');
    await until(() => lines().some((l) => l.msg === 'retention: old rows deleted'), 'the log line');
    const deleted = lines().find((l) => l.msg === 'retention: old rows deleted') as
      { deleted?: object } | undefined;
    expect(deleted?.deleted).toEqual({ sessions: 1, questions: 0, feedback: 0 });
    stop();
    expect(stopped).toBe(true);
  });

  it('a failed prune is logged and tried again on the next tick', async () => {
    const ticks: (() => void)[] = [];
    const { logger, lines } = captureLogger();
    let calls = 0;
    const failing = {
      prune: async () => {
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
    await until(
      () => lines().filter((l) => l.msg.startsWith('retention: pruning failed')).length === 2,
      'two warnings',
    );
  });
});
