/**
 * Reader reach on the built site: every page has link-preview tags whose picture exists and
 * is a 1200 × 630 PNG; every event and incident has its own card; every Atom feed parses and
 * carries what RFC 4287 requires; pages announce only feeds and oEmbed files that exist;
 * JSON-LD is Dataset on /data/ and Article with the sources as citations on event pages; the
 * search index and its filters are written; event pages show their history (or say it is
 * unavailable); /corrections/ lists corrections.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { atomProblems, child, children, parseAtom } from '../unit/reach/atom-check.ts';
import { filesUnder, readBuilt } from './site.ts';

let dist: string;
let pages: string[];
let read: (file: string) => string;
beforeAll(async () => {
  ({ dist, pages, read } = await readBuilt());
});
const metas = (html: string) => {
  const out = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const key = /(?:property|name)="([^"]+)"/.exec(tag)?.[1];
    const content = /content="([^"]*)"/.exec(tag)?.[1];
    if (key && content !== undefined && !out.has(key))
      out.set(
        key,
        content
          .replace(/&amp;/g, '&')
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"'),
      );
  }
  return out;
};
const links = (html: string, type: string) =>
  [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => tag.includes(`type="${type}"`))
    .map((tag) => /href="([^"]+)"/.exec(tag)![1]);
/** The built file an address of this site points to. */
const fileOf = (address: string) => {
  const path = decodeURI(new URL(address, 'https://election-integrity-timeline.github.io/').pathname);
  return path.endsWith('/') ? `${path}index.html`.slice(1) : path.slice(1);
};
const pngSize = (file: string) => {
  const bytes = readFileSync(join(dist, file));
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};
const eventPages = () => pages.filter((p) => /^events\/[^/]+\/[^/]+\/index\.html$/.test(p));
const incidentPages = () => pages.filter((p) => /^incidents\/[^/]+\/index\.html$/.test(p));
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]));

describe('link previews', () => {
  it('every page has Open Graph and Twitter card tags, and its picture is a 1200 × 630 PNG in the build', () => {
    const problems: string[] = [];
    const seen = new Map<string, { width: number; height: number }>();
    for (const page of pages) {
      const m = metas(read(page));
      for (const key of ['og:title', 'og:type', 'og:url', 'og:image', 'og:image:alt', 'twitter:card', 'twitter:image'])
        if (!m.get(key)) problems.push(`${page}: no ${key}`);
      const image = m.get('og:image');
      if (!image) continue;
      const file = fileOf(image);
      if (!existsSync(join(dist, file))) {
        problems.push(`${page}: og:image ${image} is not in the build`);
        continue;
      }
      if (!seen.has(file)) seen.set(file, pngSize(file));
      const size = seen.get(file)!;
      if (size.width !== 1200 || size.height !== 630) problems.push(`${file} is ${size.width}×${size.height}`);
    }
    expect(problems).toEqual([]);
  });

  it('an event or incident page shows its own card, not the site card', () => {
    expect(eventPages().length).toBeGreaterThan(50);
    for (const page of [...eventPages(), ...incidentPages()]) {
      const id = page.replace(/\/index\.html$/, '');
      expect(metas(read(page)).get('og:image')).toMatch(new RegExp(`/cards/en/${id}\\.png$`));
    }
  });
});

