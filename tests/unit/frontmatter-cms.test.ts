/**
 * frontmatter.json (Front Matter CMS for VS Code) is generated from the schema: it must be in
 * step with it (as the JSON Schemas are), offer every field with its required flag, allowed
 * values and description, and point at the content folders.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatterConfig, frontMatterFile, type CmsField } from '../../src/lib/frontmatter-cms.ts';
import { EventSchema } from '../../src/lib/schema/event.ts';
import { toEditorJsonSchema } from '../../src/lib/schema/json-schema.ts';
import { ROOT } from '../helpers.ts';

type Json = Record<string, unknown>;
const config = frontMatterConfig() as Record<string, unknown>;
const contentTypes = config['frontMatter.taxonomy.contentTypes'] as { name: string; fields: CmsField[] }[];
const groups = config['frontMatter.taxonomy.fieldGroups'] as { id: string; fields: CmsField[] }[];

/** Every field of a Front Matter field list, with the JSON Schema node it stands for. */
function compare(fields: CmsField[], schema: Json) {
  const properties = schema.properties as Record<string, Json>;
  const required = new Set(schema.required as string[]);
  expect(fields.map((f) => f.name)).toEqual(Object.keys(properties));
  for (const field of fields) {
    const node = properties[field.name];
    expect(!!field.required, field.name).toBe(required.has(field.name));
    expect(field.description, field.name).toBe(node.description);
    if (Array.isArray(node.enum)) expect(field.choices?.filter(Boolean), field.name).toEqual(node.enum);
    if (field.type === 'fields') compare(field.fields!, node);
    if (field.type === 'block') compare(groups.find((g) => g.id === field.fieldGroup![0])!.fields, node.items as Json);
  }
}

describe('frontmatter.json (Front Matter CMS)', () => {
  it('is the generated file, in step with the schema (npm run generate)', () => {
    expect(readFileSync(join(ROOT, 'frontmatter.json'), 'utf8')).toBe(frontMatterFile());
  });

  it('has every event and incident field, with required, allowed values and descriptions from the schema', () => {
    for (const name of ['event', 'incident'] as const) compare(contentTypes.find((t) => t.name === name)!.fields, toEditorJsonSchema(name));
    const kind = contentTypes[0].fields.find((f) => f.name === 'kind')!;
    expect(kind.choices).toEqual(EventSchema.shape.kind.options);
    const sources = contentTypes[0].fields.find((f) => f.name === 'sources')!;
    expect(sources).toMatchObject({ type: 'block', required: true });
  });

  it('points at the content folders, and gives actors their schema', () => {
    const folders = config['frontMatter.content.pageFolders'] as { path: string; contentTypes: string[] }[];
    for (const folder of folders) expect(existsSync(join(ROOT, folder.path.replace('[[workspace]]/', '')))).toBe(true);
    expect(folders.map((f) => f.contentTypes[0])).toEqual(['event', 'incident']);
    const [actors] = config['frontMatter.data.folders'] as { path: string; schema: Json }[];
    expect(existsSync(join(ROOT, actors.path.replace('[[workspace]]/', '')))).toBe(true);
    expect(Object.keys(actors.schema.properties as Json)).toEqual(Object.keys(toEditorJsonSchema('actor').properties as Json));
  });
});
