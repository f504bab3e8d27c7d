import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A test without a single expect() passes whatever the code does: vitest fails it.
    expect: { requireAssertions: true },
    // The real core's caches, built once per run for every test file's createTestCore.
    globalSetup: ['tests/support/shared-cache-setup.ts'],
    fileParallelism: false,
  },
});
