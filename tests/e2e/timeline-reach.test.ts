/**
 * Every event reachable, the view kept: clusters are buttons, every event is in the
 * accessibility tree at every zoom, the T−0 rule never takes a mark's click, the zoom lives
 * in the address through filters, reloads and Back (which also focuses the mark left from),
 * labels use the room they have, a skip link goes straight to the first event of the top lane.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { focused, markX, nextFrame, press, tabIntoChart, visibleMarks } from './chart.ts';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const LEAK = 'macron-2017/emleaks-posted';
const RUNOFF = 'macron-2017/runoff-vote';

/** Names of the links in the browser's accessibility tree (what a screen reader can reach). */
async function accessibleLinks(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && n.role?.value === 'link').map((n) => n.name?.value ?? '');
}

const markNames = (page: Page) => page.$$eval('svg a.tl-mark', (marks) => marks.map((a) => a.getAttribute('aria-label')!));

describe('every event reachable', () => {
  it('clusters are buttons that say what they hold, and open to their events', async () => {
    const { page, errors } = await openPage('/');
    const clusters = page.locator('svg .tl-cluster[role="button"]');
    expect(await clusters.count()).toBeGreaterThan(0);
    const name = (await clusters.first().getAttribute('aria-label'))!;
    expect(name).toMatch(/^\d+ events close together: \d+ [A-Z][a-z]+.*Zoom in to show them$/);
    const ids = (await clusters.first().getAttribute('data-ids'))!.split(' ');
    expect(Number(name.split(' ')[0])).toBe(ids.length);
    const visibleBefore = (await visibleMarks(page)).map((m) => m.id);
    expect(
      ids.filter((id) => !visibleBefore.includes(id)),
      'members of the cluster not drawn before zooming',
    ).not.toEqual([]);

    await clusters.first().click();
    await nextFrame(page);
    const visibleAfter = (await visibleMarks(page)).map((m) => m.id);
    expect(ids.filter((id) => visibleAfter.includes(id)).length, 'members shown after the click').toBeGreaterThan(ids.length / 2);
    expect(ids).toContain((await focused(page)).id);
    expect(new URL(page.url()).searchParams.get('from')).not.toBeNull();
    expectNoErrors(errors);
  });

  it('a cluster opens from the keyboard too (Enter)', async () => {
    const { page, errors } = await openPage('/');
    const cluster = page.locator('svg .tl-cluster[role="button"]').first();
    const ids = (await cluster.getAttribute('data-ids'))!.split(' ');
    await cluster.focus();
    await page.keyboard.press('Enter');
    await nextFrame(page);
    expect(ids).toContain((await focused(page)).id);
    expectNoErrors(errors);
  });

  it('holds every event in the accessibility tree, by default and zoomed in', async () => {
    const { page, errors } = await openPage('/');
    const names = await markNames(page);
    expect(names.length).toBeGreaterThan(60);
    const check = async (when: string) => {
      const links = new Set(await accessibleLinks(page));
      const missing = names.filter((n) => !links.has(n));
      expect(missing, `events missing from the accessibility tree ${when}`).toEqual([]);
    };
    await check('at the default zoom');
    await press(page, 'Last 72 hours');
    await check('after "Last 72 hours"');
    expectNoErrors(errors);
  });

  it("the T−0 rule never takes the run-off mark's click", async () => {
    const { page, errors } = await openPage('/');
    const hit = await page.evaluate((id) => {
      const mark = document.querySelector(`svg a.tl-mark[data-event-id="${id}"] .tl-shape`)!;
      const box = mark.getBoundingClientRect();
      const el = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return el?.closest('a.tl-mark')?.getAttribute('data-event-id') ?? el?.tagName ?? null;
    }, RUNOFF);
    expect(hit).toBe(RUNOFF);
    const box = (await page.locator(`svg a.tl-mark[data-event-id="${RUNOFF}"] .tl-shape`).boundingBox())!;
    await Promise.all([
      page.waitForURL(/\/events\/macron-2017\/runoff-vote\/?$/),
      page.mouse.click(box.x + box.width / 2, box.y + box.height / 2),
    ]);
    expectNoErrors(errors);
  });

  it('labels show the whole title when zoomed in with room', async () => {
    const { page, errors } = await openPage('/');
    await press(page, 'Last 72 hours');
    await press(page, 'Zoom in');
    const labels = await page.$$eval('svg a.tl-mark.has-label:not(.is-offscreen) .tl-label', (texts) =>
      texts.map((t) => [t.textContent!, t.closest('a')!.getAttribute('data-title')!]),
    );
    expect(labels.length).toBeGreaterThan(0);
    const whole = labels.filter(([label, title]) => label === title && title.length > 34);
    expect(whole.length, `labels longer than 34 characters shown whole: ${JSON.stringify(labels)}`).toBeGreaterThan(0);
    expect(
      labels.filter(([label]) => label.endsWith('…') && label.length > 35),
      'cut labels longer than 35 characters',
    ).toEqual([]);
    expectNoErrors(errors);
  });
});

