/**
 * Printing: every sheet names the site and the page's address; the home page prints its
 * table of events; the comparison handout starts its table on the first sheet (no half-empty
 * first page). Chromium prints to PDF; poppler's pdftotext reads it back, page by page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const SITE_NAME = 'Election Integrity Timeline';

/** The text of each printed A4 sheet of a page. */
async function printedSheets(path: string, onPage?: (page: import('playwright-core').Page) => Promise<void>): Promise<string[]> {
  const { page, errors } = await openPage(path);
  await onPage?.(page);
  const pdf = await page.pdf({ format: 'A4' });
  expectNoErrors(errors);
  const file = join(mkdtempSync(join(tmpdir(), 'eit-print-')), 'page.pdf');
  writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (result.error)
    throw new Error(`pdftotext is needed for this test (Debian/Ubuntu: apt-get install poppler-utils): ${result.error.message}`);
  return result.stdout.split('\f').filter((sheet) => sheet.trim());
}

describe('printing', () => {
  for (const path of ['/', '/events/macron-2017/emleaks-posted/', '/handouts/comparison/', '/actors/apt28/']) {
    it(`every printed sheet of ${path} names the site and the page's address, with its number`, async () => {
      const sheets = await printedSheets(path);
      expect(sheets.length).toBeGreaterThan(0);
      sheets.forEach((sheet, i) => {
        const text = sheet.replace(/\s+/g, ' ');
        expect(text, `sheet ${i + 1}`).toContain(`${SITE_NAME} · `);
        expect(text, `sheet ${i + 1}`).toMatch(new RegExp(`https?://\\S+${path.replace(/[/.]/g, '\\$&')}`));
        expect(text, `sheet ${i + 1}`).toMatch(new RegExp(`\\b${i + 1} ?/ ?${sheets.length}\\b`));
      });
    });
  }

  it('the home page prints its table of events, though it is folded on screen', async () => {
    const text = (await printedSheets('/')).join('\n').replace(/\s+/g, ' ');
    expect(text).toMatch(/\d+ events in time order/);
    expect(text).not.toContain('Show as table');
  });

  it('the comparison handout starts its table of events on the first sheet', async () => {
    let firstEvent = '';
    const sheets = await printedSheets('/handouts/comparison/', async (page) => {
      firstEvent = (await page.locator('.handout-table tbody tr:first-child strong').textContent()) ?? '';
    });
    const first = sheets[0].replace(/\s+/g, ' ');
    expect(first).toContain('Events, with their sources');
    // The first event's title (its first words: the column wraps it) is on the first sheet, not pushed to the second.
    expect(firstEvent.length).toBeGreaterThan(5);
    expect(first).toContain(firstEvent.split(' ').slice(0, 2).join(' '));
  });
});
