import { cp, mkdtemp, rm } from 'node:fs/promises';
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

/** Where tests/support/shared-cache-setup.ts (vitest globalSetup) left caches built over knowledge/. */
export const SHARED_CACHE_ENV = 'VA_TEST_SHARED_CACHE';

/** Fills `cacheDir` with a copy of the run's shared caches, when the run has them. */
export async function copySharedCache(cacheDir: string): Promise<void> {
  const shared = process.env[SHARED_CACHE_ENV];
  if (shared) await cp(shared, cacheDir, { recursive: true });
}

/**
 * The real core over the real knowledge/ folder, with its index cache in a fresh temp dir.
 * Tests that need the real answers (channels' end-to-end tests, the eval) build on this. The temp
 * dir starts as a copy of the run's shared caches when there are any (built once per run instead
 * of once per test file); they are keyed by the knowledge, so another folder rebuilds its own.
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
  await copySharedCache(cacheDir);
  const core = await createCore({
    config: { paths: { knowledgeDir: options.knowledgeDir ?? 'knowledge', cacheDir, dataDir: cacheDir } },
    logger: createLogger({ level: 'silent' }),
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.kpiUpdates ? { kpiUpdates: options.kpiUpdates } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const cleanup = async () => {
    await core.flush();
    await rm(cacheDir, { recursive: true, force: true });
  };
  return { core, cacheDir, cleanup };
}