describe('the view in the address', () => {
  it('keeps the zoom through a filter and a reload; Back undoes one step at a time', async () => {
    const { page, errors } = await openPage('/');
    await press(page, 'Last 72 hours');
    const zoomed = new URL(page.url()).searchParams;
    expect([zoomed.get('from'), zoomed.get('to')]).toEqual(['-72h', '6h']);
    const leakX = await markX(page, LEAK);

    await page.getByRole('button', { name: 'Statement', exact: true }).click();
    await nextFrame(page);
    const filtered = new URL(page.url()).searchParams;
    expect(filtered.get('from')).toBe('-72h');
    expect(filtered.get('kinds')).not.toContain('statement');
    expect(await markX(page, LEAK)).toBeCloseTo(leakX, 0);

    await page.reload();
    await page.waitForFunction(() => document.querySelector('timeline-chart.is-enhanced'));
    await nextFrame(page);
    expect(await markX(page, LEAK)).toBeCloseTo(leakX, 0);
    expect(await page.getByRole('button', { name: 'Statement', exact: true }).getAttribute('aria-pressed')).toBe('false');

    await page.goBack();
    await nextFrame(page);
    expect(new URL(page.url()).searchParams.get('kinds')).toBeNull();
    expect(await page.getByRole('button', { name: 'Statement', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await markX(page, LEAK)).toBeCloseTo(leakX, 0);
    await page.goBack();
    await nextFrame(page);
    expect(new URL(page.url()).search).toBe('');
    expect(await markX(page, LEAK)).not.toBeCloseTo(leakX, 0);
    expectNoErrors(errors);
  });

  it('Back from an event page restores the zoom and focuses the mark left from', async () => {
    const { page, errors } = await openPage('/');
    await press(page, 'Last 72 hours');
    const leakX = await markX(page, LEAK);
    await page.locator(`svg a.tl-mark[data-event-id="${LEAK}"]`).focus();
    await Promise.all([page.waitForURL(/\/events\/macron-2017\/emleaks-posted\/?$/), page.keyboard.press('Enter')]);
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('timeline-chart.is-enhanced'));
    await page.waitForFunction((id) => document.activeElement?.closest('a.tl-mark')?.getAttribute('data-event-id') === id, LEAK, {
      timeout: 5000,
    });
    expect(await markX(page, LEAK)).toBeCloseTo(leakX, 0);
    expect(new URL(page.url()).searchParams.get('from')).toBe('-72h');
    expectNoErrors(errors);
  });

  it('the PNG credit and a shared link carry the zoom', async () => {
    const { page, errors } = await openPage('/?from=-72h&to=6h&kinds=leak,election');
    const shared = await page.evaluate(() => (document.querySelector('timeline-chart') as HTMLElement & { shareUrl(): string }).shareUrl());
    expect(shared).toMatch(/\?kinds=leak,election&from=-72h&to=6h$/);
    expectNoErrors(errors);
  });
});

describe('keyboard entry', () => {
  it("the chart's first tab stop is the first event of the top lane", async () => {
    const { page, errors } = await openPage('/');
    const expected = await page.evaluate(() => {
      const lane = document.querySelector('svg .tl-lane')!;
      const marks = [...lane.querySelectorAll<SVGAElement>('a.tl-mark:not(.tl-band)')].sort(
        (a, b) => Number(a.dataset.start) - Number(b.dataset.start),
      );
      return marks[0].dataset.eventId;
    });
    expect((await tabIntoChart(page)).id).toBe(expected);
    expectNoErrors(errors);
  });

  it('a skip link goes straight to that event', async () => {
    const { page, errors } = await openPage('/');
    const first = await page.evaluate(() => document.querySelector('svg a.tl-mark[tabindex="0"]')!.getAttribute('data-event-id'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the timeline');
    await page.keyboard.press('Enter');
    await nextFrame(page);
    const mark = await focused(page);
    expect(mark.id).toBe(first);
    expect(mark.lane).toBe(await page.evaluate(() => document.querySelector('svg .tl-lane')!.getAttribute('data-incident')));
    expectNoErrors(errors);
  });
});
