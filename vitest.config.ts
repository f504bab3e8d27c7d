import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Slow tests run with `npm run test:slow` (vitest.slow.config.ts).
    exclude: ['tests/browser/**', 'tests/**/*.slow.test.ts', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Native addons (hnswlib, sqlite) and real servers: forks isolate them best.
    pool: 'forks',
  },
});
