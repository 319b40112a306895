import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Timeline from '../../../src/components/timeline/Timeline.astro';
import { firstStop } from '../../../src/lib/timeline/focus.ts';
import type { LaneInput, MarkInput } from '../../../src/lib/timeline/layout.ts';
import { timelineInputs } from '../../../src/lib/timeline/marks.ts';
import { type DataWords, type DenseRecord, denseTableRows, recordName } from '../../../src/scripts/timeline/dense.ts';
import { fixtureArchive } from '../../fixtures/timeline-fixture.ts';
import { dictionary } from '../../../src/lib/i18n/en.ts';
import type { Lang } from '../../../src/lib/i18n/routing.ts';
import { chartDataPath, chartDataScript, chartRecords } from '../../../src/site/chart-data.ts';

/**
 * The chart of `archive` as the build writes it, dense or whole, without the development build's source annotations
 * (data-astro-source-*).
 */
async function renderChart(archive: ReturnType<typeof fixtureArchive>, dense: boolean): Promise<string> {
  const container = await AstroContainer.create();
  return (await container.renderToString(Timeline, { props: { archive, id: 'fixture', dense } })).replace(
    / data-astro-[\w-]+(="[^"]*")?/g,
    '',
  );
}

/**
 * A dense chart's events data: the file its page names (src/site/chart-data.ts), as the data route serves it. Checks
 * that the page names that very file, by its edition, lanes and the digest of its text, first in the chart.
 */
function recordsIn(html: string, archive: ReturnType<typeof fixtureArchive>): DenseRecord[] {
  const key = html.match(/class="tl-events" data-key="([^"]+)"/)?.[1];
  expect(key, 'the events data placeholder names its key').toBeDefined();
  const [lang, lanes] = key!.split('/') as [Lang, string];
  const records = chartRecords(archive, lanes, dictionary(lang).locale);
  const src = chartDataPath(lang, lanes, chartDataScript(key!, records));
  expect(html, 'the chart loads the file of its data, by version, before its drawings').toMatch(
    new RegExp(`<timeline-chart [^>]*><script type="module" src="${src.replace(/[.?]/g, '\\$&')}"></script>`),
  );
  return records;
}

/** The words beside a dense chart's data, as dataWords reads them in the browser. */
function wordsIn(html: string): DataWords {
  const data = html.slice(html.indexOf('<script type="application/json" class="tl-events"'));
  const attribute = (from: string, name: string) => decode(from.match(new RegExp(`${name}="([^"]*)"`))![1]);
  const pattern = attribute(data, 'data-href');
  return {
    href: (id) => pattern.replace('{id}', id),
    kinds: JSON.parse(attribute(html, 'data-kind-names')),
    statuses: JSON.parse(attribute(data, 'data-status-names')),
    colon: attribute(data, 'data-colon'),
  };
}

/** An attribute value as the browser reads it (Astro escapes &, ", ' and < in attributes). */
const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Plot's normalisation: numbers rounded, one element per line, so a diff reads like a change. */
function normalise(html: string, from = 0): string {
  const start = html.indexOf('<svg', from);
  const svg = html.slice(start, html.indexOf('</svg>', start) + 6);
  return svg
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/ data-astro-[\w-]+(="[^"]*")?/g, '')
    .replace(/></g, '>\n<');
}

describe('Timeline.astro drawn at build time', () => {
  it('matches the rounded SVG snapshot of the fixture archive (aligned, log)', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive: fixtureArchive(), id: 'fixture' } });
    await expect(normalise(html)).toMatchFileSnapshot('__snapshots__/timeline-fixture.svg');
  });

  it('matches the rounded SVG snapshot of the phone drawing (time down the page)', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive: fixtureArchive(), id: 'fixture' } });
    await expect(normalise(html, html.indexOf('<svg class="tl-svg tl-svg-vertical"'))).toMatchFileSnapshot(
      '__snapshots__/timeline-fixture-vertical.svg',
    );
  });

  it('draws a complete chart without JavaScript: every mark a link with a name', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive: fixtureArchive(), id: 'fixture' } });
    // Two drawings (across, and down a phone; CSS shows one): each has every event.
    const [across, down] = html.split('<svg class="tl-svg tl-svg-vertical"');
    for (const drawing of [across, down])
      expect(drawing.match(/<a [^>]*class="tl-mark[^"]*"[^>]*>/g) ?? []).toHaveLength(fixtureArchive().events.length);
    const marks = html.match(/<a [^>]*class="tl-mark[^"]*"[^>]*>/g) ?? [];
    for (const mark of marks) {
      expect(mark).toMatch(/href="\/events\/[a-z0-9-]+\/[a-z0-9-]+\/"/);
      expect(mark).toMatch(/aria-label="[^"]+: Event /);
      expect(mark).toMatch(/data-event-id="[a-z0-9-]+\/[a-z0-9-]+"/);
    }
    expect(html).toMatch(/data-timeline/);
    expect(across.match(/<g class="tl-lane" data-incident="(paris|ny)"/g)).toHaveLength(2);
    expect(down.match(/<g class="tl-lane" data-incident="(paris|ny)"/g)).toHaveLength(2);
    expect(html).toContain('polls close (T−0)*');
  });
});

