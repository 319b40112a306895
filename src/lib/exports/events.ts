/**
 * /data/events.json: every event, one record each, with its dates resolved to UTC spans
 * in the incident's time zone and every field an editor wrote. Absent optional fields are
 * null (or [] for lists), so every record has the same shape.
 */
import { sourceArchiveLookup } from '../archive-lookup.ts';
import { z } from 'astro/zod';
import type { Archive, EventView } from '../archive.ts';
import { dateSpan, type DatePrecision, type PartialDate } from '../dates.ts';
import { KIND_BLOCKS, type ActorRef, type EventSource, type TimelineEvent } from '../schema/event.ts';
import {
  absoluteUrl,
  datasetHead,
  exportOrder,
  isoInstant,
  translationRecords,
  type ExportOptions,
  type TranslationRecord,
} from './common.ts';
import type { TranslationLocale } from '../content/translations.ts';

/** A date as the exports write it: as written, its precision, and the UTC span it covers. */
export interface DateRecord {
  /** As the editor wrote it: "2016-07", "2017-05-05T20:35+02:00". */
  value: string;
  precision: DatePrecision;
  /** First instant the date covers, read in the incident's time zone (UTC, ISO 8601). */
  start: string;
  /** First instant after the span (exclusive end). */
  end: string;
  approximate: boolean;
}

/** A schema object as the exports write it: every optional field present, null when absent. */
type WithNulls<T> = { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };

/** A source as the exports write it: the schema's fields (absent ones null) and an archive search. */
export type SourceRecord = WithNulls<EventSource> & {
  /** Wayback Machine search for the address when no archived copy is recorded; null when one is. A search, not a copy. */
  archiveLookup: string | null;
};

/** An event as /data/events.json writes it: the schema's fields, dates resolved, absent ones null or []. */
export interface EventRecord {
  id: string;
  incident: string;
  kind: TimelineEvent['kind'];
  title: TimelineEvent['title'];
  date: DateRecord;
  end: DateRecord | null;
  status: TimelineEvent['status'];
  summary: TimelineEvent['summary'];
  actors: ActorRef[];
  /** The kind's own block, under the kind's name: `"leak": { channel, … }`, or null. */
  [kind: string]: unknown;
  sources: SourceRecord[];
  related: NonNullable<TimelineEvent['related']>;
  reviewed: TimelineEvent['reviewed'];
  url: string;
  /** The event in each language the site is translated into: `{ fr: { title, summary, status, reviewed } }`. */
  translations: Record<TranslationLocale, TranslationRecord>;
}

/** A partial date as a DateRecord, its span read in `timeZone`. */
export function dateRecord(date: PartialDate, timeZone: string, approximate: boolean): DateRecord {
  const span = dateSpan(date, timeZone);
  return { value: date.text, precision: date.precision, start: isoInstant(span.start), end: isoInstant(span.end), approximate };
}

/** A kind block with every field it can have, absent ones as null; null when there is no block. */
export function kindBlock(event: EventView): Record<string, unknown> | null {
  const kind = event.data.kind;
  const block = event.data[kind] as Record<string, unknown> | undefined;
  if (block === undefined) return null;
  const shape = KIND_BLOCKS[kind].shape as Record<string, { unwrap?: () => unknown }>;
  // Absent lists are [], absent values null, as everywhere in the export.
  const isList = (field: string) => shape[field].unwrap?.() instanceof z.ZodArray;
  return Object.fromEntries(Object.keys(shape).map((field) => [field, block[field] ?? (isList(field) ? [] : null)]));
}

/** One event as /data/events.json writes it. */
export function eventRecord(event: EventView, archive: Archive, options: ExportOptions): EventRecord {
  const { timeZone } = event.incident;
  const approximate = event.data.approximate ?? false;
  const { data } = event;
  return {
    id: event.id,
    incident: event.incidentId,
    kind: data.kind,
    title: data.title,
    date: dateRecord(event.date, timeZone, approximate),
    end: event.end ? dateRecord(event.end, timeZone, approximate) : null,
    status: data.status,
    summary: data.summary,
    actors: (data.actors ?? []).map(({ id, role }) => ({ id, role })),
    [data.kind]: kindBlock(event),
    sources: data.sources.map((source) => ({
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      published: source.published,
      language: source.language,
      archived: source.archived ?? null,
      archiveLookup: sourceArchiveLookup(source) ?? null,
      kind: source.kind ?? null,
      note: source.note ?? null,
    })),
    related: [...(data.related ?? [])],
    reviewed: data.reviewed,
    url: absoluteUrl(event.url, options),
    translations: translationRecords((locale) => archive.localizedEvent(event.id, locale)),
  };
}

/** The whole of /data/events.json: the dataset head and every event in time order. */
export function eventsJson(archive: Archive, options: ExportOptions) {
  const events = exportOrder(archive.events).map((event) => eventRecord(event, archive, options));
  return { ...datasetHead(archive, options, 'events'), count: events.length, events };
}
