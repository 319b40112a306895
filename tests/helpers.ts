/** Test helpers: UTC instants written out, and the project root. */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Milliseconds since the epoch of a UTC date-time: utc(2017, 5, 5, 18, 35). */
export function utc(year: number, month = 1, day = 1, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute);
}
