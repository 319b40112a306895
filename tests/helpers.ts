/** Test helpers: UTC instants written out, the project root, and how tests run a build. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Astro's command line, run with this Node (process.execPath). */
export const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** The environment of a build run by a test: no telemetry, no background dev server, not "in CI". */
export const BUILD_ENV = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0', GITHUB_ACTIONS: '' };

/** Milliseconds since the epoch of a UTC date-time: utc(2017, 5, 5, 18, 35). */
export function utc(year: number, month = 1, day = 1, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute);
}
