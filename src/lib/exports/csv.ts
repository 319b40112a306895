/**
 * /data/events.csv: one row per event, RFC 4180 (comma-separated, CRLF line ends, fields
 * quoted when they hold a comma, a double quote, CR or LF, inner quotes doubled), UTF-8
 * without a byte-order mark, one header row.
 *
 * Spreadsheets run a cell that starts with =, +, -, @ (or a tab or CR) as a formula
 * ("CSV injection"). Text columns that start with one of those get a leading apostrophe,
 * which spreadsheets hide and treat as "this is text". Date and number columns are left
 * as they are: they never start with those characters, and altering them would corrupt them.
 */
import { sourceArchiveLookup } from '../archive-lookup.ts';
import type { Archive, EventView } from '../archive.ts';
import { DATE_PRECISIONS } from '../dates.ts';
import { ATTRIBUTION_STANCES, CONFIDENCE_WORDS, EVENT_KINDS, EVENT_STATUSES } from '../vocabulary.ts';
import { absoluteUrl, exportOrder, isoInstant, type ExportOptions } from './common.ts';

type ColumnType = 'text' | 'date' | 'number' | 'boolean';

/** "a, b or c". */
const orList = (words: readonly string[], last = ' or ') => `${words.slice(0, -1).join(', ')}${last}${words.at(-1)}`;

/** A column of events.csv: its header, its type, what it holds (shown on /data/) and how it is read from an event. */
export interface Column {
  name: string;
  type: ColumnType;
  /** What the column holds, for readers of the file (the /data/ page lists it). */
  meaning: string;
  value: (event: EventView, archive: Archive, options: ExportOptions) => string | number | boolean;
}

/** The columns of events.csv, in file order (new columns go at the end). */
export const EVENTS_CSV_COLUMNS: readonly Column[] = [
  { name: 'id', type: 'text', value: (e) => e.id, meaning: 'Event id, <incident-id>/<slug>; stable.' },
  { name: 'incident', type: 'text', value: (e) => e.incidentId, meaning: 'Incident id.' },
  { name: 'kind', type: 'text', value: (e) => e.data.kind, meaning: `${orList(EVENT_KINDS)}.` },
  { name: 'title', type: 'text', value: (e) => e.data.title, meaning: 'Neutral headline.' },
  { name: 'date', type: 'date', value: (e) => e.data.date, meaning: 'The date as written, at its precision: 2016, 2016-07, 2016-07-22 or 2017-05-05T20:35+02:00.' },
  { name: 'date_precision', type: 'text', value: (e) => e.date.precision, meaning: `${orList(DATE_PRECISIONS)}.` },
  { name: 'start_utc', type: 'date', value: (e) => isoInstant(e.start), meaning: 'First instant the date covers, in UTC, reading a day or month in the election’s time zone.' },
  { name: 'end_utc', type: 'date', value: (e) => isoInstant(e.stop), meaning: 'First instant after the event: the end of its end date, or of its date when it has none (exclusive).' },
  { name: 'approximate', type: 'boolean', value: (e) => e.data.approximate ?? false, meaning: 'true when the date is circa.' },
  { name: 'status', type: 'text', value: (e) => e.data.status, meaning: `${orList(EVENT_STATUSES)}.` },
  { name: 'summary', type: 'text', value: (e) => e.data.summary, meaning: 'Plain-text summary.' },
  { name: 'actors', type: 'text', value: (e) => (e.data.actors ?? []).map((a) => `${a.id}:${a.role}`).join(';'), meaning: 'Actors and their roles, id:role separated by semicolons.' },
  { name: 'attributed_by', type: 'text', value: (e) => e.data.attribution?.by ?? '', meaning: 'Attributions only: actor id of who attributes.' },
  { name: 'attributed_to', type: 'text', value: (e) => e.data.attribution?.to ?? '', meaning: 'Attributions only: actor id of who is blamed, as the attributor named them.' },
  // Not in the first column list: without it a contested attribution reads as an attribution.
  { name: 'stance', type: 'text', value: (e) => e.data.attribution?.stance ?? '', meaning: `Attributions only: ${orList(ATTRIBUTION_STANCES)}. A contested attribution is not an attribution.` },
  { name: 'confidence', type: 'text', value: (e) => e.data.attribution?.confidence ?? '', meaning: `Attributions only: the attributor’s own word (${orList(CONFIDENCE_WORDS.filter((word) => word !== 'unstated'), ', ')}) or unstated.` },
  { name: 'source_count', type: 'number', value: (e) => e.data.sources.length, meaning: 'Number of sources.' },
  { name: 'first_source_url', type: 'text', value: (e) => e.data.sources[0]?.url ?? '', meaning: 'Address of the first source listed.' },
  { name: 'url', type: 'text', value: (e, _a, options) => absoluteUrl(e.url, options), meaning: 'The event’s page on this site.' },
  // Added later, so at the end: columns keep their positions for existing readers.
  { name: 'attributed_also_to', type: 'text', value: (e) => (e.data.attribution?.alsoTo ?? []).join(';'), meaning: 'Attributions only: other actors the same attribution names (CrowdStrike named two groups), ids separated by semicolons.' },
  { name: 'first_source_archived', type: 'text', value: (e) => e.data.sources[0]?.archived ?? '', meaning: 'Address of an archived copy of the first source, when one is recorded.' },
  // A Wayback Machine search for the first source's address when no archived copy is recorded: a search, not a copy.
  { name: 'archive_lookup', type: 'text', value: (e) => (e.data.sources[0] ? (sourceArchiveLookup(e.data.sources[0]) ?? '') : ''), meaning: 'When the first source has no archived copy recorded: a Wayback Machine search for its address. A search, not a copy; there may be none.' },
];

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text value made safe from spreadsheet formula evaluation. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 text from rows of plain strings: CRLF after every record, the last included. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** The text of /data/events.csv: a header row and one row per event, in time order. */
export function eventsCsv(archive: Archive, options: ExportOptions): string {
  const header = EVENTS_CSV_COLUMNS.map((column) => column.name);
  const rows = exportOrder(archive.events).map((event) =>
    EVENTS_CSV_COLUMNS.map((column) => {
      const value = String(column.value(event, archive, options));
      return column.type === 'text' ? neutraliseFormula(value) : value;
    }),
  );
  return toCsv([header, ...rows]);
}

