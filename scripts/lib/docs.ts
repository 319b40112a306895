/** Generated files: the JSON Schemas and the field tables in CONTRIBUTING.md. */
import { JSON_SCHEMA_NAMES, fieldTable, toEditorJsonSchema } from '../../src/lib/schema/json-schema.ts';

export const SCHEMA_DIR = 'public/schema';

/** Path → content of every JSON Schema file. */
export function schemaFiles(): Record<string, string> {
  return Object.fromEntries(
    JSON_SCHEMA_NAMES.map((name) => [`${SCHEMA_DIR}/${name}.schema.json`, `${JSON.stringify(toEditorJsonSchema(name), null, 2)}\n`]),
  );
}

/** Replaces each `<!-- fields:NAME -->…<!-- /fields:NAME -->` block with the table of schema NAME. */
export function withFieldTables(markdown: string): string {
  return markdown.replace(/<!-- fields:([\w-]+) -->[\s\S]*?<!-- \/fields:\1 -->/g, (_block, name: string) => {
    if (!(JSON_SCHEMA_NAMES as readonly string[]).includes(name)) throw new Error(`No schema named ${name}`);
    const table = fieldTable(toEditorJsonSchema(name as (typeof JSON_SCHEMA_NAMES)[number]));
    return (
      `<!-- fields:${name} -->\n<!-- Generated from src/lib/schema by \`npm run generate\`; do not edit by hand. ` +
      `-->\n${table}\n<!-- /fields:${name} -->`
    );
  });
}
