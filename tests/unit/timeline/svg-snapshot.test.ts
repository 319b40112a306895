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
    await expect(normalise(html, html.indexOf('<svg class="tl-svg tl-svg-vertical"'))).toMatchFileSnapshot('__snapshots__/timeline-fixture-vertical.svg');
  });

  it('draws a complete chart without JavaScript: every mark a link with a name', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive: fixtureArchive(), id: 'fixture' } });
    // Two drawings (across, and down a phone; CSS shows one): each has every event.
    const [across, down] = html.split('<svg class="tl-svg tl-svg-vertical"');
    for (const drawing of [across, down]) expect(drawing.match(/<a [^>]*class="tl-mark[^"]*"[^>]*>/g) ?? []).toHaveLength(fixtureArchive().events.length);
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
