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
    // A test without a single expect() passes whatever the code does: vitest fails it.
    expect: { requireAssertions: true },
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine, idle
    // while tests wait on servers, SQLite and PostgreSQL. Three keep both cores busy.
    maxWorkers: 3,
    // A worker runs its test files one after another in one module registry, so the core, telegraf,
    // pdfjs and the rest are imported once per worker, not once per file (a third of the run's
    // time). Test files keep no state in modules: each starts its own servers, stores and cores,
    // and restores what it changes in process.env.
    isolate: false,
    // The real core's caches, built once per run for every test file's createTestCore.
    globalSetup: ['tests/support/shared-cache-setup.ts'],
  },
});
