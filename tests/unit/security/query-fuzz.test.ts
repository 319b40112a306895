/**
 * Property tests of the two URL-state parsers, beyond the per-parser tests in
 * tests/unit/timeline/view-state.test.ts and tests/unit/embed/params.test.ts (which cover
 * plain random strings and dictionaries of the known names): here, hostile addresses
 * (broken percent-encoding, lone surrogates, repeated and oversized parameters, names from
 * Object.prototype), any set of known incidents, and stability of the address a view writes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmbedParams, serializeEmbedParams } from '../../../src/lib/embed/params.ts';
import { parseViewState, serializeViewState } from '../../../src/lib/timeline/view-state.ts';
import { EVENT_KINDS } from '../../../src/lib/vocabulary.ts';

const VIEW_NAMES = ['align', 'scale', 'kinds', 'incidents', 'event', 'from', 'to'];
const EMBED_NAMES = [...VIEW_NAMES, 'theme', 'title', 'incident', 'kind'];
const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  'align ',
  'ALIGN',
  'kinds[]',
  'a%00',
];

const id = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/);
const known = fc.record({
  incidents: fc.uniqueArray(id, { maxLength: 4 }),
  events: fc.option(
    fc
      .uniqueArray(
        fc.tuple(id, id).map(([a, b]) => `${a}/${b}`),
        { maxLength: 5 },
      )
      .map((list) => new Set(list)),
    { nil: undefined },
  ),
});

/** %-escapes, valid or not: "%", "%G1", "%E0%A4" (a cut UTF-8 sequence), "%ED%A0%80" (a surrogate). */
const percent = fc.oneof(
  fc.constantFrom('%', '%%', '%G1', '%2', '%E0%A4', '%ED%A0%80', '%C0%AF', '%FF', '%00', '%0A', '%26', '%3D', '%2C', '%23', '%2B'),
  fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).padStart(2, '0')}`),
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ maxLength: 30 }),
);
const valuePiece = fc.oneof(
  anyText,
  percent,
  fc.constantFrom(
    ',',
    ',,',
    ' ',
    '+',
    '/',
    '..',
    'vote',
    'calendar',
    'log',
    'linear',
    'dark',
    'light',
    'auto',
    '2017-05-07',
    '2017-02-30',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    ...EVENT_KINDS,
  ),
);
const value = fc.oneof(
  { weight: 4, arbitrary: fc.array(valuePiece, { maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.integer({ min: 2000, max: 20000 }).map((n) => 'x,'.repeat(n)) },
);
const name = fc.oneof(fc.constantFrom(...EMBED_NAMES), fc.constantFrom(...HOSTILE_NAMES), anyText, percent);
const pair = fc.tuple(name, fc.option(value, { nil: undefined })).map(([n, v]) => (v === undefined ? n : `${n}=${v}`));
/** A query string, with or without "?", "#" or "&&", as a pasted address might hold. */
const search = fc
  .tuple(fc.constantFrom('', '?', '??', '&', '#'), fc.array(pair, { maxLength: 12 }), fc.constantFrom('', '&', '#x', '&#'))
  .map(([lead, pairs, tail]) => `${lead}${pairs.join('&')}${tail}`);

describe('parseViewState over hostile addresses', () => {
  it('never throws, names only real parameters as invalid, and yields a view that the same known values accept', () => {
    fc.assert(
      fc.property(search, known, (query, values) => {
        const { view, invalid } = parseViewState(query, values);
        expect(VIEW_NAMES).toEqual(expect.arrayContaining(invalid));
        if (view.kinds !== null) {
          expect(view.kinds).not.toEqual([]);
          expect(EVENT_KINDS).toEqual(expect.arrayContaining(view.kinds));
        }
        if (view.incidents !== null) {
          expect(view.incidents).not.toEqual([]);
          expect(values.incidents).toEqual(expect.arrayContaining(view.incidents));
        }
        if (view.event !== null && values.events) expect([...values.events]).toContain(view.event);
        // Parsing a URLSearchParams gives the same view as parsing its text.
        let params: URLSearchParams | undefined;
        try {
          params = new URLSearchParams(query);
        } catch {
          params = undefined;
        }
        if (params && query.length < 8000) expect(parseViewState(params, values).view).toEqual(view);
      }),
      { numRuns: 500 },
    );
  });

  it('writes an address that reads back as the same view, and rewriting it changes nothing', () => {
    fc.assert(
      fc.property(search, known, (query, values) => {
        const { view } = parseViewState(query, values);
        const written = serializeViewState(view);
        const again = parseViewState(written, values);
        expect(again.invalid).toEqual([]);
        expect(again.view).toEqual(view);
        expect(serializeViewState(again.view)).toBe(written);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseEmbedParams over hostile addresses', () => {
  it('never throws, names only real parameters as invalid, and keeps every value within its kind', () => {
    fc.assert(
      fc.property(search, known, (query, values) => {
        const { params, invalid } = parseEmbedParams(query, values);
        expect(
          invalid.filter((n) => !EMBED_NAMES.includes(n)),
          'names reported invalid that are not parameters',
        ).toEqual([]);
        expect(['vote', 'calendar']).toContain(params.align);
        expect(['log', 'linear']).toContain(params.scale);
        expect(['auto', 'light', 'dark']).toContain(params.theme);
        const kinds: readonly string[] = EVENT_KINDS;
        expect(
          (params.kinds ?? []).filter((k) => !kinds.includes(k)),
          'kinds that are not event kinds',
        ).toEqual([]);
        expect(
          (params.incidents ?? []).filter((i) => !values.incidents.includes(i)),
          'incidents not offered',
        ).toEqual([]);
        if (params.event !== null && values.events)
          expect(values.events.has(params.event), `event ${params.event} is not offered`).toBe(true);
        for (const day of [params.from, params.to]) if (day !== null) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (params.from !== null && params.to !== null)
          expect(params.from <= params.to, `from ${params.from} after to ${params.to}`).toBe(true);
        if (params.title !== null) {
          expect(params.title.length).toBeLessThanOrEqual(120);
          expect(params.title).not.toMatch(/[\u0000-\u001f\u007f]/);
        }
        expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
        expect(Object.keys(params).sort()).toEqual(['align', 'event', 'from', 'incidents', 'kinds', 'scale', 'theme', 'title', 'to']);
      }),
      { numRuns: 500 },
    );
  });

  it('writes an embed address that reads back without any invalid parameter', () => {
    fc.assert(
      fc.property(search, known, (query, values) => {
        const { params } = parseEmbedParams(query, values);
        const again = parseEmbedParams(serializeEmbedParams(params), values);
        expect(again.invalid).toEqual([]);
        expect({ ...again.params, title: null }).toEqual({ ...params, title: null });
      }),
      { numRuns: 500 },
    );
  });
});
