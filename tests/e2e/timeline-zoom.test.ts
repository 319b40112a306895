/** Zoom buttons and keys: marks spread out and come back; "Last 72 hours" opens up the Macron dump. */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { focused, markX, nextFrame, press, plotRange, tabIntoChart, visibleMarks, voteX } from './chart.ts';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const LEAK = 'macron-2017/emleaks-posted';
const LATER = 'macron-2017/nsa-rogers-heads-up';

/** Where every point mark stands as laid out (folded and off-screen marks are not moved, so the chart tells). */
const allX = (page: Page) =>
  page.$$eval('svg a.tl-mark:not(.tl-band)', (marks) =>
    marks.map(
      (a) =>
        (a.closest('timeline-chart') as Element & { markPosition(id: string): number | undefined }).markPosition(
          (a as SVGAElement).dataset.eventId!,
        )!,
    ),
  );

describe('zooming the timeline', () => {
  it('zooms in with +, back out with −, and Reset restores the first view', async () => {
    const { page, errors } = await openPage('/');
    const initial = await allX(page);
    const gap = async () => (await markX(page, LATER)) - (await markX(page, LEAK));
    const before = await gap();
    expect(before).toBeGreaterThan(0);

    await press(page, 'Zoom in');
    const zoomedIn = await gap();
    expect(zoomedIn).toBeGreaterThan(before * 1.5);

    await press(page, 'Zoom out');
    expect(await gap()).toBeCloseTo(before, 0);

    await press(page, 'Zoom in');
    await press(page, 'Zoom in');
    expect(await gap()).toBeGreaterThan(zoomedIn * 1.5);
    await press(page, 'Reset');
    const reset = await allX(page);
    expect(reset).toHaveLength(initial.length);
    reset.forEach((x, i) => {
      expect(Math.abs(x - initial[i])).toBeLessThan(0.6);
    });
    expectNoErrors(errors);
  });

  it('"Last 72 hours" shows the Macron dump and the vote, far apart', async () => {
    const { page, errors } = await openPage('/');
    const [left, right] = await plotRange(page);
    const leakBefore = await markX(page, LEAK);
    const distanceBefore = (await voteX(page)) - leakBefore;
    expect(distanceBefore).toBeGreaterThan(0);

    await press(page, 'Last 72 hours');
    const leak = await markX(page, LEAK);
    const vote = await voteX(page);
    for (const [what, x] of [
      ['leak mark', leak],
      ['vote rule', vote],
    ] as const) {
      expect(x, `${what} is left of the right edge`).toBeLessThanOrEqual(right);
      expect(x, `${what} is right of the left edge`).toBeGreaterThanOrEqual(left);
    }
    expect(vote - leak).toBeGreaterThan(distanceBefore * 3);
    // 47 hours of the 78 on screen: well over half the plot away from the vote.
    expect(vote - leak).toBeGreaterThan((right - left) * 0.4);
    const mark = page.locator(`svg a.tl-mark[data-event-id="${LEAK}"]`);
    expect(await mark.isVisible()).toBe(true);
    expect(await page.locator('svg .tl-vote').isVisible()).toBe(true);
    expect(await page.locator('svg .tl-tick text').allTextContents()).toContain('vote');

    await press(page, 'Reset');
    expect(await markX(page, LEAK)).toBeCloseTo(leakBefore, 0);
    expectNoErrors(errors);
  });

  it('hatches each campaign silence in view, and only those, at every zoom and filter', async () => {
    const { page, errors } = await openPage('/');
    // Each band's outline beside its lane's hatching, as drawn on screen.
    const boxes = () =>
      page.$$eval('svg.tl-svg-horizontal .tl-lane', (lanes) =>
        lanes.map((lane) => {
          const box = (el: Element | null) => {
            const r = el?.getBoundingClientRect();
            return r && r.width > 0 ? [r.left, r.top, r.right, r.bottom].map(Math.round) : null;
          };
          const bands = [...lane.querySelectorAll('a.tl-band:not(.is-offscreen) .tl-band-rect')].filter(
            (rect) => getComputedStyle(rect.closest('a')!).display !== 'none',
          );
          return { lane: (lane as SVGGElement).dataset.incident, hatch: box(lane.querySelector('.tl-band-hatch')), bands: bands.map(box) };
        }),
      );
    const check = async (when: string, expectBands: boolean) => {
      const lanes = await boxes();
      const shown = lanes.flatMap((l) => l.bands);
      expect(shown.length > 0, `${when}: a campaign silence is in view`).toBe(expectBands);
      for (const { lane, hatch, bands } of lanes) {
        if (!bands.length) {
          expect(hatch, `${when}: ${lane} has no band in view, so no hatching`).toBeNull();
          continue;
        }
        // One band a lane on this site: the hatching covers exactly its outline.
        for (const band of bands) expect(hatch, `${when}: ${lane}'s hatching covers its campaign silence`).toEqual(band);
      }
    };
    await check('at first', true);
    await press(page, 'Zoom in');
    await check('zoomed in', true);
    await press(page, 'Last 72 hours');
    await check('the last 72 hours', true);
    await page.locator('.tl-legend-item[data-filter-kind="blackout"]').click();
    await nextFrame(page);
    await check('campaign silences filtered out', false);
    expectNoErrors(errors);
  });

  it('zooms with the + and − keys while a mark has focus', async () => {
    const { page, errors } = await openPage('/');
    const mark = await tabIntoChart(page);
    const lane = await page.$$eval(`svg .tl-lane[data-incident="${mark.lane}"] a.tl-mark:not(.tl-band)`, (marks) =>
      marks.map((a) => a.getAttribute('data-event-id')!),
    );
    const other = lane[lane.length - 1];
    const gap = async () => Math.abs((await markX(page, other)) - (await markX(page, mark.id!)));
    const before = await gap();

    await page.keyboard.press('+');
    await nextFrame(page);
    const zoomed = await gap();
    expect(zoomed).toBeGreaterThan(before * 1.5);
    expect((await focused(page)).id, 'focus stays on the mark').toBe(mark.id);

    await page.keyboard.press('-');
    await nextFrame(page);
    expect(await gap()).toBeCloseTo(before, 0);
    expect((await focused(page)).id).toBe(mark.id);
    expectNoErrors(errors);
  });

  it('Ctrl + wheel zooms around the pointer; a drag pans, and the click that ends it opens nothing', async () => {
    const { page, errors } = await openPage('/');
    const gap = async () => (await markX(page, LATER)) - (await markX(page, LEAK));
    const before = await gap();
    await page.locator('svg.tl-svg').scrollIntoViewIfNeeded();
    const box = (await page.locator('svg.tl-svg').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.8, y);
    await page.keyboard.down('Control');
    // deltaY 50 with Ctrl: a factor of 2 each.
    for (let i = 0; i < 2; i++) await page.mouse.wheel(0, -50);
    await page.keyboard.up('Control');
    await nextFrame(page);
    expect(await gap()).toBeGreaterThan(before * 1.5);
    // The zoom settles into the address once the wheel stops.
    await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));

    // A drag from a mark to the right moves it right, and does not follow its link.
    const candidates = (await visibleMarks(page)).filter((m) => m.kind !== 'blackout');
    let id = '';
    let shape = { x: 0, y: 0, width: 0, height: 0 };
    for (const mark of candidates) {
      const found = await page.locator(`svg a.tl-mark[data-event-id="${mark.id}"] .tl-shape`).boundingBox();
      // One in the window, and with room to its right.
      if (found && found.y > 0 && found.y + found.height < 900 && found.x > box.x + 20 && found.x + 80 < box.x + box.width) {
        id = mark.id;
        shape = found;
        break;
      }
    }
    expect(id, 'a mark to drag from').not.toBe('');
    const start = await markX(page, id);
    const url = page.url();
    await page.mouse.move(shape.x + shape.width / 2, shape.y + shape.height / 2);
    await page.mouse.down();
    await page.mouse.move(shape.x + shape.width / 2 + 60, shape.y + shape.height / 2, { steps: 4 });
    await page.mouse.up();
    await nextFrame(page);
    expect((await markX(page, id)) - start).toBeGreaterThan(30);
    await page.waitForTimeout(200);
    expect(new URL(page.url()).pathname).toBe(new URL(url).pathname);
    expectNoErrors(errors);
  });

  it(
    'after turning to the phone layout and back, one Ctrl + wheel gesture zooms once, around the pointer, with one ' + 'history entry',
    async () => {
      const { page, errors } = await openPage('/');
      // Down a phone and back: the chart binds its zoom to the other drawing, then to this one again.
      await page.setViewportSize({ width: 375, height: 812 });
      await nextFrame(page);
      await page.setViewportSize({ width: 1280, height: 900 });
      await nextFrame(page);
      // A zoom set by the chart (the + button), then a gesture that starts from it.
      await press(page, 'Zoom in');
      await page.locator('svg.tl-svg').scrollIntoViewIfNeeded();
      const box = (await page.locator('svg.tl-svg').boundingBox())!;
      let target = { id: '', x: 0, y: 0 };
      for (const mark of (await visibleMarks(page)).filter((m) => m.kind !== 'blackout')) {
        const shape = await page.locator(`svg a.tl-mark[data-event-id="${mark.id}"] .tl-shape`).boundingBox();
        if (shape && shape.x > box.x + box.width * 0.3 && shape.x < box.x + box.width * 0.7 && shape.y > 0 && shape.y < 880) {
          target = { id: mark.id, x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 };
          break;
        }
      }
      expect(target.id, 'a mark near the middle of the chart').not.toBe('');
      const entries = await page.evaluate(() => history.length);
      await page.mouse.move(target.x, target.y);
      await page.keyboard.down('Control');
      for (let i = 0; i < 2; i++) await page.mouse.wheel(0, -50);
      await page.keyboard.up('Control');
      await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
      await page.waitForTimeout(400);
      const after = (await page.locator(`svg a.tl-mark[data-event-id="${target.id}"] .tl-shape`).boundingBox())!;
      expect(Math.abs(after.x + after.width / 2 - target.x), 'the mark under the pointer stays under it').toBeLessThan(4);
      expect(await page.evaluate(() => history.length), 'one gesture, one entry in the history').toBe(entries + 1);
      expectNoErrors(errors);
    },
  );
});
