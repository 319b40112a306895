/**
 * Reads content files the way the build reads them. Frontmatter is split from the body by
 * the very function Astro's MDX integration uses, so the validator checks exactly the text
 * the build compiles. YAML is then parsed with the YAML 1.2 core schema, so
 * `2017-05-05T20:35+02:00` stays a string (with its offset) and `NO` stays "NO"; only a bare
 * year such as `2016` arrives as a number, which the date schema accepts.
 */
import { extractFrontmatter, parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { readPlainYaml } from './plain-yaml.ts';
import { yamlMessage } from './yaml-messages.ts';

/** A place in a source file: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** A problem found while reading a file, before any schema. */
export interface SyntaxProblem {
  position: Position;
  message: string;
  /** The top-level field the problem sits in, when there is one. */
  field?: string;
}

/** A content file read: its data, its body, and where each field sits (for messages that point at a line). */
export interface ParsedContent {
  /** Frontmatter (or the whole YAML file) as plain data; undefined if it could not be read. */
  data: unknown;
  /** Problems of the file's form or YAML syntax, already positioned in the file. */
  syntaxErrors: SyntaxProblem[];
  /**
   * Top-level fields that a YAML error touched: their values (and any field that went
   * missing) are the error's cascade, so the schema's opinion of them is not reported.
   */
  damaged?: { keys: Set<string>; any: boolean };
  /** Position in the file of the key (or item) at a frontmatter path. */
  locate(path: readonly PropertyKey[]): Position;
  /**
   * The MDX body exactly as the build compiles it: the whole file with the frontmatter
   * blanked out by spaces, so that body positions are file positions. Empty for YAML files
   * and for files whose frontmatter could not be split.
   */
  body: string;
}

/** Deepest nesting of maps and lists accepted in YAML (the deepest field today is 3). */
export const MAX_YAML_DEPTH = 8;

const OPENING = /^\uFEFF?---\r?\n/;

/** The frontmatter text and the body as the build sees them, or the one reason it cannot split. */
export type Split =
  | {
      ok: true;
      yaml: string;
      body: string;
      buildError?: SyntaxProblem;
      /** The frontmatter's data when it is plain YAML (plain-yaml.ts); null when it is not. */
      plain?: Record<string, unknown> | null;
    }
  | { ok: false; problem: SyntaxProblem };

/** Splits `---` frontmatter from an MDX body with Astro's own function, and refuses ambiguous fences. */
export function splitFrontmatter(source: string): Split {
  const start = { line: 1, column: 1 };
  if (!OPENING.test(source)) {
    const first = source.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
    const hint = first.startsWith('+++')
      ? ' (TOML frontmatter is not used here; write YAML between --- lines)'
      : first.trim() === ''
        ? ' (remove the blank lines above it)'
        : '';
    return {
      ok: false,
      problem: {
        position: start,
        message: `the file must start with a line of exactly three dashes, ---, that opens the frontmatter${hint}`,
      },
    };
  }
  let yaml: string | undefined = extractFrontmatter(source);
  let body = '';
  let buildError: SyntaxProblem | undefined;
  let plain: Record<string, unknown> | null | undefined;
  if (yaml === undefined) {
    // What Astro's parseFrontmatter gives for a frontmatter it cannot find.
    yaml = '';
    body = source;
  } else {
    // Plain YAML that js-yaml reads is YAML the build reads (plain-yaml.ts; proven by
    // tests/unit/security/yaml-agreement.test.ts): only other YAML needs the build's reader.
    plain = yamlTooDeep(yaml) === undefined ? (readPlainYaml(yaml) ?? null) : null;
    try {
      const parsed = plain ? undefined : parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
      // The body exactly as parseFrontmatter's 'empty-with-spaces' makes it (the split tests compare the two).
      body = parsed?.content ?? source.replace(`---${yaml}---`, `   ${yaml.replace(/[^\r\n]/g, ' ')}   `);
    } catch (error) {
      // The build's YAML reader refused it: the build would stop here, so the validator says so.
      const e = error as { reason?: string; message?: string; mark?: { line: number; column: number } };
      buildError = {
        position: e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : start,
        message: `the build cannot read this frontmatter: ${(e.reason ?? e.message ?? String(error)).split('\n')[0]}`,
      };
    }
  }
  if (yaml === undefined) {
    return {
      ok: false,
      problem: {
        position: start,
        message: 'the frontmatter is never closed: add a line of exactly three dashes, ---, after the last field',
      },
    };
  }
  // Astro ends the frontmatter at the first line that *starts* with ---, whatever follows it
  // ("--- # note", "----"). Anything after it would silently become MDX, so it must be bare.
  const closeAt = (source.startsWith('\uFEFF') ? 1 : 0) + 3 + yaml.length;
  const rest = /^---([^\r\n]*)/.exec(source.slice(closeAt))?.[1] ?? '';
  if (rest.trim() !== '') {
    const line = source.slice(0, closeAt).split('\n').length;
    return {
      ok: false,
      problem: {
        position: { line, column: 1 },
        message:
          `line ${line} ("---${rest.slice(0, 40)}") ends the frontmatter here: a line that starts with --- ` +
          `must be exactly ---. Put comments and text on their own lines, or quote the value`,
      },
    };
  }
  return { ok: true, yaml, body, buildError, plain };
}

/** Depth of flow brackets and indentation, measured without parsing (a parser may recurse). */
function yamlTooDeep(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const indent = /^[ -]*/.exec(line)![0].length;
    if (indent > MAX_YAML_DEPTH * 6) return offset;
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '#' && (i === 0 || line[i - 1] === ' ')) {
        break;
      } else if (char === '[' || char === '{') {
        if (++depth > MAX_YAML_DEPTH) return offset + i;
      } else if (char === ']' || char === '}') {
        depth = Math.max(0, depth - 1);
      }
    }
    if (quote === "'") quote = undefined; // a stray apostrophe in plain text ends with the line
    offset += line.length + 1;
  }
  return undefined;
}

