import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StorageError } from '../errors.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { describeStorageFailure } from './store-health.js';

/** The data folder or database cannot be written (or even opened) for want of permission or space. */
export class StorageUnavailableError extends StorageError {
  constructor(
    message: string,
    /** In a few words, for /healthz. */
    readonly problem: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

const NOT_WRITABLE = /^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_FULL|EACCES|EROFS|EPERM|ENOSPC)/;

/**
 * Opens (creating when missing) the SQLite database at `path`: WAL journal, schema migrated.
 * Throws StorageUnavailableError when the folder or file cannot be written or opened (permissions,
 * a read-only or full disk), StorageError naming the file when it is not a SQLite database or was
 * written by a newer version of the service.
 */
export function openDatabase(path: string, busyTimeoutMs: number): Database.Database {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw unavailable(path, error, `the folder ${dirname(path)} cannot be created`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed write survives a crash of this process (tested with SIGKILL);
    // only an OS crash or power loss can lose the last transactions. FULL would fsync every write
    // and stall the event loop under load.
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StorageError(
        `SQLite store ${path} has schema version ${version}, newer than this service understands (${SCHEMA_VERSION}). Upgrade the service or point DATA_DIR elsewhere.`,
      );
    }
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StorageError) throw error;
    const code = String((error as { code?: unknown }).code ?? '');
    if (NOT_WRITABLE.test(code)) throw unavailable(path, error, 'the database cannot be opened for writing');
    throw new StorageError(
      `${path} is not a usable SQLite database (${(error as Error).message}). Move the file away (e.g. rename it to ${path}.bad) and restart; a new empty store will be created.`,
      { cause: error },
    );
  }
}

/**
 * Undefined when the database takes a write; otherwise why not. The write is real but changes
 * nothing (the schema version, rewritten as it is): SQLite opens a read-only file without
 * complaint and only a write finds out.
 */
export function probeWrite(db: Database.Database): unknown {
  try {
    db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
    return undefined;
  } catch (error) {
    return error;
  }
}

function unavailable(path: string, error: unknown, what: string): StorageUnavailableError {
  return new StorageUnavailableError(
    `SQLite store ${path}: ${what} (${(error as Error).message}). Give the service's user write access to DATA_DIR (${dirname(path)}) and free disk space if it is full, then restart.`,
    describeStorageFailure(error),
    { cause: error },
  );
}
