import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toEditorJsonSchema } from '../../src/lib/schema/json-schema.ts';
import { ROOT } from '../helpers.ts';

describe('generated files', () => {
  it('are up to date with the schema (JSON Schemas and the CONTRIBUTING.md tables)', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/generate.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('give editors the kind rules: a leak needs its block, a statement may not carry one', () => {
    const schema = toEditorJsonSchema('event') as { allOf: { if: unknown; then: unknown }[]; additionalProperties: boolean };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.allOf).toContainEqual({ if: { properties: { kind: { const: 'leak' } }, required: ['kind'] }, then: { required: ['leak'] } });
    expect(schema.allOf).toContainEqual({ if: { properties: { kind: { not: { const: 'leak' } } }, required: ['kind'] }, then: { not: { required: ['leak'] } } });
  });
});
