/**
 * Where a reader can look for archived copies of a source that has none recorded: the
 * Wayback Machine's list of captures of its address. It is a search, not a copy (there may
 * be none), so it is always labelled "look for archived copies", never "archived copy".
 */
export const WAYBACK_SEARCH = 'https://web.archive.org/web/*/';

/** The Wayback Machine search for `url` (its fragment dropped: captures are per address). */
export function archiveLookupUrl(url: string): string {
  return `${WAYBACK_SEARCH}${url.replace(/#.*$/, '')}`;
}

/** The lookup for a source, or undefined when an archived copy is already recorded. */
export function sourceArchiveLookup(source: { url: string; archived?: string }): string | undefined {
  return source.archived ? undefined : archiveLookupUrl(source.url);
}
