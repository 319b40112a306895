/**
 * Checks every content file without building the site, and reports every problem: file
 * layout and ids, YAML syntax, the schema, MDX body safety, and that every reference resolves.
 */
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { parseMdxSource, parseYamlSource, type ParsedContent } from '../content/frontmatter.ts';
import { COLLECTIONS, CONTENT_DIR, idFromEntryPath, incidentOfEvent, type CollectionName } from '../content/layout.ts';
import { readContentSource } from '../content/source-file.ts';
import { reservedIdProblem } from '../routes.ts';
import { ActorSchema, EventSchema, IncidentSchema, eventActorReferences, type Actor, type Incident, type TimelineEvent } from '../schema/index.ts';
import { dateSpan, endsBeforeStart, toPartialDate } from '../dates.ts';
import { checkMdxBody } from './mdx-safety.ts';
import { fieldName, sortProblems, type Problem } from './problems.ts';
import { didYouMean, schemaProblems, suggestIds } from './schema-issues.ts';

export interface ContentEntry<T> {
  id: string;
  /** Path from the project root. */
  file: string;
  data: T;
  body: string;
}

export interface ContentReport {
  problems: Problem[];
  /** Every content file found, valid or not, by collection. */
  files: Record<CollectionName, string[]>;
  incidents: ContentEntry<Incident>[];
  actors: ContentEntry<Actor>[];
  events: ContentEntry<TimelineEvent>[];
}

const SCHEMAS: Record<CollectionName, z.ZodType> = { incidents: IncidentSchema, actors: ActorSchema, events: EventSchema };

/** How far from its incident's vote an event may lie before its date is taken for a typo. */
export const MAX_YEARS_FROM_VOTE = 30;

/** Entries of a collection folder: files to read, and anything else that needs a word. */
interface Walked {
  files: string[];
  odd: { path: string; message: string }[];
}

/**
 * Lists a collection folder. Nothing in it is silently skipped: hidden files, empty
 * folders, folders named like content files, symbolic links and special files are reported.
 */
