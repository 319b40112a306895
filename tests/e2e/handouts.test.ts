/** Printable classroom handouts: chart, table of events with sources, citation; laid out for A4 and Letter. */
import { afterAll, describe, expect, it } from 'vitest';
import { seriousViolations, SITE_ORIGIN } from './embed-helpers.ts';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

/** A4's printable width with the handout's 14 mm margins (210 − 28 mm), in CSS pixels. */
const A4_CONTENT = Math.floor(((210 - 28) / 25.4) * 96);

describe('classroom handouts', () => {
  for (const [id, incidents] of [
    ['comparison', ['macron-2017', 'dnc-2016']],
    ['macron-2017', ['macron-2017']],
  ] as const) {
    const path = `/handouts/${id}/`;

    it(`${path} shows the chart, a row per event with its sources, and a citation`, async () => {
      const { page, errors } = await openPage(path);
      expect(await page.locator('svg.tl-svg').isVisible()).toBe(true);
      const marks = await page.$$eval('svg a.tl-mark', (as) => as.map((a) => a.getAttribute('data-event-id')!));
      expect(new Set(marks.map((m) => m.split('/')[0]))).toEqual(new Set(incidents));
      const rows = page.locator('table.handout-table tbody tr');
      expect(await rows.count()).toBe(marks.length);
      expect(await page.locator('.tl-table tbody tr').count()).toBe(marks.length);
      // Every row has a date, an offset and at least one source.
      const cells = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({
          date: tr.querySelector('time')?.getAttribute('datetime') ?? '',
          offset: tr.children[1].textContent ?? '',
          sources: tr.querySelectorAll('.handout-sources li').length,
        })),
      );
      for (const cell of cells) {
        expect(cell.date).toMatch(/^\d{4}(-\d{2})?/);
        expect(cell.offset).toMatch(/^(T[−+±]\d|vote day$)/);
        expect(cell.sources).toBeGreaterThan(0);
      }
      const cite = page.locator('.handout-cite');
      expect(await cite.isVisible()).toBe(true);
      const citation = (await cite.textContent())!.replace(/\s+/g, ' ');
      expect(citation).toContain('How to cite');
      expect(citation).toMatch(/Election Integrity Timeline\. ".+\." Data as of \d{1,2} \w+ \d{4}\./);
      expect(citation).toContain(`${SITE_ORIGIN}/handouts/${id}/`);
      expect(citation).toContain('CC BY 4.0');
      expectNoErrors(errors);
    });

    it(`${path} prints on A4 and Letter without its controls`, async () => {
      const { page, errors } = await openPage(path);
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.tl-controls', '.handout-nav', '.tl-table-toggle', '.tl-tooltip']) {
        expect(await page.locator(selector).isVisible(), selector).toBe(false);
      }
      expect(await page.locator('svg.tl-svg').isVisible()).toBe(true);
      expect(await page.locator('table.handout-table').isVisible()).toBe(true);
      // At A4's printable width nothing sticks out sideways.
      await page.setViewportSize({ width: A4_CONTENT, height: 1000 });
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        chart: document.querySelector('svg.tl-svg')!.getBoundingClientRect().right,
        table: document.querySelector('table.handout-table')!.getBoundingClientRect().right,
      }));
      expect(widths.page).toBeLessThanOrEqual(A4_CONTENT);
      expect(widths.chart).toBeLessThanOrEqual(A4_CONTENT);
      expect(widths.table).toBeLessThanOrEqual(A4_CONTENT);

      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format, printBackground: true });
        expect(pdf.subarray(0, 5).toString('latin1'), format).toBe('%PDF-');
        expect(pdf.length, format).toBeGreaterThan(20 * 1024);
        // Page size in points: A4 595 × 842, Letter 612 × 792.
        expect(pdf.toString('latin1'), format).toMatch(format === 'A4' ? /MediaBox \[0 0 59[56](\.\d+)? 84[12]/ : /MediaBox \[0 0 612 792/);
      }
      expectNoErrors(errors);
    });
  }

  it('/handouts/comparison/ has no serious or critical axe violation', async () => {
    const { page, errors } = await openPage('/handouts/comparison/');
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    expectNoErrors(errors);
  });
});
