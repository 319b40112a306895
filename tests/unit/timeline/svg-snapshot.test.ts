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

  it('puts in each drawing the links its default view shows, and the others in a template beside it: every event once', async () => {
    const archive = fixtureArchive(12);
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive, id: 'fixture', dense: true } });
    const all = archive.events.map((e) => e.id).sort();
    for (const orientation of ['horizontal', 'vertical']) {
      const start = html.indexOf(`<svg class="tl-svg tl-svg-${orientation}"`);
      const drawing = html.slice(start, html.indexOf('</svg>', start));
      const parkedAt = html.indexOf(`<template class="tl-parked" data-orientation="${orientation}"`);
      const parked = html.slice(parkedAt, html.indexOf('</template>', parkedAt));
      expect([...links(drawing), ...links(parked)].sort()).toEqual(all);
      // Drawn: not folded; left out: the crowd folded into a cluster, which names them.
      expect(drawing).not.toContain('is-clustered');
      expect(links(parked).length).toBeGreaterThan(0);
      const cluster = drawing.match(/class="tl-cluster"[^>]*data-ids="([^"]+)"/)![1].split(' ');
      for (const id of cluster) expect(links(parked)).toContain(id);
    }
  });

  it('is drawn whole (no template) below the threshold, as the site chart is', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive: fixtureArchive(12), id: 'fixture' } });
    expect(html).not.toContain('tl-parked');
  });
});
