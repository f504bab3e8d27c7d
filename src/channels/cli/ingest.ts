import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, loadDotEnv } from '../../config.js';
import { validateKnowledge } from '../../knowledge/validate-knowledge.js';
import { createCliRuntime, runCli } from './runtime.js';
import { createProgressBar } from './progress-bar.js';

/**
 * `npm run ingest` rebuilds the index from knowledge/ and prints counts;
 * `npm run ingest -- --check` validates the knowledge files and exits non-zero naming file and field.
 */
runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--check')) return check();
  loadDotEnv();
  const config = loadConfig();
  // A forced rebuild: the cache would otherwise be reused when nothing changed.
  await rm(path.join(config.paths.cacheDir, 'index'), { recursive: true, force: true });
  const bar = createProgressBar('indexing');
  const started = performance.now();
  const { core } = await createCliRuntime({ onProgress: (done, total) => bar.update(done, total) });
  const counts = core.counts();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `documents: ${counts.documents}\nchunks: ${counts.chunks}\nfigures: ${counts.figures}\nkey indicators: ${counts.kpis}\ntime: ${seconds}s\n`,
  );
  for (const p of counts.problems) process.stdout.write(`skipped ${p.file}: ${p.reason}\n`);
  return counts.problems.length > 0 ? 1 : 0;
});

async function check(): Promise<number> {
  loadDotEnv();
  const config = loadConfig();
  const { problems, warnings } = await validateKnowledge(config.paths.knowledgeDir);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  if (problems.length === 0) {
    process.stdout.write(`knowledge files in ${config.paths.knowledgeDir}/ are valid\n`);
    return 0;
  }
  for (const p of problems)
    process.stderr.write(`${p.file}${p.field ? ` (${p.field})` : ''}: ${p.message}\n`);
  process.stderr.write(`${problems.length} problem(s) found\n`);
  return 1;
}
