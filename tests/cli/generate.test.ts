/** `npm run generate -- --check`: the generated files are up to date with the schema. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

describe('generated files', () => {
  it('are up to date with the schema (JSON Schemas and the CONTRIBUTING.md tables)', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/generate.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
