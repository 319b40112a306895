import { availableParallelism } from 'node:os';
import { getViteConfig } from 'astro/config';

// Pin a time zone far from UTC, with daylight saving, so that no test passes only
// because the machine happens to run on UTC (d3 pins its tests the same way).
process.env.TZ = 'America/Los_Angeles';

// getViteConfig lets tests render .astro components with the Container API.
export default getViteConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 240_000,
    // Every core: the site's shared build (below) runs beside the tests, not before them.
    maxWorkers: availableParallelism(),
    // npm run test:coverage: how much of src/lib the unit tests run (coverage slows tests down,
    // so plain `npm test` does not measure it). The thresholds sit just under today's figures.
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts'],
      reporter: ['text-summary', 'text'],
      // Measured 2 December 2026: 89.2 % statements, 80.4 % branches, 88.9 % functions, 91.1 % lines.
      thresholds: { statements: 89, branches: 80, functions: 88, lines: 91 },
    },
    projects: [
      {
        // In process: tests/unit mirrors src/lib; tests/content.test.ts reads the real content.
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/*.test.ts'], isolate: false, sequence: { groupOrder: 0 } },
      },
      {
        // The project's commands as an editor runs them (tests/cli), and builds of changed
        // copies of the project (tests/builds): each test starts processes of its own.
        extends: true,
        // Builds and commands take minutes on a busy machine, hence the longer timeouts.
        test: {
          name: 'commands',
          include: ['tests/cli/**/*.test.ts', 'tests/builds/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The built site, read by every file of tests/integrity: one build per run, started
        // by the globalSetup as the run starts, in the background (tests/integrity/build-site.ts).
        // These files run last, so that the other projects' tests run while it builds.
        extends: true,
        test: {
          name: 'site',
          include: ['tests/integrity/**/*.test.ts'],
          globalSetup: ['tests/integrity/build-site.ts'],
          // The first file may wait for the whole build, minutes on a busy machine.
          hookTimeout: 600_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
