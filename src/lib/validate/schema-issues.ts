/** Turns Zod issues into editor-facing problems, one per issue, positioned in the file. */
import type { z } from 'astro/zod';
import type { ParsedContent } from '../content/frontmatter.ts';
import { fieldName, type Problem } from './problems.ts';

type Schema = z.ZodType;

interface Def {
  type: string;
  innerType?: Schema;
  element?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  options?: Schema[];
}

const def = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The keys an object in `schema` accepts at `path`, for "did you mean" hints. */
export function knownKeysAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  let current: Schema | undefined = schema;
  const unwrap = (s: Schema): Schema => {
    let d = def(s);
    while (d.type === 'optional' || d.type === 'pipe' || d.type === 'default') {
      s = (d.innerType ?? d.in) as Schema;
      d = def(s);
    }
    return s;
  };
  for (const segment of path) {
    if (!current) return [];
    current = unwrap(current);
    const d = def(current);
    if (d.type === 'object' && typeof segment === 'string') current = d.shape?.[segment];
    else if (d.type === 'array') current = d.element;
    else return [];
  }
  if (!current) return [];
  const d = def(unwrap(current));
  return d.type === 'object' ? Object.keys(d.shape ?? {}) : [];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** The closest known key, when a typo is likely. */
export function suggestKey(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/**
 * The nearest existing ids to an unknown one: a likely typo first ("dmitri-peskov" →
 * "dmitry-peskov"), else ids that contain it as a part ("peskov" → "dmitry-peskov").
 */
export function suggestIds(id: string, known: Iterable<string>): string[] {
  const list = [...known];
  const typo = suggestKey(id, list);
  if (typo) return [typo];
  const parts = id.split(/[-/]/).filter((part) => part.length >= 3);
  return list.filter((candidate) => parts.some((part) => candidate.split(/[-/]/).includes(part))).slice(0, 3);
}

/** " (did you mean "a" or "b"?)", or nothing. */
export function didYouMean(suggestions: readonly string[]): string {
  if (!suggestions.length) return '';
  const quoted = suggestions.map((s) => `"${s}"`);
  return `did you mean ${quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0]}?`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], data);
}

function messageFor(issue: z.core.$ZodIssue, data: unknown): string {
  const value = valueAt(data, issue.path);
  // A field left out: a union (a date, a review date) says "no option matched", which reads as a wrong value.
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined) return 'is required';
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const values = (issue.values as unknown[]).map(String);
    const suggestion = typeof value === 'string' ? suggestKey(value, values) : undefined;
    return `must be one of: ${values.join(', ')} (got ${JSON.stringify(value)}${suggestion ? `; ${didYouMean([suggestion])}` : ''})`;
  }
  if (issue.code === 'invalid_union') return 'has the wrong type';
  return issue.message;
}

/** One problem per Zod issue; an unknown key is reported at the key itself, with a suggestion. */
export function schemaProblems(file: string, schema: Schema, issues: z.core.$ZodIssue[], parsed: ParsedContent): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const suggestion = suggestKey(key, known);
        problems.push({
          file,
          ...parsed.locate(path),
          field: fieldName(path),
          message: `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        });
      }
      continue;
    }
    problems.push({
      file,
      ...parsed.locate(issue.path),
      field: fieldName(issue.path) || '(frontmatter)',
      message: messageFor(issue, parsed.data),
    });
  }
  return problems;
}
