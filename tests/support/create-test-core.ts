import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logger.js';
import { createCore, type Core } from '../../src/core.js';
import type { SessionStore } from '../../src/assistant/ports.js';
import type { StoredKpiUpdate } from '../../src/storage/store.js';

export interface TestCore {
  core: Core;
  cacheDir: string;
  cleanup(): Promise<void>;
}

/**
 * The real core over the real knowledge/ folder, with its index cache in a fresh temp dir.
 * Tests that need the real answers (channels' end-to-end tests, the eval) build on this.
 */
export async function createTestCore(
  options: {
    knowledgeDir?: string;
    sessions?: SessionStore;
    kpiUpdates?: () => StoredKpiUpdate[];
    clock?: () => Date;
  } = {},
): Promise<TestCore> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'va-cache-'));
  const core = await createCore({
    config: { paths: { knowledgeDir: options.knowledgeDir ?? 'knowledge', cacheDir, dataDir: cacheDir } },
    logger: createLogger({ level: 'silent' }),
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.kpiUpdates ? { kpiUpdates: options.kpiUpdates } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { core, cacheDir, cleanup: () => rm(cacheDir, { recursive: true, force: true }) };
}
