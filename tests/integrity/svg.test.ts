/**
 * Pictures built from titles stay well-formed: every SVG the build writes (the ready-made
 * images, the favicon, any other) parses as XML with a strict parser, carries no stylesheet
 * or custom property (colours and fonts are on the elements, for librsvg, Inkscape and
 * presentation software), and a title holding `<`, `&` or quotes comes out as text.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sax from 'sax';
import { dictionary } from '../../src/lib/i18n/en.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import Timeline from '../../src/components/timeline/Timeline.astro';
import { parsePalette, standaloneSvg } from '../../src/lib/timeline/standalone.ts';
import { fixtureArchive } from '../fixtures/timeline-fixture.ts';
import { ROOT } from '../helpers.ts';
import { builtSite, filesUnder } from './site.ts';

interface Parsed {
  error?: string;
  texts: string[];
  attributes: Record<string, string>[];
  elements: string[];
}

/** Parses with sax in strict mode: any well-formedness error is reported, with its line. */
function parseXml(xml: string): Parsed {
  const parser = sax.parser(true, { xmlns: false });
  const parsed: Parsed = { texts: [], attributes: [], elements: [] };
  parser.onerror = (error) => {
    parsed.error ??= error.message.replace(/\n/g, ' ');
    parser.resume();
  };
  parser.ontext = (text) => parsed.texts.push(text);
  parser.onopentag = (tag) => {
    parsed.elements.push(tag.name);
    parsed.attributes.push(tag.attributes as Record<string, string>);
  };
  parser.write(xml).close();
  return parsed;
}

const GLOBAL_CSS = readFileSync(join(ROOT, 'src/styles/global.css'), 'utf8');
const TIMELINE_CSS = readFileSync(join(ROOT, 'src/styles/timeline.css'), 'utf8');

describe('SVGs built from titles are well-formed XML', () => {
  const hostile = `Tom & Jerry's <b>"leak"</b> ]]> <!-- x --> &amp; \u0007bell`;
  let chart: string;
  beforeAll(async () => {
    // A real chart as Timeline.astro draws it, with an event title that needs escaping.
    const archive = fixtureArchive();
    (archive.events[0].data as { title: string }).title = hostile;
    const container = await AstroContainer.create();
    const html = await container.renderToString(Timeline, { props: { archive, id: 'fixture' } });
    chart = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`a title, key label, footnote and credit holding <, &, quotes and a control character yield a valid SVG (${scheme})`, () => {
      const svg = standaloneSvg({
        chart,
        title: hostile,
        subtitle: hostile,
        legend: [{ kind: 'leak', label: hostile }],
        key: { statuses: [{ status: 'alleged', label: hostile }], approximate: hostile, span: 'span', cluster: 'cluster' },
        footnote: hostile,
        credit: hostile,
        palette: parsePalette(GLOBAL_CSS, scheme),
        css: TIMELINE_CSS,
        site: 'https://example.org/a&b/',
      });
      const parsed = parseXml(svg);
      expect(parsed.error).toBeUndefined();
      const plain = hostile.replace('\u0007', '');
      // Title, subtitle, key label (kind and status), approximate, footnote, credit: all text, none markup.
      expect(parsed.texts.filter((t) => t === plain).length).toBeGreaterThanOrEqual(6);
      expect(parsed.elements).not.toContain('b');
      expect(parsed.attributes[0]['aria-label']).toBe(plain);
      // Links made absolute with the escaped site address.
      expect(parsed.attributes).toContainEqual(
        expect.objectContaining({ href: expect.stringMatching(/^https:\/\/example\.org\/a&b\/events\//) }),
      );
      // Colours and fonts on the elements: no stylesheet, no custom property, no currentColor.
      expect(parsed.elements).not.toContain('style');
      expect(svg).not.toMatch(/var\(--|currentcolor/i);
      const palette = parsePalette(GLOBAL_CSS, scheme);
      expect(parsed.attributes).toContainEqual(expect.objectContaining({ fill: palette['--kind-leak'] }));
      expect(parsed.attributes).toContainEqual(expect.objectContaining({ fill: palette['--bg'] }));
      expect(parsed.attributes).toContainEqual(expect.objectContaining({ 'font-family': expect.stringMatching(/sans-serif/) }));
    });
  }
});

describe('every SVG in the built site', () => {
  let dist: string;
  let svgs: string[];
  beforeAll(async () => {
    dist = await builtSite();
    svgs = filesUnder(dist)
      .filter((file) => file.endsWith('.svg'))
      .map((file) => join(dist, file));
  });

  it('there are ready-made pictures to check', () => {
    expect(svgs.filter((file) => file.includes('/images/')).length).toBeGreaterThanOrEqual(3);
  });

  it('each parses as XML with a strict parser', () => {
    const broken = svgs
      .map((file) => ({ file: relative(dist, file), error: parseXml(readFileSync(file, 'utf8')).error }))
      .filter((r) => r.error);
    expect(broken, broken.map((b) => `${b.file}: ${b.error}`).join('\n')).toEqual([]);
  });

  it('the ready-made pictures carry their colours and fonts inline, with a key for statuses, approximate dates and clusters', () => {
    for (const file of svgs.filter((f) => f.includes('/images/'))) {
      const svg = readFileSync(file, 'utf8');
      const name = relative(dist, file);
      expect(svg, name).not.toMatch(/<style|var\(--|currentcolor/i);
      // French pictures (/fr/images/) are keyed in French.
      const t = dictionary(name.startsWith('fr/') ? 'fr' : 'en');
      expect(svg, name).toContain(`>${t.statuses.alleged}</text>`);
      expect(svg, name).toContain(`>${t.chart.legendApproximate}</text>`);
      expect(svg, name).toContain(`>${t.chart.legendCluster.split(' (')[0]}`);
    }
  });
});