function walk(dir: string, prefix = '', out: Walked = { files: [], odd: [] }): Walked {
  if (!existsSync(dir)) return out;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    out.odd.push({ path: prefix, message: `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return out;
  }
  if (prefix && entries.length === 0) out.odd.push({ path: prefix, message: 'empty folder: remove it, or add the files it was made for' });
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.')) {
      out.odd.push({ path: rel, message: 'hidden files and folders are not read as content: rename it without the leading dot, or remove it' });
    } else if (entry.isSymbolicLink()) {
      out.odd.push({ path: rel, message: 'is a symbolic link; content must be plain files in the repository' });
    } else if (entry.isDirectory()) {
      if (/\.(mdx|md|ya?ml)$/i.test(entry.name)) out.odd.push({ path: rel, message: 'is a folder named like a content file; content files are plain files' });
      else walk(join(dir, entry.name), rel, out);
    } else if (!entry.isFile()) {
      out.odd.push({ path: rel, message: 'is not a plain file (a device, a pipe or a socket); remove it' });
    } else {
      out.files.push(rel);
    }
  }
  return out;
}

interface Parsed {
  collection: CollectionName;
  id: string;
  file: string;
  parsed: ParsedContent;
  data?: unknown;
}

/** Hosts reserved for examples (RFC 2606): never a real source. */
function isExampleAddress(url: string): boolean {
  try {
    return /(^|\.)example(\.(com|org|net))?$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Every TODO the template (npm run new-event) left, in the frontmatter, its comments or the body. */
function placeholderProblems(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  const lines = text.split('\n');
  let fences = 0;
  lines.forEach((line, index) => {
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

/** Validates the content under `root` (the project folder). */
export interface ValidateOptions {
  /**
   * Check only these files (paths from the project root), plus what they refer to; every
   * other file is only listed, so that references to it resolve. Incidents are always read.
   */
  only?: readonly string[];
}

export function validateContent(root: string, { only }: ValidateOptions = {}): ContentReport {
  const selected = only ? new Set(only.map((file) => file.split('\\').join('/'))) : undefined;
  const problems: Problem[] = [];
  const files = { incidents: [], actors: [], events: [] } as Record<CollectionName, string[]>;
  const valid: Parsed[] = [];
  const contentRoot = join(root, CONTENT_DIR);

  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    const dir = join(contentRoot, COLLECTIONS[collection].dir);
    const walked = walk(dir);
    const toFile = (relativePath: string) => relative(root, join(dir, relativePath)).split('\\').join('/');
    if (!selected) for (const odd of walked.odd) problems.push({ file: toFile(odd.path), line: 1, column: 1, field: 'file', message: odd.message });
    for (const relativePath of walked.files.sort()) {
      const file = toFile(relativePath);
      files[collection].push(file);
      if (selected && !selected.has(file) && collection !== 'incidents') continue;
      const id = idFromEntryPath(collection, relativePath);
      if (!id.ok) {
        problems.push({ file, line: 1, column: 1, field: 'file', message: id.message });
        continue;
      }
      const reserved = reservedIdProblem(collection, id.id);
      if (reserved) problems.push({ file, line: 1, column: 1, field: 'file', message: reserved });
      const source = readContentSource(join(dir, relativePath));
      if (!source.ok) {
        problems.push({ file, ...source.position, field: 'file', message: `this file ${source.message}` });
        continue;
      }
      const parsed = collection === 'actors' ? parseYamlSource(source.text) : parseMdxSource(source.text);
      problems.push(...placeholderProblems(file, source.text));
      for (const error of parsed.syntaxErrors) {
        problems.push({ file, ...error.position, field: error.field ?? 'frontmatter', message: error.message });
      }
      if (collection !== 'actors' && parsed.body) {
        for (const bodyProblem of checkMdxBody(parsed.body)) {
          problems.push({ file, line: bodyProblem.line, column: bodyProblem.column, field: 'body', message: bodyProblem.message });
        }
      }
      if (parsed.data === undefined && parsed.syntaxErrors.length) continue;
      const result = SCHEMAS[collection].safeParse(parsed.data ?? {});
      if (!result.success) {
        // Where a YAML error damaged a field, its schema problems are the error's cascade.
        const damaged = parsed.damaged;
        const isCascade = (problem: Problem) =>
          !!damaged?.any &&
          (problem.message === 'is required' || [...damaged.keys].some((key) => problem.field === key || problem.field.startsWith(`${key}.`) || problem.field.startsWith(`${key}[`)));
        problems.push(...schemaProblems(file, SCHEMAS[collection], result.error.issues, parsed).filter((problem) => !isCascade(problem)));
        continue;
      }
      if (parsed.syntaxErrors.length) continue;
      valid.push({ collection, id: id.id, file, parsed, data: result.data });
    }
  }

  const incidents = valid.filter((entry) => entry.collection === 'incidents');
  const actors = valid.filter((entry) => entry.collection === 'actors');
  const events = valid.filter((entry) => entry.collection === 'events');
  // References resolve against every file that exists, valid or not, so that one broken
  // file does not cascade into "unknown id" problems in every file that names it.
  const existing = (collection: CollectionName) =>
    new Set(
      files[collection]
        .map((file) => idFromEntryPath(collection, file.slice(`${CONTENT_DIR}/${COLLECTIONS[collection].dir}/`.length)))
        .flatMap((id) => (id.ok ? [id.id] : [])),
    );
  const actorIds = existing('actors');
  const incidentIds = existing('incidents');
  const eventIds = existing('events');

  const missing = (entry: Parsed, path: (string | number)[], message: string) =>
    problems.push({ file: entry.file, ...entry.parsed.locate(path), field: fieldName(path), message });
  const checkActor = (entry: Parsed, path: (string | number)[], id: string) => {
    if (actorIds.has(id)) return;
    const hint = didYouMean(suggestIds(id, actorIds));
    missing(entry, path, `no actor "${id}"${hint ? `; ${hint} If it is someone new,` : ':'} add src/content/actors/${id}.yaml${hint ? '' : ' or fix the id'}`);
  };

  for (const entry of incidents) {
    (entry.data as Incident).targets.forEach((id, i) => checkActor(entry, ['targets', i], id));
  }
  for (const entry of actors) {
    (entry.data as Actor).aliases?.forEach((alias, i) => alias.by !== undefined && checkActor(entry, ['aliases', i, 'by'], alias.by));
  }
  for (const entry of events) {
    const event = entry.data as TimelineEvent;
    const incident = incidentOfEvent(entry.id);
    if (!incidentIds.has(incident)) {
      problems.push({
        file: entry.file,
        line: 1,
        column: 1,
        field: 'file',
        message: `folder "${incident}" names no incident${didYouMean(suggestIds(incident, incidentIds)) ? ` (${didYouMean(suggestIds(incident, incidentIds))})` : ''}: add src/content/incidents/${incident}.mdx or move the file`,
      });
    }
    const zone = incidents.find((i) => i.id === incident)?.data as Incident | undefined;
    if (zone && event.end !== undefined && endsBeforeStart(toPartialDate(event.date), toPartialDate(event.end), zone.election.timezone)) {
      missing(entry, ['end'], `end ${event.end} is before date ${event.date} (read in ${zone.election.timezone})`);
    }
    if (zone) {
      const vote = dateSpan(toPartialDate(zone.election.vote), zone.election.timezone).start;
      const years = MAX_YEARS_FROM_VOTE * 365.25 * 24 * 3600 * 1000;
      for (const field of ['date', 'end'] as const) {
        const value = event[field];
        if (value === undefined) continue;
        const span = dateSpan(toPartialDate(value), zone.election.timezone);
        if (span.end < vote - years || span.start > vote + years) {
          missing(entry, [field], `${value} is more than ${MAX_YEARS_FROM_VOTE} years from the vote (${zone.election.vote}); is the year a typo?`);
        }
      }
    }
    event.sources.forEach((source, i) => {
      for (const field of ['url', 'archived'] as const) {
        const url = source[field];
        if (url !== undefined && isExampleAddress(url)) missing(entry, ['sources', i, field], `${new URL(url).hostname} is the template's placeholder: give the address of the source itself`);
      }
    });
    for (const ref of eventActorReferences(event)) checkActor(entry, ref.path, ref.id);
    event.related?.forEach((id, i) => {
      if (id === entry.id) missing(entry, ['related', i], 'an event cannot be related to itself');
      else if (!eventIds.has(id)) {
        const hint = didYouMean(suggestIds(id, [...eventIds].filter((other) => other !== entry.id)));
        missing(entry, ['related', i], `no event "${id}" (expected src/content/events/${id}.mdx)${hint ? `; ${hint}` : ''}`);
      }
    });
  }

  const toEntries = <T>(list: Parsed[]) =>
    list.map((entry) => ({ id: entry.id, file: entry.file, data: entry.data as T, body: entry.parsed.body }));
  return {
    problems: sortProblems(selected ? problems.filter((problem) => selected.has(problem.file)) : problems),
    files,
    incidents: toEntries<Incident>(incidents),
    actors: toEntries<Actor>(actors),
    events: toEntries<TimelineEvent>(events),
  };
}

/** True when `dir` looks like a project with content (used by the CLI for a helpful message). */
export function hasContentDir(root: string): boolean {
  return existsSync(join(root, CONTENT_DIR)) && statSync(join(root, CONTENT_DIR)).isDirectory();
}