/** The top-level field a line of YAML belongs to, read from the text (a broken parse may say otherwise). */
function topLevelKeyAt(lines: readonly string[], line: number): string | undefined {
  for (let index = line - 1; index >= 0; index--) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[index] ?? '')?.[1];
    if (key) return key;
  }
  return undefined;
}

type ParsedYaml = Pick<ParsedContent, 'data' | 'syntaxErrors' | 'damaged' | 'locate'>;

/**
 * Reads YAML text that starts at `startLine`:`startColumn` of its file. Plain YAML (as
 * nearly every content file is) is read fast by plain-yaml.ts, to the same data; the `yaml`
 * package then reads it only if a check asks where a field is. Anything else is read by
 * the `yaml` package at once, for its positions and messages.
 */
function parseYaml(text: string, startLine: number, startColumn = 1, plain?: Record<string, unknown> | null): ParsedYaml {
  if (plain !== null && (plain !== undefined || yamlTooDeep(text) === undefined)) {
    const data = plain ?? readPlainYaml(text);
    if (data !== undefined) {
      let full: ParsedYaml | undefined;
      const locate = (path: readonly PropertyKey[]) => {
        full ??= parseYamlFully(text, startLine, startColumn);
        return full.locate(path);
      };
      return { data, syntaxErrors: [], damaged: { keys: new Set(), any: false }, locate };
    }
  }
  return parseYamlFully(text, startLine, startColumn);
}

