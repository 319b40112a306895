/**
 * The chart on a phone (375 × 812, touch): time runs down the page, each incident a section
 * of its own; readable text, 24 px targets, no sideways scrolling, a vertical swipe scrolls
 * the page, two fingers pinch to zoom, a tap shows a card with a link, and no card is clipped.
 * Without JavaScript the build's own phone drawing is the one shown.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { nextFrame } from './chart.ts';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const PHONE = { viewport: { width: 375, height: 812 }, touch: true };
const LEAK = 'macron-2017/emleaks-posted';
const LATER = 'macron-2017/nsa-rogers-heads-up';

/** A one-finger swipe, as raw touch events (what a phone sends). */
async function swipe(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: from.x + (dx * i) / 10, y: from.y + (dy * i) / 10 }],
    });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(300);
  await cdp.detach();
}

/** A mark's y in the drawing's own units (its place along the time axis, down the page). */
function markY(page: Page, id: string): Promise<number> {
  return page.evaluate((id) => {
    const el = document.querySelector<SVGAElement>(`svg.tl-svg-vertical a.tl-mark[data-event-id="${id}"]`)!;
    const told = (el.closest('timeline-chart') as (Element & { markPosition?: (id: string) => number | undefined }) | null)?.markPosition?.(
      id,
    );
    if (told !== undefined) return told;
    return Number(/translate\(\s*-?[\d.]+,\s*(-?[\d.]+)/.exec(el.getAttribute('transform') ?? '')![1]);
  }, id);
}

/** What a reader of a phone gets: which drawing, text and target sizes, sideways overflow. */
function measure(page: Page) {
  return page.evaluate(() => {
    const drawings = [...document.querySelectorAll<SVGSVGElement>('svg.tl-svg')].filter((svg) => svg.getBoundingClientRect().width > 0);
    const svg = drawings[0];
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const fonts = [...svg.querySelectorAll('text')]
      .filter((t) => t.getBoundingClientRect().width > 0)
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    const targets = [...svg.querySelectorAll<SVGAElement>('a.tl-mark:not(.tl-band):not(.is-clustered):not(.is-offscreen)')]
      .map((a) => a.querySelector('.tl-hit')!.getBoundingClientRect())
      .filter((b) => b.width > 0);
    return {
      shown: drawings.length,
      orientation: svg.dataset.orientation,
      svgRight: svg.getBoundingClientRect().right,
      smallestFont: Math.min(...fonts),
      smallestTarget: Math.min(...targets.map((b) => Math.min(b.width, b.height))),
      targets: targets.length,
      labels: [...svg.querySelectorAll('a.tl-mark.has-label .tl-label')].length,
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

describe('the timeline on a phone', () => {
  for (const javaScript of [true, false]) {
    it(
      `runs down the page, with text of at least 12 px, 24 px targets and no sideways scrolling (JavaScript ` +
        `${javaScript ? 'on' : 'off'})`,
      async () => {
        const { page, errors } = await openPage('/', { ...PHONE, javaScript });
        const sizes = await measure(page);
        expect(sizes.shown).toBe(1);
        expect(sizes.orientation).toBe('vertical');
        expect(sizes.targets).toBeGreaterThan(10);
        expect(sizes.labels).toBeGreaterThan(10);
        expect(sizes.smallestFont).toBeGreaterThanOrEqual(12);
        expect(sizes.smallestTarget).toBeGreaterThanOrEqual(24);
        expect(sizes.svgRight).toBeLessThanOrEqual(375);
        expect(sizes.scrollWidth).toBeLessThanOrEqual(375);
        // Time runs down: the leak (T−47 h) stands above the vote of its lane, and the vote above what followed.
        const lane = page.locator('svg.tl-svg:visible .tl-lane[data-incident="macron-2017"]');
        const vote = Number(await lane.locator('.tl-lane-vote').getAttribute('y1'));
        expect(await markY(page, LEAK)).toBeLessThan(vote);
        expect(await markY(page, LATER)).toBeGreaterThan(vote);
        // Every event is a link, once.
        expect(await page.locator('svg.tl-svg:visible a.tl-mark').count()).toBe(await page.locator('.tl-table tbody tr').count());
        expectNoErrors(errors);
      },
    );
  }

  it('a vertical swipe over the chart scrolls the page; a sideways one neither scrolls nor zooms', async () => {
    const { page, errors } = await openPage('/', PHONE);
    const plot = page.locator('.tl-scroll');
    await plot.evaluate((el) => scrollTo(0, el.getBoundingClientRect().top + scrollY + 200));
    const before = await page.evaluate(() => scrollY);
    const leak = await markY(page, LEAK);
    await swipe(page, { x: 200, y: 500 }, 0, -200);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(before + 100);
    await swipe(page, { x: 120, y: 400 }, 160, 0);
    expect(await page.evaluate(() => scrollX)).toBe(0);
    expect(await markY(page, LEAK)).toBeCloseTo(leak, 1);
    expectNoErrors(errors);
  });

  it('two fingers pinch to zoom the chart along time', async () => {
    const { page, errors } = await openPage('/', PHONE);
    const leakMark = page.locator(`svg.tl-svg a.tl-mark[data-event-id="${LEAK}"]`);
    await leakMark.evaluate((el) => scrollTo(0, el.getBoundingClientRect().top + scrollY - 300));
    const gap = async () => (await markY(page, LATER)) - (await markY(page, LEAK));
    const before = await gap();
    const box = (await leakMark.locator('.tl-shape').boundingBox())!;
    const entries = await page.evaluate(() => history.length);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.synthesizePinchGesture', { x: 200, y: box.y, scaleFactor: 3, gestureSourceType: 'touch', relativeSpeed: 400 });
    await nextFrame(page);
    expect(await gap()).toBeGreaterThan(before * 1.5);
    // One pinch is one step back, not one per finger move.
    expect(await page.evaluate(() => history.length), 'history entries added by one pinch').toBe(entries + 1);
    expect(new URL(page.url()).searchParams.has('from'), 'the pinched range is in the address').toBe(true);
    expectNoErrors(errors);
  });

  it('a tap on a mark of the lower lane shows its card, whole on screen, with a link to the event', async () => {
    const { page, errors } = await openPage('/', PHONE);
    const mark = page
      .locator('svg.tl-svg .tl-lane[data-incident="dnc-2016"] a.tl-mark:not(.tl-band):not(.is-clustered):not(.is-offscreen)')
      .last();
    const href = (await mark.getAttribute('href'))!;
    // Tapped once it stands still and is what a finger there would reach (the chart may still settle its phone layout).
    await mark.locator('.tl-shape').tap();
    const card = page.locator('.tl-tooltip');
    await card.waitFor({ state: 'visible' });
    expect(new URL(page.url()).pathname).toBe('/');
    const rect = (await card.boundingBox())!;
    expect(rect.x).toBeGreaterThanOrEqual(0);
    expect(rect.x + rect.width).toBeLessThanOrEqual(375);
    expect(rect.y).toBeGreaterThanOrEqual(0);
    expect(rect.y + rect.height).toBeLessThanOrEqual(812);
    const link = card.getByRole('link');
    expect(await link.getAttribute('href')).toBe(href);
    const linkBox = (await link.boundingBox())!;
    await Promise.all([
      page.waitForURL((url) => url.pathname === href),
      page.touchscreen.tap(linkBox.x + linkBox.width / 2, linkBox.y + linkBox.height / 2),
    ]);
    expectNoErrors(errors);
  });

  it('keyboard: ↓ follows time down the lane, → goes to the next incident', async () => {
    const { page, errors } = await openPage('/', { viewport: { width: 375, height: 812 } });
    await page.locator('.tl-scroll').evaluate((el) => el.scrollIntoView());
    const first = await page.evaluate(() => document.querySelector<SVGAElement>('svg.tl-svg a.tl-mark[tabindex="0"]')!.dataset.eventId!);
    await page.locator(`svg.tl-svg a.tl-mark[data-event-id="${first}"]`).focus();
    const start = (id: string) =>
      page.evaluate((id) => Number(document.querySelector<SVGAElement>(`svg.tl-svg a.tl-mark[data-event-id="${id}"]`)!.dataset.start), id);
    await page.keyboard.press('ArrowDown');
    const next = await page.evaluate(() => (document.activeElement as SVGAElement).dataset.eventId!);
    expect(next).not.toBe(first);
    expect(await start(next)).toBeGreaterThanOrEqual(await start(first));
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as SVGAElement).closest('.tl-lane')!.getAttribute('data-incident'))).toBe(
      'dnc-2016',
    );
    expectNoErrors(errors);
  });

  it('folds the controls beyond zoom behind "More options", so the chart starts near the top; wide screens show them all', async () => {
    const { page, errors } = await openPage('/', PHONE);
    const toggle = page.getByRole('button', { name: 'More options' });
    const align = page.getByRole('combobox', { name: 'Align' });
    await expect.poll(() => toggle.isVisible(), { message: 'the phone shows a "More options" button', timeout: 10_000 }).toBe(true);
    expect(await align.isVisible(), 'the align choice is folded away at first').toBe(false);
    const chartTop = await page.locator('.tl-scroll').evaluate((el) => el.getBoundingClientRect().top + scrollY);
    expect(chartTop, 'the chart starts within the second screen of the phone').toBeLessThan(2 * 812);
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await align.isVisible(), 'a tap on "More options" shows the align choice').toBe(true);
    await page.setViewportSize({ width: 1280, height: 812 });
    await expect.poll(() => align.isVisible(), { message: 'wide screens show every control', timeout: 10_000 }).toBe(true);
    expect(await toggle.isVisible(), 'wide screens have no toggle').toBe(false);
    expectNoErrors(errors);
  });

  it('turns from wide to narrow and back (a window resized, a tablet turned) without an error, the right drawing each time', async () => {
    const { page, errors } = await openPage('/');
    const shown = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<SVGSVGElement>('timeline-chart svg.tl-svg')]
          .filter((svg) => svg.getBoundingClientRect().width > 0)
          .map((svg) => svg.dataset.orientation),
      );
    expect(await shown()).toEqual(['horizontal']);
    for (const [width, orientation] of [
      [375, 'vertical'],
      [1280, 'horizontal'],
      [375, 'vertical'],
    ] as const) {
      await page.setViewportSize({ width, height: 812 });
      await expect.poll(shown, { message: `at ${width} px the ${orientation} drawing is shown`, timeout: 10_000 }).toEqual([orientation]);
      expect(await page.locator(`timeline-chart a.tl-mark[data-event-id="${LEAK}"]`).count(), `the leak is one link at ${width} px`).toBe(
        1,
      );
    }
    expectNoErrors(errors);
  });
});
