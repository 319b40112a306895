/**
 * Checks every content file without building the site, and reports every problem: file
 * layout and ids, YAML syntax, the schema, MDX body safety, and that every reference resolves.
 */
import { type Dirent, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ParsedContent } from '../content/frontmatter.ts';
import { COLLECTIONS, CONTENT_DIR, classifyEntryPath, idFromEntryPath, incidentOfEvent, type CollectionName } from '../content/layout.ts';
import { hasContent, type TranslationEntry, type TranslationLocale } from '../content/translations.ts';
import { readContentSource } from '../content/source-file.ts';
import { reservedIdProblem } from '../routes.ts';
import type { Actor, ActorTranslation, EventTranslation, Incident, IncidentTranslation, TimelineEvent } from '../schema/index.ts';
import { checkMdxBody } from './mdx-safety.ts';
import { fieldName, sortProblems, type Problem } from './problems.ts';
import { eventProblems, fileProblems, translationProblems, unknownActorMessage, unknownOriginalMessage } from './entry-checks.ts';

/** A content file read and checked: its id, file and data. */
export interface ContentEntry<T> {
  id: string;
  /** Path from the project root. */
  file: string;
  data: T;
  body: string;
}

/** Every problem found, and the entries read, by collection. */
export interface ContentReport {
  problems: Problem[];
  /** Every content file found, valid or not, by collection. */
  files: Record<CollectionName, string[]>;
  incidents: ContentEntry<Incident>[];
  actors: ContentEntry<Actor>[];
  events: ContentEntry<TimelineEvent>[];
  /** Every translation file found (`<slug>.fr.mdx`, `<id>.fr.yaml`), valid or not, by collection. */
  translationFiles: Record<CollectionName, string[]>;
  /** The valid translations whose original exists, by collection. */
  translations: {
    incidents: TranslatedEntry<IncidentTranslation>[];
    actors: TranslatedEntry<ActorTranslation>[];
    events: TranslatedEntry<EventTranslation>[];
  };
}

/** A translation as the validator read it: the archive's TranslationEntry, with its file and body. */
export interface TranslatedEntry<T extends object> extends TranslationEntry<T> {
  file: string;
  body: string;
}

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
  let entries: Dirent[];
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
      out.odd.push({
        path: rel,
        message: 'hidden files and folders are not read as content: rename it without the leading dot, or remove it',
      });
    } else if (entry.isSymbolicLink()) {
      out.odd.push({ path: rel, message: 'is a symbolic link; content must be plain files in the repository' });
    } else if (entry.isDirectory()) {
      if (/\.(mdx|md|ya?ml)$/i.test(entry.name))
        out.odd.push({ path: rel, message: 'is a folder named like a content file; content files are plain files' });
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
  /** Set for a translation file: its language (`id` is then the original's id). */
  lang?: TranslationLocale;
  id: string;
  file: string;
  parsed: ParsedContent;
  data?: unknown;
}

/** Validates the content under `root` (the project folder). */
export interface ValidateOptions {
  /**
   * Check only these files (paths from the project root), plus what they refer to; every
   * other file is only listed, so that references to it resolve. Incidents are always read.
   */
  only?: readonly string[];
  /** Checks one file; by default entry-checks' fileProblems (the CLI passes a cached one, lib/validate/file-cache.ts). */
  checkFile?: typeof fileProblems;
}

