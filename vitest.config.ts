import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests, the cluster test and slow tests have their own scripts (test:browser,
    // test:cluster, test:slow with vitest.slow.config.ts).
    exclude: ['tests/browser/**', 'tests/cluster/**', 'tests/**/*.slow.test.ts', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Native addons (hnswlib, sqlite) and real servers: forks isolate them best.
    pool: 'forks',
    // The real core's caches, built once per run for every test file's createTestCore.
    globalSetup: ['tests/support/shared-cache-setup.ts'],
  },
});
