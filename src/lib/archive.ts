/**
 * The archive as pages see it: incidents in lane order, events in time order with their
 * dates resolved in the incident's time zone, neighbours, and who did what to whom.
 * Pure: it takes plain entries (id + data) and knows nothing of Astro.
 */
import { dateSpan, toPartialDate, type PartialDate } from './dates.ts';
import { formatPartialDate, tOffset, type TOffset } from './format.ts';
import { entryFile, incidentOfEvent } from './content/layout.ts';
import { localize, type Locale, type Localized, type TranslationEntry } from './content/translations.ts';
import {
  blamedActors,
  eventActorReferences,
  type Actor,
  type ActorTranslation,
  type Incident,
  type IncidentTranslation,
  type TimelineEvent,
  type EventTranslation,
} from './schema/index.ts';

/**
 * How a view writes its date for a reader: the locale, whether a time names its zone's city
 * (default yes), and whether to mark it "c." (default: as the entry says).
 */
export interface WhenOptions {
  locale?: string;
  withZone?: boolean;
  approximate?: boolean;
}

/** A content entry as the archive takes it: id, data and source file. */
export interface Entry<T> {
  id: string;
  data: T;
  /** Path of the source file from the project root. */
  file?: string;
}

/** An incident as pages see it: its vote (T−0) resolved in its time zone, and its events in time order. */
export interface IncidentView {
  id: string;
  data: Incident;
  /** Path of the source file from the project root. */
  file: string;
  vote: PartialDate;
  voteInstant: number;
  timeZone: string;
  events: EventView[];
  /** How many of its events are of each kind, kinds in order of first appearance. */
  kindCounts: Map<TimelineEvent['kind'], number>;
  url: string;
  /** The vote as a reader of `locale` reads it ("c." when the vote time is conventional): "7 May 2017, 20:00 Paris time". */
  voteWhen(options?: WhenOptions): string;
}

/** An event as pages see it: its incident, its dates resolved, its offset from T−0 and its neighbours. */
export interface EventView {
  id: string;
  slug: string;
  incidentId: string;
  /** The incident the event belongs to (the same view as archive.incident(incidentId)). */
  incident: IncidentView;
  data: TimelineEvent;
  /** Path of the source file from the project root. */
  file: string;
  date: PartialDate;
  end?: PartialDate;
  /** Instants covered, from the start of `date` to the end of `end` (or of `date`). */
  start: number;
  stop: number;
  offset: TOffset;
  url: string;
  previous?: EventView;
  next?: EventView;
  /** The date (or with `end`, the end date) as a reader reads it, in the incident's time zone, "c." when approximate. */
  when(options?: WhenOptions & { end?: boolean }): string;
}

/** An event an actor takes part in, with the roles it plays there. */
export interface ActorInvolvement {
  event: EventView;
  roles: string[];
}

/** An actor as pages see it: the events it takes part in, the attributions it made and received. */
export interface ActorView {
  id: string;
  data: Actor;
  /** Path of the source file from the project root. */
  file: string;
  url: string;
  involvement: ActorInvolvement[];
  /** Each role the actor plays, with the events it plays it in (time order), roles in order of first appearance. */
  byRole: Map<string, EventView[]>;
  attributionsMade: EventView[];
  attributionsReceived: EventView[];
  /** Aliases this actor coined for others. */
  coined: { actor: string; name: string }[];
}

/** An entry in a reader's language (see localize()), with the view it comes from. */
export type LocalizedEvent = Localized<TimelineEvent> & { view: EventView };
/** An incident in a reader's language, with its view. */
export type LocalizedIncident = Localized<Incident> & { view: IncidentView };
/** An actor in a reader's language, with its view. */
export type LocalizedActor = Localized<Actor> & { view: ActorView };

/** Translations of the entries, by collection (ids are the originals'). */
export interface TranslationsInput {
  incidents?: TranslationEntry<IncidentTranslation>[];
  actors?: TranslationEntry<ActorTranslation>[];
  events?: TranslationEntry<EventTranslation>[];
}

