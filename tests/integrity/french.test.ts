/**
 * The French edition as a reader meets it: every English page has its French twin under
 * /fr/ and back, linked both ways by hreflang and by the language switch; French pages say
 * lang="fr" and show no English interface word (content not yet translated is marked
 * lang="en" or is the archive's own English text, and does not count).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en.ts';
import { fr } from '../../src/lib/i18n/fr.ts';
import { foreignWords, pageLanguageText, words } from '../../src/lib/i18n/audit.ts';
import * as vocabulary from '../../src/lib/vocabulary.ts';
import { readBuilt } from './site.ts';

let dist: string;
let pages: string[];
let read: (file: string) => string;
beforeAll(async () => {
  ({ dist, pages, read } = await readBuilt());
});
const isFrench = (file: string) => file.startsWith('fr/');
/** "events/x/index.html" → "/events/x/". */
const pathOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;
const is404 = (file: string) => /(^|\/)404(\.html|\/index\.html)$/.test(file);
const isEmbedFrame = (file: string) => file.includes('embed/timeline/');

/** Quotations, which stay verbatim in their own language: « … » (or cut short by …), “ … ”, " … ". */
const QUOTATIONS = /«[^»]*(»|…|$)|“[^”]*”|"[^"]*"/g;

function alternates(html: string): Record<string, string> {
  const links = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)];
  return Object.fromEntries(links.map((m) => [m[1], new URL(m[2]).pathname]));
}