/** Checks every content file under root (or only some) and reports every problem at once. */
export function validateContent(root: string, { only, checkFile = fileProblems }: ValidateOptions = {}): ContentReport {
  const selected = only ? new Set(only.map((file) => file.split('\\').join('/'))) : undefined;
  const problems: Problem[] = [];
  const files = { incidents: [], actors: [], events: [] } as Record<CollectionName, string[]>;
  const translationFiles = { incidents: [], actors: [], events: [] } as Record<CollectionName, string[]>;
  const valid: Parsed[] = [];
  /** Every translation file with a well-formed name, valid or not: each must name an original. */
  const named: { collection: CollectionName; file: string; id: string; lang: TranslationLocale }[] = [];
  const contentRoot = join(root, CONTENT_DIR);

  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    const dir = join(contentRoot, COLLECTIONS[collection].dir);
    const walked = walk(dir);
    const toFile = (relativePath: string) => relative(root, join(dir, relativePath)).split('\\').join('/');
    if (!selected)
      for (const odd of walked.odd) problems.push({ file: toFile(odd.path), line: 1, column: 1, field: 'file', message: odd.message });
    for (const relativePath of walked.files.sort()) {
      const file = toFile(relativePath);
      const path = classifyEntryPath(collection, relativePath);
      const isTranslation = path.ok && path.kind === 'translation';
      (isTranslation ? translationFiles : files)[collection].push(file);
      if (selected && !selected.has(file) && (collection !== 'incidents' || isTranslation)) continue;
      if (!path.ok) {
        problems.push({ file, line: 1, column: 1, field: 'file', message: path.message });
        continue;
      }
      if (path.kind === 'translation') named.push({ collection, file, id: path.id, lang: path.lang });
      const reserved = isTranslation ? undefined : reservedIdProblem(collection, path.id);
      if (reserved) problems.push({ file, line: 1, column: 1, field: 'file', message: reserved });
      const source = readContentSource(join(dir, relativePath));
      if (!source.ok) {
        problems.push({ file, ...source.position, field: 'file', message: `this file ${source.message}` });
        continue;
      }
      // A translation is read and checked exactly as an original (same splitter, YAML rules
      // and body policy), against the fields its schema picks from the original's.
      const checked = checkFile(collection, file, source.text, checkMdxBody, { translation: isTranslation });
      problems.push(...checked.problems);
      if (checked.data === undefined) continue;
      valid.push({
        collection,
        id: path.id,
        lang: path.kind === 'translation' ? path.lang : undefined,
        file,
        parsed: checked.parsed,
        data: checked.data,
      });
    }
  }

  const originals = valid.filter((entry) => entry.lang === undefined);
  const incidents = originals.filter((entry) => entry.collection === 'incidents');
  const actors = originals.filter((entry) => entry.collection === 'actors');
  const events = originals.filter((entry) => entry.collection === 'events');
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
    if (!actorIds.has(id)) missing(entry, path, unknownActorMessage(id, actorIds));
  };

  for (const entry of incidents) {
    (entry.data as Incident).targets.forEach((id, i) => {
      checkActor(entry, ['targets', i], id);
    });
  }
  for (const entry of actors) {
    (entry.data as Actor).aliases?.forEach((alias, i) => {
      if (alias.by !== undefined) checkActor(entry, ['aliases', i, 'by'], alias.by);
    });
  }
  for (const entry of events) {
    const incident = incidents.find((i) => i.id === incidentOfEvent(entry.id))?.data as Incident | undefined;
    problems.push(
      ...eventProblems(entry.data as TimelineEvent, {
        id: entry.id,
        file: entry.file,
        parsed: entry.parsed,
        incident: incident && { vote: incident.election.vote, timezone: incident.election.timezone },
        incidentExists: incidentIds.has(incidentOfEvent(entry.id)),
        incidentIds,
        actorIds,
        eventIds,
      }),
    );
  }

  // Every translation names an existing original (by its file name); the dates it gives
  // are checked against the original's last review.
  const translated = valid.filter((entry) => entry.lang !== undefined);
  const translations: ContentReport['translations'] = { incidents: [], actors: [], events: [] };
  const idsOf = { incidents: incidentIds, actors: actorIds, events: eventIds };
  for (const entry of named) {
    if (!idsOf[entry.collection].has(entry.id)) {
      problems.push({
        file: entry.file,
        line: 1,
        column: 1,
        field: 'file',
        message: unknownOriginalMessage(entry.collection, entry.id, entry.lang, idsOf[entry.collection]),
      });
    }
  }
  for (const entry of translated) {
    const { collection } = entry;
    if (!idsOf[collection].has(entry.id)) continue;
    const original = originals.find((other) => other.collection === collection && other.id === entry.id);
    const data = entry.data as { reviewed?: string; translatedFrom?: string };
    problems.push(...translationProblems(data, original?.data as { reviewed?: string } | undefined, entry));
    (translations[collection] as TranslatedEntry<object>[]).push({
      id: entry.id,
      lang: entry.lang!,
      data: data as object,
      file: entry.file,
      body: entry.parsed.body,
      hasBody: hasContent(entry.parsed.body),
    });
  }

  // Two events of one incident on the same date with the same title or summary are likely
  // the same event added twice (for instance from the form and by hand).
  const seen = new Map<string, Parsed>();
  for (const entry of events) {
    const event = entry.data as TimelineEvent;
    const incident = incidentOfEvent(entry.id);
    for (const text of [event.title, event.summary]) {
      const key = `${incident}\u0000${event.date}\u0000${text.trim().toLowerCase()}`;
      const first = seen.get(key);
      if (first && first !== entry) {
        problems.push({
          file: entry.file,
          ...entry.parsed.locate([text === event.title ? 'title' : 'summary']),
          field: text === event.title ? 'title' : 'summary',
          severity: 'warning',
          message: `same date and ${text === event.title ? 'title' : 'summary'} as ${first.file}: is this event a duplicate?`,
        });
        break;
      }
      seen.set(key, entry);
    }
  }

  const toEntries = <T>(list: Parsed[]) =>
    list.map((entry) => ({ id: entry.id, file: entry.file, data: entry.data as T, body: entry.parsed.body }));
  return {
    problems: sortProblems(selected ? problems.filter((problem) => selected.has(problem.file)) : problems),
    files,
    incidents: toEntries<Incident>(incidents),
    actors: toEntries<Actor>(actors),
    events: toEntries<TimelineEvent>(events),
    translationFiles,
    translations,
  };
}

/** True when `dir` looks like a project with content (used by the CLI for a helpful message). */
export function hasContentDir(root: string): boolean {
  return existsSync(join(root, CONTENT_DIR)) && statSync(join(root, CONTENT_DIR)).isDirectory();
}
