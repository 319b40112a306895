import { describe, expect, it } from 'vitest';
import { keyTarget, type KeyMark } from '../../../src/scripts/timeline/keyboard.ts';

const marks: KeyMark[] = [
  { id: 'a1', laneId: 'a', t: 10 },
  { id: 'b1', laneId: 'b', t: 12 },
  { id: 'a2', laneId: 'a', t: 40 },
  { id: 'b2', laneId: 'b', t: 38 },
  { id: 'a3', laneId: 'a', t: 90 },
];
const at = (id: string) => marks.find((m) => m.id === id)!;

describe('keyTarget: where a key leads', () => {
  it('across: ← → follow time in the lane, ↑ ↓ go to the nearest mark of the next lane, Home and End to its ends', () => {
    expect(keyTarget('ArrowRight', at('a1'), marks, ['a', 'b'], 'horizontal')?.id).toBe('a2');
    expect(keyTarget('ArrowLeft', at('a2'), marks, ['a', 'b'], 'horizontal')?.id).toBe('a1');
    expect(keyTarget('ArrowLeft', at('a1'), marks, ['a', 'b'], 'horizontal')).toBeUndefined();
    expect(keyTarget('ArrowDown', at('a2'), marks, ['a', 'b'], 'horizontal')?.id).toBe('b2');
    expect(keyTarget('ArrowUp', at('b1'), marks, ['a', 'b'], 'horizontal')?.id).toBe('a1');
    expect(keyTarget('End', at('a1'), marks, ['a', 'b'], 'horizontal')?.id).toBe('a3');
    expect(keyTarget('Home', at('a3'), marks, ['a', 'b'], 'horizontal')?.id).toBe('a1');
  });

  it('down a phone: ↓ ↑ follow time, → ← change lane', () => {
    expect(keyTarget('ArrowDown', at('a1'), marks, ['a', 'b'], 'vertical')?.id).toBe('a2');
    expect(keyTarget('ArrowUp', at('a2'), marks, ['a', 'b'], 'vertical')?.id).toBe('a1');
    expect(keyTarget('ArrowRight', at('a3'), marks, ['a', 'b'], 'vertical')?.id).toBe('b2');
    expect(keyTarget('ArrowLeft', at('b1'), marks, ['a', 'b'], 'vertical')?.id).toBe('a1');
  });

  it('skips lanes the filters emptied', () => {
    const onlyA = marks.filter((m) => m.laneId === 'a');
    expect(keyTarget('ArrowDown', at('a1'), onlyA, ['a', 'b'], 'horizontal')).toBeUndefined();
  });
});
