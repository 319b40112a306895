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
import type { Lang } from '../i18n/routing.ts';
import { DATE_PRECISIONS } from '../dates.ts';
import { EVENT_KINDS, EVENT_STATUSES } from '../vocabulary.ts';
import { absoluteUrl, exportOrder, isoInstant, type ExportOptions } from './common.ts';

type ColumnType = 'text' | 'date' | 'number' | 'boolean';

/** "`a`, `b` or `c`" in English, "… ou `c`" in French: the file's values, from the vocabulary. */
const valueList = (values: readonly string[], lang: Lang) =>
  `${values
    .slice(0, -1)
    .map((v) => `\`${v}\``)
    .join(', ')} ${lang === 'fr' ? 'ou' : 'or'} \`${values.at(-1)}\`.`;
const valueDescription = (values: readonly string[]) => ({ en: valueList(values, 'en'), fr: valueList(values, 'fr') });

/** A column of events.csv: its header, its type, what it holds (shown on /data/) and how it is read from an event. */
export interface Column {
  name: string;
  type: ColumnType;
  /** What the column holds, for the /data/ page of each edition (`code` in backticks). */
  description: Record<Lang, string>;
  value: (event: EventView, archive: Archive, options: ExportOptions) => string | number | boolean;
}

/** The columns of events.csv, in file order (new columns go at the end). */
export const EVENTS_CSV_COLUMNS: readonly Column[] = [
  {
    name: 'id',
    type: 'text',
    description: { en: 'Event id, `<incident-id>/<slug>`; stable.', fr: 'Identifiant de l’événement, `<incident-id>/<slug>` ; stable.' },
    value: (e) => e.id,
  },
  { name: 'incident', type: 'text', description: { en: 'Incident id.', fr: 'Identifiant de l’incident.' }, value: (e) => e.incidentId },
  { name: 'kind', type: 'text', description: valueDescription(EVENT_KINDS), value: (e) => e.data.kind },
  { name: 'title', type: 'text', description: { en: 'Neutral headline.', fr: 'Titre neutre.' }, value: (e) => e.data.title },
  {
    name: 'date',
    type: 'date',
    description: {
      en: 'The date as written, at its precision: 2016, 2016-07, 2016-07-22 or 2017-05-05T20:35+02:00.',
      fr: 'La date telle qu’elle est écrite, à sa précision : 2016, 2016-07, 2016-07-22 ou 2017-05-05T20:35+02:00.',
    },
    value: (e) => e.data.date,
  },
  { name: 'date_precision', type: 'text', description: valueDescription(DATE_PRECISIONS), value: (e) => e.date.precision },
  {
    name: 'start_utc',
    type: 'date',
    description: {
      en: 'First instant the date covers, in UTC, reading a day or month in the election’s time zone.',
      fr: 'Premier instant que couvre la date, en UTC ; un jour ou un mois se lit dans le fuseau horaire de l’élection.',
    },
    value: (e) => isoInstant(e.start),
  },
  {
    name: 'end_utc',
    type: 'date',
    description: {
      en: 'First instant after the event: the end of its end date, or of its date when it has none (exclusive).',
      fr: 'Premier instant après l’événement : la fin de sa date de fin, ou de sa date s’il n’en a pas (borne exclue).',
    },
    value: (e) => isoInstant(e.stop),
  },
  {
    name: 'approximate',
    type: 'boolean',
    description: { en: '`true` when the date is circa.', fr: '`true` quand la date est approximative.' },
    value: (e) => e.data.approximate ?? false,
  },
  { name: 'status', type: 'text', description: valueDescription(EVENT_STATUSES), value: (e) => e.data.status },
  { name: 'summary', type: 'text', description: { en: 'Plain-text summary.', fr: 'Résumé en texte brut.' }, value: (e) => e.data.summary },
  {
    name: 'actors',
    type: 'text',
    description: {
      en: 'Actors and their roles, `id:role` separated by semicolons.',
      fr: 'Acteurs et leurs rôles, `id:role` séparés par des points-virgules.',
    },
    value: (e) => (e.data.actors ?? []).map((a) => `${a.id}:${a.role}`).join(';'),
  },
  {
    name: 'attributed_by',
    type: 'text',
    description: {
      en: 'Attributions only: actor id of who attributes.',
      fr: 'Attributions seulement : identifiant de l’acteur qui attribue.',
    },
    value: (e) => e.data.attribution?.by ?? '',
  },
  {
    name: 'attributed_to',
    type: 'text',
    description: {
      en: 'Attributions only: actor id of who is blamed, as the attributor named them.',
      fr: 'Attributions seulement : identifiant de l’acteur mis en cause, tel que l’auteur de l’attribution l’a nommé.',
    },
    value: (e) => e.data.attribution?.to ?? '',
  },
  // Not in the first column list: without it a contested attribution reads as an attribution.
  {
    name: 'stance',
    type: 'text',
    description: {
      en: 'Attributions only: `attributes`, `corroborates` or `contests`. A contested attribution is not an attribution.',
      fr:
        'Attributions seulement : `attributes` (attribue), `corroborates` (corrobore) ou `contests` (conteste). Une ' +
        'attribution contestée n’est pas une attribution.',
    },
    value: (e) => e.data.attribution?.stance ?? '',
  },
  {
    name: 'confidence',
    type: 'text',
    description: {
      en: 'Attributions only: the attributor’s own word (`high`, `moderate`, `low`) or `unstated`.',
      fr: 'Attributions seulement : le mot de l’auteur de l’attribution (`high`, `moderate`, `low`) ou `unstated` (non précisé).',
    },
    value: (e) => e.data.attribution?.confidence ?? '',
  },
  {
    name: 'source_count',
    type: 'number',
    description: { en: 'Number of sources.', fr: 'Nombre de sources.' },
    value: (e) => e.data.sources.length,
  },
  {
    name: 'first_source_url',
    type: 'text',
    description: { en: 'Address of the first source listed.', fr: 'Adresse de la première source citée.' },
    value: (e) => e.data.sources[0]?.url ?? '',
  },
  {
    name: 'url',
    type: 'text',
    description: { en: 'The event’s page on this site.', fr: 'La page de l’événement sur ce site.' },
    value: (e, _a, options) => absoluteUrl(e.url, options),
  },
  // Added later, so at the end: columns keep their positions for existing readers.
  {
    name: 'attributed_also_to',
    type: 'text',
    description: {
      en: 'Attributions only: other actors the same attribution names (CrowdStrike named two groups), ids separated by semicolons.',
      fr:
        'Attributions seulement : les autres acteurs que nomme la même attribution (CrowdStrike a nommé deux ' +
        'groupes), identifiants séparés par des points-virgules.',
    },
    value: (e) => (e.data.attribution?.alsoTo ?? []).join(';'),
  },
  {
    name: 'first_source_archived',
    type: 'text',
    description: {
      en: 'Address of an archived copy of the first source, when one is recorded.',
      fr: 'Adresse d’une copie archivée de la première source, lorsqu’une copie est consignée.',
    },
    value: (e) => e.data.sources[0]?.archived ?? '',
  },
  // A Wayback Machine search for the first source's address when no archived copy is recorded: a search, not a copy.
  {
    name: 'archive_lookup',
    type: 'text',
    description: {
      en:
        'When the first source has no archived copy recorded: a Wayback Machine search for its address. A search, ' +
        'not a copy; there may be none.',
      fr:
        'Lorsqu’aucune copie archivée de la première source n’est consignée : une recherche de son adresse dans la ' +
        'Wayback Machine. Une recherche, non une copie ; il peut n’y en avoir aucune.',
    },
    value: (e) => (e.data.sources[0] ? (sourceArchiveLookup(e.data.sources[0]) ?? '') : ''),
  },
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
