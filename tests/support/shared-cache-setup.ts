import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import { SHARED_CACHE_ENV } from './create-test-core.js';

/**
 * Vitest globalSetup: builds the real core's caches (index, loaded knowledge, cards' tokens, typo
 * table) over knowledge/ once per run, so each test file's createTestCore starts from a copy of
 * them instead of rebuilding the index in its own fork. The caches are keyed by the knowledge and
 * the code, so a copy that does not fit (another knowledge folder) is rebuilt as in production.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'va-shared-cache-'));
  const core = await createCore({
    config: { paths: { knowledgeDir: 'knowledge', cacheDir: dir, dataDir: dir } },
    logger: createLogger({ level: 'silent' }),
  });
  // The cards' tokens and the typo table are built on the first question.
  await core.assistant.ask('2022年迁移了多少烈士墓');
  await core.flush();
  process.env[SHARED_CACHE_ENV] = dir;
  return async () => {
    delete process.env[SHARED_CACHE_ENV];
    await rm(dir, { recursive: true, force: true });
  };
}
