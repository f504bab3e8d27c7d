import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../src/errors.js';
import { createSqliteStore } from '../../src/storage/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { hashUserId } from '../../src/storage/user-hash.js';

let dir: string;
let store: Store | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-test-'));
});
afterEach(() => {
  store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const open = (name = 'nested/dir/app.sqlite') => (store = createSqliteStore(join(dir, name)));

describe('createSqliteStore', () => {
  it('creates the folder, uses WAL and records the schema version', () => {
    open();
    store!.close();
    const db = new Database(join(dir, 'nested/dir/app.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('round-trips questions, feedback and sessions', () => {
    const s = open();
    const qid = s.logQuestion({
      channel: 'telegram',
      userKey: 'abc',
      question: '2022年培训合格率是多少？',
      status: 'answered',
      mode: 'offline',
      latencyMs: 12.6,
      topic: '就业创业',
    });
    expect(qid).toBeGreaterThan(0);
    s.recordFeedback({ channel: 'telegram', question: 'good', rating: 'up' });
    const fid = s.recordFeedback({
      channel: 'telegram',
      userKey: 'abc',
      questionId: qid,
      question: '2022年培训合格率是多少？',
      answer: '合格率为**%',
      rating: 'down',
      comment: '看不懂',
    });
    const negative = s.latestNegativeFeedback(10);
    expect(negative).toHaveLength(1);
    expect(negative[0]).toMatchObject({
      id: fid,
      questionId: qid,
      userKey: 'abc',
      answer: '合格率为**%',
      comment: '看不懂',
      rating: 'down',
    });
    expect(negative[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    expect(s.get('tg:1')).toBeUndefined();
    const state = {
      turns: [
        { question: 'a', resolvedQuestion: 'a', answer: 'b', year: 2022, at: '2026-01-01T00:00:00.000Z' },
      ],
      language: 'zh' as const,
    };
    s.set('tg:1', state);
    expect(s.get('tg:1')).toEqual(state);
    s.set('tg:1', { turns: [] });
    expect(s.get('tg:1')).toEqual({ turns: [] });
    // Ending a session (Telegram /start) removes it; ending an unknown one is not an error.
    s.set('tg:2', state);
    s.delete('tg:1');
    s.delete('tg:unknown');
    expect(s.get('tg:1')).toBeUndefined();
    expect(s.get('tg:2')).toEqual(state);
  });

  it('keeps KPI history oldest first, filtered by indicator, with null for 未公开', () => {
    const s = open();
    const first = s.recordKpiUpdate({
      kpiId: 'pass-rate',
      year: 2023,
      kind: 'actual',
      value: 95,
      by: 'telegram:x',
    });
    s.recordKpiUpdate({ kpiId: 'other', year: 2023, kind: 'target', value: 1, by: 'admin-api' });
    s.recordKpiUpdate({
      kpiId: 'pass-rate',
      year: 2023,
      kind: 'actual',
      value: null,
      note: '暂不公开',
      by: 'telegram:x',
    });
    expect(first).toMatchObject({ kpiId: 'pass-rate', value: 95, id: 1 });
    const history = s.kpiUpdates('pass-rate');
    expect(history.map((u) => u.value)).toEqual([95, null]);
    expect(history[1]).toMatchObject({ note: '暂不公开', by: 'telegram:x' });
    expect(history[0]).not.toHaveProperty('note');
    expect(s.kpiUpdates().map((u) => u.kpiId)).toEqual(['pass-rate', 'other', 'pass-rate']);
  });

  it('reports usage: per day, top topics and unanswered questions', () => {
    const s = open();
    const log = (question: string, status: 'answered' | 'not_found' | 'out_of_scope', topic?: string) =>
      s.logQuestion({
        channel: 'http',
        question,
        status,
        mode: 'offline',
        latencyMs: 3,
        ...(topic && { topic }),
      });
    log('a', 'answered', '就业创业');
    log('b', 'answered', '就业创业');
    log('c', 'answered', '优抚优待');
    log('天气怎么样', 'out_of_scope');
    log('2030年数据', 'not_found', '年度数据');
    const report = s.usage(7);
    const today = new Date().toISOString().slice(0, 10);
    expect(report.perDay).toEqual([{ day: today, count: 5 }]);
    expect(report.topTopics[0]).toEqual({ topic: '就业创业', count: 2 });
    expect(report.topTopics).toHaveLength(3);
    expect(report.unanswered.map((u) => u.question)).toEqual(['2030年数据', '天气怎么样']);
    expect(report.unanswered[0]!.status).toBe('not_found');
  });

  it('keeps data after close and reopen', () => {
    const s = open('app.sqlite');
    s.set('tg:7', { turns: [], language: 'en' });
    s.recordKpiUpdate({ kpiId: 'k', year: 2022, kind: 'actual', value: 3, by: 'x' });
    s.close();
    const again = open('app.sqlite');
    expect(again.get('tg:7')).toEqual({ turns: [], language: 'en' });
    expect(again.kpiUpdates('k')).toHaveLength(1);
  });

  it('rejects a file that is not a SQLite database, naming it and saying to move it away', () => {
    const file = join(dir, 'broken.sqlite');
    writeFileSync(file, 'this is not a database, just text '.repeat(200));
    let error: unknown;
    try {
      createSqliteStore(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/move the file away/i);
  });

  it('refuses writes once the database file is replaced under it, and says what to do', () => {
    const s = open('app.sqlite');
    s.recordFeedback({ channel: 'http', question: 'kept', rating: 'down' });
    const other = createSqliteStore(join(dir, 'other.sqlite'));
    other.close();
    renameSync(join(dir, 'other.sqlite'), join(dir, 'app.sqlite'));
    expect(() => s.recordFeedback({ channel: 'http', question: 'lost?', rating: 'down' })).toThrow(
      /app\.sqlite.*replaced while the service was running, so this write was not stored\. Restart the service/,
    );
    expect(() => s.set('tg:1', { turns: [] })).toThrow(StorageError);
    expect(s.health()).toMatchObject({
      writable: false,
      problem: 'the database file was replaced while the service was running',
      failures: { recordFeedback: 1, 'session set': 1 },
    });
  });

  it('loses no committed write when the writing process is killed with SIGKILL', async () => {
    const file = join(dir, 'crash.sqlite');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'crash-writer.ts'), file],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const acknowledged: number[] = [];
    let buffer = '';
    await new Promise<void>((resolvePromise) => {
      child.stdout.on('data', (data: Buffer) => {
        buffer += data.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) acknowledged.push(Number(line));
        if (acknowledged.length >= 300 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolvePromise());
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    const s = open('crash.sqlite');
    const db = new Database(file, { readonly: true });
    const ids = new Set((db.prepare('SELECT id FROM questions').all() as { id: number }[]).map((r) => r.id));
    db.close();
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    expect(s.get('s0')).toEqual({ turns: [], language: 'zh' });
  });
});

describe('hashUserId', () => {
  it('is a keyed 32-hex-char hash that does not contain the raw id', () => {
    const h = hashUserId(123456789, 'salt-a');
    expect(h).toMatch(/^[0-9a-f]{32}$/);
    expect(h).not.toContain('123456789');
    expect(hashUserId('123456789', 'salt-a')).toBe(h);
    expect(hashUserId(123456789, 'salt-b')).not.toBe(h);
    expect(hashUserId(123456780, 'salt-a')).not.toBe(h);
  });
});
