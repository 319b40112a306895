import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewState, serializeViewState } from '../../../src/lib/timeline/view-state.ts';
import { EVENT_KINDS } from '../../../src/lib/vocabulary.ts';

const known = { incidents: ['macron-2017', 'dnc-2016'], events: new Set(['macron-2017/emleaks-posted']) };
const parse = (search: string) => parseViewState(search, known);

describe('parseViewState(search)', () => {
  it('reads every parameter', () => {
    expect(parse('?align=calendar&scale=linear&kinds=leak,attribution&incidents=macron-2017&event=macron-2017/emleaks-posted')).toEqual({
      view: {
        align: 'calendar',
        scale: 'linear',
        kinds: ['leak', 'attribution'],
        incidents: ['macron-2017'],
        event: 'macron-2017/emleaks-posted',
        range: null,
      },
      invalid: [],
    });
  });

  it('falls back to defaults and names what it ignored', () => {
    const { view, invalid } = parse('?align=sideways&scale=&kinds=nonsense&incidents=nowhere&event=%3Cscript%3Ealert(1)%3C/script%3E');
    expect(view).toEqual(DEFAULT_VIEW);
    expect(invalid.sort()).toEqual(['align', 'event', 'incidents', 'kinds', 'scale']);
  });

  it('keeps the valid part of a list and reports the rest', () => {
    const { view, invalid } = parse('?kinds=leak,rumour&incidents=dnc-2016,NOPE');
    expect(view.kinds).toEqual(['leak']);
    expect(view.incidents).toEqual(['dnc-2016']);
    expect(invalid).toEqual(['kinds', 'incidents']);
  });

  it('refuses an event that is well formed but not in the chart', () => {
    expect(parse('?event=macron-2017/nope').view.event).toBeNull();
  });

  it('never throws and always yields a valid view, for any query string', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.dictionary(fc.constantFrom('align', 'scale', 'kinds', 'incidents', 'event', 'x'), fc.string({ maxLength: 80 })),
        (raw, dict) => {
          for (const search of [raw, `?${new URLSearchParams(dict).toString()}`]) {
            const { view } = parse(search);
            expect(['vote', 'calendar']).toContain(view.align);
            expect(['log', 'linear']).toContain(view.scale);
            if (view.kinds !== null) {
              expect(view.kinds).not.toEqual([]);
              expect(EVENT_KINDS).toEqual(expect.arrayContaining(view.kinds));
            }
            if (view.incidents !== null) expect(known.incidents).toEqual(expect.arrayContaining(view.incidents));
            if (view.event !== null) expect([...known.events]).toContain(view.event);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('serializeViewState(view)', () => {
  it('writes only what differs from the default, readably', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
    expect(serializeViewState({ ...DEFAULT_VIEW, kinds: ['leak', 'attribution'], event: 'macron-2017/emleaks-posted' })).toBe(
      '?kinds=leak,attribution&event=macron-2017/emleaks-posted',
    );
  });
  it('round-trips through the parser', () => {
    const view = {
      align: 'calendar' as const,
      scale: 'linear' as const,
      kinds: ['leak' as const],
      incidents: ['dnc-2016'],
      event: null,
      range: null,
    };
    expect(parse(serializeViewState(view)).view).toEqual(view);
  });
});

describe('the visible range in the address', () => {
  it('reads hours from T−0 when aligned on the vote, and writes them back the same', () => {
    const { view, invalid } = parse('?from=-72h&to=6h');
    expect(invalid).toEqual([]);
    expect(view.range).toEqual([-72, 6]);
    expect(serializeViewState(view)).toBe('?from=-72h&to=6h');
  });

  it('reads UTC instants when aligned on the calendar', () => {
    const { view } = parse('?align=calendar&from=2017-05-01&to=2017-05-07T21:30Z');
    expect(view.range).toEqual([Date.UTC(2017, 4, 1), Date.UTC(2017, 4, 7, 21, 30)]);
    expect(serializeViewState(view)).toBe('?align=calendar&from=2017-05-01T00:00Z&to=2017-05-07T21:30Z');
  });

  it('ignores a range on the wrong axis, reversed, half given or malformed, and says so', () => {
    for (const search of [
      '?from=2017-05-01&to=2017-05-07',
      '?from=6h&to=-72h',
      '?from=-72h',
      '?align=calendar&from=-72h&to=6h',
      '?from=-72&to=6',
    ]) {
      const { view, invalid } = parse(search);
      expect(view.range, search).toBeNull();
      expect(invalid.length, search).toBeGreaterThan(0);
    }
  });

  it('round-trips any range through the address to within its rounding', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50_000, max: 50_000, noNaN: true }),
        fc.double({ min: 0.01, max: 50_000, noNaN: true }),
        (from, width) => {
          const view = { ...DEFAULT_VIEW, range: [from, from + width] as [number, number] };
          const back = parse(serializeViewState(view)).view.range;
          if (!back) return; // rounding made both ends equal: the parser refuses an empty range
          expect(Math.abs(back[0] - from)).toBeLessThanOrEqual(Math.max(0.5, Math.abs(from) * 0.01));
        },
      ),
    );
  });
});
