/**
 * npm run generate: writes the JSON Schemas (public/schema/), the field tables in
 * CONTRIBUTING.md and frontmatter.json (Front Matter CMS, lib/frontmatter-cms.ts) from the
 * Zod schemas. With --check, changes nothing and exits 1 if
 * any generated file is out of date (the tests run this).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { schemaFiles, withFieldTables } from './lib/docs.ts';
import { frontMatterFile } from '../src/lib/frontmatter-cms.ts';

const check = process.argv.includes('--check');
const outputs: Record<string, string> = { ...schemaFiles() };
outputs['CONTRIBUTING.md'] = withFieldTables(readFileSync('CONTRIBUTING.md', 'utf8'));
outputs['frontmatter.json'] = frontMatterFile();

const stale = Object.entries(outputs).filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content);
if (check) {
  for (const [path] of stale) console.error(`${path} is out of date: run npm run generate`);
  process.exit(stale.length ? 1 : 0);
}
for (const [path, content] of stale) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote ${path}`);
}
if (!stale.length) console.log('Generated files are up to date.');
