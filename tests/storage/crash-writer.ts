// Child process for the crash test: writes in a loop and prints each id only after its commit
// returned, so the parent knows exactly which writes must survive a SIGKILL.
import { createSqliteStore } from '../../src/storage/sqlite-store.js';

const target = process.argv[2];
if (!target) throw new Error('usage: crash-writer.ts <sqlite file>');
const store = createSqliteStore(target);
for (let i = 0; ; i++) {
  const id = await store.recordFeedback({ channel: 'telegram', question: `q${i}`, rating: 'down' });
  await store.saveSession(`s${i % 5}`, { turns: [], language: 'zh' });
  process.stdout.write(`${id}\n`);
}
