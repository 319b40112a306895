/** Social cards, JSON-LD, oEmbed and the page addresses of each edition: pure builders. */
import sax from 'sax';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, CHART_BOX, cardBackground, cardOverlaySvg, cardSvg, wrapWords } from '../../../src/lib/reach/card.ts';
import { articleJsonLd, datasetJsonLd, jsonLdScript } from '../../../src/lib/reach/jsonld.ts';
import { oembedRich } from '../../../src/lib/reach/oembed.ts';
import { langOfPath, localizedPath, unlocalizedPath } from '../../../src/lib/i18n/routing.ts';
import { cardPaths, feedPaths, pageFeeds, pageKind } from '../../../src/lib/reach/paths.ts';

const wellFormed = (xml: string) => {
  const parser = sax.parser(true);
  let error: string | undefined;
  parser.onerror = (e) => {
    error ??= e.message;
    parser.resume();
  };
  parser.write(xml).close();
  return error;
};

const STANDALONE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="400"><text>Title</text><svg x="0" y="56" width="1000" ' +
  'height="200" viewBox="0 0 1000 200"><a href="/e/" data-event-id="x/one" transform="translate(100,50)"><path ' +
  'd="M0 0"/></a><a data-event-id="x/two" transform="translate(300,50)"><path d="M0 0"/></a></svg></svg>';
const COLOURS = { bg: '#fff', fg: '#111', muted: '#555', accent: '#05f' };
const BACKGROUND = { standalone: STANDALONE, site: 'Site', address: 'example.org', colours: COLOURS, font: 'DejaVu Sans, sans-serif' };

