/**
 * Reader reach in Chromium: the header search (Pagefind, loaded on first focus) finds the
 * right events in each edition built, its filters narrow the results, it is a plain link
 * without scripts; the chart's table filters as one types; "copy the link" copies the
 * event's address and the chart's current view.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AXE, closeBrowser, DIST, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const built = (home: string) => existsSync(join(DIST, home, 'index.html'));

/**
 * The edition's own title of the expected page, as a query: the French case searches in
 * French words whatever the translation says.
 */
function titleOf(page: string): string {
  const file = join(DIST, page, 'index.html');
  if (!existsSync(file)) return '(no page)';
  const h1 = /<h1[^>]*>([^<]+)<\/h1>/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  return h1
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}

const EDITIONS = [
  { lang: 'en', home: '/', query: '4chan', expected: '/events/macron-2017/emleaks-posted/' },
  { lang: 'en', home: '/', query: titleOf('/events/macron-2017/emleaks-posted/'), expected: '/events/macron-2017/emleaks-posted/' },
  { lang: 'fr', home: '/fr/', query: '4chan', expected: '/fr/events/macron-2017/emleaks-posted/' },
  {
    lang: 'fr',
    home: '/fr/',
    query: titleOf('/fr/events/macron-2017/emleaks-posted/'),
    expected: '/fr/events/macron-2017/emleaks-posted/',
  },
] as const;

async function search(path: string, query: string) {
  const opened = await openPage(path);
  const requests: string[] = [];
  opened.page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const box = opened.page.locator('#site-search-input');
  await expect.poll(() => box.isVisible()).toBe(true);
  expect(
    requests.filter((r) => r.includes('/pagefind/')),
    'Pagefind loads before the box is focused',
  ).toEqual([]);
  await box.focus();
  await opened.page.waitForFunction(() => document.querySelector('[data-site-search]')?.hasAttribute('data-search-ready'));
  await box.fill(query);
  const results = opened.page.locator('.site-search-results a');
  await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return { ...opened, results, requests };
}

describe('header search', () => {
  for (const edition of EDITIONS) {
    // The French edition is built by another part of the work: until /fr/ exists, this says so (never a silent pass).
    it.skipIf(!built(edition.home))(
      `${edition.lang}: "${edition.query}" finds ` +
        `${edition.expected}${built(edition.home) ? '' : ` (SKIPPED: this build has no ${edition.home} page)`}`,
      async () => {
        const { page, results, errors, requests } = await search(edition.home, edition.query);
        const hrefs = await results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        expect(hrefs).toContain(edition.expected);
        expect(requests).toContainEqual(expect.stringMatching(/\/pagefind\/pagefind\.js$/));
        await page.locator('.site-search-results a', { hasText: /./ }).first().isVisible();
        expectNoErrors(errors);
      },
    );
  }

  it('narrows results with the incident, kind, status and actor filters', async () => {
    const { page, results, errors } = await search('/events/', 'leak');
    const names = await page
      .locator('.site-search-filters select')
      .evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).dataset.filter));
    expect(names).toEqual(['incident', 'kind', 'status', 'actor']);
    await page.locator('select[data-filter="incident"]').selectOption('DNC hack and leak');
    await expect
      .poll(async () =>
        (await results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))).every((p) =>
          p.startsWith('/events/dnc-2016/'),
        ),
      )
      .toBe(true);
    await page.locator('select[data-filter="kind"]').selectOption('Leak');
    await expect.poll(() => page.locator('.site-search-status').textContent()).toMatch(/^\d+ events? found$/);
    expectNoErrors(errors);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`with its results open, has no serious or critical axe violation (${colorScheme})`, async () => {
      const { page, errors } = await search('/', 'apt28');
      await page.emulateMedia({ colorScheme });
      await page.evaluate(readFileSync(AXE, 'utf8'));
      const serious: string[] = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: object,
                options: object,
              ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run({ include: [['.site-header']] }, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      });
      expect(serious).toEqual([]);
      expectNoErrors(errors);
    });
  }

  it('is a link to all events without scripts', async () => {
    const { page } = await openPage('/', { javaScript: false });
    const link = page.locator('.site-search-link');
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe('/events/');
    expect(await page.locator('#site-search-input').isVisible()).toBe(false);
  });
});

describe('the chart table filter', () => {
  it('hides the rows without the typed words and says how many are left', async () => {
    const { page, errors } = await openPage('/');
    await page.locator('#timeline-table summary').click();
    const filter = page.locator('#timeline-table input[data-table-filter]');
    await filter.fill('4chan');
    const visible = page.locator('#timeline-table tbody tr:visible');
    await expect.poll(() => visible.count()).toBeGreaterThan(0);
    const texts = await visible.allTextContents();
    for (const text of texts) expect(text.toLowerCase()).toContain('4chan');
    expect(await page.locator('#timeline-table .tl-table-filter-count').textContent()).toMatch(
      new RegExp(`^${texts.length} of \\d+ rows shown$`),
    );
    await filter.fill('');
    expect(await visible.count()).toBeGreaterThan(texts.length);
    expectNoErrors(errors);
  });
});

describe('copy the link', () => {
  it('on an event page copies its address', async () => {
    const { page, context, errors } = await openPage('/events/macron-2017/emleaks-posted/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy the link to this page' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^https?:\/\/[^/]+\/events\/macron-2017\/emleaks-posted\/$/);
    expectNoErrors(errors);
  });

  it('on the chart copies the current view, filters included', async () => {
    const { page, context, errors } = await openPage('/?kinds=leak,attribution&scale=linear');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy the link to this view' }).first().click();
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.searchParams.get('kinds')).toBe('leak,attribution');
    expect(copied.searchParams.get('scale')).toBe('linear');
    expectNoErrors(errors);
  });
});
