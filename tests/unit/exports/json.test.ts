/** /data/events.json, incidents.json and actors.json: one record per event, honest dates, absolute addresses. */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/archive.ts';
import { datasetBibtex, datasetPlainCitation } from '../../../src/lib/cite.ts';
import { actorsJson, eventsJson, incidentsJson, toJson } from '../../../src/lib/exports/index.ts';
import { TRICKY_SUMMARY, TRICKY_TITLE, exportsFixture } from '../../fixtures/exports-fixture.ts';
import { realContent } from '../../real-content.ts';

const options = { site: 'https://example.org', base: '/' };

describe('eventsJson(archive, options)', () => {
  const archive = exportsFixture();
  const json = eventsJson(archive, options);
  const record = (id: string) => json.events.find((e) => e.id === id)!;

  it('has one record per event, ordered by start time then id, and a count', () => {
    expect(json.count).toBe(archive.events.length);
    expect(json.events).toHaveLength(archive.events.length);
    expect(new Set(json.events.map((e) => e.id)).size).toBe(archive.events.length);
    const starts = json.events.map((e) => [e.date.start, e.id].join(' '));
    expect(starts).toEqual([...starts].sort());
  });

  it('dates its version by the latest review, not by the build, and states the licence', () => {
    expect(json.generated).toBe('2026-11-24');
    expect(json.licence).toBe('CC BY 4.0');
    expect(json.licenceUrl).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(toJson(eventsJson(exportsFixture(), options))).toBe(toJson(json));
  });

  it('resolves dates to UTC spans in the incident time zone, with the value as written', () => {
    expect(record('paris/leak').date).toEqual({
      value: '2017-05-05T20:35+02:00',
      precision: 'minute',
      start: '2017-05-05T18:35:00.000Z',
      end: '2017-05-05T18:36:00.000Z',
      approximate: true,
    });
    expect(record('paris/vote').date).toMatchObject({
      value: '2017-05-07',
      precision: 'day',
      start: '2017-05-06T22:00:00.000Z',
      end: '2017-05-07T22:00:00.000Z',
      approximate: false,
    });
    expect(record('ny/release').date).toMatchObject({ start: '2016-07-22T04:00:00.000Z', end: '2016-07-23T04:00:00.000Z' });
    expect(record('paris/phishing').end).toEqual({
      value: '2017-02',
      precision: 'month',
      start: '2017-01-31T23:00:00.000Z',
      end: '2017-02-28T23:00:00.000Z',
      approximate: false,
    });
    expect(record('paris/vote').end).toBeNull();
  });

  it('keeps text exactly, the kind block under its name with nulls, and every source field', () => {
    expect(record('paris/leak').title).toBe(TRICKY_TITLE);
    expect(record('paris/leak').summary).toBe(TRICKY_SUMMARY);
    expect(record('paris/leak').leak).toEqual({
      channel: '4chan /pol/, Pastebin',
      persona: 'persona',
      volume: null,
      forgeriesAlleged: null,
    });
    expect(record('paris/phishing').hack).toBeNull();
    expect(record('paris/phishing')).not.toHaveProperty('leak');
    expect(record('paris/official').attribution).toEqual({
      by: 'ministry',
      to: 'apt',
      alsoTo: [],
      basis: 'official',
      stance: 'attributes',
      confidence: 'high',
      wording: 'with "high" confidence, we say',
    });
    expect(record('paris/report').sources[1]).toEqual({
      title: 'Report, "part 1"',
      publisher: 'Publisher, Inc.',
      url: 'https://example.org/b',
      published: '2017-05-08',
      language: 'en',
      archived: 'https://web.archive.org/x',
      archiveLookup: null,
      kind: null,
      note: null,
    });
    // Without an archived copy, a Wayback search for the address, never presented as a copy.
    expect(record('paris/report').sources[0]).toMatchObject({
      archived: null,
      archiveLookup: `https://web.archive.org/web/*/${record('paris/report').sources[0].url}`,
    });
    expect(record('paris/leak').actors).toEqual([
      { id: 'party', role: 'target' },
      { id: 'persona', role: 'publisher' },
    ]);
    expect(record('ny/release').actors).toEqual([]);
    expect(record('ny/release').related).toEqual([]);
  });

  it('gives absolute page addresses under the configured base', () => {
    expect(record('paris/leak').url).toBe('https://example.org/events/paris/leak/');
    const under = eventsJson(archive, { site: 'https://user.github.io', base: '/repo/' });
    expect(under.events.find((e) => e.id === 'paris/leak')!.url).toBe('https://user.github.io/repo/events/paris/leak/');
    expect(under.documentation).toBe('https://user.github.io/repo/data/');
  });
});

