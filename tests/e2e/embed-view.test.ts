/**
 * What an embed shows and where its links go: every link opens the full site in a new tab
 * (event pages refuse to be framed); the heading, the lane and event counts and the table
 * caption describe the filtered view; a custom title replaces the default heading; the
 * height in the builder's code fits the content at common widths when embed.js is stripped.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { drawnMarks } from './chart.ts';
import { embedPath } from './embed-helpers.ts';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const LEAK = 'macron-2017/emleaks-posted';

describe('links inside an embed', () => {
  it('every link opens in a new tab, and a clicked mark opens its event on the full site', async () => {
    const { page, context, errors } = await openPage(embedPath());
    const sameTab = await page.$$eval('a[href]', (links) =>
      links.filter((a) => a.getAttribute('target') !== '_blank').map((a) => a.getAttribute('href')),
    );
    expect(sameTab).toEqual([]);
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.locator(`svg a.tl-mark[data-event-id="${LEAK}"] .tl-shape`).click(),
    ]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).pathname).toMatch(/\/events\/macron-2017\/emleaks-posted\/?$/);
    expect(new URL(page.url()).pathname).toMatch(/\/embed\/timeline\/$/);
    expectNoErrors(errors);
  });

  it('"open this view on the full site" follows zoom and filters', async () => {
    const { page, errors } = await openPage(embedPath({ incidents: 'macron-2017' }));
    await page.getByRole('button', { name: 'Last 72 hours', exact: true }).click();
    await page.getByRole('button', { name: 'Statement', exact: true }).click();
    const href = await page.locator('.embed-full-link').last().getAttribute('href');
    const params = new URL(href!).searchParams;
    expect(params.get('incidents')).toBe('macron-2017');
    expect(params.get('from')).toBe('-72h');
    expect(params.get('kinds')).not.toContain('statement');
    expectNoErrors(errors);
  });
});

describe('words that describe the embedded view', () => {
  it('heading, lane and event counts and caption describe what the filters leave', async () => {
    const { page, errors } = await openPage(embedPath({ incidents: 'macron-2017', kinds: 'leak,election' }));
    const lane = (await page.locator('svg .tl-lane[data-incident="macron-2017"] .tl-lane-title').textContent())!;
    expect(await page.locator('h1').allTextContents()).toEqual([`${lane}, aligned on the vote`]);
    const shown = (await drawnMarks(page)).length;
    const description = (await page.locator('.tl-description').textContent())!;
    expect(description).toMatch(/^One lane/);
    expect(description).toContain(`${shown} events in all`);
    const caption = (await page.locator('.tl-table caption').textContent())!;
    expect(caption).toMatch(new RegExp(`^${shown} events in time order`));
    expect(caption).not.toContain('all incidents');
    expect(await page.locator('.tl-table tbody tr:not([hidden])').count()).toBe(shown);
    expectNoErrors(errors);
  });

  it('a custom title replaces the default heading instead of stacking above it', async () => {
    const { page, errors } = await openPage(embedPath({ title: 'Lesson 3: the last 48 hours' }));
    const headings = await page
      .locator('h1, h2')
      .evaluateAll((hs) => hs.filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => h.textContent));
    expect(headings).toEqual(['Lesson 3: the last 48 hours']);
    expect(await page.locator('svg.tl-svg').getAttribute('aria-labelledby')).toBe(await page.locator('h1').getAttribute('id'));
    expectNoErrors(errors);
  });
});

describe('the height in the embed code', () => {
  for (const [what, params, lanes] of [
    ['all incidents', {}, 2],
    ['one incident', { incidents: 'macron-2017' }, 1],
  ] as const) {
    it(`fits the content at 600 to 1280 px without embed.js (${what})`, async () => {
      const { defaultFrameHeight } = await import('../../src/lib/embed/params.ts');
      const height = defaultFrameHeight(lanes);
      for (const width of [600, 768, 1024, 1280]) {
        const { page, errors } = await openPage(embedPath(params), { viewport: { width, height } });
        const content = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        expect(content, `content at ${width} px`).toBeLessThanOrEqual(height);
        expect(height - content, `blank space at ${width} px`).toBeLessThan(height * 0.3);
        expectNoErrors(errors);
      }
    });
  }
});
