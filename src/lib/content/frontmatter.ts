/**
 * Reads content files the way editors wrote them. YAML is parsed with the YAML 1.2 core
 * schema, so `2017-05-05T20:35+02:00` stays a string (with its offset) and `NO` stays "NO";
 * only a bare year such as `2016` arrives as a number, which the date schema accepts.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Document } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedContent {
  /** Frontmatter (or the whole YAML file) as plain data; undefined if it could not be read. */
  data: unknown;
  /** YAML syntax errors, already positioned in the file. */
  syntaxErrors: { position: Position; message: string }[];
  /** Position in the file of the key (or item) at a frontmatter path. */
  locate(path: readonly PropertyKey[]): Position;
  /** The MDX body, and the file line on which it starts. */
  body: string;
  bodyStartLine: number;
}

const FENCE = /^---\s*$/;

/** Splits `---` frontmatter from an MDX body, keeping line numbers. */
export function splitFrontmatter(source: string): { yaml: string; yamlStartLine: number; body: string; bodyStartLine: number } | undefined {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) return undefined;
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlStartLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyStartLine: close + 2,
  };
}

function parseYaml(text: string, startLine: number) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + startLine - 1, column: col };
  };
  const syntaxErrors = [...doc.errors, ...doc.warnings].map((error) => ({
    position: toPosition(error.pos[0]),
    message: error.message.split('\n')[0],
  }));
  let data: unknown;
  if (!doc.errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      // An alias without its anchor ("*a"), or too many aliases (a "billion laughs" file):
      // the yaml library throws these from toJS(), not as parse errors.
      const message = (error as Error).message.split('\n')[0];
      const alias = /: (\S+)$/.exec(message)?.[1];
      const at = alias ? text.indexOf(`*${alias}`) : -1;
      syntaxErrors.push({ position: at >= 0 ? toPosition(at) : { line: startLine, column: 1 }, message });
    }
  }
  return { data, syntaxErrors, locate: (path: readonly PropertyKey[]) => locateIn(doc, path, toPosition, startLine) };
}

function locateIn(doc: Document, path: readonly PropertyKey[], toPosition: (offset: number) => Position, startLine: number): Position {
  let node: unknown = doc.contents;
  let position: Position = { line: startLine, column: 1 };
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

/** Parses an `.mdx` file (frontmatter and body). */
export function parseMdxSource(source: string): ParsedContent {
  const split = splitFrontmatter(source);
  if (!split) {
    return {
      data: undefined,
      syntaxErrors: [{ position: { line: 1, column: 1 }, message: 'the file must start with frontmatter between two "---" lines' }],
      locate: () => ({ line: 1, column: 1 }),
      body: source,
      bodyStartLine: 1,
    };
  }
  const yaml = parseYaml(split.yaml, split.yamlStartLine);
  return { ...yaml, body: split.body, bodyStartLine: split.bodyStartLine };
}

/** Parses a `.yaml` data file. */
export function parseYamlSource(source: string): ParsedContent {
  const yaml = parseYaml(source.replace(/^\uFEFF/, ''), 1);
  return { ...yaml, body: '', bodyStartLine: 1 };
}
