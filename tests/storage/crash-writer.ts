// Child process for the crash test: writes in a loop and prints each id only after its commit
// returned, so the parent knows exactly which writes must survive a SIGKILL.
import { createSqliteStore } from '../../src/storage/sqlite-store.js';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-writer.ts <sqlite file>');
const store = createSqliteStore(file);
for (let i = 0; ; i++) {
  const id = store.logQuestion({
    channel: 'telegram',
    question: `q${i}`,
    status: 'answered',
    mode: 'offline',
    latencyMs: 1,
  });
  store.set(`s${i % 5}`, { turns: [], language: 'zh' });
  process.stdout.write(`${id}\n`);
}
