/**
 * The /contribute/ form's logic, shared by the page's script and the tests: turn what a person
 * filled in into the text of an event file, and check that text the way `npm run validate`
 * does (same reader, same schema, same messages), as far as a browser can.
 *
 * What the browser cannot do: parse the MDX body with Sätteri (its browser build is a
 * threaded WebAssembly module that needs cross-origin isolation and 'wasm-unsafe-eval').
 * src/lib/validate/mdx-safety.ts imports Sätteri at its top, so even its parser-free shape
 * check cannot be bundled for the browser: bodies are checked by the pull request's CI.
 */
import { stringify } from 'yaml';
import { parseMdxSource } from '../content/frontmatter.ts';
import { idFromEntryPath } from '../content/layout.ts';
import { dateSpan, endsBeforeStart, toPartialDate, zoneOffsetMinutes, parsePartialDate } from '../dates.ts';
import { EventSchema, eventActorReferences, type TimelineEvent } from '../schema/event.ts';
import { fieldName, sortProblems, type Problem } from '../validate/problems.ts';
import { schemaProblems } from '../validate/schema-issues.ts';

/**
 * validate-content.ts's limit (it reads the disk, so it cannot be imported here);
 * tests/unit/contribute.test.ts checks the two agree.
 */
export const MAX_YEARS_FROM_VOTE = 30;

/** What the page knows about the archive, to check references as the validator does. */
export interface ArchiveFacts {
  actors: readonly string[];
  incidents: readonly { id: string; vote: string; timezone: string }[];
}

/** The path of a new event file in the repository. */
export function eventFilePath(incident: string, slug: string): string {
  return `src/content/events/${incident}/${slug}.mdx`;
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

export type Precision = 'year' | 'month' | 'day' | 'minute';

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

/** The UTC offset ("+02:00") of `timeZone` at a wall-clock date and time, for the offset helper. */
export function offsetIn(timeZone: string, date: string, time = '12:00'): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) return undefined;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(naive)) return undefined;
  const minutes = zoneOffsetMinutes(naive - zoneOffsetMinutes(naive, timeZone) * 60000, timeZone);
  if (minutes === 0) return '+00:00';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Drops empty strings, empty objects and empty lists, so that a field left blank is absent. */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, pruneEmpty(item)] as const).filter(([, item]) => item !== undefined);
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

/**
 * Checks an event file's text as `npm run validate` does, with the same messages: the file's
 * place and id, the frontmatter's syntax, the schema, references to actors and incidents,
 * and dates against the incident's vote. Not the MDX body (see above).
 */
export function checkEventFile(text: string, incident: string, slug: string, facts: ArchiveFacts): Problem[] {
  const file = eventFilePath(incident, slug);
  const problems: Problem[] = [];
  const id = idFromEntryPath('events', `${incident}/${slug}.mdx`);
  if (!id.ok) problems.push({ file, line: 1, column: 1, field: 'file', message: id.message });
  const parsed = parseMdxSource(text);
  for (const error of parsed.syntaxErrors) problems.push({ file, ...error.position, field: 'frontmatter', message: error.message });
  if (parsed.data === undefined && parsed.syntaxErrors.length) return sortProblems(problems);
  const result = EventSchema.safeParse(parsed.data ?? {});
  if (!result.success) {
    problems.push(...schemaProblems(file, EventSchema, result.error.issues, parsed));
    return sortProblems(problems);
  }
  const event: TimelineEvent = result.data;
  const at = (path: (string | number)[], message: string) => problems.push({ file, ...parsed.locate(path), field: fieldName(path), message });
  const zone = facts.incidents.find((i) => i.id === incident);
  if (id.ok && !zone) {
    problems.push({ file, line: 1, column: 1, field: 'file', message: `folder "${incident}" names no incident: add src/content/incidents/${incident}.mdx` });
  }
  if (zone && event.end !== undefined && endsBeforeStart(toPartialDate(event.date), toPartialDate(event.end), zone.timezone)) {
    at(['end'], `end ${event.end} is before date ${event.date} (read in ${zone.timezone})`);
  }
  if (zone && parsePartialDate(zone.vote).ok) {
    const vote = dateSpan(toPartialDate(zone.vote), zone.timezone).start;
    const years = MAX_YEARS_FROM_VOTE * 365.25 * 24 * 3600 * 1000;
    for (const field of ['date', 'end'] as const) {
      const value = event[field];
      if (value === undefined) continue;
      const span = dateSpan(toPartialDate(value), zone.timezone);
      if (span.end < vote - years || span.start > vote + years) {
        at([field], `${value} is more than ${MAX_YEARS_FROM_VOTE} years from the vote (${zone.vote}); is the year a typo?`);
      }
    }
  }
  const actors = new Set(facts.actors);
  for (const ref of eventActorReferences(event)) {
    if (!actors.has(ref.id)) at(ref.path, `no actor "${ref.id}": add src/content/actors/${ref.id}.yaml or fix the id`);
  }
  return sortProblems(problems);
}

/** GitHub's "new file" page for `path`, prefilled with `text` (GitHub offers a fork and a pull request). */
export function newFileUrl(repository: string, branch: string, path: string, text: string): string {
  return `${repository}/new/${branch}?${new URLSearchParams({ filename: path, value: text }).toString()}`;
}
