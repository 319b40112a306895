/**
 * Size budgets on the built output (bytes are deterministic), with the measuring function
 * of `npm run size`: per page, JavaScript ≤ 36 KB, CSS ≤ 12 KB and HTML ≤ 60 KB gzipped,
 * for the home page, the largest event page and the embed; /embed.js ≤ 2 KB raw.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, formatSizeTable, measurePage, sizeReport, type BudgetLine } from '../../scripts/lib/size.ts';
import { builtSite } from './site.ts';

let dist: string;
let lines: BudgetLine[];

beforeAll(async () => {
  dist = await builtSite();
  lines = sizeReport(dist, '/');
});

describe('size budgets', () => {
  it('hold for every page measured and for /embed.js', () => {
    const over = lines.filter((line) => !line.ok).map((line) => line.label);
    expect(over, `over budget:\n${formatSizeTable(lines)}`).toEqual([]);
  });

  it('measure the home page as it loads: its scripts and their static imports, not the import() chunks', () => {
    const home = measurePage(dist, 'index.html', 'home page', '/');
    expect(home.js.length).toBeGreaterThan(0);
    expect(home.css.length).toBeGreaterThan(0);
    for (const chunk of home.lazy) expect(home.js.map((f) => f.file)).not.toContain(chunk.file);
    const js = lines.find((line) => line.label === 'home page: JavaScript')!;
    expect(js.budget).toBe(BUDGETS.js);
    expect(js.gzip).toBe(home.js.reduce((total, f) => total + f.gzip, 0));
  });
});
