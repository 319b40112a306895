/**
 * The site's Atom feeds from the archive: new and changed events (by `reviewed`, the day an
 * editor last checked the event), site-wide and per incident, and corrections from the
 * project's history. Pure: addresses come from the caller's `absolute()`.
 */
import type { Archive, EventView } from '../archive.ts';
import type { Dictionary } from '../i18n/en.ts';
import { atomFeed, type AtomEntry } from './atom.ts';
import type { Correction } from './git-log.ts';
import { localizedPath, type Lang } from '../i18n/routing.ts';
import { feedPaths } from './paths.ts';

/** What the feeds need beyond the archive: the edition's language, absolute addresses and history. */
export interface FeedContext {
  lang: Lang;
  /** Site path (without base) → absolute URL. */
  absolute: (path: string) => string;
  t: Dictionary;
  siteName: string;
  rights?: string;
  /** The edition's archive (getLocalArchive), for offsets written in its language ("T−1 a"). */
  local?: Pick<Archive, 'event'>;
}

function eventEntry(event: EventView, archive: Archive, ctx: FeedContext): AtomEntry {
  // The edition's text where a translation exists; else the English text, marked as English.
  const loc = archive.localizedEvent(event.id, ctx.lang);
  const lang = loc?.lang ?? 'en';
  const incidentView = event.incident;
  // The summary is in one language: the incident's title in the event text's language.
  const incident = incidentView && (archive.localizedIncident(incidentView.id, lang) ?? { title: incidentView.data.title });
  const title = loc?.title ?? event.data.title;
  const summary = (loc ? loc.summary : event.data.summary) ?? event.data.summary;
  const categoryIncident = incidentView && (archive.localizedIncident(incidentView.id, ctx.lang)?.title ?? incidentView.data.title);
  return {
    id: ctx.absolute(localizedPath(ctx.lang, event.url)),
    title,
    updated: event.data.reviewed,
    link: ctx.absolute(localizedPath(ctx.lang, event.url)),
    summary:
      `${incident ? `${incident.title}, ${((lang === ctx.lang && ctx.local?.event(event.id)) || event).offset.label}. ` : ''}` +
      `${summary}`,
    titleLang: lang,
    summaryLang: lang,
    categories: [
      { term: event.data.kind, label: ctx.t.kinds[event.data.kind] },
      { term: event.data.status, label: ctx.t.statuses[event.data.status] },
      ...(incidentView && categoryIncident ? [{ term: incidentView.id, label: categoryIncident }] : []),
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
    title: `${
      incident
        ? ctx.t.reach.feedIncident(archive.localizedIncident(incident.id, ctx.lang)?.title ?? incident.data.title)
        : ctx.t.reach.feedEvents
    } · ${ctx.siteName}`,
    subtitle: ctx.t.reach.feedEventsSubtitle,
    self: ctx.absolute(self),
    alternate: ctx.absolute(localizedPath(ctx.lang, incident ? incident.url : '/events/')),
    author: { name: ctx.siteName, uri: ctx.absolute(localizedPath(ctx.lang, '/about/')) },
    lang: ctx.lang,
    rights: ctx.rights,
    entries: events.map((event) => eventEntry(event, archive, ctx)),
    fallbackUpdated: '2000-01-01',
  });
}

/** Corrections: one entry per commit marked `Correction: …`, linking the events it touched. */
export function correctionsFeed(
  corrections: readonly Correction[],
  archive: Archive,
  ctx: FeedContext & { commitUrl: (hash: string) => string },
): string {
  const self = feedPaths.corrections(ctx.lang);
  return atomFeed({
    id: ctx.absolute(self),
    title: `${ctx.t.reach.feedCorrections} · ${ctx.siteName}`,
    subtitle: ctx.t.reach.feedCorrectionsSubtitle,
    self: ctx.absolute(self),
    alternate: ctx.absolute(localizedPath(ctx.lang, '/corrections/')),
    author: { name: ctx.siteName, uri: ctx.absolute(localizedPath(ctx.lang, '/about/')) },
    lang: ctx.lang,
    rights: ctx.rights,
    entries: corrections.map((c) => {
      const events = c.eventIds.map((id) => archive.event(id)).filter((e) => e !== undefined);
      const related = events.map((e) => ctx.absolute(localizedPath(ctx.lang, e.url)));
      if (ctx.lang === 'en') {
        return {
          id: ctx.commitUrl(c.hash),
          title: c.correction,
          updated: c.date,
          link: ctx.commitUrl(c.hash),
          summary: [c.subject, ...events.map((e) => e.data.title)].join(' · '),
          related,
        };
      }
      // Another edition: the commit's words stay English (marked so); the summary names the
      // events changed in the edition's language (an untranslated title stays English).
      const titles = events.map((e) => archive.localizedEvent(e.id, ctx.lang) ?? { title: e.data.title, lang: 'en' as const });
      return {
        id: ctx.commitUrl(c.hash),
        title: c.correction,
        titleLang: 'en',
        updated: c.date,
        link: ctx.commitUrl(c.hash),
        summary:
          titles.length > 0 ? `${ctx.t.reach.correctionTouched}${ctx.t.units.colon}${titles.map((e) => e.title).join(' · ')}` : c.subject,
        summaryLang: titles.length > 0 ? undefined : 'en',
        related,
      };
    }),
    fallbackUpdated: '2000-01-01',
  });
}
