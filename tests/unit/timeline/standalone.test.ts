import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Timeline from '../../../src/components/timeline/Timeline.astro';
import { escapeXml } from '../../../src/lib/escape.ts';
import { PALETTE_NAMES, parsePalette, standaloneSvg, type StandaloneOptions } from '../../../src/lib/timeline/standalone.ts';
import { EVENT_KINDS } from '../../../src/lib/vocabulary.ts';
import { fixtureArchive } from '../../fixtures/timeline-fixture.ts';
import { ROOT } from '../../helpers.ts';

const GLOBAL_CSS = readFileSync(join(ROOT, 'src/styles/global.css'), 'utf8');
const HEX = /^#[0-9a-f]{3,8}$/i;

describe('parsePalette(css, scheme)', () => {
  const snippet = `
    :root {
      color-scheme: light dark;
      --font-body: system-ui, sans-serif;
      --bg: light-dark(#fdfdfb, #15161a);
      --fg:light-dark( #111 ,#eee );
      --rule: #d6d4cc;
      --kind-leak: light-dark(#d55e00, #ff8a3d);
      --measure: 70ch;
      --link-alias: var(--fg);
    }
    @media print { :root { --bg: #fff; --fg: #000; } }`;

  it('takes the first value of light-dark() for light and the second for dark', () => {
    expect(parsePalette(snippet, 'light')).toEqual({ '--bg': '#fdfdfb', '--fg': '#111', '--rule': '#d6d4cc', '--kind-leak': '#d55e00' });
    expect(parsePalette(snippet, 'dark')).toEqual({ '--bg': '#15161a', '--fg': '#eee', '--rule': '#d6d4cc', '--kind-leak': '#ff8a3d' });
  });

  it('keeps the root definition over later (print) overrides, and skips what is not a colour', () => {
    const light = parsePalette(snippet, 'light');
    expect(light['--bg']).toBe('#fdfdfb');
    expect(light).not.toHaveProperty('--font-body');
    expect(light).not.toHaveProperty('--measure');
    expect(light).not.toHaveProperty('--link-alias');
  });

  it('reads every colour a standalone chart needs from src/styles/global.css, different in each scheme', () => {
    const light = parsePalette(GLOBAL_CSS, 'light');
    const dark = parsePalette(GLOBAL_CSS, 'dark');
    for (const name of PALETTE_NAMES) {
      expect(light[name], `${name} (light)`).toMatch(HEX);
      expect(dark[name], `${name} (dark)`).toMatch(HEX);
      expect(dark[name], `${name} is the same in both schemes`).not.toBe(light[name]);
    }
    expect(light['--bg']).toBe('#fdfdfb');
    expect(dark['--bg']).toBe('#15161a');
    // global.css's @media print block sets --bg: #fff later in the file; the screen palette wins.
    expect(GLOBAL_CSS).toMatch(/@media print[\s\S]*--bg:\s*#fff/);
  });
});

describe('escapeXml(text)', () => {
  it('escapes the characters that matter in XML text and attributes', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry's&lt;/a&gt;");
  });

  it('escapes & first, so that an entity is not unescaped by accident', () => {
    expect(escapeXml('&lt;')).toBe('&amp;lt;');
    expect(escapeXml('plain text, T−47 h')).toBe('plain text, T−47 h');
  });
});

