/**
 * The /contribute/ form's writing side, shared by the page's script and the tests: turn what a
 * person filled in into the text of an event file. (Checking it is check.ts, run in a worker.)
 */
import { stringify } from 'yaml';
import { entryFile } from '../content/layout.ts';

/** The path of a new event file in the repository. */
export function eventFilePath(incident: string, slug: string): string {
  return entryFile('events', `${incident}/${slug}`);
}

/** A slug from a title: "DNC confirms the breach" → "dnc-confirms-the-breach". */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** How precisely the form lets a person give a date. */
export type Precision = 'year' | 'month' | 'day' | 'minute';

/** The date fields of the /contribute/ form, as typed. */
export interface DateParts {
  precision: Precision;
  year: string;
  month?: string;
  day?: string;
  /** HH:MM */
  time?: string;
  /** +02:00, -05:00 or Z */
  offset?: string;
}

/** A partial ISO date from the form's parts, at the precision chosen: 2017, 2017-05, 2017-05-05, 2017-05-05T20:35+02:00. */
export function composeDate(parts: DateParts): string {
  const pad = (value: string | undefined) => (value ?? '').trim().padStart(2, '0');
  let text = parts.year.trim();
  if (parts.precision === 'year') return text;
  text += `-${pad(parts.month)}`;
  if (parts.precision === 'month') return text;
  text += `-${pad(parts.day)}`;
  if (parts.precision === 'day') return text;
  return `${text}T${(parts.time ?? '').trim()}${(parts.offset ?? '').trim()}`;
}

/**
 * The offset of `timeZone` at the instant `utcMs`, as "+02:00" (Intl's own, so that this file shares no module with
 * other pages' scripts).
 */
function offsetAt(utcMs: number, timeZone: string): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(utcMs))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

const minutesOf = (offset: string) => (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/** The UTC offset ("+02:00") of `timeZone` at a wall-clock date and time, for the offset helper. */
export function offsetIn(timeZone: string, date: string, time = '12:00'): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) return undefined;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(naive)) return undefined;
  try {
    return offsetAt(naive - minutesOf(offsetAt(naive, timeZone)) * 60000, timeZone);
  } catch {
    return undefined;
  }
}

/** Drops empty strings, empty objects and empty lists, so that a field left blank is absent. */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, pruneEmpty(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (typeof value === 'string' && value.trim() === '') return undefined;
  if (value === false || value === null) return undefined;
  return value;
}

/** Field order in the file, as in the content model's examples. */
const ORDER = ['title', 'kind', 'date', 'end', 'approximate', 'status', 'summary', 'actors'];
const TAIL = ['sources', 'related', 'reviewed'];

/**
 * The text of an event file: YAML frontmatter (written by the `yaml` package, with every
 * value a YAML 1.1 reader could take for a date, a boolean or a number quoted) and the body.
 */
export function eventFileText(data: Record<string, unknown>, body: string): string {
  const pruned = (pruneEmpty(data) ?? {}) as Record<string, unknown>;
  const keys = Object.keys(pruned);
  const ordered: Record<string, unknown> = {};
  for (const key of [...ORDER, ...keys.filter((k) => !ORDER.includes(k) && !TAIL.includes(k)), ...TAIL]) {
    if (key in pruned) ordered[key] = pruned[key];
  }
  const yaml = stringify(ordered, { schema: 'yaml-1.1', lineWidth: 0 });
  const text = body.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return `---\n${yaml}---\n${text ? `${text}\n` : ''}`;
}

/** GitHub's "new file" page for `path`, prefilled with `text` (GitHub offers a fork and a pull request). */
export function newFileUrl(repository: string, branch: string, path: string, text: string): string {
  return `${repository}/new/${branch}?${new URLSearchParams({ filename: path, value: text }).toString()}`;
}
