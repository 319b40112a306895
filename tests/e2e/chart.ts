/** Reading the enhanced chart the way a test needs it: the focused mark, positions, visibility. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface FocusedMark {
  id: string | null;
  start: number;
  lane: string | null;
  title: string | null;
  inChart: boolean;
  focusVisible: boolean;
}

/** What has focus, described as a chart mark (id null when it is not a mark). */
export function focused(page: Page): Promise<FocusedMark> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const mark = el?.closest('svg a.tl-mark');
    return {
      id: mark?.getAttribute('data-event-id') ?? null,
      start: Number(mark?.getAttribute('data-start')),
      lane: mark?.closest('.tl-lane[data-incident]')?.getAttribute('data-incident') ?? null,
      title: mark?.getAttribute('data-title') ?? null,
      inChart: Boolean(el?.closest('svg.tl-svg')),
      focusVisible: Boolean(el?.matches(':focus-visible')),
    };
  });
}

/** A mark's x in SVG user units (the chart's own coordinates), from its transform. */
export function markX(page: Page, id: string): Promise<number> {
  return page.evaluate((id) => {
    const el = document.querySelector<SVGAElement>(`svg a.tl-mark[data-event-id="${id}"]`)!;
    // A mark outside the view or folded is not moved (that would cost a layout per frame): the chart tells its place.
    const chart = el.closest('timeline-chart') as (Element & { markPosition?: (id: string) => number | undefined }) | null;
    const told = chart?.markPosition?.(id);
    if (told !== undefined) return told;
    const match = /translate\(\s*(-?[\d.]+)/.exec(el.getAttribute('transform') ?? '');
    if (!match) throw new Error(`no transform on ${id}`);
    return Number(match[1]);
  }, id);
}

/** The T−0 rule's x in SVG user units. */
export function voteX(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.querySelector('svg .tl-vote line')!.getAttribute('x1')));
}

/** The plotted range [left, right] in SVG user units (the lanes' clip rectangle). */
export function plotRange(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const rect = document.querySelector('svg clipPath rect')!;
    const x = Number(rect.getAttribute('x'));
    return [x, x + Number(rect.getAttribute('width'))] as [number, number];
  });
}

/** Ids of the marks a reader can see (not filtered, not folded into a cluster, not outside the view). */
export function visibleMarks(page: Page): Promise<{ id: string; kind: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGAElement>('svg a.tl-mark')]
      .filter((a) => {
        // checkVisibility() is not reliable for SVG in Chromium; a drawn mark has a box.
        const box = a.getBoundingClientRect();
        // Folded and out-of-view marks stay links for screen readers, but are not painted.
        return box.width > 0 && box.height > 0 && getComputedStyle(a).opacity !== '0';
      })
      .map((a) => ({ id: a.dataset.eventId!, kind: a.dataset.kind! })),
  );
}

/** Ids of the marks the filters keep (drawn, whether on their own or in a cluster). */
export function drawnMarks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGAElement>('svg a.tl-mark')]
      .filter((a) => a.style.display !== 'none' && a.closest<SVGGElement>('.tl-lane')!.style.display !== 'none')
      .map((a) => a.dataset.eventId!),
  );
}

export function tickLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('svg .tl-tick text')].map((t) => t.textContent ?? ''));
}

/** Waits until the chart has drawn a frame (renders are batched with requestAnimationFrame). */
export async function nextFrame(page: Page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Clicks a chart button (by its exact name) and waits for the frame it draws. */
export async function press(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await nextFrame(page);
}

/** Tabs from the control just before the chart into it; returns the mark that got focus. */
export async function tabIntoChart(page: Page): Promise<FocusedMark> {
  await page.focus('timeline-chart select[data-control="scale"]');
  await page.keyboard.press('Tab');
  const mark = await focused(page);
  expect(mark.id, 'Tab from the scale control lands on a mark').not.toBeNull();
  return mark;
}
