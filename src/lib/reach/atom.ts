/**
 * Atom feeds (RFC 4287) as text: a pure generator, so that any title, summary or commit
 * message — data from strangers — yields well-formed XML. Every text is escaped, every
 * control character that XML 1.0 forbids is dropped, and the feed carries the elements
 * the RFC requires: feed id, title, updated and author; entry id, title, updated and a link.
 */
import { escapeXml } from '../escape.ts';

/** An Atom person: a name and an optional address. */
export interface AtomPerson {
  name: string;
  uri?: string;
}

/** One entry of an Atom feed. */
export interface AtomEntry {
  /** A permanent IRI: the same entry keeps the same id when it changes. */
  id: string;
  title: string;
  /** RFC 3339 date-time, or a YYYY-MM-DD day (read as midnight UTC). */
  updated: string;
  /** First publication, when known. */
  published?: string;
  /** The page of the entry (rel="alternate"). */
  link: string;
  summary?: string;
  /** BCP 47 tag of the title and of the summary when it differs from the feed's (an untranslated entry). */
  titleLang?: string;
  summaryLang?: string;
  categories?: { term: string; label?: string }[];
  /** Other links (related pages, a diff). */
  related?: string[];
}

/** An Atom feed: its id, title, links, author, language and entries. */
export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address (rel="self"). */
  self: string;
  /** The HTML page the feed follows (rel="alternate"). */
  alternate: string;
  author: AtomPerson;
  /** BCP 47 tag of the feed's text. */
  lang: string;
  rights?: string;
  entries: AtomEntry[];
  /** When the feed has no entries: its updated date (else the newest entry's). */
  fallbackUpdated?: string;
}

/** An RFC 3339 date-time for Atom: a bare day becomes midnight UTC; anything unreadable throws. */
export function atomDate(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(day) ? Date.parse(day) : Number.NaN;
  if (Number.isNaN(time)) throw new Error(`not a date: ${JSON.stringify(value)}`);
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

const newest = (dates: string[]) => dates.map(atomDate).sort().at(-1);

/** Entries newest first, by `updated` (ties: by id, so the output is deterministic). */
export function sortEntries(entries: AtomEntry[]): AtomEntry[] {
  if (entries.length < 2) return [...entries];
  // Each entry's date read once, not at each of the sort's comparisons (a feed of every event sorts thousands).
  const updated = new Map(entries.map((entry) => [entry, atomDate(entry.updated)]));
  return [...entries].sort((a, b) => updated.get(b)!.localeCompare(updated.get(a)!) || a.id.localeCompare(b.id));
}

/** The XML text of an Atom feed, entries newest first. */
export function atomFeed(feed: AtomFeed): string {
  const entries = sortEntries(feed.entries);
  const updated = newest(entries.map((e) => e.updated)) ?? atomDate(feed.fallbackUpdated ?? '1970-01-01');
  const lang = (tag: string | undefined) => (tag && tag !== feed.lang ? ` xml:lang="${escapeXml(tag)}"` : '');
  const person = (p: AtomPerson) => `<name>${escapeXml(p.name)}</name>${p.uri ? `<uri>${escapeXml(p.uri)}</uri>` : ''}`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${updated}</updated>`,
    `  <author>${person(feed.author)}</author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    ...(feed.rights ? [`  <rights>${escapeXml(feed.rights)}</rights>`] : []),
  ];
  for (const entry of entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title${lang(entry.titleLang)}>${escapeXml(entry.title)}</title>`,
      `    <updated>${atomDate(entry.updated)}</updated>`,
      ...(entry.published ? [`    <published>${atomDate(entry.published)}</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      ...(entry.related ?? []).map((href) => `    <link rel="related" href="${escapeXml(href)}"/>`),
      ...(entry.categories ?? []).map(
        (c) => `    <category term="${escapeXml(c.term)}"${c.label ? ` label="${escapeXml(c.label)}"` : ''}/>`,
      ),
      ...(entry.summary ? [`    <summary type="text"${lang(entry.summaryLang)}>${escapeXml(entry.summary)}</summary>`] : []),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
