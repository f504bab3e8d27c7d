import { defineConfig } from 'vitest/config';

/** `npm run test:cluster`: two replicas behind nginx on PostgreSQL (minutes, not seconds; CI runs it). */
export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // A test without a single expect() passes whatever the code does: vitest fails it.
    expect: { requireAssertions: true },
  },
});
