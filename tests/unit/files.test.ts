import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/lib/files.ts';

const dir = mkdtempSync(join(tmpdir(), 'files-under-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('filesUnder', () => {
  it('lists the wanted files at every depth, sorted, and no folders', () => {
    mkdirSync(join(dir, 'b/c'), { recursive: true });
    mkdirSync(join(dir, 'a.svg'));
    for (const file of ['z.svg', 'b/c/y.svg', 'b/x.svg', 'b/notes.txt']) writeFileSync(join(dir, file), '');
    expect(filesUnder(dir, (name) => name.endsWith('.svg'))).toEqual([join(dir, 'b/c/y.svg'), join(dir, 'b/x.svg'), join(dir, 'z.svg')]);
    expect(filesUnder(dir)).toHaveLength(4);
  });

  it('finds nothing in a folder that does not exist', () => {
    expect(filesUnder(join(dir, 'missing'))).toEqual([]);
  });
});
