import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Timeline from '../../../src/components/timeline/Timeline.astro';
import { fixtureArchive } from '../../fixtures/timeline-fixture.ts';

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
    const dataAt = html.indexOf('<script type="application/json" class="tl-events"');
    const records = JSON.parse(html.slice(html.indexOf('>', dataAt) + 1, html.indexOf('</script>', dataAt))) as string[][];
    expect(records.map((r) => r[0]).sort()).toEqual(all);
    // Each record carries what the link needs: address and accessible name.
    for (const r of records) {
      expect(r[8]).toMatch(/^\/events\/[a-z0-9-]+\/[a-z0-9-]+\/$/);
      expect(r[12]).toMatch(/: Event /);
    }
    for (const orientation of ['horizontal', 'vertical']) {
      const start = html.indexOf(`<svg class="tl-svg tl-svg-${orientation}"`);
      const drawing = html.slice(start, html.indexOf('</svg>', start));
      const drawn = links(drawing);
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.length).toBeLessThan(all.length);
      // Drawn: not folded; left out: the crowd folded into a cluster, which names them.
      expect(drawing).not.toContain('is-clustered');
      const cluster = drawing.match(/class="tl-cluster"[^>]*data-ids="([^"]+)"/)![1].split(' ');
      for (const id of cluster) expect(drawn).not.toContain(id);
    }
  });

  it('is drawn whole (no events data) below the threshold, as the site chart is', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive: fixtureArchive(12), id: 'fixture' } });
    expect(html).not.toContain('tl-events');
  });
});
