/**
 * Addresses of what this block adds (feeds, social cards, oEmbed files, corrections), for
 * either edition. Site paths without the base (BASE_PATH): callers pass them through href().
 * The editions themselves (Lang, LANGS, localizedPath…) are defined once, in src/lib/i18n/routing.ts.
 */
import type { Archive } from '../archive.ts';
import type { Lang } from '../i18n/routing.ts';

/** The site paths of the Atom feeds, per edition. */
export const feedPaths = {
  events: (lang: Lang) => `/feeds/${lang}/events.xml`,
  incident: (lang: Lang, incidentId: string) => `/feeds/${lang}/incidents/${incidentId}.xml`,
  corrections: (lang: Lang) => `/feeds/${lang}/corrections.xml`,
};

/** Languages the social cards are drawn in; a page of another edition uses the English card. */
export const CARD_LANGS: readonly Lang[] = ['en', 'fr'];

/** The site paths of the social cards, per edition (English cards where an edition has none). */
export const cardPaths = {
  site: (lang: Lang) => `/cards/${CARD_LANGS.includes(lang) ? lang : 'en'}/site.png`,
  incident: (lang: Lang, incidentId: string) => `/cards/${CARD_LANGS.includes(lang) ? lang : 'en'}/incidents/${incidentId}.png`,
  /** Event ids are "<incident>/<slug>". An untranslated event has no card of its own in another edition: the English one. */
  event: (lang: Lang, eventId: string, translated = true) =>
    `/cards/${CARD_LANGS.includes(lang) && translated ? lang : 'en'}/events/${eventId}.png`,
};

/**
 * An event's card in an edition: its own when the event is translated into that edition,
 * else the English card (its title would be English anyway; each card costs ~0.15 s of build).
 */
export function eventCardPath(archive: Pick<Archive, 'localizedEvent'>, lang: Lang, eventId: string): string {
  const status = lang === 'en' ? 'original' : archive.localizedEvent(eventId, lang)?.translation?.status;
  return cardPaths.event(lang, eventId, status !== undefined && status !== 'missing');
}

/** Static oEmbed answers, one per page that holds a default chart (home, incidents). */
export const oembedPaths = {
  home: (lang: Lang) => `/oembed/${lang}/home.json`,
  incident: (lang: Lang, incidentId: string) => `/oembed/${lang}/incidents/${incidentId}.json`,
};

/** What a page shows, for the card and feed it links to. */
export type PageKind =
  | { kind: 'home' }
  | { kind: 'incident'; id: string }
  | { kind: 'event'; id: string }
  | { kind: 'data' }
  | { kind: 'other' };

/** What a page is, from its path without the base and the language ("/events/dnc-2016/x/"). */
export function pageKind(path: string): PageKind {
  if (path === '/' || path === '') return { kind: 'home' };
  if (path === '/data/') return { kind: 'data' };
  let m = /^\/incidents\/([a-z0-9-]+)\/$/.exec(path);
  if (m) return { kind: 'incident', id: m[1] };
  m = /^\/events\/([a-z0-9-]+\/[a-z0-9-]+)\/$/.exec(path);
  if (m) return { kind: 'event', id: m[1] };
  return { kind: 'other' };
}

/** Site-wide and per-page feeds a page announces in its <head>. */
export function pageFeeds(
  lang: Lang,
  page: PageKind,
  incidentOf?: (eventId: string) => string | undefined,
): { path: string; kind: 'events' | 'incident' | 'corrections'; id?: string }[] {
  const feeds: { path: string; kind: 'events' | 'incident' | 'corrections'; id?: string }[] = [
    { path: feedPaths.events(lang), kind: 'events' },
  ];
  const incident =
    page.kind === 'incident' ? page.id : page.kind === 'event' ? (incidentOf?.(page.id) ?? page.id.split('/')[0]) : undefined;
  if (incident) feeds.push({ path: feedPaths.incident(lang, incident), kind: 'incident', id: incident });
  feeds.push({ path: feedPaths.corrections(lang), kind: 'corrections' });
  return feeds;
}
