import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests and the cluster test have their own scripts (test:browser, test:cluster).
    exclude: ['tests/browser/**', 'tests/cluster/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Native addons (hnswlib, sqlite) and real servers: forks isolate them best.
    pool: 'forks',
  },
});
