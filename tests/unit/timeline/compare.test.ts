import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/archive.ts';
import { compareIncidents, formatDuration } from '../../../src/lib/timeline/compare.ts';
import { validateContent } from '../../../src/lib/validate/validate-content.ts';
import { fixtureArchive } from '../../fixtures/timeline-fixture.ts';
import { ROOT } from '../../helpers.ts';

describe('compareIncidents(incidents)', () => {
  it('computes the figures from the fixture events', () => {
    const archive = fixtureArchive();
    const [paris, ny] = compareIncidents(archive.incidents, () => undefined);
    expect(paris.firstLeak?.id).toBe('paris/leak');
    expect(paris.silence?.id).toBe('paris/silence');
    expect(paris.leakInSilence).toBeUndefined();
    expect(formatDuration(paris.leakBeforeSilenceMs!)).toBe('3 hours');
    expect(paris.attributionsBeforeVote.map((e) => e.id)).toEqual(['paris/report']);
    expect(ny.silence).toBeUndefined();
    expect(ny.firstLeak?.offset.words).toBe('109 days before the vote');
  });

  it('on the real content: 47 hours against 109 days for the first WikiLeaks release', () => {
    const report = validateContent(ROOT);
    const archive = buildArchive(report);
    const rows = compareIncidents(archive.incidents, (id) => archive.actor(id)?.data.country);
    const macron = rows.find((r) => r.incidentId === 'macron-2017')!;
    expect(macron.firstLeak?.id).toBe('macron-2017/emleaks-posted');
    expect(macron.firstLeak?.offset.label).toBe('T−47 h');
    expect(macron.leakBeforeSilenceMs).toBeGreaterThan(0);
    expect(macron.firstDomesticOfficialAttribution?.id).toBe('macron-2017/france-attributes-apt28');
    expect(archive.event('dnc-2016/wikileaks-dnc-emails')!.offset.label).toBe('T−109 d');
  });
});

describe('formatDuration(ms)', () => {
  it.each([
    [30 * 60_000, '30 minutes'],
    [3.4 * 3_600_000, '3 hours'],
    [47.5 * 3_600_000, '47 hours'],
    [77 * 86_400_000, '77 days'],
    [8 * 365.25 * 86_400_000, '8 years'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
