import { describe, expect, it } from 'vitest';
import { firstStop } from '../../../src/lib/timeline/focus.ts';

const lanes = [{ id: 'top' }, { id: 'low' }];
const mark = (id: string, laneId: string, kind: string, start: number, stop = start + 1) => ({ id, laneId, kind, start, stop }) as const;

describe('firstStop: where Tab enters the chart', () => {
  it('is the earliest event of the top lane, a campaign-silence band only when the lane has nothing else', () => {
    const marks = [
      mark('low/a', 'low', 'leak', 0),
      mark('top/silence', 'top', 'blackout', 1),
      mark('top/b', 'top', 'leak', 5),
      mark('top/a', 'top', 'hack', 3),
    ];
    expect(firstStop(lanes, marks as never)).toBe('top/a');
    expect(firstStop(lanes, [mark('top/silence', 'top', 'blackout', 1)] as never)).toBe('top/silence');
  });

  it('skips what the view does not show, then goes to the next lane', () => {
    const marks = [mark('top/a', 'top', 'hack', 3), mark('low/a', 'low', 'leak', 0)];
    expect(firstStop(lanes, marks as never, (id) => id !== 'top/a')).toBe('low/a');
    expect(firstStop(lanes, marks as never, () => false)).toBeUndefined();
  });

  it('breaks a tie of start by the earlier end, then keeps the given order', () => {
    const marks = [mark('top/long', 'top', 'hack', 3, 9), mark('top/short', 'top', 'leak', 3, 4), mark('top/twin', 'top', 'leak', 3, 4)];
    expect(firstStop(lanes, marks as never)).toBe('top/short');
  });
});
