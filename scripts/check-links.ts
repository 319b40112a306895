#!/usr/bin/env node
/**
 * Checks the links of a built site (default dist/): every internal href, src, srcset and
 * form action names a built file, every #fragment an id of its page. Prints every broken
 * link with its page; exits 1 if there is any. `npm test` runs the same check on a fresh
 * build (tests/integrity/links.test.ts). Usage: node scripts/check-links.ts [build-folder]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import config from '../astro.config.mjs';
import { checkLinks, formatLinkProblems } from './lib/links.ts';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run npm run build first.`);
  process.exit(2);
}
const report = checkLinks(dist, { site: config.site ?? 'http://localhost', base: config.base ?? '/' });
if (report.problems.length) {
  console.error(formatLinkProblems(report.problems));
  console.error(`\n${report.problems.length} broken link(s) in ${report.pages} pages (${report.checked} internal links checked).`);
  process.exit(1);
}
console.log(`All ${report.checked} internal links of ${report.pages} pages resolve.`);
