/**
 * The built site: one page per event, honest dates. (A build that refuses bad content:
 * tests/builds/refused.test.ts.)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { ROOT } from '../helpers.ts';
import { scanTags } from '../../scripts/lib/html.ts';
import { builtSite, htmlPages } from './site.ts';

const report = validateContent(ROOT);

let DIST: string;
beforeAll(async () => {
  DIST = await builtSite();
});

const page = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');

describe('the built site', () => {
  it('has exactly one page per event file, and no page without a file', () => {
    const expected = report.files.events.map((file) => file.replace(/^src\/content\/events\//, '').replace(/\.mdx$/, '')).sort();
    const built = readdirSync(join(DIST, 'events'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((incident) =>
        readdirSync(join(DIST, 'events', incident.name), { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(join(DIST, 'events', incident.name, d.name, 'index.html')))
          .map((d) => `${incident.name}/${d.name}`),
      )
      .sort();
    expect(built).toEqual(expected);
  });

  it('dates every event page with <time datetime> as written, and the offset from the vote', () => {
    for (const entry of report.events) {
      const html = page(`events/${entry.id}`);
      expect(html, entry.id).toContain(`<time datetime="${entry.data.date}">`);
      expect(html, entry.id).toContain(`data-event-id="${entry.id}"`);
      expect(html, entry.id).toMatch(/T[−+±]\d|vote (day|month|year)/);
    }
  });

  it('shows the Macron dump in Paris time, in UTC and as T−47 h', () => {
    const html = page('events/macron-2017/emleaks-posted');
    expect(html).toContain('c. 5 May 2017, 20:35 Paris time');
    expect(html).toContain('5 May 2017, 18:35 UTC');
    expect(html).toContain('T−47 h');
  });

  it('lists numbered sources, a citation, and a correction link on event pages', () => {
    const html = page('events/macron-2017/en-marche-statement');
    expect(html).toMatch(/<ol class="sources">\s*<li id="source-1">/);
    expect(html).toContain('@misc{eit-macron-2017-en-marche-statement,');
    expect(html).toMatch(/href="https:\/\/github\.com\/[^"]+\/edit\/main\/src\/content\/events\/macron-2017\/en-marche-statement\.mdx"/);
  });

  it('builds incident, actor, index, methodology and about pages', () => {
    for (const path of [
      '',
      'events',
      'incidents',
      'incidents/macron-2017',
      'incidents/dnc-2016',
      'actors',
      'actors/apt28',
      'methodology',
      'about',
    ]) {
      expect(page(path), path).toContain('<main id="main"');
    }
    expect(page('actors/apt28')).toContain('Attributions received');
    expect(page('methodology')).toContain('id="status-disputed"');
  });

  it('publishes the data files and the /data/ page, linked from every footer', () => {
    const events = JSON.parse(readFileSync(join(DIST, 'data/events.json'), 'utf8'));
    expect(events.count).toBe(report.events.length);
    expect(events.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const csv = readFileSync(join(DIST, 'data/events.csv'), 'utf8');
    expect(csv).toMatch(/^id,incident,kind,title,/);
    expect(JSON.parse(readFileSync(join(DIST, 'data/stix.json'), 'utf8')).type).toBe('bundle');
    for (const file of ['incidents.json', 'actors.json'])
      expect(JSON.parse(readFileSync(join(DIST, 'data', file), 'utf8')).count).toBeGreaterThan(0);
    const data = page('data');
    expect(data).toContain(`version      = {${events.generated}},`);
    expect(data).toContain('href="/schema/event.schema.json"');
    expect(page('about')).toMatch(/<nav aria-label="Footer">[\s\S]*href="\/data\/"/);
  });

  it('reads the footer with its spaces, in both editions (no "4.0;code" or "licence.Every")', () => {
    const footerText = (html: string) =>
      html
        .match(/<footer class="site-footer">[\s\S]*?<p>([\s\S]*?)<\/p>/)![1]
        .replace(/<[^>]+>/g, '')
        // Line breaks of the markup only: the narrow no-break space before a French semicolon stays.
        .replace(/[ \t\r\n]+/g, ' ')
        .trim();
    expect(footerText(page(''))).toMatch(/^Content under CC BY 4\.0; code under the MIT licence\. Every event links to its sources;/);
    expect(footerText(page('fr'))).toMatch(/^Contenu sous CC BY 4\.0\u202f; code sous licence MIT\. Chaque événement/);
  });

  it('opens no link in a new tab without noopener, and links sources over http(s) only', () => {
    for (const entry of report.events) {
      const html = page(`events/${entry.id}`);
      for (const tag of html.match(/<a [^>]*target="_blank"[^>]*>/g) ?? []) expect(tag).toMatch(/rel="[^"]*noopener/);
      for (const href of html.match(/href="[a-z]+:[^"]*"/gi) ?? []) expect(href).toMatch(/^href="(https?|mailto):/);
    }
  });

  it('never breaks a paragraph with a block: no quotation or list starts inside a <p> (the browser would cut the sentence there)', () => {
    const broken: string[] = [];
    for (const file of htmlPages(DIST)) {
      const tags = scanTags(readFileSync(join(DIST, file), 'utf8'));
      // The build writes every </p>; one the parser had to imply was ended by the block that follows it.
      tags.forEach((tag, i) => {
        if (tag.name === 'p' && tag.closing && tag.start === tag.end) broken.push(`${file}: <${tags[i + 1]?.name}> inside a paragraph`);
      });
    }
    expect(broken, 'pages where a block element splits a sentence').toEqual([]);
  });
});
