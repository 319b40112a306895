/**
 * The checks of one content file, shared by `npm run validate` (validate-content.ts) and the
 * /contribute/ form's browser check (lib/contribute/check.ts): no file system and no MDX
 * parser here, so that both run the very same code and give the same messages.
 */
import type { z } from 'astro/zod';
import { parseMdxSource, parseYamlSource, type ParsedContent } from '../content/frontmatter.ts';
import { COLLECTIONS, entryFile } from '../content/layout.ts';
import { dateSpan, endsBeforeStart, toPartialDate } from '../dates.ts';
import { SCHEMAS, TRANSLATION_SCHEMAS, eventActorReferences, type SchemaName, type TimelineEvent } from '../schema/index.ts';
import { fieldName, type Problem } from './problems.ts';
import { didYouMean, schemaProblems, suggestIds } from './schema-issues.ts';

/** How far from its incident's vote an event may lie before its date is taken for a typo. */
export const MAX_YEARS_FROM_VOTE = 30;

/** Hosts reserved for examples (RFC 2606): never a real source. */
export function isExampleAddress(url: string): boolean {
  try {
    return /(^|\.)example(\.(com|org|net))?$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Every TODO the template (npm run new-event) left, in the frontmatter, its comments or the body. */
export function placeholderProblems(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  let fences = 0;
  text.split('\n').forEach((line, index) => {
    if (/^---\s*$/.test(line)) fences++;
    const at = line.search(/\bTODO\b/);
    if (at < 0) return;
    const inFrontmatter = file.endsWith('.yaml') || fences < 2;
    const key = /^\s*(?:-\s+)?(?:\{\s*)?([A-Za-z]+):/.exec(line)?.[1];
    problems.push({
      file,
      line: index + 1,
      column: at + 1,
      field: inFrontmatter ? (key ?? 'frontmatter') : 'body',
      message: 'a TODO from the template is still here: write the real value (and remove the TODO note), or delete the line',
    });
  });
  return problems;
}

/** A body checker: the validator passes the MDX one; a browser, which cannot run it, none. */
export type BodyCheck = (body: string) => { line: number; column: number; message: string }[];

/**
 * One file's own problems (placeholders, YAML, body, schema), and its data when it is valid.
 * A translation file is read and checked the same way, against its translation schema.
 */
export function fileProblems(
  collection: SchemaName,
  file: string,
  text: string,
  checkBody?: BodyCheck,
  { translation = false }: { translation?: boolean } = {},
): { problems: Problem[]; parsed: ParsedContent; data?: unknown } {
  const problems: Problem[] = [];
  const parsed = collection === 'actors' ? parseYamlSource(text) : parseMdxSource(text);
  problems.push(...placeholderProblems(file, text));
  for (const error of parsed.syntaxErrors)
    problems.push({ file, ...error.position, field: error.field || 'frontmatter', message: error.message });
  if (checkBody && collection !== 'actors' && parsed.body) {
    for (const problem of checkBody(parsed.body))
      problems.push({ file, line: problem.line, column: problem.column, field: 'body', message: problem.message });
  }
  if (parsed.data === undefined && parsed.syntaxErrors.length) return { problems, parsed };
  const schema = (translation ? TRANSLATION_SCHEMAS : SCHEMAS)[collection] as z.ZodType;
  // Without Zod's compiled fast path: compiling it for each object schema costs more than
  // it saves on a few hundred files read once.
  const result = schema.safeParse(parsed.data ?? {}, { jitless: true });
  if (!result.success) {
    // Where a YAML error damaged a field, its schema problems are the error's cascade.
    const damaged = parsed.damaged;
    const isCascade = (problem: Problem) =>
      !!damaged?.any &&
      (problem.message === 'is required' ||
        [...damaged.keys].some(
          (key) => problem.field === key || problem.field.startsWith(`${key}.`) || problem.field.startsWith(`${key}[`),
        ));
    const found = schemaProblems(file, schema, result.error.issues, parsed).filter((problem) => !isCascade(problem));
    if (translation) {
      // A field copied from the original: say what a translation holds instead.
      const fields = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape).join(', ');
      for (const problem of found) {
        if (problem.message === 'unknown field')
          problem.message = `unknown field: a translation holds only ${fields}; everything else comes from the original`;
      }
    }
    problems.push(...found);
    return { problems, parsed };
  }
  return { problems, parsed, data: parsed.syntaxErrors.length ? undefined : result.data };
}

/** "no actor …" with the nearest ids. */
export function unknownActorMessage(id: string, actorIds: Iterable<string>): string {
  const hint = didYouMean(suggestIds(id, actorIds));
  return `no actor "${id}"${hint ? `; ${hint} If it is someone new,` : ':'} add ${entryFile('actors', id)}${hint ? '' : ' or fix the id'}`;
}

/** "folder … names no incident" with the nearest ids. */
export function unknownIncidentMessage(incident: string, incidentIds: Iterable<string>): string {
  const hint = didYouMean(suggestIds(incident, incidentIds));
  return `folder "${incident}" names no incident${hint ? ` (${hint})` : ''}: add ${entryFile('incidents', incident)} or move the file`;
}

/** What an event's checks need to know about the rest of the archive. */
export interface EventContext {
  id: string;
  file: string;
  parsed: ParsedContent;
  /** The event's incident, if it exists and is valid: its vote and time zone. */
  incident?: { vote: string; timezone: string };
  /** Whether the incident's file exists at all (valid or not); by default, whether `incident` is given. */
  incidentExists?: boolean;
  incidentIds: Iterable<string>;
  actorIds: ReadonlySet<string>;
  /** Every event id, for `related`; leave out where unknown (the form). */
  eventIds?: ReadonlySet<string>;
}

/** An event's problems with the rest of the archive: its incident, dates, addresses, references. */
export function eventProblems(event: TimelineEvent, context: EventContext): Problem[] {
  const problems: Problem[] = [];
  const { file, parsed, incident: zone } = context;
  const at = (path: (string | number)[], message: string) =>
    problems.push({ file, ...parsed.locate(path), field: fieldName(path), message });
  const incidentId = context.id.split('/')[0];
  if (!(context.incidentExists ?? !!zone))
    problems.push({ file, line: 1, column: 1, field: 'file', message: unknownIncidentMessage(incidentId, context.incidentIds) });
  if (zone && event.end !== undefined && endsBeforeStart(toPartialDate(event.date), toPartialDate(event.end), zone.timezone)) {
    at(['end'], `end ${event.end} is before date ${event.date} (read in ${zone.timezone})`);
  }
  if (zone) {
    const vote = dateSpan(toPartialDate(zone.vote), zone.timezone).start;
    const years = MAX_YEARS_FROM_VOTE * 365.25 * 24 * 3600 * 1000;
    for (const field of ['date', 'end'] as const) {
      const value = event[field];
      if (value === undefined) continue;
      const span = dateSpan(toPartialDate(value), zone.timezone);
      if (span.end < vote - years || span.start > vote + years)
        at([field], `${value} is more than ${MAX_YEARS_FROM_VOTE} years from the vote (${zone.vote}); is the year a typo?`);
    }
  }
  event.sources.forEach((source, i) => {
    for (const field of ['url', 'archived'] as const) {
      const url = source[field];
      if (url !== undefined && isExampleAddress(url))
        at(['sources', i, field], `${new URL(url).hostname} is the template's placeholder: give the address of the source itself`);
    }
  });
  for (const ref of eventActorReferences(event))
    if (!context.actorIds.has(ref.id)) at(ref.path, unknownActorMessage(ref.id, context.actorIds));
  if (context.eventIds) {
    const eventIds = context.eventIds;
    event.related?.forEach((id, i) => {
      if (id === context.id) at(['related', i], 'an event cannot be related to itself');
      else if (!eventIds.has(id)) {
        const hint = didYouMean(
          suggestIds(
            id,
            [...eventIds].filter((other) => other !== context.id),
          ),
        );
        at(['related', i], `no event "${id}" (expected ${entryFile('events', id)})${hint ? `; ${hint}` : ''}`);
      }
    });
  }
  return problems;
}

const SINGULAR: Record<SchemaName, string> = { incidents: 'incident', actors: 'actor', events: 'event' };

/** "no event … to translate" with the nearest ids. */
export function unknownOriginalMessage(collection: SchemaName, id: string, lang: string, originalIds: Iterable<string>): string {
  const suggestions = suggestIds(id, originalIds);
  const hint = didYouMean(suggestions);
  const original = entryFile(collection, id);
  const { extension } = COLLECTIONS[collection];
  const rename =
    suggestions.length === 1
      ? `rename this file ${suggestions[0].split('/').at(-1)}.${lang}${extension}`
      : `rename this file <id>.${lang}${extension}`;
  return (
    `no ${SINGULAR[collection]} "${id}" to translate (a translation sits beside its original, ` +
    `${original})${hint ? `; ${hint} If so, ${rename}` : ': fix the file name, or add the original first'}`
  );
}

/** A translation's problems with its original: the dates it claims against the original's last review. */
export function translationProblems(
  translation: { reviewed?: string; translatedFrom?: string },
  original: { reviewed?: string } | undefined,
  context: { file: string; parsed: ParsedContent },
): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string, message: string, severity?: 'warning') =>
    problems.push({ file: context.file, ...context.parsed.locate([path]), field: path, message, ...(severity ? { severity } : {}) });
  const originalReviewed = original?.reviewed;
  if (originalReviewed === undefined) return problems;
  if (translation.translatedFrom !== undefined && translation.translatedFrom > originalReviewed) {
    at(
      'translatedFrom',
      `${translation.translatedFrom} is later than the original's reviewed date (${originalReviewed}): write the ` +
        `original's reviewed date the translation was made from`,
    );
  }
  if (translation.reviewed !== undefined && originalReviewed > translation.reviewed) {
    at(
      'reviewed',
      `the original was reviewed on ${originalReviewed}, after this translation (${translation.reviewed}): the ` +
        `translated page tells readers the original changed since; check the translation against it and update reviewed`,
      'warning',
    );
  }
  return problems;
}
