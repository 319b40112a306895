/**
 * Checks every content file without building the site, and reports every problem: file
 * layout and ids, YAML syntax, the schema, MDX body safety, and that every reference resolves.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { parseMdxSource, parseYamlSource, type ParsedContent } from '../content/frontmatter.ts';
import { COLLECTIONS, CONTENT_DIR, idFromEntryPath, incidentOfEvent, type CollectionName } from '../content/layout.ts';
import { ActorSchema, EventSchema, IncidentSchema, eventActorReferences, type Actor, type Incident, type TimelineEvent } from '../schema/index.ts';
import { endsBeforeStart, toPartialDate } from '../dates.ts';
import { checkMdxBody } from './mdx-safety.ts';
import { fieldName, sortProblems, type Problem } from './problems.ts';
import { schemaProblems } from './schema-issues.ts';

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

function walk(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(join(dir, entry.name), rel) : [rel];
  });
}

interface Parsed {
  collection: CollectionName;
  id: string;
  file: string;
  parsed: ParsedContent;
  data?: unknown;
}

/** Validates the content under `root` (the project folder). */
export function validateContent(root: string): ContentReport {
  const problems: Problem[] = [];
  const files = { incidents: [], actors: [], events: [] } as Record<CollectionName, string[]>;
  const valid: Parsed[] = [];
  const contentRoot = join(root, CONTENT_DIR);

  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    const dir = join(contentRoot, COLLECTIONS[collection].dir);
    for (const relativePath of walk(dir).sort()) {
      const file = relative(root, join(dir, relativePath)).split('\\').join('/');
      files[collection].push(file);
      const id = idFromEntryPath(collection, relativePath);
      if (!id.ok) {
        problems.push({ file, line: 1, column: 1, field: 'file', message: id.message });
        continue;
      }
      const source = readFileSync(join(dir, relativePath), 'utf8');
      const parsed = collection === 'actors' ? parseYamlSource(source) : parseMdxSource(source);
      for (const error of parsed.syntaxErrors) {
        problems.push({ file, ...error.position, field: 'frontmatter', message: `YAML: ${error.message}` });
      }
      if (collection !== 'actors') {
        for (const bodyProblem of checkMdxBody(parsed.body, parsed.bodyStartLine)) {
          problems.push({ file, line: bodyProblem.line, column: bodyProblem.column, field: 'body', message: bodyProblem.message });
        }
      }
      if (parsed.data === undefined && parsed.syntaxErrors.length) continue;
      const result = SCHEMAS[collection].safeParse(parsed.data ?? {});
      if (!result.success) {
        problems.push(...schemaProblems(file, SCHEMAS[collection], result.error.issues, parsed));
        continue;
      }
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
    if (!actorIds.has(id)) missing(entry, path, `no actor "${id}": add src/content/actors/${id}.yaml or fix the id`);
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
        message: `folder "${incident}" names no incident: add src/content/incidents/${incident}.mdx`,
      });
    }
    const zone = incidents.find((i) => i.id === incident)?.data as Incident | undefined;
    if (zone && event.end !== undefined && endsBeforeStart(toPartialDate(event.date), toPartialDate(event.end), zone.election.timezone)) {
      missing(entry, ['end'], `end ${event.end} is before date ${event.date} (read in ${zone.election.timezone})`);
    }
    for (const ref of eventActorReferences(event)) checkActor(entry, ref.path, ref.id);
    event.related?.forEach((id, i) => {
      if (id === entry.id) missing(entry, ['related', i], 'an event cannot be related to itself');
      else if (!eventIds.has(id)) missing(entry, ['related', i], `no event "${id}" (expected src/content/events/${id}.mdx)`);
    });
  }

  const toEntries = <T>(list: Parsed[]) =>
    list.map((entry) => ({ id: entry.id, file: entry.file, data: entry.data as T, body: entry.parsed.body }));
  return {
    problems: sortProblems(problems),
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
