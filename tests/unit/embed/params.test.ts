import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED, parseEmbedParams, serializeEmbedParams } from '../../../src/lib/embed/params.ts';

const known = { incidents: ['macron-2017', 'dnc-2016'], events: new Set(['macron-2017/emleaks-posted']) };
const parse = (search: string) => parseEmbedParams(search, known);

describe('parseEmbedParams(search)', () => {
  it('reads every parameter an educator can set', () => {
    const { params, invalid } = parse(
      '?incidents=macron-2017&kinds=leak,attribution&align=calendar&scale=linear&from=2017-04-01&to=2017-06-01&event=macron-2017/' +
        'emleaks-posted&theme=dark&title=Lesson%203',
    );
    expect(invalid).toEqual([]);
    expect(params).toEqual({
      incidents: ['macron-2017'],
      kinds: ['leak', 'attribution'],
      align: 'calendar',
      scale: 'linear',
      from: '2017-04-01',
      to: '2017-06-01',
      event: 'macron-2017/emleaks-posted',
      theme: 'dark',
      title: 'Lesson 3',
    });
  });

  it('falls back per parameter and names each one that was ignored', () => {
    const { params, invalid } = parse('?align=sideways&theme=neon&from=2017-02-30&to=yesterday&event=x&kinds=leak,rumour&title=ok');
    expect(params).toMatchObject({ align: 'vote', theme: 'auto', from: null, to: null, event: null, kinds: ['leak'], title: 'ok' });
    expect(invalid.sort()).toEqual(['align', 'event', 'from', 'kinds', 'theme', 'to']);
  });

  it('understands the builder form sent without JavaScript (repeated incident= and kind=)', () => {
    expect(parse('?incident=dnc-2016&kind=leak&kind=denial&align=vote').params).toMatchObject({
      incidents: ['dnc-2016'],
      kinds: ['leak', 'denial'],
    });
  });

  it('refuses a range that ends before it starts', () => {
    expect(parse('?from=2017-06-01&to=2017-05-01')).toMatchObject({ params: { from: null, to: null }, invalid: ['from', 'to'] });
  });

  it('keeps a title as text, without control characters, at most 120 characters', () => {
    const { params } = parse(`?title=${encodeURIComponent(`<script>alert(1)</script>\n${'x'.repeat(300)}`)}`);
    expect(params.title).toBe(`<script>alert(1)</script> ${'x'.repeat(120)}`.slice(0, 120));
  });

  it('never throws and always yields a valid view, for any query string', () => {
    const names = fc.constantFrom('incidents', 'kinds', 'align', 'scale', 'from', 'to', 'event', 'theme', 'title', 'other');
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.dictionary(names, fc.string({ maxLength: 100 })), (raw, dict) => {
        for (const search of [raw, `?${new URLSearchParams(dict)}`]) {
          const { params } = parse(search);
          expect(['vote', 'calendar']).toContain(params.align);
          expect(['log', 'linear']).toContain(params.scale);
          expect(['auto', 'light', 'dark']).toContain(params.theme);
          if (params.incidents !== null) expect(known.incidents).toEqual(expect.arrayContaining(params.incidents));
          if (params.event !== null) expect([...known.events]).toContain(params.event);
          if (params.from !== null) expect(params.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (params.title !== null) expect(params.title.length).toBeLessThanOrEqual(120);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('cuts a long title between characters, never inside an emoji, and reads it back the same', () => {
    const title = `${'a'.repeat(119)}😀😀 tail`;
    const { params } = parse(`?title=${encodeURIComponent(title)}`);
    expect(params.title).toBe(`${'a'.repeat(119)}😀`);
    expect(parse(serializeEmbedParams(params)).params.title).toBe(params.title);
  });

  it('round-trips through serializeEmbedParams', () => {
    const params = {
      ...DEFAULT_EMBED,
      incidents: ['dnc-2016'],
      kinds: ['leak' as const],
      from: '2016-06-01',
      theme: 'light' as const,
      title: 'A & B',
    };
    expect(parse(serializeEmbedParams(params)).params).toEqual(params);
  });
});
