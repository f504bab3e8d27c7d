// Child process for the crash test: writes in a loop and prints each id only after its commit
// returned, so the parent knows exactly which writes must survive a SIGKILL. The argument is a
// SQLite file or a postgres:// URL (an already migrated database).
import { createSqliteStore } from '../../src/storage/sqlite-store.js';
import { createPool } from '../../src/storage/postgres/pool.js';
import { createPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { createLogger } from '../../src/logger.js';

const target = process.argv[2];
if (!target) throw new Error('usage: crash-writer.ts <sqlite file | postgres:// URL>');
const store = /^postgres(ql)?:\/\//.test(target)
  ? createPostgresStore(createPool(target, createLogger({ level: 'silent' })))
  : createSqliteStore(target);
for (let i = 0; ; i++) {
  const id = await store.recordFeedback({ channel: 'telegram', question: `q${i}`, rating: 'down' });
  await store.saveSession(`s${i % 5}`, { turns: [], language: 'zh' });
  process.stdout.write(`${id}\n`);
}