describe('every page has its twin in the other language', () => {
  it('each English page has a French page at /fr/… and each French page an English one', () => {
    const missing: string[] = [];
    for (const file of pages) {
      if (is404(file)) continue;
      const twin = isFrench(file) ? file.slice(3) : `fr/${file}`;
      if (!existsSync(join(dist, twin))) missing.push(`${file} → ${twin}`);
    }
    expect(pages.filter(isFrench).length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('pages link their twin with hreflang (and x-default to English), and the language switch leads to it', () => {
    const problems: string[] = [];
    for (const file of pages) {
      if (is404(file) || isEmbedFrame(file)) continue;
      const html = read(file);
      const own = pathOf(file);
      const english = isFrench(file) ? own.slice(3) : own;
      const french = `/fr${english}`;
      const found = alternates(html);
      if (found.en !== english || found.fr !== french || found['x-default'] !== english)
        problems.push(`${file}: hreflang ${JSON.stringify(found)}`);
      const other = isFrench(file) ? english : french;
      const lang = isFrench(file) ? 'en' : 'fr';
      if (!html.includes(`href="${other}" hreflang="${lang}" lang="${lang}" data-lang-switch`))
        problems.push(`${file}: no language switch to ${other}`);
    }
    expect(problems).toEqual([]);
  });

  it('French pages say lang="fr", English pages lang="en"', () => {
    const wrong = pages.filter((file) => !read(file).includes(`<html lang="${isFrench(file) ? 'fr' : 'en'}"`));
    expect(wrong).toEqual([]);
  });

  it('the sitemap lists both editions of a page, each with its alternate', () => {
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toMatch(/<loc>[^<]*\/fr\/methodology\/<\/loc>/);
    expect(sitemap).toMatch(/hreflang="fr" href="[^"]*\/fr\/events\/macron-2017\/emleaks-posted\/"/);
  });
});

/** The values the archive's files hold (kinds, statuses, roles…): a list of choices shows them after its French words, « Fuite (leak) ». */
const fileValues = new Set<string>((Object.values(vocabulary) as unknown[]).filter((v): v is readonly string[] => Array.isArray(v)).flat());
const withoutFileValue = (chunk: string) =>
  chunk.replace(/\s\(([\w-]+)\)$/, (whole, value: string) => (fileValues.has(value) ? '' : whole));

describe('French pages speak French', () => {
  /** Interface words only English uses; a few are the same in both languages' proper nouns. */
  /** Words that are French too, or parts of names French text keeps (the New York Times, Associated Press, Fox News). */
  const shared = ['table', 'citation', 'times', 'press', 'report', 'media', 'news', 'access', 'post', 'figure', 'exact'];
  const english = new Set([...foreignWords(en, fr)].filter((w) => !shared.includes(w)));

  /** The archive's own English text (titles, summaries, names, sources): content, not interface. */
  const contentStrings = () => {
    const strings = new Set<string>();
    const walk = (value: unknown) => {
      if (typeof value === 'string') {
        // Addresses are removed from pages before content is: keep the text around them.
        for (const part of value.split(/https?:\/\/\S+/))
          if (part.trim().length >= 4 && !/^[a-z0-9/_.:-]+$/.test(part.trim())) strings.add(part.trim());
      } else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    for (const file of ['data/events.json', 'data/incidents.json', 'data/actors.json']) walk(JSON.parse(read(file)));
    return [...strings].sort((a, b) => b.length - a.length);
  };

  it('the word list is not empty (it would find nothing otherwise)', () => {
    expect(english.size).toBeGreaterThan(200);
    expect([...english]).toContain('before');
    expect([...english]).not.toContain('vote');
  });

  it('no English interface word on any French page (text, aria-label, title, alt, placeholder)', () => {
    let content: string[] | undefined;
    const found: string[] = [];
    for (const file of pages.filter(isFrench)) {
      const chunks = pageLanguageText(read(file), 'fr');
      const suspicious = chunks
        .map(withoutFileValue)
        .filter((chunk) => [...words(chunk.replace(QUOTATIONS, ' '))].some((w) => english.has(w)));
      if (!suspicious.length) continue;
      content ??= contentStrings();
      for (const chunk of suspicious) {
        // Addresses, the site's own name, content text, and chart labels cut short from content text.
        if (chunk.endsWith('…') && content.some((text) => text.startsWith(chunk.slice(0, -1)))) continue;
        // Quotations stay verbatim in their own language.
        let rest = chunk
          .replace(/https?:\/\/\S+/g, ' ')
          .split('Election Integrity Timeline')
          .join(' ')
          .replace(QUOTATIONS, ' ');
        for (const text of content) if (rest.includes(text)) rest = rest.split(text).join(' ');
        const left = [...words(rest)].filter((w) => english.has(w));
        if (left.length) found.push(`${file}: ${left.join(', ')} in “${chunk.slice(0, 160)}”`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the data and contribute pages are French too, their form rows and no-JavaScript text included', () => {
    const found: string[] = [];
    let content: string[] | undefined;
    for (const file of ['fr/data/index.html', 'fr/contribute/index.html']) {
      const html = read(file);
      if (pageLanguageText(html, 'fr').join(' ').includes(fr.ui.englishOnly)) found.push(`${file}: still says it is in English only`);
      // What stays English is marked: the validator's messages, the dataset's citation.
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      const marked = [...main.matchAll(/<(\w+)[^>]*\slang="en"[^>]*>/g)].map((m) =>
        m[0].replace(/\s(class|aria-[\w-]+)="[^"]*"|\sdata-[\w-]+(="[^"]*")?/g, ''),
      );
      for (const tag of marked)
        if (!/^<(ul id="error-list"|pre) lang="en">$/.test(tag))
          found.push(`${file}: ${tag} marks more than messages or citations as English`);
      const chunks = pageLanguageText(html, 'fr', { keep: ['template', 'noscript'] });
      content ??= contentStrings();
      for (const chunk of chunks) {
        let rest = withoutFileValue(chunk)
          .split('Election Integrity Timeline')
          .join(' ')
          .replace(/«[^»]*(»|…|$)|“[^”]*”|"[^"]*"/g, ' ');
        // Incident titles and actor names in the form's lists are content.
        for (const text of content) if (rest.includes(text)) rest = rest.split(text).join(' ');
        const left = [...words(rest)].filter((w) => english.has(w));
        if (left.length) found.push(`${file}: ${left.join(', ')} in “${chunk.slice(0, 160)}”`);
      }
      expect(chunks.join(' ').length, file).toBeGreaterThan(2000);
    }
    expect(found).toEqual([]);
    // The form's script writes French too.
    expect(read('fr/contribute/index.html')).toContain(
      `data-texts="${JSON.stringify(fr.contribute.script).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`,
    );
  });

  it('French ready-made pictures are titled and keyed in French', () => {
    const svg = read('fr/images/timeline.svg');
    expect(svg).toContain('alignées sur le vote');
    expect(svg).toContain('date approximative');
    expect(svg).not.toContain('aligned on the vote');
  });
});
