import { getViteConfig } from 'astro/config';

// Pin a time zone far from UTC, with daylight saving, so that no test passes only
// because the machine happens to run on UTC (d3 pins its tests the same way).
process.env.TZ = 'America/Los_Angeles';

// getViteConfig lets tests render .astro components with the Container API.
export default getViteConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/.tmp/**', '**/node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
  },
});