describe('social cards', () => {
  it('draw the chart in the same box on every card, and know where each mark lands', () => {
    const { svg, marks } = cardBackground(BACKGROUND);
    expect(wellFormed(svg)).toBeUndefined();
    expect(svg).toContain(`width="${CARD_WIDTH}" height="${CARD_HEIGHT}"`);
    const inner = /<svg x="[^>]*>/.exec(svg.slice(1))?.[0] ?? '';
    for (const part of [
      `x="${CHART_BOX.x}"`,
      `y="${CHART_BOX.y}"`,
      `width="${CHART_BOX.width}"`,
      `height="${CHART_BOX.height}"`,
      'preserveAspectRatio="xMidYMid meet"',
    ])
      expect(inner).toContain(part);
    // 1000 × 200 into 1120 × 262: scale 1.12, centred vertically.
    const scale = 1.12;
    const dy = CHART_BOX.y + (CHART_BOX.height - 200 * scale) / 2;
    expect(marks.get('x/two')!.x).toBeCloseTo(CHART_BOX.x + 300 * scale);
    expect(marks.get('x/two')!.y).toBeCloseTo(dy + 50 * scale);
  });

  it('an event card is its overlay over its incident background, with its mark ringed', () => {
    const { marks } = cardBackground(BACKGROUND);
    const svg = cardOverlaySvg(
      { title: 'An event', facts: 'Incident · T−2 d', colours: COLOURS, font: 'f', ring: marks.get('x/two') },
      { href: '../bg.png', key: 'en/backgrounds/x.svg' },
    );
    expect(wellFormed(svg)).toBeUndefined();
    expect(svg).toMatch(/^<svg [^>]*data-card-background="en\/backgrounds\/x.svg"/);
    expect(svg).toContain('<image href="../bg.png"');
    expect(svg).toMatch(new RegExp(`<circle cx="${marks.get('x/two')!.x.toFixed(1)}" cy="${marks.get('x/two')!.y.toFixed(1)}" r="13"`));
    expect(svg).not.toContain('data-event-id'); // the chart is not copied into each event's file
  });

  it('escape any title and cut a long one to three lines', () => {
    const title = `<b>&"x"</b> ${'word '.repeat(60)}`;
    const svg = cardSvg(cardBackground(BACKGROUND).svg, { title, colours: COLOURS, font: 'f' });
    expect(wellFormed(svg)).toBeUndefined();
    expect(svg).toContain('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
    expect(svg.match(/font-size="48"/g)).toHaveLength(3);
    expect(wrapWords(title, 40, 3).at(-1)).toMatch(/…$/);
    expect(wrapWords('short title', 40, 3)).toEqual(['short title']);
    expect(wrapWords('a'.repeat(50), 40, 3)).toEqual([`${'a'.repeat(39)}…`]);
  });
});

describe('JSON-LD', () => {
  it('cannot end its <script> whatever a title holds', () => {
    const text = jsonLdScript(
      articleJsonLd({
        headline: '</script><script>alert(1)</script>',
        description: '<!-- x',
        url: 'https://e.org/',
        dateModified: '2026-01-01',
        inLanguage: 'en',
        publisher: 'P',
        license: 'L',
        citations: [{ url: 'https://s.org/?a=1&b=2', title: 'T' }],
      }),
    );
    expect(text).not.toMatch(/[<>&]/);
    const data = JSON.parse(text);
    expect(data['@type']).toBe('Article');
    expect(data.headline).toBe('</script><script>alert(1)</script>');
    expect(data.citation).toEqual([{ '@type': 'CreativeWork', url: 'https://s.org/?a=1&b=2', name: 'T' }]);
  });

  it('describes the data as a Dataset with its downloads', () => {
    const data = datasetJsonLd({
      name: 'N',
      description: 'D',
      url: 'https://e.org/data/',
      license: 'L',
      creator: 'C',
      dateModified: '2026-01-01',
      inLanguage: 'en',
      distributions: [{ url: 'https://e.org/data/events.json', encodingFormat: 'application/json' }],
    });
    expect(data).toMatchObject({
      '@type': 'Dataset',
      distribution: [{ '@type': 'DataDownload', contentUrl: 'https://e.org/data/events.json' }],
    });
  });
});

describe('oembedRich', () => {
  it('answers type "rich" with an iframe of the embed, its text escaped', () => {
    const answer = oembedRich({
      title: 'A "quoted" <title>',
      embedUrl: 'https://e.org/embed/timeline/?incidents=a&theme=dark',
      height: 740,
      providerName: 'P',
      providerUrl: 'https://e.org/',
    });
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', width: 1000, height: 740 });
    expect(answer.html).toBe(
      '<iframe src="https://e.org/embed/timeline/?incidents=a&amp;theme=dark" title="A &quot;quoted&quot; ' +
        '&lt;title&gt;" width="1000" height="740" style="border:0;width:100%;max-width:100%" loading="lazy"></iframe>',
    );
  });
});

describe('addresses of each edition', () => {
  it('keep English at the root and French under /fr/', () => {
    // The reach addresses use the site's one definition of editions (src/lib/i18n/routing.ts).
    expect(localizedPath('en', '/events/')).toBe('/events/');
    expect(localizedPath('fr', '/events/')).toBe('/fr/events/');
    for (const [path, lang, plain] of [
      ['/fr/', 'fr', '/'],
      ['/fr', 'fr', '/'],
      ['/fresh/', 'en', '/fresh/'],
    ] as const) {
      expect(langOfPath(path)).toBe(lang);
      expect(unlocalizedPath(path)).toBe(plain);
    }
    expect(feedPaths.incident('fr', 'dnc-2016')).toBe('/feeds/fr/incidents/dnc-2016.xml');
    expect(cardPaths.event('fr', 'a/b')).toBe('/cards/fr/events/a/b.png');
    expect(cardPaths.site('fr')).toBe('/cards/fr/site.png');
  });

  it('tell a page kind from its path and list the feeds it announces', () => {
    expect(pageKind('/')).toEqual({ kind: 'home' });
    expect(pageKind('/events/dnc-2016/x/')).toEqual({ kind: 'event', id: 'dnc-2016/x' });
    expect(pageKind('/incidents/dnc-2016/')).toEqual({ kind: 'incident', id: 'dnc-2016' });
    expect(pageKind('/events/')).toEqual({ kind: 'other' });
    expect(pageFeeds('en', { kind: 'event', id: 'dnc-2016/x' }).map((f) => f.path)).toEqual([
      '/feeds/en/events.xml',
      '/feeds/en/incidents/dnc-2016.xml',
      '/feeds/en/corrections.xml',
    ]);
  });
});
