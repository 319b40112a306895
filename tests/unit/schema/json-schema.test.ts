import { describe, expect, it } from 'vitest';
import { toEditorJsonSchema } from '../../../src/lib/schema/json-schema.ts';

describe('generated files', () => {
  it('give editors the kind rules: a leak needs its block, a statement may not carry one', () => {
    const schema = toEditorJsonSchema('event') as { allOf: { if: unknown; then: unknown }[]; additionalProperties: boolean };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.allOf).toContainEqual({
      if: { properties: { kind: { const: 'leak' } }, required: ['kind'] },
      then: { required: ['leak'] },
    });
    expect(schema.allOf).toContainEqual({
      if: { properties: { kind: { not: { const: 'leak' } } }, required: ['kind'] },
      then: { not: { required: ['leak'] } },
    });
  });
});

describe('the JSON Schemas given to editors', () => {
  const prop = (name: 'event' | 'incident', ...path: string[]) =>
    path.reduce<Record<string, unknown>>(
      (node, key) => (node.properties as Record<string, Record<string, unknown>>)[key],
      toEditorJsonSchema(name) as Record<string, unknown>,
    );
  it('ask exactly for a full date where the validator does (reviewed) and for a time with its offset (the vote)', () => {
    const reviewed = new RegExp(String(prop('event', 'reviewed').pattern));
    expect('2026-01-01').toMatch(reviewed);
    expect('2026').not.toMatch(reviewed);
    const vote = new RegExp(String(prop('incident', 'election', 'vote').pattern));
    expect('2017-05-07T20:00+02:00').toMatch(vote);
    expect('2017-05-07').not.toMatch(vote);
    // Ordinary dates keep every precision.
    expect(JSON.stringify(prop('event', 'date'))).toContain('"integer"');
  });
});
