/** The chart is one tab stop; arrows, Home and End move between events; Enter opens one. */
import { afterAll, describe, expect, it } from 'vitest';
import { focused, tabIntoChart } from './chart.ts';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

describe('the timeline from the keyboard', () => {
  it('is one tab stop: Tab enters on a mark, the next Tab leaves the chart', async () => {
    const { page, errors } = await openPage('/');
    expect(await page.locator('svg a[tabindex="0"]').count()).toBe(1);
    expect(await page.locator('svg a.tl-mark:not([tabindex="-1"])').count()).toBe(1);
    const entered = await tabIntoChart(page);
    expect(entered.inChart).toBe(true);
    await page.keyboard.press('Tab');
    const left = await focused(page);
    expect(left.inChart).toBe(false);
    expect(left.id).toBeNull();
    // Shift+Tab comes back to the same mark.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).id).toBe(entered.id);
    expectNoErrors(errors);
  });

  it('moves in time order with ArrowRight and ArrowLeft, within the lane', async () => {
    const { page, errors } = await openPage('/');
    let current = await tabIntoChart(page);
    const visited = [current];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('ArrowRight');
      const next = await focused(page);
      expect(next.id).not.toBe(current.id);
      expect(next.lane).toBe(current.lane);
      expect(next.start).toBeGreaterThanOrEqual(current.start);
      visited.push(next);
      current = next;
    }
    for (let i = visited.length - 2; i >= 0; i--) {
      await page.keyboard.press('ArrowLeft');
      expect((await focused(page)).id).toBe(visited[i].id);
    }
    expectNoErrors(errors);
  });

  it('changes lane with ArrowUp and ArrowDown', async () => {
    const { page, errors } = await openPage('/');
    const start = await tabIntoChart(page);
    const other = start.lane === 'macron-2017' ? 'dnc-2016' : 'macron-2017';
    const [away, back] = start.lane === 'macron-2017' ? ['ArrowDown', 'ArrowUp'] : ['ArrowUp', 'ArrowDown'];
    await page.keyboard.press(away);
    const there = await focused(page);
    expect(there.lane).toBe(other);
    expect(there.inChart).toBe(true);
    await page.keyboard.press(back);
    expect((await focused(page)).lane).toBe(start.lane);
    expectNoErrors(errors);
  });

  it('goes to the first and last event of the lane with Home and End', async () => {
    const { page, errors } = await openPage('/');
    const start = await tabIntoChart(page);
    const starts = await page.evaluate(
      (lane) =>
        [...document.querySelectorAll(`svg .tl-lane[data-incident="${lane}"] a.tl-mark`)].map((a) => Number(a.getAttribute('data-start'))),
      start.lane,
    );
    await page.keyboard.press('End');
    const last = await focused(page);
    expect(last.lane).toBe(start.lane);
    expect(last.start).toBe(Math.max(...starts));
    await page.keyboard.press('Home');
    const first = await focused(page);
    expect(first.lane).toBe(start.lane);
    expect(first.start).toBe(Math.min(...starts));
    expectNoErrors(errors);
  });

  it('shows focus and a tooltip with the event title on the focused mark', async () => {
    const { page, errors } = await openPage('/');
    await tabIntoChart(page);
    for (const key of [null, 'ArrowRight', 'ArrowUp']) {
      if (key) await page.keyboard.press(key);
      const mark = await focused(page);
      expect(mark.focusVisible, `${mark.id} matches :focus-visible`).toBe(true);
      // ...and looks it: a ring in the focus colour goes round the mark. (Chromium may update the
      // style of an SVG link's children a frame after focus moves, hence the poll.)
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              const probe = document.createElement('span');
              probe.style.color = 'var(--focus)';
              document.body.append(probe);
              const focus = getComputedStyle(probe).color;
              probe.remove();
              // A point mark's ring is its hit circle, drawn clear of the shape; a band's is its outline.
              const ring = document.activeElement!.querySelector('.tl-hit, .tl-band-rect')!;
              return getComputedStyle(ring).stroke === focus;
            }),
          { timeout: 3000, message: `${key}: ${mark.id} is outlined in the focus colour` },
        )
        .toBe(true);
      const tooltip = page.locator('.tl-tooltip');
      // The tooltip's code loads on the first focus in the chart: on a busy machine the first card takes a moment.
      await expect
        .poll(() => tooltip.textContent(), { timeout: 10_000, message: `${key}: the tooltip shows ${mark.id}` })
        .toContain(mark.title);
      expect(await tooltip.isVisible()).toBe(true);
      // The focused mark itself is on screen, not folded into a cluster.
      expect(await page.locator(`svg a.tl-mark[data-event-id="${mark.id}"]`).isVisible()).toBe(true);
    }
    await page.keyboard.press('Tab');
    expect(await page.locator('.tl-tooltip').isVisible()).toBe(false);
    expectNoErrors(errors);
  });

  it('shows the tooltip when the pointer is over a mark', async () => {
    const { page, errors } = await openPage('/');
    const mark = page.locator('svg a.tl-mark[data-event-id="macron-2017/emleaks-posted"]');
    await mark.locator('.tl-shape').hover();
    const tooltip = page.locator('.tl-tooltip');
    // The tooltip's code loads on the first hover, so the card may take a moment on a busy machine.
    await expect.poll(() => tooltip.isVisible(), { timeout: 10_000, message: 'the tooltip appears over the hovered mark' }).toBe(true);
    expect(await tooltip.textContent()).toContain(await mark.getAttribute('data-title'));
    await page.mouse.move(5, 5);
    await expect.poll(() => tooltip.isVisible(), { timeout: 5_000, message: 'the tooltip goes when the pointer leaves' }).toBe(false);
    expectNoErrors(errors);
  });

  it('opens the focused event page with Enter', async () => {
    const { page, errors } = await openPage('/');
    await tabIntoChart(page);
    await page.keyboard.press('ArrowRight');
    const mark = await focused(page);
    await Promise.all([page.waitForURL(/\/events\/[^/]+\/[^/]+\/$/), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/events/${mark.id}/`);
    expect(await page.locator('h1').textContent()).toContain(mark.title!.slice(0, 20));
    expectNoErrors(errors);
  });
});
