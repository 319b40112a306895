#!/usr/bin/env node
/**
 * Checks every source address of the content (network access needed) and writes the body
 * of the "Dead source links" issue. Usage:
 *   node scripts/check-sources.ts [--report file.md]
 * Prints the dead addresses; writes `dead=<count>` to $GITHUB_OUTPUT when set. Exits 0
 * either way (a dead source is an editorial task, not a broken build); 2 if the content
 * does not validate.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import config from '../astro.config.mjs';
import { buildArchive } from '../src/lib/archive.ts';
import { validateContent } from '../src/lib/validate/validate-content.ts';
import { checkSourceLinks, deadLinksIssueBody, sourceLinks } from './lib/source-links.ts';

const report = validateContent(process.cwd());
if (report.problems.length) {
  console.error('The content does not validate: run npm run validate.');
  process.exit(2);
}
const links = sourceLinks(buildArchive(report));
const dead = await checkSourceLinks(links);
const at = process.argv.indexOf('--report');
const siteUrl = new URL(config.base ?? '/', config.site ?? 'http://localhost').href;
const body = deadLinksIssueBody(dead, links.length, { date: new Date().toISOString().slice(0, 10), siteUrl });
if (at > 0 && process.argv[at + 1]) writeFileSync(process.argv[at + 1], body);
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `dead=${dead.length}\n`);
for (const link of dead) console.log(`${link.status || 'no answer'}  ${link.url}  (${link.events.join(', ')})`);
console.log(`${dead.length} of ${links.length} source addresses did not answer.`);
