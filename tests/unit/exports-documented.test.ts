/**
 * House rule: every export of src/lib/ opens with a JSDoc comment (at least one line saying
 * what it is), so that an editor's hover and a reader of the code see its purpose at once.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/lib/files.ts';
import { ROOT } from '../helpers.ts';

const LIB = join(ROOT, 'src/lib');
const DECLARATION = new RegExp(
  String.raw`^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?` +
    String.raw`(function\*?|const|let|var|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)`,
);

/** Each export declaration of a file without a JSDoc comment right above it, as "file:line name". */
function undocumented(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const missing: string[] = [];
  lines.forEach((line, i) => {
    const match = DECLARATION.exec(line);
    if (!match) return;
    let above = i - 1;
    while (above >= 0 && lines[above].trim() === '') above--;
    const end = above >= 0 ? lines[above].trim() : '';
    let start = above;
    while (start >= 0 && end.endsWith('*/') && !lines[start].trim().startsWith('/*')) start--;
    const documented = end.endsWith('*/') && start >= 0 && lines[start].trim().startsWith('/**');
    if (!documented) missing.push(`${relative(ROOT, file)}:${i + 1} ${match[2]}`);
  });
  return missing;
}

/** Astro adapters (they import `astro` itself) are leaving src/lib for src/integrations (issue 14): not scanned. */
const isAstroAdapter = (file: string) => /^import\s[^;]*\sfrom\s+'astro(?:\/(?!zod')[^']*)?'/m.test(readFileSync(file, 'utf8'));

const files = filesUnder(LIB, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).filter((file) => !isAstroAdapter(file));

describe('src/lib exports', () => {
  it('are found (the scan reads the library)', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('each have a JSDoc comment right above them', () => {
    expect(files.flatMap(undocumented)).toEqual([]);
  });
});
