/**
 * Event and actor pages as a reader uses them: copy a citation with one click, jump from an
 * event to its place on the timeline, read who attributed what to whom in a table.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const EVENT = 'macron-2017/emleaks-posted';

describe('event page', () => {
  it('copies the BibTeX entry and the plain reference with their buttons', async () => {
    const { page, context, errors } = await openPage(`/events/${EVENT}/`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const bibtex = page.getByRole('button', { name: 'Copy the BibTeX entry' });
    await bibtex.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^@misc\{eit-macron-2017-emleaks-posted,\n/);
    expect(copied).toMatch(/\n {2}month {8}= [a-z]{3},\n/);
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Copied');
    await page.getByRole('button', { name: 'Copy the reference' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^Election Integrity Timeline\. ".+\." Macron Leaks, event macron-2017\/emleaks-posted\./,
    );
    expectNoErrors(errors);
  });

  it('hides the copy buttons when scripts do not run', async () => {
    const { page } = await openPage(`/events/${EVENT}/`, { javaScript: false });
    expect(await page.locator('button[data-copy]').count()).toBe(3); // the reference, the BibTeX entry, the page's link
    expect(await page.locator('button[data-copy]:visible').count()).toBe(0);
  });

  it('"Show on the timeline" opens the home chart with the event selected and in view', async () => {
    const { page, errors } = await openPage(`/events/${EVENT}/`);
    await page.getByRole('link', { name: 'Show on the timeline' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('event') === EVENT);
    await page.waitForFunction(() => document.querySelector('timeline-chart.is-enhanced'));
    const mark = page.locator(`#timeline .tl-mark[data-event-id="${EVENT}"]`);
    await expect.poll(() => mark.getAttribute('class')).toContain('is-selected');
    const box = await mark.boundingBox();
    const scroller = await page.locator('#timeline .tl-scroll').boundingBox();
    expect(box, 'the selected mark is drawn').not.toBeNull();
    expect(scroller, 'the chart scroller is drawn').not.toBeNull();
    expect(box!.x, 'the mark starts inside the scroller').toBeGreaterThanOrEqual(scroller!.x);
    expect(box!.x + box!.width, 'the mark ends inside the scroller').toBeLessThanOrEqual(scroller!.x + scroller!.width);
    expectNoErrors(errors);
  });
});

describe('actor page', () => {
  it('lists attributions received in a table: date, event, who, stance, confidence', async () => {
    const { page } = await openPage('/actors/apt28/');
    const table = page.locator('section[aria-labelledby="received-heading"] table');
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'When',
      'Event',
      'Who attributes',
      'Stance',
      'Confidence (their word)',
    ]);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(2);
    const first = await rows.first().locator('td, th').allTextContents();
    expect(first[0]).toMatch(/\d{4}/);
    expect(first[1].length).toBeGreaterThan(5);
    expect(first[2].length).toBeGreaterThan(1);
  });

  it('lists its roles one per line, each with its events, instead of a run-on paragraph', async () => {
    const { page } = await openPage('/actors/en-marche/');
    const roles = page.locator('ul.roles > li');
    expect(await roles.count()).toBeGreaterThan(0);
    const first = await roles.first().textContent();
    expect(first).toMatch(/^(Target|Accused|Publisher|Amplifier|Speaker|Investigator|Authority|Involved)[^:]*: /);
    expect(await roles.first().locator('a').count()).toBeGreaterThan(0);
  });
});
