/**
 * The archive as pages see it: incidents in lane order, events in time order with their
 * dates resolved in the incident's time zone, neighbours, and who did what to whom.
 * Pure: it takes plain entries (id + data) and knows nothing of Astro.
 */
import { dateSpan, toPartialDate, type PartialDate } from './dates.ts';
import { tOffset, type TOffset } from './format.ts';
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

export interface Entry<T> {
  id: string;
  data: T;
  /** Path of the source file from the project root. */
  file?: string;
}

export interface IncidentView {
  id: string;
  data: Incident;
  /** Path of the source file from the project root. */
  file: string;
  vote: PartialDate;
  voteInstant: number;
  timeZone: string;
  events: EventView[];
  url: string;
}

export interface EventView {
  id: string;
  slug: string;
  incidentId: string;
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
}

export interface ActorInvolvement {
  event: EventView;
  roles: string[];
}

export interface ActorView {
  id: string;
  data: Actor;
  /** Path of the source file from the project root. */
  file: string;
  url: string;
  involvement: ActorInvolvement[];
  attributionsMade: EventView[];
  attributionsReceived: EventView[];
  /** Aliases this actor coined for others. */
  coined: { actor: string; name: string }[];
}

/** An entry in a reader's language (see localize()), with the view it comes from. */
export type LocalizedEvent = Localized<TimelineEvent> & { view: EventView };
export type LocalizedIncident = Localized<Incident> & { view: IncidentView };
export type LocalizedActor = Localized<Actor> & { view: ActorView };

/** Translations of the entries, by collection (ids are the originals'). */
export interface TranslationsInput {
  incidents?: TranslationEntry<IncidentTranslation>[];
  actors?: TranslationEntry<ActorTranslation>[];
  events?: TranslationEntry<EventTranslation>[];
}

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
  return a.start - b.start || PRECISION_RANK[a.date.precision] - PRECISION_RANK[b.date.precision] || a.stop - b.stop || a.id.localeCompare(b.id);
}

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
      url: `/incidents/${entry.id}/`,
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
      data: entry.data,
      file: entry.file ?? entryFile('events', entry.id),
      date,
      end,
      start: span.start,
      stop: end ? Math.max(span.end, dateSpan(end, incident.timeZone).end) : span.end,
      offset: tOffset(date, incident.vote, incident.timeZone),
      url: `/events/${entry.id}/`,
    };
    incident.events.push(view);
    events.push(view);
  }
  for (const incident of incidents) {
    incident.events.sort(compareEvents);
    incident.events.forEach((event, i) => {
      event.previous = incident.events[i - 1];
      event.next = incident.events[i + 1];
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
      actorById.get(id)?.involvement.push({ event, roles: actorRoles });
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