/** The whole archive as pages see it: views of every incident, event and actor, and lookups by id. */
export interface Archive {
  incidents: IncidentView[];
  /** Every event, in time order across incidents. */
  events: EventView[];
  actors: ActorView[];
  incident(id: string): IncidentView | undefined;
  event(id: string): EventView | undefined;
  actor(id: string): ActorView | undefined;
  /**
   * An event as a reader of `locale` sees it: the translated title, summary and body when
   * there is a translation (status translated or outdated), else the English ones (status
   * missing). Never undefined for an event that exists.
   */
  localizedEvent(id: string, locale: Locale): LocalizedEvent | undefined;
  localizedIncident(id: string, locale: Locale): LocalizedIncident | undefined;
  localizedActor(id: string, locale: Locale): LocalizedActor | undefined;
  /** The translation of an entry into `locale`, if there is one. */
  translation(collection: 'events' | 'incidents' | 'actors', id: string, locale: Locale): TranslationEntry | undefined;
}

/** Lane order: `order` first (lower first), then the vote, then the id. */
export function laneOrder(a: IncidentView, b: IncidentView): number {
  const orderA = a.data.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.data.order ?? Number.POSITIVE_INFINITY;
  return orderA - orderB || a.voteInstant - b.voteInstant || a.id.localeCompare(b.id);
}

/** Finer dates first when two events start at the same instant. */
const PRECISION_RANK: Record<PartialDate['precision'], number> = { second: 0, minute: 1, day: 2, month: 3, year: 4 };

/**
 * Time order: by starting instant, then by precision (a time written to the minute before a
 * day that starts at the same midnight: "6 May, 00:00, the silence begins" comes before
 * "on 6 May, …"), then the shorter span, then id for stability.
 */
export function compareEvents(a: EventView, b: EventView): number {
  return (
    a.start - b.start || PRECISION_RANK[a.date.precision] - PRECISION_RANK[b.date.precision] || a.stop - b.stop || a.id.localeCompare(b.id)
  );
}

