/**
 * The weekly check of every source address (.github/workflows/source-links.yml): which
 * source URLs no longer answer, and an issue body listing them with their archived copy or,
 * where none is recorded, a Wayback Machine search ("look for archived copies": a search,
 * never presented as a copy). The checking itself is linkinator's.
 */
import { LinkChecker, LinkState, type CheckOptions } from 'linkinator';
import type { Archive } from '../../src/lib/archive.ts';
import { archiveLookupUrl } from '../../src/lib/archive-lookup.ts';

/** A source address and the events that cite it. */
export interface SourceLink {
  url: string;
  archived?: string;
  events: string[];
}

export interface DeadLink extends SourceLink {
  /** HTTP status, or 0 when the host did not answer at all. */
  status: number;
}

/** Marks the one issue the workflow keeps up to date. */
export const ISSUE_MARKER = '<!-- source-link-check -->';
export const ISSUE_TITLE = 'Dead source links';
export const ISSUE_LABEL = 'dead-source-links';

/**
 * How the addresses are checked. Many news sites refuse robots with 403 or 429 (and
 * LinkedIn-style 999); those say nothing about whether the page exists, so they are not
 * reported as dead. Redirects are followed: a moved page is not a dead one.
 */
export const LINK_CHECK_OPTIONS: Omit<CheckOptions, 'path'> = {
  recurse: false,
  concurrency: 8,
  timeout: 30_000,
  retry: true,
  retryErrors: true,
  retryErrorsCount: 2,
  redirects: 'allow',
  userAgent: 'Mozilla/5.0 (compatible; election-integrity-timeline source check)',
  statusCodes: { '403': 'skip', '429': 'skip', '999': 'skip' },
};

/** Every distinct source address, with the events citing it, in address order. */
export function sourceLinks(archive: Archive): SourceLink[] {
  const byUrl = new Map<string, SourceLink>();
  for (const event of archive.events) {
    for (const source of event.data.sources) {
      const link = byUrl.get(source.url) ?? { url: source.url, events: [] };
      if (source.archived) link.archived ??= source.archived;
      if (!link.events.includes(event.id)) link.events.push(event.id);
      byUrl.set(source.url, link);
    }
  }
  return [...byUrl.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** Checks each address once (links inside the pages are not followed) and returns the dead ones. */
export async function checkSourceLinks(links: SourceLink[], options: Partial<CheckOptions> = {}): Promise<DeadLink[]> {
  const wanted = new Map(links.map((link) => [link.url, link]));
  const result = await new LinkChecker().check({
    ...LINK_CHECK_OPTIONS,
    ...options,
    path: [...wanted.keys()],
    // Only the sources themselves: never the links found inside them.
    linksToSkip: async (url) => !wanted.has(url),
  });
  const dead = new Map<string, DeadLink>();
  for (const checked of result.links) {
    const link = wanted.get(checked.url);
    if (link && checked.state === LinkState.BROKEN) dead.set(link.url, { ...link, status: checked.status ?? 0 });
  }
  return [...dead.values()].sort((a, b) => (a.url < b.url ? -1 : 1));
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The issue body: the dead addresses, where they are cited, and where to find a copy. */
export function deadLinksIssueBody(dead: DeadLink[], checked: number, { date, siteUrl }: { date: string; siteUrl: string }): string {
  const eventUrl = (id: string) => `${siteUrl.replace(/\/$/, '')}/events/${id}/`;
  const rows = dead.map((link) => {
    const archive = link.archived
      ? `[archived copy](${link.archived})`
      : `[look for archived copies](${archiveLookupUrl(link.url)}) (a search, not a copy)`;
    const events = link.events.map((id) => `[${id}](${eventUrl(id)})`).join('<br>');
    return `| ${cell(link.url)} | ${link.status || 'no answer'} | ${events} | ${archive} |`;
  });
  return [
    ISSUE_MARKER,
    `The weekly check of ${checked} source addresses on ${date} found ${dead.length} that did not answer. This issue ` +
      `is updated by the workflow \`source-links\`; it is closed when every address answers again.`,
    '',
    'For each: find a working copy (the archived copy, or one found through the archive search), add it as ' +
      '`archived:` to the source, or replace the source, and run `npm run validate`. Never add an address you have not opened.',
    '',
    '| Address | Status | Cited by | Archive |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
