/**
 * The French edition's feeds: French titles and summaries where a translation exists, the
 * English text marked xml:lang="en" where it does not, French feed titles, links to /fr/ pages.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/archive.ts';
import { dictionary } from '../../../src/lib/i18n/en.ts';
import { correctionsFeed, eventsFeed, type FeedContext } from '../../../src/lib/reach/feeds.ts';
import { eventCardPath } from '../../../src/lib/reach/paths.ts';
import { validateContent } from '../../../src/lib/validate/validate-content.ts';
import { ROOT } from '../../helpers.ts';
import { atomProblems, child, children, parseAtom, type Node } from './atom-check.ts';

const archive = buildArchive(validateContent(join(ROOT, 'tests/fixtures/translations')));
const ctx = (lang: 'en' | 'fr'): FeedContext => ({
  lang,
  absolute: (path) => `https://example.org${path}`,
  t: dictionary(lang),
  siteName: 'EIT',
});
const entryOf = (feed: Node, slug: string) =>
  children(feed, 'entry').find((e) => child(e, 'id')!.text.endsWith(`/events/ok-2020/${slug}/`))!;

describe('French feeds', () => {
  const fr = parseAtom(eventsFeed(archive, ctx('fr')));

  it('is a valid Atom feed marked French, titled from the French dictionary, linking to /fr/ pages', () => {
    expect(atomProblems(fr)).toEqual([]);
    expect(fr.attributes['xml:lang']).toBe('fr');
    expect(child(fr, 'title')!.text).toBe(`${dictionary('fr').reach.feedEvents} · EIT`);
    expect(child(fr, 'subtitle')!.text).toBe(dictionary('fr').reach.feedEventsSubtitle);
    expect(children(fr, 'link').find((l) => l.attributes.rel === 'alternate')!.attributes.href).toBe('https://example.org/fr/events/');
    for (const entry of children(fr, 'entry'))
      expect(child(entry, 'link')!.attributes.href).toMatch(/^https:\/\/example\.org\/fr\/events\//);
  });

  it('carries the translated title and summary, with the incident in French', () => {
    const good = entryOf(fr, 'good');
    expect(child(good, 'title')!.text).toBe('Un événement valide');
    expect(child(good, 'title')!.attributes['xml:lang']).toBeUndefined();
    expect(child(good, 'summary')!.text).toMatch(/^Incident de test, .*Valide\.$/);
    expect(child(good, 'category')).toBeDefined();
    expect(children(good, 'category').map((c) => c.attributes.label)).toContain('Incident de test');
  });

  it('keeps an untranslated event in English, marked xml:lang="en", its summary wholly English', () => {
    const bad = entryOf(fr, 'bad-fields');
    expect(child(bad, 'title')!.text).toBe('A valid event (bad-fields)');
    expect(child(bad, 'title')!.attributes['xml:lang']).toBe('en');
    expect(child(bad, 'summary')!.attributes['xml:lang']).toBe('en');
    expect(child(bad, 'summary')!.text).not.toContain('Incident de test');
  });

  it('titles an incident feed with the French incident name; the English feeds are unchanged', () => {
    expect(child(parseAtom(eventsFeed(archive, ctx('fr'), 'ok-2020')), 'title')!.text).toBe(
      `${dictionary('fr').reach.feedIncident('Incident de test')} · EIT`,
    );
    const en = parseAtom(eventsFeed(archive, ctx('en')));
    expect(en.attributes['xml:lang']).toBe('en');
    const good = entryOf(en, 'good');
    expect(child(good, 'title')!.text).not.toBe('Un événement valide');
    expect(child(good, 'title')!.attributes['xml:lang']).toBeUndefined();
    expect(child(good, 'link')!.attributes.href).toMatch(/^https:\/\/example\.org\/events\//);
  });

  it('lists a correction with its English words marked English and the events changed in French', () => {
    const correction = {
      hash: 'abc123',
      date: '2026-05-01T10:00:00Z',
      subject: 'Fix a date',
      correction: 'the date was wrong',
      files: [],
      eventIds: ['ok-2020/good', 'ok-2020/bad-fields'],
    };
    const feed = parseAtom(correctionsFeed([correction], archive, { ...ctx('fr'), commitUrl: (h) => `https://git.example/${h}` }));
    expect(atomProblems(feed)).toEqual([]);
    expect(child(feed, 'title')!.text).toBe(`${dictionary('fr').reach.feedCorrections} · EIT`);
    const [entry] = children(feed, 'entry');
    expect(child(entry, 'title')!.attributes['xml:lang']).toBe('en');
    expect(child(entry, 'summary')!.text).toContain('Un événement valide');
    expect(
      children(entry, 'link')
        .filter((l) => l.attributes.rel === 'related')
        .map((l) => l.attributes.href),
    ).toEqual(['https://example.org/fr/events/ok-2020/good/', 'https://example.org/fr/events/ok-2020/bad-fields/']);
  });
});

describe('offsets in French feeds', () => {
  it("write a translated event's offset in the edition's words, an untranslated one's in English", () => {
    const local = { event: (id: string) => ({ ...archive.event(id)!, offset: { ...archive.event(id)!.offset, label: 'T−9 a' } }) };
    const feed = parseAtom(eventsFeed(archive, { ...ctx('fr'), local }));
    expect(child(entryOf(feed, 'good'), 'summary')!.text).toContain(', T−9 a. ');
    expect(child(entryOf(feed, 'bad-fields'), 'summary')!.text).not.toContain('T−9 a');
  });
});

describe('French social cards', () => {
  it('a translated event has its own French card; an untranslated one shows the English card', () => {
    expect(eventCardPath(archive, 'fr', 'ok-2020/good')).toBe('/cards/fr/events/ok-2020/good.png');
    expect(eventCardPath(archive, 'fr', 'ok-2020/bad-fields')).toBe('/cards/en/events/ok-2020/bad-fields.png');
    expect(eventCardPath(archive, 'en', 'ok-2020/good')).toBe('/cards/en/events/ok-2020/good.png');
  });
});
