/**
 * A keyboard-only journey, no mouse: from the home page, Tab to the chart, arrow to the
 * Macron leak, Enter to its page, Tab to its first source, back to the chart, and Tab into
 * the chart again. At every stop the focused element shows its focus (:focus-visible).
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { focused } from './chart.ts';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const TARGET = 'macron-2017/emleaks-posted';
/** More Tab presses than any page here needs; past this, a stop is unreachable. */
const MAX_TABS = 80;

interface Stop {
  /** A short description of the focused element, for messages. */
  what: string;
  focusVisible: boolean;
  inChart: boolean;
  skipLink: boolean;
  firstSource: boolean;
  inSources: boolean;
  isBody: boolean;
}

function stop(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const sources = document.querySelector('ol.sources');
    return {
      what: el
        ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${(el.getAttribute('href') ?? el.textContent ?? '').trim().slice(0, 60)}`
        : 'nothing',
      focusVisible: Boolean(el?.matches(':focus-visible')),
      inChart: Boolean(el?.closest('svg.tl-svg a.tl-mark')),
      skipLink: Boolean(el?.matches('a.skip-link')),
      firstSource: Boolean(el && sources && el === sources.querySelector('a[href]')),
      inSources: Boolean(el?.matches('ol.sources a')),
      isBody: el === document.body || el === null,
    };
  });
}

/** Presses `key`, then checks that focus went somewhere and shows. */
async function press(page: Page, key: string, trail: string[]): Promise<Stop> {
  await page.keyboard.press(key);
  const now = await stop(page);
  trail.push(`${key} → ${now.what}`);
  expect(now.isBody, `after ${trail.length} keys focus fell back to the document:\n${trail.join('\n')}`).toBe(false);
  expect(now.focusVisible, `focus not visible on ${now.what} (${key})`).toBe(true);
  return now;
}

/** Tabs (or Shift+Tabs) until `reached(stop)`, at most MAX_TABS times; returns the presses it took. */
async function tabUntil(page: Page, reached: (s: Stop) => boolean, trail: string[], key = 'Tab'): Promise<number> {
  for (let presses = 1; presses <= MAX_TABS; presses++) {
    if (reached(await press(page, key, trail))) return presses;
  }
  throw new Error(`not reached after ${MAX_TABS} presses of ${key}:\n${trail.slice(-MAX_TABS).join('\n')}`);
}

describe('a keyboard-only journey', () => {
  it('home → chart → the Macron leak → its first source → back to the chart', async () => {
    const { page, errors } = await openPage('/');
    const trail: string[] = [];
    // No mouse anywhere in this test: fail loudly if something clicks or hovers.
    const mouse = page.mouse;
    for (const method of ['click', 'dblclick', 'move', 'down', 'up', 'wheel'] as const) {
      (mouse as unknown as Record<string, () => never>)[method] = () => {
        throw new Error(`mouse.${method} used in the keyboard-only journey`);
      };
    }

    // 1. The skip link is the first stop; the chart is reachable with Tab.
    const first = await press(page, 'Tab', trail);
    expect(first.skipLink, `first Tab stop is the skip link, not ${first.what}`).toBe(true);
    const tabsToChart = 1 + (await tabUntil(page, (s) => s.inChart, trail));
    console.log(`journey: ${tabsToChart} Tab presses from the top of the home page to the chart`);
    expect(tabsToChart).toBeLessThan(30);

    // 2. Arrow keys to the Macron leak: lanes with ArrowUp/ArrowDown, time with ArrowLeft/ArrowRight.
    const { lanes, start } = await page.evaluate((id) => {
      const mark = document.querySelector(`svg a.tl-mark[data-event-id="${id}"]`)!;
      return {
        lanes: [...document.querySelectorAll('svg .tl-lane[data-incident]')].map((l) => l.getAttribute('data-incident')),
        start: Number(mark.getAttribute('data-start')),
      };
    }, TARGET);
    const targetLane = TARGET.split('/')[0];
    let arrows = 0;
    const tried = new Set<string>();
    for (let mark = await focused(page); mark.id !== TARGET; mark = await focused(page)) {
      expect(arrows++, `the arrow keys did not reach ${TARGET}:\n${trail.slice(-20).join('\n')}`).toBeLessThan(200);
      let key: string;
      if (mark.lane !== targetLane) key = lanes.indexOf(mark.lane) < lanes.indexOf(targetLane) ? 'ArrowDown' : 'ArrowUp';
      else if (mark.start !== start) key = mark.start < start ? 'ArrowRight' : 'ArrowLeft';
      // Same instant as another event: step over the tie, right first, then left.
      else key = tried.has(`${mark.id} ArrowRight`) ? 'ArrowLeft' : 'ArrowRight';
      tried.add(`${mark.id} ${key}`);
      const now = await press(page, key, trail);
      expect(now.inChart, `${key} left the chart`).toBe(true);
    }
    console.log(`journey: ${arrows} arrow presses to ${TARGET}`);
    const title = (await focused(page)).title!;

    // 3. Enter opens its page.
    await Promise.all([page.waitForURL(`**/events/${TARGET}/`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toContain(title.slice(0, 20));

    // 4. Tab to the first link of the sources list (Shift+Tab back to it if Tab went past).
    const tabsToSources = await tabUntil(page, (s) => s.inSources, trail);
    let current = await stop(page);
    if (!current.firstSource) await tabUntil(page, (s) => s.firstSource, trail, 'Shift+Tab');
    current = await stop(page);
    expect(current.inSources, `focus in ol.sources, not on ${current.what}`).toBe(true);
    expect(current.firstSource, `focus on the first link of ol.sources, not ${current.what}`).toBe(true);
    console.log(`journey: ${tabsToSources} Tab presses from the top of the event page to its first source`);

    // 5. Back to the chart with the browser's Back shortcut. Headless Chromium delivers
    // Alt+ArrowLeft to the page but has no browser window to act on it, so the test does
    // what the browser would, once the page has seen the key (and only if it did not navigate).
    await page.evaluate(() => {
      const w = window as unknown as { __back?: boolean };
      addEventListener('keydown', (e) => (w.__back ||= e.altKey && e.key === 'ArrowLeft'));
    });
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForTimeout(300);
    if (new URL(page.url()).pathname !== '/') {
      expect(await page.evaluate(() => (window as unknown as { __back?: boolean }).__back), 'the page saw Alt+ArrowLeft').toBe(true);
      await page.goBack({ waitUntil: 'load' });
    }
    expect(new URL(page.url()).pathname).toBe('/');
    await page.waitForFunction(() => !document.querySelector('timeline-chart:not(.is-enhanced)'));

    // 6. Back on the chart, focus is on the mark left from (the chart restores it); had it
    // not been restored, Tab would have to re-enter the chart.
    await page
      .waitForFunction(() => document.activeElement?.closest('svg a.tl-mark') !== null, null, { timeout: 5000 })
      .catch(() => undefined);
    const restored = await focused(page);
    const tabsBack = restored.inChart ? 0 : await tabUntil(page, (s) => s.inChart, trail);
    const back = await focused(page);
    expect(back.inChart, `focus back on a mark of the chart (Tab stops: ${trail.join('; ')})`).toBe(true);
    expect(back.focusVisible, `focus visible on mark ${back.id}`).toBe(true);
    expect(back.id, 'Back focuses the mark the reader left from').toBe(TARGET);
    console.log(`journey: back on the home page, ${tabsBack} Tab presses into the chart (on ${back.id})`);
    expectNoErrors(errors);
  });
});
