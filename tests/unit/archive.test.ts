import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive.ts';
import { bibtexCitation, bibtexMonth, plainCitation } from '../../src/lib/cite.ts';
import { formatPartialDate } from '../../src/lib/format.ts';
import { ActorSchema, EventSchema, IncidentSchema } from '../../src/lib/schema/index.ts';

const source = { title: 'T', publisher: 'P', url: 'https://example.org/a', published: '2017-05-08', language: 'en' };
const incident = (id: string, vote: string, timezone: string, order?: number) => ({
  id,
  data: IncidentSchema.parse({
    title: id,
    summary: 'S',
    country: 'FR',
    election: { name: 'E', vote, timezone },
    targets: ['victim'],
    order,
  }),
});
const event = (id: string, fields: Record<string, unknown>) => ({
  id,
  data: EventSchema.parse({ title: id, status: 'documented', summary: 'S', sources: [source], reviewed: '2026-01-01', ...fields }),
});
const actor = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  data: ActorSchema.parse({ name: id.toUpperCase(), kind: 'state', ...fields }),
});

const archive = buildArchive({
  incidents: [
    incident('b-2016', '2016-11-08T20:00-05:00', 'America/New_York'),
    incident('a-2017', '2017-05-07T20:00+02:00', 'Europe/Paris', 1),
  ],
  actors: [actor('victim'), actor('vendor'), actor('group', { aliases: [{ name: 'Bear', by: 'vendor' }] })],
  events: [
    event('a-2017/leak', {
      kind: 'leak',
      date: '2017-05-05T20:35+02:00',
      leak: { channel: 'x' },
      actors: [{ id: 'victim', role: 'target' }],
    }),
    event('a-2017/report', {
      kind: 'attribution',
      date: '2017-04-25',
      attribution: { by: 'vendor', to: 'group', basis: 'technical', stance: 'attributes', confidence: 'unstated' },
    }),
    event('a-2017/same-day-timed', { kind: 'statement', date: '2017-05-05T23:55+02:00', statement: { speaker: 'victim' } }),
    event('a-2017/same-day', { kind: 'hack', date: '2017-05-05' }),
    event('a-2017/next-day', { kind: 'detection', date: '2017-05-06' }),
    event('a-2017/silence', {
      kind: 'blackout',
      date: '2017-05-06T00:00+02:00',
      end: '2017-05-07T20:00+02:00',
      blackout: { legalBasis: 'law' },
    }),
    event('b-2016/release', { kind: 'leak', date: '2016-07-22', leak: { channel: 'y' } }),
    event('orphan/x', { kind: 'hack', date: '2016' }),
  ],
});

