import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, loadDotEnv } from '../../config.js';
import { validateKnowledge } from '../../knowledge/validate-knowledge.js';
import { createCliRuntime, runCli } from './runtime.js';
import { createProgressBar } from './progress-bar.js';
import { parseCliArgs } from './cli-args.js';

const USAGE = `usage:
  npm run ingest               rebuild the index from the knowledge folder and print counts
  npm run ingest -- --check    validate the knowledge files (exit 1 naming file and field)`;

const OPTIONS = { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/**
 * `npm run ingest` rebuilds the index from knowledge/ and prints counts;
 * `npm run ingest -- --check` validates the knowledge files and exits non-zero naming file and field.
 */
runCli(async () => {
  const parsed = parseCliArgs(process.argv.slice(2), OPTIONS, USAGE, false);
  if (!parsed.success) {
    process.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  if (parsed.value.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.value.values.check) return check();
  loadDotEnv();
  const config = loadConfig();
  // A forced rebuild: the caches would otherwise be reused when nothing changed.
  for (const cache of ['index', 'derived'])
    await rm(path.join(config.paths.cacheDir, cache), { recursive: true, force: true });
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
