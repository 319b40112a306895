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
import { absoluteUrl, exportOrder, isoInstant, type ExportOptions } from './common.ts';

type ColumnType = 'text' | 'date' | 'number' | 'boolean';

interface Column {
  name: string;
  type: ColumnType;
  value: (event: EventView, archive: Archive, options: ExportOptions) => string | number | boolean;
}

export const EVENTS_CSV_COLUMNS: readonly Column[] = [
  { name: 'id', type: 'text', value: (e) => e.id },
  { name: 'incident', type: 'text', value: (e) => e.incidentId },
  { name: 'kind', type: 'text', value: (e) => e.data.kind },
  { name: 'title', type: 'text', value: (e) => e.data.title },
  { name: 'date', type: 'date', value: (e) => e.data.date },
  { name: 'date_precision', type: 'text', value: (e) => e.date.precision },
  { name: 'start_utc', type: 'date', value: (e) => isoInstant(e.start) },
  { name: 'end_utc', type: 'date', value: (e) => isoInstant(e.stop) },
  { name: 'approximate', type: 'boolean', value: (e) => e.data.approximate ?? false },
  { name: 'status', type: 'text', value: (e) => e.data.status },
  { name: 'summary', type: 'text', value: (e) => e.data.summary },
  { name: 'actors', type: 'text', value: (e) => (e.data.actors ?? []).map((a) => `${a.id}:${a.role}`).join(';') },
  { name: 'attributed_by', type: 'text', value: (e) => e.data.attribution?.by ?? '' },
  { name: 'attributed_to', type: 'text', value: (e) => e.data.attribution?.to ?? '' },
  // Not in the first column list: without it a contested attribution reads as an attribution.
  { name: 'stance', type: 'text', value: (e) => e.data.attribution?.stance ?? '' },
  { name: 'confidence', type: 'text', value: (e) => e.data.attribution?.confidence ?? '' },
  { name: 'source_count', type: 'number', value: (e) => e.data.sources.length },
  { name: 'first_source_url', type: 'text', value: (e) => e.data.sources[0]?.url ?? '' },
  { name: 'url', type: 'text', value: (e, _a, options) => absoluteUrl(e.url, options) },
  // Added later, so at the end: columns keep their positions for existing readers.
  { name: 'attributed_also_to', type: 'text', value: (e) => (e.data.attribution?.alsoTo ?? []).join(';') },
  { name: 'first_source_archived', type: 'text', value: (e) => e.data.sources[0]?.archived ?? '' },
  // A Wayback Machine search for the first source's address when no archived copy is recorded: a search, not a copy.
  { name: 'archive_lookup', type: 'text', value: (e) => (e.data.sources[0] ? (sourceArchiveLookup(e.data.sources[0]) ?? '') : '') },
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