describe('Timeline.astro, a dense chart (thousands of events: links only for what the view shows)', () => {
  const links = (html: string) => (html.match(/data-event-id="([^"]+)"/g) ?? []).map((m) => m.slice(15, -1));

  it("puts in each drawing the links its default view shows, and every event once in the chart's events data", async () => {
    const archive = fixtureArchive(12);
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive, id: 'fixture', dense: true } });
    const all = archive.events.map((e) => e.id).sort();
    expect(
      recordsIn(html, archive)
        .map((r) => r[0])
        .sort(),
    ).toEqual(all);
    for (const orientation of ['horizontal', 'vertical']) {
      const start = html.indexOf(`<svg class="tl-svg tl-svg-${orientation}"`);
      const drawing = html.slice(start, html.indexOf('</svg>', start));
      const tabStop = firstStop(...(Object.values(timelineInputs(archive)) as [LaneInput[], MarkInput[]]))!;
      expect(links(drawing), 'the first tab stop is a link wherever it stands').toContain(tabStop);
      const drawn = links(drawing).filter((id) => id !== tabStop);
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.length).toBeLessThan(all.length);
      // Drawn: not folded (but the tab stop); left out: the crowd folded into a cluster, which names them.
      expect(drawing.match(/class="[^"]*is-clustered/g)?.length ?? 0).toBeLessThanOrEqual(1);
      // Lean links: date, offset and source are in the events data, not written twice.
      expect(drawing, 'a dense drawing’s links carry no event details').not.toMatch(/data-(title|when|offset|source)=/);
      const cluster = drawing.match(/class="tl-cluster"[^>]*data-ids="([^"]+)"/)![1].split(' ');
      for (const id of cluster) expect(drawn).not.toContain(id);
    }
  });

  it('gives the script what makes each link the build would draw: its address and its accessible name', async () => {
    const archive = fixtureArchive(12);
    const dense = await renderChart(archive, true);
    const whole = await renderChart(archive, false);
    const records = recordsIn(dense, archive);
    const words = wordsIn(dense);
    // The whole chart's links, as the build writes them: address and name by event.
    const built = new Map(
      [...whole.matchAll(/<a class="tl-mark[^"]*" href="([^"]+)" data-event-id="([^"]+)"[^>]*aria-label="([^"]+)"/g)].map((m) => [
        m[2],
        { href: m[1], name: decode(m[3]) },
      ]),
    );
    expect(built.size).toBe(archive.events.length);
    for (const r of records) expect({ href: words.href(r[0]), name: recordName(r, words) }, r[0]).toEqual(built.get(r[0]));
  });

  it('sends no table rows, makes the same rows as the whole chart from its events data, and links to the list of all events', async () => {
    const archive = fixtureArchive(12);
    const dense = await renderChart(archive, true);
    const whole = await renderChart(archive, false);
    const attribute = (html: string, name: string) => decode(html.match(new RegExp(`${name}="([^"]*)"`))![1]);
    const body = (html: string) => html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
    expect(body(dense), 'no rows in the page').not.toContain('<tr');
    expect(dense).toMatch(
      /<p class="tl-table-dense">\d+ events, each with its own page, listed in <a href="\/events\/">the list of all events<\/a>\.<\/p>/,
    );
    const rows = denseTableRows(
      recordsIn(dense, archive),
      { ...wordsIn(dense), incidents: JSON.parse(attribute(body(dense), 'data-incident-titles')) },
      true,
    );
    const wholeRows = body(whole).slice(body(whole).indexOf('>') + 1);
    expect(wholeRows.match(/<tr /g)).toHaveLength(archive.events.length);
    expect(rows, 'the rows the script makes are the rows the build writes').toBe(wholeRows);
  });

  it('is drawn whole (no events data) below the threshold, as the site chart is', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive: fixtureArchive(12), id: 'fixture' } });
    expect(html).not.toContain('tl-events');
  });
});
