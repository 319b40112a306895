/** Walking folders, in one place: the build's picture pass, the link checker and tests list files with it. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir` (at any depth) whose name passes `wanted`, as sorted paths under `dir`; none when `dir` is missing. */
export function filesUnder(dir: string, wanted: (name: string) => boolean = () => true): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && wanted(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
