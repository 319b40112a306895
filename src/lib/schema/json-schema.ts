/**
 * JSON Schemas for editors (frontmatter completion and checks in their editor) and for
 * outside tools, derived from the Zod schemas. Kind-dependent rules become if/then.
 */
import { z } from 'astro/zod';
import { DATE_PATTERN, DAY_PATTERN, EXACT_DATE_PATTERNS, TIME_PATTERN } from './common.ts';
import { SITE } from '../site.ts';
import { EVENT_KINDS } from '../vocabulary.ts';
import { KIND_BLOCKS, OPTIONAL_BLOCK_KINDS } from './event.ts';
import { SCHEMAS, TRANSLATION_SCHEMAS } from './index.ts';

/** The JSON Schemas published under /schema/, by name. */
export const JSON_SCHEMA_NAMES = ['event', 'incident', 'actor', 'event-translation', 'incident-translation', 'actor-translation'] as const;
/** One of JSON_SCHEMA_NAMES. */
export type JsonSchemaName = (typeof JSON_SCHEMA_NAMES)[number];

const EDITOR_SCHEMAS: Record<JsonSchemaName, z.ZodType> = {
  event: SCHEMAS.events,
  incident: SCHEMAS.incidents,
  actor: SCHEMAS.actors,
  'event-translation': TRANSLATION_SCHEMAS.events,
  'incident-translation': TRANSLATION_SCHEMAS.incidents,
  'actor-translation': TRANSLATION_SCHEMAS.actors,
};

type JsonSchema = Record<string, unknown>;

/** The JSON Schema editors and tools check a content file against, with the kind rules as if/then. */
export function toEditorJsonSchema(name: JsonSchemaName, baseUrl = SITE.url): JsonSchema {
  const schema = z.toJSONSchema(EDITOR_SCHEMAS[name], {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // Date fields are the only "string or integer, then transformed" fields.
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; in?: { _zod: { def: { type: string } } } } } })._zod.def;
      if (def.type === 'pipe' && def.in?._zod.def.type === 'union') {
        // A field that needs a full date or a time says so exactly (.meta() clones: look up the chain).
        type Chained = { _zod: { parent?: Chained } };
        let schema: Chained | undefined = ctx.zodSchema as unknown as Chained;
        let exact: string | undefined;
        while (schema && !exact) {
          exact = EXACT_DATE_PATTERNS.get(schema);
          schema = schema._zod.parent;
        }
        if (exact) {
          delete ctx.jsonSchema.anyOf;
          ctx.jsonSchema.type = 'string';
          ctx.jsonSchema.pattern = exact;
          return;
        }
        ctx.jsonSchema.anyOf = [
          { type: 'string', pattern: DATE_PATTERN },
          { type: 'integer', minimum: 1000, maximum: 9999 },
        ];
      }
    },
  }) as JsonSchema;
  schema.$id = `${baseUrl}/schema/${name}.schema.json`;
  if (name === 'event') {
    const rules: JsonSchema[] = [];
    for (const kind of EVENT_KINDS) {
      if (!(kind in KIND_BLOCKS)) continue;
      if (!OPTIONAL_BLOCK_KINDS.includes(kind))
        rules.push({ if: { properties: { kind: { const: kind } }, required: ['kind'] }, then: { required: [kind] } });
      rules.push({ if: { properties: { kind: { not: { const: kind } } }, required: ['kind'] }, then: { not: { required: [kind] } } });
    }
    rules.push({ if: { properties: { kind: { const: 'blackout' } }, required: ['kind'] }, then: { required: ['end'] } });
    schema.allOf = rules;
  }
  return schema;
}

/** One row of a field table: field, type, whether required, and what it holds. */
export interface FieldRow {
  field: string;
  type: string;
  required: boolean;
  description: string;
}

function typeOf(node: JsonSchema): string {
  if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${String(v)}\``).join(', ');
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  if (Array.isArray(node.anyOf)) {
    const pattern = (node.anyOf as JsonSchema[]).find((n) => n.pattern === DATE_PATTERN);
    if (pattern) return 'partial ISO 8601 date';
    return (node.anyOf as JsonSchema[]).map(typeOf).join(' or ');
  }
  if (node.type === 'array') return `list of ${typeOf(node.items as JsonSchema)}`;
  if (node.type === 'object') return 'object';
  if (node.pattern === DAY_PATTERN) return 'full date (YYYY-MM-DD)';
  if (node.pattern === TIME_PATTERN) return 'date and time with offset';
  if (node.format === 'uri') return 'URL';
  if (node.type === 'string' && typeof node.maxLength === 'number') return `text ≤ ${node.maxLength} chars`;
  return String(node.type ?? 'any');
}

/** One row per field, nested fields as `election.vote` and `sources[].url`. */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([key, node]) => {
    const field = `${prefix}${key}`;
    const row: FieldRow = { field, type: typeOf(node), required: required.has(key), description: String(node.description ?? '') };
    if (node.type === 'object') return [row, ...fieldRows(node, `${field}.`)];
    if (node.type === 'array' && (node.items as JsonSchema)?.type === 'object')
      return [row, ...fieldRows(node.items as JsonSchema, `${field}[].`)];
    return [row];
  });
}

/** A Markdown table of the fields of a schema. */
export function fieldTable(schema: JsonSchema): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = fieldRows(schema).map(
    (row) => `| \`${row.field}\` | ${cell(row.type)} | ${row.required ? 'yes' : 'no'} | ${cell(row.description)} |`,
  );
  return ['| field | type | required | meaning |', '|---|---|---|---|', ...rows].join('\n');
}