describe('incidentsJson and actorsJson', () => {
  const archive = exportsFixture();

  it('lists incidents with their election, event count and address', () => {
    const json = incidentsJson(archive, options);
    expect(json.count).toBe(2);
    expect(json.incidents[1]).toMatchObject({
      id: 'ny',
      country: 'US',
      election: {
        name: 'E',
        vote: '2016-11-08T20:00-05:00',
        voteUtc: '2016-11-09T01:00:00.000Z',
        timezone: 'America/New_York',
        voteApproximate: true,
      },
      targets: ['party'],
      eventCount: 7,
      url: 'https://example.org/incidents/ny/',
    });
    expect(json.incidents[0].election.voteApproximate).toBe(false);
  });

  it('lists actors with every field, nulls for absent ones, and the events they appear in', () => {
    const json = actorsJson(archive, options);
    expect(json.count).toBe(archive.actors.length);
    const apt = json.actors.find((a) => a.id === 'apt')!;
    expect(apt).toMatchObject({
      name: 'APT Test',
      kind: 'intrusion-set',
      country: null,
      mitre: 'G0007',
      mitreUrl: 'https://attack.mitre.org/groups/G0007/',
      summary: null,
      website: null,
      url: 'https://example.org/actors/apt/',
    });
    expect(apt.aliases).toEqual([
      { name: 'Test Bear', by: 'vendor' },
      { name: 'Sofacy', by: null },
    ]);
    expect(apt.events).toEqual(['paris/report', 'paris/contest', 'paris/official']);
    expect(apt.attributionsReceived).toEqual(['paris/report', 'paris/contest', 'paris/official']);
    expect(json.actors.find((a) => a.id === 'party')!.website).toBe('https://party.example');
  });
});

describe('the dataset citation', () => {
  it('names the project, the version and the address', () => {
    const citation = { version: '2026-11-25', url: 'https://example.org/data/' };
    expect(datasetPlainCitation(citation)).toMatch(
      /^Election Integrity Timeline\. ".+\." Version 2026-11-25\. CC BY 4\.0\. https:\/\/example\.org\/data\/$/,
    );
    expect(datasetBibtex(citation)).toContain('version      = {2026-11-25},');
    expect(datasetBibtex(citation)).toContain('author       = {{Election Integrity Timeline}},');
  });
});

describe('the exports of the real content', () => {
  const archive = buildArchive(realContent());

  it('has as many JSON records as events, each with an absolute address', () => {
    const json = eventsJson(archive, { site: 'https://election-integrity-timeline.github.io', base: '/' });
    expect(json.events).toHaveLength(archive.events.length);
    expect(json.count).toBe(archive.events.length);
    for (const record of json.events) {
      expect(record.url).toBe(`https://election-integrity-timeline.github.io/events/${record.id}/`);
      expect(typeof record[record.kind], `${record.id}: its ${record.kind} block is an object or null`).toBe('object');
      expect(Date.parse(record.date.end)).toBeGreaterThan(Date.parse(record.date.start));
    }
    expect(incidentsJson(archive, { site: 'https://x.org', base: '/' }).incidents.reduce((n, i) => n + i.eventCount, 0)).toBe(
      archive.events.length,
    );
  });
});
