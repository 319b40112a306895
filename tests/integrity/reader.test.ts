/**
 * What a reader of the built site meets in the files themselves: prose that keeps its spaces
 * around code and links, the events CSV for spreadsheets (with and without a byte-order
 * mark), and the educator tools linked from every page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, htmlPages } from './site.ts';

let dist: string;
beforeAll(async () => {
  dist = await builtSite();
});

/** The page's main content as HTML, without scripts, styles and SVG. */
const main = (file: string) => {
  const html = readFileSync(join(dist, file), 'utf8');
  return html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/g, '');
};

describe('prose keeps its spaces', () => {
  it('no word is glued to the code, link or emphasis after or before it, on any page', () => {
    const glued: string[] = [];
    for (const file of htmlPages(dist)) {
      const html = main(file);
      for (const m of html.matchAll(/[A-Za-z,;:]<(code|a|strong|em)[ >]|<\/(code|a|strong|em)>[A-Za-z(]/g)) {
        glued.push(`${file}: …${html.slice(Math.max(0, m.index - 30), m.index + 30).replace(/\s+/g, ' ')}…`);
      }
    }
    expect(glued, glued.join('\n')).toEqual([]);
  });
});

describe('events.csv for spreadsheets', () => {
  it('events-excel.csv is events.csv after a UTF-8 byte-order mark; events.csv has none', () => {
    const plain = readFileSync(join(dist, 'data/events.csv'));
    const marked = readFileSync(join(dist, 'data/events-excel.csv'));
    expect([...plain.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect([...marked.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(marked.subarray(3).equals(plain), 'the same bytes after the byte-order mark').toBe(true);
    expect(main('data/index.html')).toContain('events-excel.csv');
  });
});

describe('educator tools are easy to find', () => {
  const tools = ['/embed/', '/handouts/', '/data/#pictures', '/data/'];
  it('every page links the embed builder, the handouts, the ready-made pictures and the data from its footer', () => {
    const missing: string[] = [];
    for (const file of htmlPages(dist)) {
      const html = readFileSync(join(dist, file), 'utf8');
      const footer = html.slice(html.indexOf('<footer'));
      if (file.replace(/^fr\//, '').startsWith('embed/timeline') || !html.includes('<footer')) continue;
      for (const tool of tools)
        if (!footer.includes(`href="${file.startsWith('fr/') ? '/fr' : ''}${tool}"`)) missing.push(`${file}: ${tool}`);
    }
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('the home page offers them in its content too', () => {
    const home = main('index.html');
    for (const tool of tools) expect(home).toContain(`href="${tool}"`);
  });

  it('the data page lists every ready-made picture', () => {
    const data = main('data/index.html');
    for (const picture of ['timeline', 'timeline-linear', 'timeline-calendar', 'timeline-macron-2017', 'timeline-dnc-2016']) {
      expect(data).toContain(`href="/images/${picture}.svg"`);
    }
  });
});
