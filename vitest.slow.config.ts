import { defineConfig } from 'vitest/config';

// `npm run test:slow`: tests that take long by design — load at Telegram's flood limits, a 50 MB
// document — and the end-to-end tests on real processes (the service, `npm start`, the ask, ingest
// and migrate CLIs, bot processes stopped and killed), seconds of start-up each. CI runs them
// after the fast suite, which leaves them out (vitest.config.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.slow.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A test without a single expect() passes whatever the code does: vitest fails it.
    expect: { requireAssertions: true },
    // The real core's caches, built once per run for every test file's createTestCore.
    globalSetup: ['tests/support/shared-cache-setup.ts'],
  },
});
