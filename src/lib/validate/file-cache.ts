/**
 * Remembers which content files passed their own checks, so that `npm run validate` reads
 * again only the files that changed since (the editor's loop: one file edited, every other
 * one as it was). Like ESLint's --cache, and as safe:
 * - a file is remembered only when it had no problem at all, with the data the schema gave;
 * - it is found again only by the hash of its collection, its whole text and the options of
 *   the check, and only by the same validator (`key`: the launcher, scripts/validate.mjs,
 *   gives a hash of every file that went into its bundle, so a changed check, schema or
 *   dependency forgets everything);
 * - checks between files (references, dates against the incident, duplicates) always run;
 *   where one of them needs a position in a remembered file, the file is parsed again then.
 * A problem that depends on the day (a date "in the future") is never remembered, because
 * files with problems are not. `npm run validate -- --no-cache` checks every file afresh.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseMdxSource, parseYamlSource, type ParsedContent, type Position } from '../content/frontmatter.ts';
import type { fileProblems } from './entry-checks.ts';

type FileCheck = typeof fileProblems;

/**
 * SHA-1 of a text, in hex. node:crypto is loaded here, on first use, not with the module:
 * loading it loads all of Node's streams, which a run without the cache never needs.
 */
export function sha1(text: string, encoding: 'hex' | 'base64' = 'hex'): string {
  return process.getBuiltinModule('node:crypto').createHash('sha1').update(text).digest(encoding);
}

interface Remembered {
  /** Hash of collection, options and text. */
  hash: string;
  data: unknown;
  /** Length of the frontmatter that the body blanks out (MDX files). */
  blank?: number;
}

interface CacheFile {
  key: string;
  files: Record<string, Remembered>;
}

/** The MDX body as the build sees it: the frontmatter's characters (but line breaks) as spaces. */
function blankedBody(text: string, length: number): string {
  return text.slice(0, length).replace(/[^\r\n]/g, ' ') + text.slice(length);
}

/** A file's reading, done again only if something asks for more than its data. */
function rereadOnDemand(collection: string, text: string, _data: unknown, body: string): ParsedContent {
  let parsed: ParsedContent | undefined;
  const read = () => (parsed ??= collection === 'actors' ? parseYamlSource(text) : parseMdxSource(text));
  return {
    get data() {
      return read().data;
    },
    syntaxErrors: [],
    locate: (path: readonly PropertyKey[]): Position => read().locate(path),
    body,
  };
}

/** A cache of files that passed, by their content, so that a second run checks only what changed. */
export interface FileCache {
  /** fileProblems, answered from the cache for an unchanged file that had no problem. */
  check: FileCheck;
  /** Writes what was learnt (only if anything changed). */
  save(): void;
  /** How many files were answered from the cache, and how many were checked. */
  stats: { remembered: number; checked: number };
}

/** Opens (or starts) the cache stored at `path` for the validator identified by `key`. */
export function openFileCache(path: string, key: string, check: FileCheck): FileCache {
  let stored: CacheFile = { key, files: {} };
  if (existsSync(path)) {
    try {
      const read = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (read.key === key && read.files && typeof read.files === 'object') stored = read;
    } catch {
      // An unreadable cache is an empty one.
    }
  }
  const next: CacheFile = { key, files: {} };
  let changed = false;
  const stats = { remembered: 0, checked: 0 };

  const cached: FileCheck = (collection, file, text, ...rest) => {
    const options = rest.slice(1);
    const hash = sha1(`${collection}\u0000${JSON.stringify(options)}\u0000${text}`, 'base64');
    const hit = stored.files[file];
    if (hit && hit.hash === hash) {
      stats.remembered++;
      next.files[file] = hit;
      const body = hit.blank === undefined ? '' : blankedBody(text, hit.blank);
      return { problems: [], parsed: rereadOnDemand(collection, text, hit.data, body), data: hit.data };
    }
    stats.checked++;
    changed = true;
    const result = check(collection, file, text, ...rest);
    if (result.problems.length || result.data === undefined) return result;
    // Remember only what comes back exactly as it went in.
    const data = JSON.parse(JSON.stringify(result.data)) as unknown;
    if (JSON.stringify(data) !== JSON.stringify(result.data)) return result;
    let blank: number | undefined;
    if (collection !== 'actors') {
      const body = result.parsed.body;
      blank = body.length === text.length ? body.search(/[^ \r\n]|$/) : -1;
      // The body starts where the blanked frontmatter ends; check that it reads back the same.
      if (blank < 0 || blankedBody(text, blank) !== body) return result;
    }
    next.files[file] = { hash, data, blank };
    return result;
  };

  return {
    check: cached,
    stats,
    save() {
      if (!changed && Object.keys(next.files).length === Object.keys(stored.files).length) return;
      try {
        mkdirSync(dirname(path), { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(next));
        renameSync(temporary, path);
      } catch {
        // A cache that cannot be written only makes the next run slower.
      }
    },
  };
}