describe('standaloneSvg(options)', () => {
  const chart =
    '<svg class="tl-svg" viewBox="0 0 1000 300" width="1000" height="300" role="group"><g class="tl-lanes"><a ' +
    'class="tl-mark kind-leak" href="/events/macron-2017/emleaks-posted/"><path d="M0,0"/></a><a ' +
    'href="https://example.org/x">outside</a></g></svg>';
  const base: StandaloneOptions = {
    chart,
    title: 'Title',
    legend: [
      { kind: 'leak', label: 'Leak' },
      { kind: 'blackout', label: 'Campaign silence' },
    ],
    credit: 'Election Integrity Timeline · content CC BY 4.0',
    palette: parsePalette(GLOBAL_CSS, 'light'),
    css: '.tl-svg { font: 12px/1 var(--font-body); }',
    site: 'https://example.edu/timeline/',
  };
  const attribute = (svg: string, name: string) => Number(new RegExp(`^<svg[^>]* ${name}="([\\d.]+)"`).exec(svg)?.[1]);

  it('is one <svg> with the title, the chart, the legend and the credit, in that order', () => {
    const svg = standaloneSvg({ ...base, subtitle: 'Sub' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(svg).toMatch(/<\/svg>$/);
    const order = [
      '>Title</text>',
      '>Sub</text>',
      '<svg x="0" y="56"',
      '>Leak</text>',
      '>Campaign silence</text>',
      '>Election Integrity Timeline · content CC BY 4.0</text>',
    ].map((part) => svg.indexOf(part));
    for (const index of order) expect(index).toBeGreaterThan(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(attribute(svg, 'width')).toBe(1000);
    expect(svg).toContain('aria-label="Title"');
  });

  it('escapes the title, subtitle, legend labels and credit', () => {
    const evil = '<script>alert(1)</script> & "quotes"';
    const svg = standaloneSvg({ ...base, title: evil, subtitle: evil, credit: evil, legend: [{ kind: 'leak', label: evil }] });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('"quotes"');
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;';
    // Title (text and aria-label), subtitle, legend, credit.
    expect(svg.split(escaped).length - 1).toBe(5);
  });

  it("makes the chart's site-relative links absolute, and leaves other links alone", () => {
    const svg = standaloneSvg(base);
    expect(svg).toContain('href="https://example.edu/timeline/events/macron-2017/emleaks-posted/"');
    expect(svg).not.toContain('href="/');
    expect(svg).toContain('href="https://example.org/x"');
    expect(standaloneSvg({ ...base, site: undefined })).toContain('href="/events/macron-2017/emleaks-posted/"');
  });

  it('writes plain colours and fonts on the elements: no stylesheet, no custom property, no currentColor', () => {
    const css =
      '.tl-svg { font: 12px/1 var(--font-body); } .tl-mark { color: var(--kind-color, var(--fg)); } .tl-mark path { ' +
      'fill: currentColor; stroke: var(--bg); } .tl-mark:hover path { fill: red; }';
    const svg = standaloneSvg({
      ...base,
      css,
      palette: { '--bg': '#010203', '--fg': '#111111', '--kind-leak': 'rgb(1, 2, 3)', '--unrelated': '#ffffff' },
    });
    expect(svg).not.toMatch(/<style|var\(--|currentcolor/i);
    expect(svg).not.toContain('#ffffff');
    // The leak mark's shape takes the leak colour (through --kind-color and currentColor); its outline the background.
    expect(svg).toContain('<path d="M0,0" fill="rgb(1, 2, 3)" stroke="#010203"/>');
    // Class names stay as names (nothing styles them); page plumbing goes, the event id stays.
    expect(svg).toContain('<a class="tl-mark kind-leak" href="https://example.edu/timeline/events/macron-2017/emleaks-posted/">');
    // A state (:hover) is not a picture's.
    expect(svg).not.toContain('fill="red"');
    // The page's background, and the font the chart's stylesheet names.
    expect(svg).toContain('<rect width="1000" height="');
    expect(svg).toMatch(/<rect width="1000" height="\d+" fill="#010203"\/>/);
    expect(svg).toMatch(/font-size="12px" font-family="system-ui[^"]*sans-serif"/);
  });

  it('grows in height with the rows of the legend, not in width', () => {
    const label = (i: number) => `A fairly long legend label ${i}`;
    const heights = [1, 4, 6, 12, 30].map((n) => {
      const svg = standaloneSvg({
        ...base,
        legend: Array.from({ length: n }, (_, i) => ({ kind: EVENT_KINDS[i % EVENT_KINDS.length], label: label(i) })),
      });
      expect(attribute(svg, 'width')).toBe(1000);
      expect(svg).toContain(`viewBox="0 0 1000 ${attribute(svg, 'height')}"`);
      // Every legend item stays inside the picture.
      for (const [, x] of svg.matchAll(/<g class="sa-key[^"]*" transform="translate\(([\d.]+),[\d.]+\)"><path/g))
        expect(Number(x) - 6 + 26 + label(0).length * 7).toBeLessThanOrEqual(1000);
      return attribute(svg, 'height');
    });
    // Four such items fit on one row; the fifth starts a second.
    expect(heights[1]).toBe(heights[0]);
    expect(heights[2]).toBe(heights[1] + 22);
    expect(heights[3]).toBeGreaterThan(heights[2]);
    expect(heights[4]).toBeGreaterThan(heights[3]);
    // The credit sits below the last legend row.
    const svg = standaloneSvg({ ...base, legend: Array.from({ length: 30 }, (_, i) => ({ kind: 'leak' as const, label: label(i) })) });
    const lastRow = Math.max(
      ...[...svg.matchAll(/<g class="sa-key[^"]*" transform="translate\([\d.]+,([\d.]+)\)"><path/g)].map((m) => Number(m[1])),
    );
    const legendTop = Number(/<g transform="translate\(0,([\d.]+)\)" font-size="12">/.exec(svg)![1]);
    const creditY = Number(/<text x="20" y="([\d.]+)" font-size="11"/.exec(svg)![1]);
    expect(creditY).toBeGreaterThan(legendTop + lastRow);
    expect(attribute(svg, 'height')).toBeGreaterThan(creditY);
  });

  it('wraps a real chart drawn by Timeline.astro, at its own size', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive: fixtureArchive(), id: 'fixture' } });
    const drawn = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    const [, width, height] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(drawn)!.map(Number);
    const svg = standaloneSvg({ ...base, chart: drawn });
    expect(svg).toContain(`<svg x="0" y="56" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`);
    expect(attribute(svg, 'height')).toBeGreaterThan(56 + height);
    // Every mark is drawn, as a link (those the chart folds into a cluster count are left out, as on the page).
    const clustered = drawn.match(/class="tl-mark[^"]*is-clustered/g)?.length ?? 0;
    expect(svg.match(/<a class="tl-mark[^"]*"[^>]* data-event-id="/g)).toHaveLength(fixtureArchive().events.length - clustered);
    expect(svg).not.toMatch(/href="\/(?!\/)/);
    expect(svg.match(/<svg\b/g)).toHaveLength(2);
    expect(svg.match(/<\/svg>/g)).toHaveLength(2);
  });
});
