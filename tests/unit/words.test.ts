import { describe, expect, it } from 'vitest';
import { MINUS, plural } from '../../src/lib/words.ts';

describe('plural', () => {
  it('writes the noun in the singular for exactly one, else in the plural', () => {
    expect(plural(1, 'problem')).toBe('1 problem');
    expect(plural(0, 'problem')).toBe('0 problems');
    expect(plural(3, 'problem')).toBe('3 problems');
    expect(plural(2, 'child', 'children')).toBe('2 children');
  });
});

describe('MINUS', () => {
  it('is the minus sign U+2212, not a hyphen', () => {
    expect(MINUS).toBe('−');
    expect(MINUS).not.toBe('-');
  });
});
