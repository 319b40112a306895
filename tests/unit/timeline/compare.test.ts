import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/archive.ts';
import { formatDuration } from '../../../src/lib/format.ts';
import { compareIncidents } from '../../../src/lib/timeline/compare.ts';
import { fixtureArchive } from '../../fixtures/timeline-fixture.ts';
import { realContent } from '../../real-content.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('compareIncidents(incidents) on the fixture', () => {
  it('computes the figures from the fixture events, "about" where the leak time is approximate', () => {
    const archive = fixtureArchive();
    const [paris, ny] = compareIncidents(archive.incidents, () => undefined);
    expect(paris.firstLeak?.id).toBe('paris/leak');
    expect(paris.silence?.id).toBe('paris/silence');
    expect(paris.leakInSilence).toBeUndefined();
    expect(paris.leakBeforeSilence?.text).toBe('about 3 hours');
    expect(paris.firstLeakBeforeVote?.text).toBe('about 47 hours');
    expect(paris.attributionsBeforeVote.map((e) => e.id)).toEqual(['paris/report']);
    expect(paris.firstGovernmentAttribution).toBeUndefined();
    expect(ny.silence).toBeUndefined();
    expect(ny.firstLeakBeforeVote?.text).toBe('109 days');
  });
});

describe('the comparison panel on the real content', () => {
  const archive = buildArchive(realContent());
  const rows = compareIncidents(archive.incidents, (id) => archive.actor(id)?.data);
  const row = (id: string) => rows.find((r) => r.incidentId === id)!;
  const offset = (id: string) => archive.event(id)!.offset;

  it('Macron: the first leak about 47 hours before the vote, about 3 hours before the silence (the posting time is approximate)', () => {
    const macron = row('macron-2017');
    expect(macron.firstLeak?.id).toBe('macron-2017/emleaks-posted');
    expect(macron.firstLeakBeforeVote?.text).toBe('about 47 hours');
    expect(offset('macron-2017/emleaks-posted').label).toBe('T−47 h');
    expect(macron.leakBeforeSilence?.text).toBe('about 3 hours');
    expect(macron.leakInSilence).toBeUndefined();
  });

  it('Macron: the NSA statement stops short of blaming anyone and is not counted as an attribution', () => {
    const macron = row('macron-2017');
    expect(archive.event('macron-2017/nsa-rogers-heads-up')!.data.kind).toBe('statement');
    expect(macron.attributionsBeforeVote.map((e) => e.id)).toEqual([
      'macron-2017/trend-micro-pawn-storm-report',
      'macron-2017/flashpoint-points-to-apt28',
    ]);
  });

  it(
    'Macron: first public (Trend Micro), first government (US DOJ) and own-government (France) attributions, with ' +
      'stance and confidence',
    () => {
      const macron = row('macron-2017');
      expect(macron.firstPublicAttribution).toMatchObject({
        event: { id: 'macron-2017/trend-micro-pawn-storm-report' },
        stanceWords: 'attributes it to',
        confidenceWords: 'confidence not stated',
        fromLeak: { text: 'about 10 days', sign: -1 },
      });
      expect(macron.firstGovernmentAttribution).toMatchObject({
        event: { id: 'macron-2017/us-doj-attributes-unit-74455' },
        fromLeak: { text: 'about 3 years 5 months', sign: 1 },
      });
      expect(macron.firstOwnGovernmentAttribution).toMatchObject({
        event: { id: 'macron-2017/france-attributes-apt28' },
        fromLeak: { text: 'about 7 years 11 months', sign: 1, about: true },
      });
      // The chart says the same for the same event, counted from the vote.
      expect(offset('macron-2017/france-attributes-apt28').label).toBe('T+7 y 11 mo');
      expect(offset('macron-2017/us-doj-attributes-unit-74455').label).toBe('T+3 y 5 mo');
    },
  );

  it(
    'DNC: the first leak of DNC material is Guccifer 2.0 (146 days); WikiLeaks (109 days) and DCLeaks (about 153 ' +
      'days, not DNC material) are in the note',
    () => {
      const dnc = row('dnc-2016');
      expect(dnc.firstLeak?.id).toBe('dnc-2016/guccifer-2-first-leak');
      expect(dnc.firstLeakBeforeVote?.text).toBe('146 days');
      expect(offset('dnc-2016/guccifer-2-first-leak').label).toBe('T−146 d');
      expect(dnc.laterLeaks.map((l) => [l.event.id, l.beforeVote.text])).toEqual([['dnc-2016/wikileaks-dnc-emails', '109 days']]);
      expect(offset('dnc-2016/wikileaks-dnc-emails').label).toBe('T−109 d');
      expect(dnc.earlierOtherLeaks.map((l) => [l.event.id, l.beforeVote.text])).toEqual([
        ['dnc-2016/dcleaks-begins-publishing', 'about 153 days'],
      ]);
    },
  );

  it('DNC: first public attribution CrowdStrike, first government and own-government the DHS/ODNI statement', () => {
    const dnc = row('dnc-2016');
    expect(dnc.firstPublicAttribution).toMatchObject({
      event: { id: 'dnc-2016/crowdstrike-names-two-groups' },
      fromLeak: { text: '1 day', sign: -1 },
    });
    expect(dnc.firstGovernmentAttribution?.event.id).toBe('dnc-2016/dhs-odni-joint-statement');
    expect(dnc.firstOwnGovernmentAttribution?.event.id).toBe('dnc-2016/dhs-odni-joint-statement');
    expect(dnc.firstGovernmentAttribution?.confidenceWords).toBe(
      'no graded confidence (“is confident that the Russian Government directed the recent compromises of e-mails”)',
    );
  });
});

describe('formatDuration(from, to, zone): one formatter for the panel, the chart and the pages', () => {
  const t0 = Date.UTC(2017, 4, 5, 18, 35);
  it.each([
    [30 * 60_000, '30 min', '30 minutes'],
    [3.4 * HOUR, '3 h', '3 hours'],
    [47.5 * HOUR, '47 h', '47 hours'],
    [77 * DAY, '77 d', '77 days'],
    [Date.UTC(2025, 3, 29, 12) - t0, '7 y 11 mo', '7 years 11 months'],
    [Date.UTC(2019, 4, 5, 18, 35) - t0, '2 y', '2 years'],
  ])('%d ms → %s', (ms, short, long) => {
    expect(formatDuration(t0, t0 + ms, 'Europe/Paris')).toEqual({ short, long });
  });
  it('counts calendar days for dates without a time, across a daylight-saving change', () => {
    expect(formatDuration(Date.UTC(2016, 6, 22, 4), Date.UTC(2016, 10, 9, 1), 'America/New_York', { timed: false }).long).toBe('109 days');
  });
});