/** The `yaml` package's reading alone, never the fast one (tests compare the two). */
export function parseYamlFully(text: string, startLine = 1, startColumn = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + startLine - 1, column: line === 1 ? col + startColumn - 1 : col };
  };
  const tooDeep = yamlTooDeep(text);
  if (tooDeep !== undefined) {
    const before = text.slice(0, tooDeep).split('\n');
    return {
      data: undefined,
      syntaxErrors: [
        {
          position: { line: before.length + startLine - 1, column: before[before.length - 1].length + 1 },
          message: `the YAML nests more than ${MAX_YAML_DEPTH} levels deep here; no field needs that`,
        },
      ],
      locate: () => ({ line: startLine, column: 1 }),
    };
  }
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false, merge: false });
  const lines = text.split('\n');
  // One message per root cause: the parser may report several errors on one line.
  const seenLines = new Set<number>();
  const syntaxErrors: SyntaxProblem[] = [];
  for (const error of doc.errors) {
    let { line } = lineCounter.linePos(error.pos[0]);
    if (/closing "?quote/i.test(error.message)) {
      // The parser notices at the end of the file; the editor needs the line the quote opened on.
      const opened = lines.slice(0, line).findLastIndex((text) => (text.replace(/\\"/g, '').match(/"/g)?.length ?? 0) % 2 === 1);
      if (opened >= 0) line = opened + 1;
    }
    // One root cause per top-level field: what follows an error in the same block is its cascade.
    const block = topLevelKeyAt(lines, line);
    if (seenLines.has(line) || [...seenLines].some((seen) => topLevelKeyAt(lines, seen) === block && seen < line)) continue;
    seenLines.add(line);
    syntaxErrors.push({
      position: { line: line + startLine - 1, column: 1 },
      message: yamlMessage({ code: error.code, message: error.message, lineText: lines[line - 1] ?? '', previousLine: lines[line - 2] }),
    });
  }
  const security: SyntaxProblem[] = [];
  const hashtags: SyntaxProblem[] = [];
  // Anchors and aliases let a few lines stand for a huge document, and tags and merge keys
  // change what a value means at a distance: plain data needs none of them.
  visit(doc, {
    Node(key, node) {
      const at = toPosition(node.range?.[0] ?? 0);
      if (isAlias(node))
        security.push({ position: at, message: `YAML aliases (*${node.source}) are not allowed: write the value out in full` });
      else if (node.anchor)
        security.push({ position: at, message: `YAML anchors (&${node.anchor}) are not allowed: write each value out in full` });
      if (node.tag && !isAlias(node))
        security.push({
          position: at,
          message: `YAML tags (${node.tag.replace('tag:yaml.org,2002:', '!!')}) are not allowed: write plain values, quoted if need be`,
        });
      if (key === 'key' && isScalar(node) && node.value === '<<')
        security.push({ position: at, message: 'YAML merge keys (<<) are not allowed: write each field out' });
      // "title: Files #MacronLeaks posted" keeps only "Files": a # after a space starts a comment.
      if (
        key === 'value' &&
        isScalar(node) &&
        typeof node.source === 'string' &&
        node.comment &&
        /^\S/.test(node.comment) &&
        node.range &&
        lineCounter.linePos(node.range[1]).line === lineCounter.linePos(node.range[0]).line
      ) {
        hashtags.push({
          position: at,
          message:
            `the text from "#${node.comment.split(' ')[0]}" on is read as a comment, so this value is only ` +
            `"${String(node.value)}": put the whole value in double quotes`,
        });
      }
    },
  });
  syntaxErrors.push(...security, ...hashtags);
  // Which top-level field each problem falls in (named in its message), and which fields
  // the YAML errors damaged.
  const keyLines: { key: string; from: number; to: number }[] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const keyNode = pair.key as { range?: [number, number, number]; value?: unknown };
      const valueNode = pair.value as { range?: [number, number, number] } | null;
      keyLines.push({
        key: String(keyNode?.value),
        from: lineCounter.linePos(keyNode?.range?.[0] ?? 0).line,
        to: lineCounter.linePos(valueNode?.range?.[2] ?? keyNode?.range?.[2] ?? 0).line,
      });
    }
  }
  const fieldOnLine = (line: number) => topLevelKeyAt(lines, line) ?? keyLines.find((entry) => line >= entry.from && line <= entry.to)?.key;
  for (const problem of syntaxErrors) problem.field ??= fieldOnLine(problem.position.line - startLine + 1);
  const damagedKeys = new Set<string>();
  for (const line of seenLines) {
    const key = fieldOnLine(line);
    if (key !== undefined) damagedKeys.add(key);
  }
  let data: unknown;
  if (!security.length) {
    try {
      data = doc.toJS({ maxAliasCount: 0 });
    } catch (error) {
      syntaxErrors.push({ position: { line: startLine, column: 1 }, message: `YAML: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  // A field that is missing is reported where the fields begin.
  const first = toPosition(doc.contents?.range?.[0] ?? 0);
  return {
    data,
    syntaxErrors,
    damaged: { keys: damagedKeys, any: doc.errors.length > 0 },
    locate: (path: readonly PropertyKey[]) => locateIn(doc, path, toPosition, first),
  };
}

function locateIn(doc: Document, path: readonly PropertyKey[], toPosition: (offset: number) => Position, first: Position): Position {
  let node: unknown = doc.contents;
  let position: Position = first;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value ?? item.key) === String(segment));
      if (!pair) break;
      const key = pair.key as { range?: [number, number, number] };
      if (key?.range) position = toPosition(key.range[0]);
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      if (item.range) position = toPosition(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return position;
}

/** Parses an `.mdx` file (frontmatter and body), splitting it as the build does. */
export function parseMdxSource(source: string): ParsedContent {
  const split = splitFrontmatter(source);
  if (!split.ok) {
    return { data: undefined, syntaxErrors: [split.problem], locate: () => split.problem.position, body: '' };
  }
  // The YAML text starts right after the opening "---", at the end of line 1.
  const yaml = parseYaml(split.yaml, 1, 4, split.plain);
  if (split.buildError && !yaml.syntaxErrors.length) yaml.syntaxErrors.push(split.buildError);
  if (split.buildError) yaml.data = undefined;
  return { ...yaml, body: split.buildError ? '' : split.body };
}

/** Parses a `.yaml` data file. */
export function parseYamlSource(source: string): ParsedContent {
  return { ...parseYaml(source.replace(/^\uFEFF/, ''), 1), body: '' };
}
