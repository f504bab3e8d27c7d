import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../src/errors.js';
import { createSqliteStore } from '../../src/storage/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { hashUserId } from '../../src/storage/user-hash.js';
import { describeStoreContract } from './store-contract.js';

let dir: string;
let store: Store | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-test-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const open = (name = 'nested/dir/app.sqlite') => (store = createSqliteStore(join(dir, name)));

describe('createSqliteStore', () => {
  it('creates the folder, uses WAL and records the schema version', async () => {
    await open().close();
    const db = new Database(join(dir, 'nested/dir/app.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
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

describeStoreContract('sqlite', () => {
  const folder = mkdtempSync(join(tmpdir(), 'store-contract-'));
  const file = join(folder, 'assistant.db');
  return {
    open: async ({ now, lockWaitMs }) => createSqliteStore(file, { now, busyTimeoutMs: lockWaitMs }),
    openAgain: async ({ now }) => createSqliteStore(file, { now }),
    async holdWriteLock() {
      const locker = new Database(file);
      locker.exec('BEGIN EXCLUSIVE');
      return async () => {
        locker.exec('ROLLBACK');
        locker.close();
      };
    },
    async replaceUnderneath() {
      const other = createSqliteStore(join(folder, 'other.db'));
      await other.close();
      renameSync(join(folder, 'other.db'), file);
    },
    replacedProblem: 'the database file was replaced while the service was running',
    crashWriterTarget: () => file,
    cleanup: async () => rmSync(folder, { recursive: true, force: true }),
  };
});
