/** The Atom generator: RFC 4287's required elements, well-formed XML whatever the text, entries newest first. */
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../../src/lib/escape.ts';
import { atomDate, atomFeed, type AtomFeed } from '../../../src/lib/reach/atom.ts';
import { atomProblems, child, children, parseAtom } from './atom-check.ts';

const FEED: AtomFeed = {
  id: 'https://example.org/feeds/en/events.xml',
  title: 'Events',
  self: 'https://example.org/feeds/en/events.xml',
  alternate: 'https://example.org/events/',
  author: { name: 'Site' },
  lang: 'en',
  entries: [
    { id: 'https://example.org/events/a/', title: 'Old', updated: '2020-01-01', link: 'https://example.org/events/a/' },
    { id: 'https://example.org/events/b/', title: 'New', updated: '2024-05-06', link: 'https://example.org/events/b/', summary: 'S' },
  ],
};

describe('atomFeed', () => {
  it('has every element RFC 4287 requires, with the newest entry first and the feed updated at the newest date', () => {
    const feed = parseAtom(atomFeed(FEED));
    expect(atomProblems(feed)).toEqual([]);
    expect(children(feed, 'entry').map((e) => child(e, 'title')!.text)).toEqual(['New', 'Old']);
    expect(child(feed, 'updated')!.text).toBe('2024-05-06T00:00:00Z');
  });

  it('stays well-formed and keeps the text whatever a title, a summary or an address holds', () => {
    const hostile = '</title><script>alert(1)</script> & "quotes" \u0000\u0007 ]]> <![CDATA[ x';
    const xml = atomFeed({
      ...FEED,
      title: hostile,
      entries: [
        {
          id: 'https://example.org/?a=1&b=2',
          title: hostile,
          updated: '2024-01-01T10:00:00+02:00',
          link: 'https://example.org/?a=1&b="2"',
          summary: hostile,
        },
      ],
    });
    const feed = parseAtom(xml);
    expect(atomProblems(feed)).toEqual([]);
    expect(xml).not.toContain('<script>');
    const entry = child(feed, 'entry')!;
    expect(child(entry, 'title')!.text).toBe('</title><script>alert(1)</script> & "quotes"  ]]> <![CDATA[ x');
    expect(child(entry, 'link')!.attributes.href).toBe('https://example.org/?a=1&b="2"');
    expect(child(entry, 'updated')!.text).toBe('2024-01-01T08:00:00Z');
  });

  it('gives an empty feed a fixed updated date', () => {
    const feed = parseAtom(atomFeed({ ...FEED, entries: [], fallbackUpdated: '2000-01-01' }));
    expect(atomProblems(feed)).toEqual([]);
    expect(child(feed, 'updated')!.text).toBe('2000-01-01T00:00:00Z');
  });

  it('refuses a date it cannot read rather than writing a wrong one', () => {
    expect(() => atomDate('May 2017?')).toThrow(/not a date/);
    expect(escapeXml('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
  });
});
