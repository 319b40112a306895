#!/usr/bin/env node
/**
 * Prints the size table of a built site (default dist/, built by `npm run size` first):
 * per file, raw and gzip bytes, the budget and whether it holds. Exits 1 if any budget is
 * exceeded. Usage: node scripts/size.ts [build-folder]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUDGETS, KB, formatSizeTable, sizeReport } from './lib/size.ts';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run npm run build first (npm run size builds, then measures).`);
  process.exit(2);
}
const lines = sizeReport(dist);
console.log(`\nSizes of ${dist} (gzip: zlib level 9; 1 KB = ${KB} bytes)\n`);
console.log(formatSizeTable(lines));
const over = lines.filter((line) => !line.ok);
console.log(
  over.length
    ? `\n${over.length} budget(s) exceeded: ${over.map((line) => line.label).join('; ')}`
    : `\nAll budgets hold (JavaScript ${BUDGETS.js / KB} KB, ${BUDGETS.embedPageJs / KB} KB in the embed; CSS ` +
        `${BUDGETS.css / KB} KB, HTML ${BUDGETS.html / KB} KB gzip per page; embed.js ${BUDGETS.embedJs / KB} KB raw).`,
);
process.exit(over.length ? 1 : 0);
