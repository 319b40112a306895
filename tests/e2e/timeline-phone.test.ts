/**
 * The chart on a phone (375 px, touch): readable text, 24 px targets, opens on the days
 * around T−0, a vertical swipe scrolls the page, a sideways one the chart's box, two fingers
 * pinch to zoom, a tap shows a card with a link, and no card is clipped.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { markX, nextFrame } from './chart.ts';
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
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + (dx * i) / 10, y: from.y + (dy * i) / 10 }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(300);
  await cdp.detach();
}

async function chartCentre(page: Page) {
  const box = (await page.locator('.tl-scroll').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('the timeline on a phone', () => {
  it('has text of at least 12 px and marks that are targets of at least 24 × 24 px', async () => {
    const { page, errors } = await openPage('/', PHONE);
    const sizes = await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('svg.tl-svg')!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const fonts = [...svg.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().width > 0).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      const targets = [...svg.querySelectorAll<SVGAElement>('a.tl-mark:not(.tl-band):not(.is-clustered):not(.is-offscreen)')].map((a) => a.getBoundingClientRect()).filter((b) => b.width > 0);
      return { smallestFont: Math.min(...fonts), smallestTarget: Math.min(...targets.map((b) => Math.min(b.width, b.height))), targets: targets.length };
    });
    expect(sizes.targets).toBeGreaterThan(10);
    expect(sizes.smallestFont).toBeGreaterThanOrEqual(12);
    expect(sizes.smallestTarget).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expectNoErrors(errors);
  });

  it('opens on the days around T−0', async () => {
    const { page, errors } = await openPage('/', PHONE);
    const [rule, box] = await page.evaluate(() => [document.querySelector('svg .tl-vote line')!.getBoundingClientRect().x, document.querySelector('.tl-scroll')!.getBoundingClientRect()] as const);
    expect(rule).toBeGreaterThan(box.x);
    expect(rule).toBeLessThan(box.x + box.width);
    expectNoErrors(errors);
  });

  it('a vertical swipe over the chart scrolls the page; a sideways one scrolls the chart, not the zoom', async () => {
    const { page, errors } = await openPage('/', PHONE);
    await page.locator('.tl-scroll').scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => ({ y: scrollY, left: document.querySelector('.tl-scroll')!.scrollLeft }));
    const leak = await markX(page, LEAK);
    const at = await chartCentre(page);
    await swipe(page, { x: at.x, y: at.y + 60 }, 0, -200);
    const afterVertical = await page.evaluate(() => scrollY);
    expect(afterVertical).toBeGreaterThan(before.y + 100);
    const at2 = await chartCentre(page);
    await swipe(page, { x: at2.x - 80, y: at2.y }, 160, 0);
    expect(await page.evaluate(() => document.querySelector('.tl-scroll')!.scrollLeft)).toBeLessThan(before.left - 50);
    expect(await markX(page, LEAK)).toBeCloseTo(leak, 1);
    expectNoErrors(errors);
  });

  it('two fingers pinch to zoom the chart', async () => {
    const { page, errors } = await openPage('/', PHONE);
    await page.locator('.tl-scroll').scrollIntoViewIfNeeded();
    const gap = async () => (await markX(page, LATER)) - (await markX(page, LEAK));
    const before = await gap();
    const cdp = await page.context().newCDPSession(page);
    const at = await chartCentre(page);
    await cdp.send('Input.synthesizePinchGesture', { x: at.x, y: at.y, scaleFactor: 3, gestureSourceType: 'touch', relativeSpeed: 400 });
    await nextFrame(page);
    expect(await gap()).toBeGreaterThan(before * 1.5);
    expectNoErrors(errors);
  });

  it('a tap on a mark of the lower lane shows its card, whole on screen, with a link to the event', async () => {
    const { page, errors } = await openPage('/', PHONE);
    const mark = page.locator('svg .tl-lane[data-incident="dnc-2016"] a.tl-mark:not(.tl-band):not(.is-clustered):not(.is-offscreen)').last();
    await mark.scrollIntoViewIfNeeded();
    const href = (await mark.getAttribute('href'))!;
    const box = (await mark.locator('.tl-shape').boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
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
    await Promise.all([page.waitForURL((url) => url.pathname === href), page.touchscreen.tap(linkBox.x + linkBox.width / 2, linkBox.y + linkBox.height / 2)]);
    expectNoErrors(errors);
  });
});
