/** Without JavaScript the home page chart is complete: every lane, every event as a link, and the table. */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

describe('the timeline without JavaScript', () => {
  it('draws one lane per incident and one link per event, the same events as the table', async () => {
    const { page, errors } = await openPage('/', { javaScript: false });
    const chart = await page.evaluate(() => {
      const root = document.querySelector('[data-timeline]');
      const svg = root?.querySelector('svg');
      return {
        roots: document.querySelectorAll('[data-timeline]').length,
        hasSvg: Boolean(svg),
        enhanced: root?.classList.contains('is-enhanced'),
        lanes: [...(svg?.querySelectorAll('[data-incident]') ?? [])].map((lane) => lane.getAttribute('data-incident')),
        marks: [...(svg?.querySelectorAll('a[data-event-id]') ?? [])].map((a) => ({
          id: a.getAttribute('data-event-id')!,
          href: a.getAttribute('href'),
        })),
        rows: [...(root?.querySelectorAll('.tl-table tbody tr') ?? [])].map((row) => row.getAttribute('data-row-event')),
      };
    });
    expect(chart.roots).toBe(1);
    expect(chart.hasSvg).toBe(true);
    expect(chart.enhanced).toBe(false);
    expect(chart.lanes).toEqual(['macron-2017', 'dnc-2016']);
    expect(chart.rows.length).toBeGreaterThan(20);
    expect(chart.marks).toHaveLength(chart.rows.length);
    expect(new Set(chart.marks.map((m) => m.id))).toEqual(new Set(chart.rows));
    for (const mark of chart.marks) expect(mark.href, mark.id).toBe(`/events/${mark.id}/`);
    // The Macron dump, the event the site is about, is on the chart and links to its page.
    expect(chart.marks.map((m) => m.id)).toContain('macron-2017/emleaks-posted');
    // The JavaScript-only controls stay out of the way.
    expect(await page.locator('.tl-controls').isVisible()).toBe(false);
    expectNoErrors(errors);
  });

  it('shows a folded mark when the keyboard reaches it (a tab stop is never invisible)', async () => {
    const { page, errors } = await openPage('/', { javaScript: false });
    const folded = page.locator('svg.tl-svg-horizontal a.tl-mark.is-clustered').first();
    expect(await folded.count(), 'the chart folds some marks into clusters').toBe(1);
    await folded.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const seen = await folded.evaluate((a) => ({
      focused: a === document.activeElement,
      opacity: getComputedStyle(a).opacity,
      labelShown: getComputedStyle(a.querySelector('.tl-label')!).display !== 'none',
    }));
    expect(seen).toEqual({ focused: true, opacity: '1', labelShown: true });
    expectNoErrors(errors);
  });

  it('opens the "Show as table" details with a click and shows its rows', async () => {
    const { page, errors } = await openPage('/', { javaScript: false });
    const details = page.locator('details.tl-table-toggle');
    const firstRow = details.locator('tbody tr').first();
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await firstRow.isVisible()).toBe(false);
    await details.locator('summary', { hasText: 'Show as table' }).click();
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await firstRow.isVisible()).toBe(true);
    expect(await details.locator('tbody tr:visible').count()).toBe(await details.locator('tbody tr').count());
    const link = firstRow.locator('a');
    expect(await link.getAttribute('href')).toMatch(/^\/events\/[a-z0-9-]+\/[a-z0-9-]+\/$/);
    expectNoErrors(errors);
  });

  for (const javaScript of [false, true]) {
    it(`does not scroll sideways on a 375 px wide screen (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { page, errors } = await openPage('/', { javaScript, viewport: { width: 375, height: 740 } });
      await page.locator('details.tl-table-toggle summary').click();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      expectNoErrors(errors);
    });
  }
});
