import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: build the site once, serve it, drive Debian's Chromium with
// playwright-core. Same pinned time zone as vitest.config.ts, so that dates shown in the
// browser never depend on the machine's zone.
process.env.TZ = 'America/Los_Angeles';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    exclude: ['tests/.tmp/**', '**/node_modules/**'],
    globalSetup: ['tests/e2e/harness.ts'],
    // One browser at a time: the files share one build and one server.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
  },
});
