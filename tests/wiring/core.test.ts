import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import { createCoreFor } from '../../src/wiring/core.js';
import { copySharedCache } from '../support/create-test-core.js';

/** SESSION_IDLE_MINUTES reaches the assistant the service and the CLI build (time from a clock). */
describe('createCoreFor', () => {
  let cacheDir: string;
  let core: Core;
  let now = new Date('2026-12-01T09:00:00Z');
  const advance = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };

  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'va-core-for-'));
    await copySharedCache(cacheDir);
    const config = loadConfig({ SESSION_IDLE_MINUTES: '5', CACHE_DIR: cacheDir, DATA_DIR: cacheDir });
    core = await createCoreFor(config, createLogger({ level: 'silent' }), { clock: () => now });
  });
  afterAll(async () => {
    // Derived-cache writes run in the background: let them land before the folder goes.
    await core.flush();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('ends a conversation after SESSION_IDLE_MINUTES of quiet, not before', async () => {
    const ask = (question: string) => core.assistant.ask(question, { session: 'idle' });
    await ask('2022年网上祭扫有多少人？');
    advance(4);
    expect((await ask('那2021年呢？')).answer).toContain('该指标现有');
    advance(6);
    expect((await ask('那2021年呢？')).answer).not.toContain('该指标现有');
  });
});
