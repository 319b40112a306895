import { describe, expect, it } from 'vitest';
import { DATA_EVENT } from '../../../src/scripts/timeline/dense.ts';
import { chartDataLanes, chartDataPath, chartDataPaths, chartDataScript, chartRecords } from '../../../src/site/chart-data.ts';
import { fixtureArchive } from '../../fixtures/timeline-fixture.ts';

/** Runs a data file as a browser would (a fresh `self`), returning what it filed and the events it dispatched. */
function run(script: string) {
  const self: { timelineEvents?: Record<string, string> } = {};
  const dispatched: string[] = [];
  new Function('self', 'dispatchEvent', script)(self, (event: Event) => dispatched.push(event.type));
  return { filed: self.timelineEvents ?? {}, dispatched };
}

describe("a dense chart's events data file (src/site/chart-data.ts)", () => {
  it('files every event of its lanes under its key, in time order, as JSON that reads back the same, then says so', () => {
    const archive = fixtureArchive(3);
    const records = chartRecords(archive, 'all', 'en');
    expect(records.map((r) => r[0])).toEqual(archive.events.map((e) => e.id));
    const { filed, dispatched } = run(chartDataScript('en/all', records));
    expect(Object.keys(filed), 'filed under its key only').toEqual(['en/all']);
    expect(JSON.parse(filed['en/all'])).toEqual(records);
    expect(dispatched, 'the chart waiting for its data hears of it').toEqual([DATA_EVENT]);
  });

  it('keeps an incident to its own events', () => {
    const ids = chartRecords(fixtureArchive(), 'ny', 'en').map((r) => r[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(['ny']));
  });

  it("carries a contributor's hostile title as text: nothing in it ends the string or runs", () => {
    const archive = fixtureArchive();
    const hostile = `"; globalThis.pwned = 1; "\\ </script><script>alert(1)</script> \u2028 $\{x} \``;
    (archive.events[0].data as { title: string }).title = hostile;
    const { filed } = run(chartDataScript('en/all', chartRecords(archive, 'all', 'en')));
    expect((globalThis as { pwned?: number }).pwned, 'the title ran as code').toBeUndefined();
    expect((JSON.parse(filed['en/all']) as string[][])[0][7]).toBe(hostile);
  });

  it('is named by edition, lanes and a digest of its text, which changes with any event', () => {
    const archive = fixtureArchive();
    const path = () => chartDataPath('fr', 'all', chartDataScript('fr/all', chartRecords(archive, 'all', 'fr')));
    const before = path();
    expect(before).toMatch(/^\/chart-data\/fr\/all\.js\?v=[0-9a-f]{12}$/);
    (archive.events[0].data as { title: string }).title += ' (corrected)';
    expect(path(), 'a browser holding the old file never pairs it with the new page').not.toBe(before);
  });

  it('is served for every incident and for each one, in every edition; a chart of other lanes is refused by name', () => {
    const archive = fixtureArchive();
    expect(chartDataPaths(archive, ['en', 'fr'])).toEqual(
      ['en', 'fr'].flatMap((lang) => ['all', ...archive.incidents.map((i) => i.id)].map((lanes) => ({ lang, lanes }))),
    );
    expect(chartDataLanes(archive, undefined)).toBe('all');
    expect(chartDataLanes(archive, archive.incidents.map((i) => i.id).reverse())).toBe('all');
    expect(chartDataLanes(archive, ['ny'])).toBe('ny');
    const three = { ...archive, incidents: [...archive.incidents, archive.incidents[0]] };
    expect(() => chartDataLanes(three, ['ny', 'paris'])).toThrow(/every incident or one; not for ny, paris/);
  });
});