describe('Atom feeds', () => {
  it('each feed parses and has the elements RFC 4287 requires', () => {
    const feeds = filesUnder(dist).filter((f) => f.startsWith('feeds/') && f.endsWith('.xml'));
    expect(feeds).toEqual(
      expect.arrayContaining([
        'feeds/en/events.xml',
        'feeds/fr/events.xml',
        'feeds/en/corrections.xml',
        'feeds/en/incidents/dnc-2016.xml',
        'feeds/en/incidents/macron-2017.xml',
      ]),
    );
    for (const file of feeds) expect(atomProblems(parseAtom(read(file))), file).toEqual([]);
  });

  it('the site feed has one entry per event page, newest review first, and each incident feed its own events', () => {
    const feed = parseAtom(read('feeds/en/events.xml'));
    const entries = children(feed, 'entry');
    expect(entries).toHaveLength(eventPages().length);
    const updated = entries.map((e) => child(e, 'updated')!.text);
    expect(updated).toEqual([...updated].sort().reverse());
    for (const entry of entries)
      expect(existsSync(join(dist, fileOf(child(entry, 'link')!.attributes.href))), child(entry, 'id')!.text).toBe(true);
    const dnc = children(parseAtom(read('feeds/en/incidents/dnc-2016.xml')), 'entry');
    expect(dnc.length).toBe(eventPages().filter((p) => p.startsWith('events/dnc-2016/')).length);
  });

  it('pages announce feeds that exist', () => {
    for (const page of pages) {
      for (const href of links(read(page), 'application/atom+xml'))
        expect(existsSync(join(dist, fileOf(href))), `${page} → ${href}`).toBe(true);
    }
    expect(links(read('incidents/dnc-2016/index.html'), 'application/atom+xml')).toContain('/feeds/en/incidents/dnc-2016.xml');
  });
});