describe('buildArchive(entries)', () => {
  it("gives each event its incident and its date written in the incident's time zone", () => {
    const leak = archive.event('a-2017/leak')!;
    expect(leak.incident).toBe(archive.incident('a-2017'));
    expect(leak.when()).toBe(formatPartialDate(leak.date, 'Europe/Paris'));
    expect(leak.when({ locale: 'fr-FR', withZone: false })).toBe(
      formatPartialDate(leak.date, 'Europe/Paris', { locale: 'fr-FR', withZone: false }),
    );
    const silence = archive.event('a-2017/silence')!;
    expect(silence.when({ end: true })).toBe(formatPartialDate(silence.end!, 'Europe/Paris'));
    expect(archive.incident('b-2016')!.voteWhen()).toBe(formatPartialDate(archive.incident('b-2016')!.vote, 'America/New_York'));
  });

  it("counts each incident's events by kind, and groups each actor's events by role", () => {
    expect([...archive.incident('a-2017')!.kindCounts]).toEqual([
      ['attribution', 1],
      ['hack', 1],
      ['leak', 1],
      ['statement', 1],
      ['blackout', 1],
      ['detection', 1],
    ]);
    expect([...archive.actor('victim')!.byRole].map(([role, events]) => [role, events.map((e) => e.id)])).toEqual([
      ['target', ['a-2017/leak']],
    ]);
  });

  it('orders lanes by order, then by vote', () => {
    expect(archive.incidents.map((i) => i.id)).toEqual(['a-2017', 'b-2016']);
  });

  it('orders events in time, a day before the timed events inside it', () => {
    expect(archive.incident('a-2017')!.events.map((e) => e.slug)).toEqual([
      'report',
      'same-day',
      'leak',
      'same-day-timed',
      'silence',
      'next-day',
    ]);
    expect(archive.events.map((e) => e.id)[0]).toBe('b-2016/release');
  });

  it('puts a time written to the minute before a day that starts at the same midnight, in the pager too', () => {
    // The silence begins at 00:00 on 6 May; "6 May" (some time that day) comes after it, though its span is shorter.
    const silence = archive.event('a-2017/silence')!;
    expect(silence.next?.slug).toBe('next-day');
    expect(silence.previous?.slug).toBe('same-day-timed');
    expect(archive.event('a-2017/next-day')!.previous?.slug).toBe('silence');
  });

  it('links previous and next within an incident only', () => {
    const leak = archive.event('a-2017/leak')!;
    expect(leak.previous?.id).toBe('a-2017/same-day');
    expect(leak.next?.id).toBe('a-2017/same-day-timed');
    expect(archive.event('b-2016/release')!.next).toBeUndefined();
  });

  it('aligns every event on its own vote', () => {
    expect(archive.event('a-2017/leak')!.offset.label).toBe('T−47 h');
    expect(archive.event('b-2016/release')!.offset.label).toBe('T−109 d');
  });

  it('skips events whose folder names no incident (the validator reports them)', () => {
    expect(archive.event('orphan/x')).toBeUndefined();
  });

  it('records who attributes to whom, and who coined which alias', () => {
    expect(archive.actor('vendor')!.attributionsMade.map((e) => e.id)).toEqual(['a-2017/report']);
    expect(archive.actor('group')!.attributionsReceived.map((e) => e.id)).toEqual(['a-2017/report']);
    expect(archive.actor('vendor')!.coined).toEqual([{ actor: 'group', name: 'Bear' }]);
    expect(archive.actor('victim')!.involvement.map((i) => [i.event.slug, i.roles])).toEqual([
      ['leak', ['target']],
      ['same-day-timed', []],
    ]);
  });
});

describe('citations', () => {
  const citable = {
    id: 'a-2017/leak',
    title: 'Files posted {50%} & more',
    incidentTitle: 'Macron Leaks',
    reviewed: '2026-11-25',
    url: 'https://example.org/events/a-2017/leak/',
  };
  it('gives a plain reference with the review date and address', () => {
    expect(plainCitation(citable)).toBe(
      'Election Integrity Timeline. "Files posted {50%} & more." Macron Leaks, event a-2017/leak. Last reviewed 25 ' +
        'November 2026. https://example.org/events/a-2017/leak/',
    );
  });
  it('gives a BibTeX entry with escaped specials and a stable key', () => {
    const bib = bibtexCitation(citable);
    expect(bib).toMatch(/^@misc\{eit-a-2017-leak,$/m);
    expect(bib).toContain('title        = {Files posted \\{50\\%\\} \\& more},');
    expect(bib).toContain('year         = {2026},');
    expect(bib.split('{').length).toBe(bib.split('}').length);
  });
  it("gives BibTeX's month as its three-letter macro, unbraced, so that styles print the month's name", () => {
    expect(bibtexCitation(citable)).toContain('  month        = nov,\n');
    expect(bibtexCitation({ ...citable, reviewed: '2026-05-01' })).toContain('  month        = may,\n');
    expect(bibtexCitation(citable)).not.toMatch(/month\s*=\s*\{/);
    expect(bibtexMonth('01')).toBe('jan');
    expect(bibtexMonth(12)).toBe('dec');
    expect(bibtexMonth(13)).toBe('');
  });
});
