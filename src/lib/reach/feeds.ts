/**
 * The site's Atom feeds from the archive: new and changed events (by `reviewed`, the day an
 * editor last checked the event), site-wide and per incident, and corrections from the
 * project's history. Pure: addresses come from the caller's `absolute()`.
 */
import type { Archive, EventView } from '../archive.ts';
import type { Dictionary } from '../i18n/en.ts';
import { atomFeed, type AtomEntry } from './atom.ts';
import type { Correction } from './git-log.ts';
import { feedPaths, localePath, type Lang } from './paths.ts';

export interface FeedContext {
  lang: Lang;
  /** Site path (without base) → absolute URL. */
  absolute: (path: string) => string;
  t: Dictionary;
  siteName: string;
  rights?: string;
}

function eventEntry(event: EventView, archive: Archive, ctx: FeedContext): AtomEntry {
  const incident = archive.incident(event.incidentId);
  return {
    id: ctx.absolute(localePath(ctx.lang, event.url)),
    title: event.data.title,
    updated: event.data.reviewed,
    link: ctx.absolute(localePath(ctx.lang, event.url)),
    summary: `${incident ? `${incident.data.title}, ${event.offset.label}. ` : ''}${event.data.summary}`,
    categories: [
      { term: event.data.kind, label: ctx.t.kinds[event.data.kind] },
      { term: event.data.status, label: ctx.t.statuses[event.data.status] },
      ...(incident ? [{ term: incident.id, label: incident.data.title }] : []),
    ],
  };
}

/** New and changed events: the whole site, or one incident. */
export function eventsFeed(archive: Archive, ctx: FeedContext, incidentId?: string): string {
  const incident = incidentId ? archive.incident(incidentId) : undefined;
  if (incidentId && !incident) throw new Error(`no incident ${incidentId}`);
  const events = incident ? incident.events : archive.events;
  const self = incident ? feedPaths.incident(ctx.lang, incident.id) : feedPaths.events(ctx.lang);
  return atomFeed({
    id: ctx.absolute(self),
    title: `${incident ? ctx.t.reach.feedIncident(incident.data.title) : ctx.t.reach.feedEvents} · ${ctx.siteName}`,
    subtitle: ctx.t.reach.feedEventsSubtitle,
    self: ctx.absolute(self),
    alternate: ctx.absolute(localePath(ctx.lang, incident ? incident.url : '/events/')),
    author: { name: ctx.siteName, uri: ctx.absolute(localePath(ctx.lang, '/about/')) },
    lang: ctx.lang,
    rights: ctx.rights,
    entries: events.map((event) => eventEntry(event, archive, ctx)),
    fallbackUpdated: '2000-01-01',
  });
}

/** Corrections: one entry per commit marked `Correction: …`, linking the events it touched. */
export function correctionsFeed(corrections: readonly Correction[], archive: Archive, ctx: FeedContext & { commitUrl: (hash: string) => string }): string {
  const self = feedPaths.corrections(ctx.lang);
  return atomFeed({
    id: ctx.absolute(self),
    title: `${ctx.t.reach.feedCorrections} · ${ctx.siteName}`,
    subtitle: ctx.t.reach.feedCorrectionsSubtitle,
    self: ctx.absolute(self),
    alternate: ctx.absolute(localePath(ctx.lang, '/corrections/')),
    author: { name: ctx.siteName, uri: ctx.absolute(localePath(ctx.lang, '/about/')) },
    lang: ctx.lang,
    rights: ctx.rights,
    entries: corrections.map((c) => {
      const events = c.eventIds.map((id) => archive.event(id)).filter((e) => e !== undefined);
      return {
        id: ctx.commitUrl(c.hash),
        title: c.correction,
        updated: c.date,
        link: ctx.commitUrl(c.hash),
        summary: [c.subject, ...events.map((e) => e.data.title)].join(' · '),
        related: events.map((e) => ctx.absolute(localePath(ctx.lang, e.url))),
      };
    }),
    fallbackUpdated: '2000-01-01',
  });
}