describe('the French edition', () => {
  const frEventPages = () => pages.filter((p) => /^fr\/events\/[^/]+\/[^/]+\/index\.html$/.test(p));
  const frIncidentPages = () => pages.filter((p) => /^fr\/incidents\/[^/]+\/index\.html$/.test(p));
  const frTitle = (page: string) =>
    /<h1[^>]*>([\s\S]*?)<\/h1>/
      .exec(read(page))![1]
      .replace(/<[^>]+>/g, '')
      .trim()
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  it('French pages show French cards: their own event or incident card, drawn under /cards/fr/', () => {
    expect(frEventPages().length).toBe(eventPages().length);
    for (const page of [...frEventPages(), ...frIncidentPages()]) {
      const id = page.replace(/^fr\//, '').replace(/\/index\.html$/, '');
      const image = metas(read(page)).get('og:image')!;
      expect(image, page).toMatch(new RegExp(`/cards/fr/${id}\\.png$`));
      expect(pngSize(fileOf(image))).toEqual({ width: 1200, height: 630 });
    }
    expect(metas(read('fr/index.html')).get('og:image')).toMatch(/\/cards\/fr\/site\.png$/);
  });

  it('the French card is drawn from French text (its SVG holds the French title)', () => {
    const page = frEventPages().find((p) => p.includes('emleaks')) ?? frEventPages()[0];
    const id = page.replace(/^fr\//, '').replace(/\/index\.html$/, '');
    const svg = read(`cards/fr/${id}.svg`);
    const english = read(`cards/en/${id}.svg`);
    expect(svg).not.toBe(english);
    expect(read(`cards/fr/incidents/macron-2017.svg`)).toContain('événements');
  });

  it('French feeds are marked French, speak French and link to /fr/ pages', () => {
    for (const file of [
      'feeds/fr/events.xml',
      'feeds/fr/corrections.xml',
      'feeds/fr/incidents/dnc-2016.xml',
      'feeds/fr/incidents/macron-2017.xml',
    ]) {
      const feed = parseAtom(read(file));
      expect(atomProblems(feed), file).toEqual([]);
      expect(feed.attributes['xml:lang'], file).toBe('fr');
      expect(children(feed, 'link').find((l) => l.attributes.rel === 'alternate')!.attributes.href, file).toMatch(/\/fr\//);
    }
    const feed = parseAtom(read('feeds/fr/events.xml'));
    expect(child(feed, 'title')!.text).toMatch(/^Événements nouveaux et modifiés/);
    const entries = children(feed, 'entry');
    expect(entries).toHaveLength(frEventPages().length);
    for (const entry of entries) {
      const link = child(entry, 'link')!.attributes.href;
      expect(link).toMatch(/\/fr\/events\//);
      const page = fileOf(link);
      expect(existsSync(join(dist, page)), link).toBe(true);
      // The entry's title is the French page's title, or the English one marked as English.
      const title = child(entry, 'title')!;
      if (title.attributes['xml:lang'] !== 'en') expect(title.text, link).toBe(frTitle(page));
    }
  });

  it('French oEmbed answers have a French title and frame the French embed', () => {
    for (const page of ['fr/index.html', ...frIncidentPages()]) {
      const [href] = links(read(page), 'application/json+oembed');
      expect(href, page).toMatch(/\/oembed\/fr\//);
      const answer = JSON.parse(read(fileOf(href)));
      const src = /<iframe src="([^"]+)"/.exec(answer.html)![1].replace(/&amp;/g, '&');
      expect(new URL(src).pathname, page).toBe('/fr/embed/timeline/');
      expect(existsSync(join(dist, fileOf(src))), src).toBe(true);
      expect(answer.thumbnail_url).toMatch(/\/cards\/fr\//);
    }
    expect(JSON.parse(read('oembed/fr/home.json')).title).toMatch(/opérations de piratage/);
    expect(JSON.parse(read('oembed/fr/incidents/macron-2017.json')).title).toBe(
      `Election Integrity Timeline\u202f: ${frTitle('fr/incidents/macron-2017/index.html')}`,
    );
  });
});

describe('oEmbed', () => {
  it('the home and incident pages point to a static "rich" answer whose iframe is the default embed', () => {
    for (const page of ['index.html', ...incidentPages()]) {
      const [href] = links(read(page), 'application/json+oembed');
      expect(href, page).toBeDefined();
      const answer = JSON.parse(read(fileOf(href)));
      expect(answer).toMatchObject({ version: '1.0', type: 'rich' });
      const src = /<iframe src="([^"]+)"/.exec(answer.html)![1].replace(/&amp;/g, '&');
      expect(existsSync(join(dist, fileOf(src))), src).toBe(true);
      expect(existsSync(join(dist, fileOf(answer.thumbnail_url))), answer.thumbnail_url).toBe(true);
    }
    expect(links(read('events/index.html'), 'application/json+oembed')).toEqual([]);
  });
});

describe('JSON-LD', () => {
  it('is a Dataset on /data/ with its downloads, which exist', () => {
    const [dataset] = jsonLd(read('data/index.html'));
    expect(dataset['@type']).toBe('Dataset');
    for (const d of dataset.distribution) expect(existsSync(join(dist, fileOf(d.contentUrl))), d.contentUrl).toBe(true);
  });

  it('is an Article on each event page, citing each of its sources', () => {
    for (const page of eventPages()) {
      const html = read(page);
      const [article] = jsonLd(html);
      expect(article['@type'], page).toBe('Article');
      const sources = html.match(/<li id="source-\d+"/g)?.length ?? 0;
      expect(sources, page).toBeGreaterThanOrEqual(1);
      expect(article.citation.length, page).toBe(sources);
    }
  });
});

describe('search index', () => {
  it('is written, and each event page carries its incident, kind, status and actor filters', () => {
    expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
    expect(filesUnder(dist)).toContainEqual(expect.stringMatching(/^pagefind\/pagefind\.en_[0-9a-f]+\.pf_meta$/));
    for (const page of eventPages()) {
      const html = read(page);
      for (const name of ['incident', 'kind', 'status'])
        expect(html, `${page}: ${name}`).toContain(`data-pagefind-filter="${name}[data-value]"`);
    }
  });
});

describe('history', () => {
  it('each event page has a history section: the list of changes, or "history unavailable"', () => {
    for (const page of eventPages())
      expect(read(page), page).toMatch(/<section aria-labelledby="history-heading"[^>]*>.*data-history="(list|none|unavailable)"/s);
  });

  it('/corrections/ exists and links its feed', () => {
    const html = read('corrections/index.html');
    expect(html).toMatch(/data-history="(list|none|unavailable)"/);
    expect(html).toContain('href="/feeds/en/corrections.xml"');
  });
});