/** The archive from plain entries (and their translations): views sorted, linked and resolved. */
export function buildArchive(input: {
  incidents: Entry<Incident>[];
  actors: Entry<Actor>[];
  events: Entry<TimelineEvent>[];
  translations?: TranslationsInput;
}): Archive {
  const incidents = input.incidents.map((entry): IncidentView => {
    const vote = toPartialDate(entry.data.election.vote);
    const timeZone = entry.data.election.timezone;
    return {
      id: entry.id,
      data: entry.data,
      file: entry.file ?? entryFile('incidents', entry.id),
      vote,
      voteInstant: dateSpan(vote, timeZone).start,
      timeZone,
      events: [],
      kindCounts: new Map(),
      url: `/incidents/${entry.id}/`,
      voteWhen: ({ locale, withZone, approximate = entry.data.election.voteApproximate ?? false } = {}) =>
        formatPartialDate(vote, timeZone, { approximate, locale, withZone }),
    };
  });
  incidents.sort(laneOrder);
  const incidentById = new Map(incidents.map((incident) => [incident.id, incident]));

  const events: EventView[] = [];
  for (const entry of input.events) {
    const incident = incidentById.get(incidentOfEvent(entry.id));
    if (!incident) continue; // the validator reports events without an incident
    const date = toPartialDate(entry.data.date);
    const end = entry.data.end !== undefined ? toPartialDate(entry.data.end) : undefined;
    const span = dateSpan(date, incident.timeZone);
    const view: EventView = {
      id: entry.id,
      slug: entry.id.slice(incident.id.length + 1),
      incidentId: incident.id,
      incident,
      data: entry.data,
      file: entry.file ?? entryFile('events', entry.id),
      date,
      end,
      start: span.start,
      stop: end ? Math.max(span.end, dateSpan(end, incident.timeZone).end) : span.end,
      offset: tOffset(date, incident.vote, incident.timeZone),
      url: `/events/${entry.id}/`,
      when: ({ end: ofEnd = false, locale, withZone, approximate = entry.data.approximate ?? false } = {}) =>
        formatPartialDate(ofEnd && end ? end : date, incident.timeZone, { approximate, locale, withZone }),
    };
    incident.events.push(view);
    events.push(view);
  }
  for (const incident of incidents) {
    incident.events.sort(compareEvents);
    incident.events.forEach((event, i) => {
      event.previous = incident.events[i - 1];
      event.next = incident.events[i + 1];
      incident.kindCounts.set(event.data.kind, (incident.kindCounts.get(event.data.kind) ?? 0) + 1);
    });
  }
  events.sort(compareEvents);
  const eventById = new Map(events.map((event) => [event.id, event]));

  const actors = input.actors
    .map(
      (entry): ActorView => ({
        id: entry.id,
        data: entry.data,
        file: entry.file ?? entryFile('actors', entry.id),
        url: `/actors/${entry.id}/`,
        involvement: [],
        byRole: new Map(),
        attributionsMade: [],
        attributionsReceived: [],
        coined: [],
      }),
    )
    .sort((a, b) => a.data.name.localeCompare(b.data.name, 'en') || a.id.localeCompare(b.id));
  const actorById = new Map(actors.map((actor) => [actor.id, actor]));

  for (const actor of actors) {
    for (const alias of actor.data.aliases ?? []) {
      if (alias.by) actorById.get(alias.by)?.coined.push({ actor: actor.id, name: alias.name });
    }
  }
  for (const event of events) {
    const roles = new Map<string, string[]>();
    for (const actorRef of event.data.actors ?? []) {
      roles.set(actorRef.id, [...(roles.get(actorRef.id) ?? []), actorRef.role]);
    }
    for (const ref of eventActorReferences(event.data)) {
      if (!roles.has(ref.id)) roles.set(ref.id, []);
    }
    for (const [id, actorRoles] of roles) {
      const actor = actorById.get(id);
      if (!actor) continue;
      actor.involvement.push({ event, roles: actorRoles });
      for (const role of actorRoles) actor.byRole.set(role, [...(actor.byRole.get(role) ?? []), event]);
    }
    const attribution = event.data.attribution;
    if (attribution) {
      actorById.get(attribution.by)?.attributionsMade.push(event);
      for (const id of blamedActors(attribution)) actorById.get(id)?.attributionsReceived.push(event);
    }
  }

  const translationsByKey = new Map<string, TranslationEntry>();
  for (const collection of ['events', 'incidents', 'actors'] as const) {
    for (const entry of input.translations?.[collection] ?? []) translationsByKey.set(`${collection}:${entry.lang}:${entry.id}`, entry);
  }
  const translation: Archive['translation'] = (collection, id, locale) => translationsByKey.get(`${collection}:${locale}:${id}`);

  return {
    incidents,
    events,
    actors,
    incident: (id) => incidentById.get(id),
    event: (id) => eventById.get(id),
    actor: (id) => actorById.get(id),
    localizedEvent: (id, locale) => {
      const view = eventById.get(id);
      return view && { ...localize(view, translation('events', id, locale), locale), view };
    },
    localizedIncident: (id, locale) => {
      const view = incidentById.get(id);
      return view && { ...localize(view, translation('incidents', id, locale), locale), view };
    },
    localizedActor: (id, locale) => {
      const view = actorById.get(id);
      return view && { ...localize(view, translation('actors', id, locale), locale), view };
    },
    translation,
  };
}

/** The date of the most recent editorial review: the "data as of" date of the archive. */
export function latestReview(archive: Archive): string {
  const latest = archive.events.reduce((found, event) => (event.data.reviewed > found ? event.data.reviewed : found), '');
  return latest || '1970-01-01';
}
