/** The view lives in the address: filters, modes and the selected event survive a reload or a shared link. */
import { afterAll, describe, expect, it } from 'vitest';
import { drawnMarks, tickLabels, visibleMarks } from './chart.ts';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const CALENDAR_TICK = new RegExp(String.raw`^(\d{4}|${MONTH}\w*( \d{4})?|\d{1,2} ${MONTH}\w*( \d{4})?)$`);

describe('the timeline view in the address', () => {
  it('?kinds=leak shows only leaks, and the legend says so', async () => {
    const { page, errors } = await openPage('/?kinds=leak');
    const shown = await visibleMarks(page);
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.filter((m) => m.kind !== 'leak')).toEqual([]);
    expect(shown.map((m) => m.id)).toContain('macron-2017/emleaks-posted');
    const pressed = await page.$$eval('[data-filter-kind]', (buttons) =>
      buttons.map((b) => [b.getAttribute('data-filter-kind'), b.getAttribute('aria-pressed')]),
    );
    expect(pressed.length).toBeGreaterThan(3);
    for (const [kind, state] of pressed) expect(state, kind!).toBe(kind === 'leak' ? 'true' : 'false');
    expect(await page.getByRole('button', { name: 'Leak', exact: true }).getAttribute('aria-pressed')).toBe('true');
    // The table beside the chart follows the filter.
    const rows = await page.$$eval('.tl-table tbody tr', (trs) =>
      (trs as HTMLTableRowElement[]).filter((tr) => !tr.hidden).map((tr) => tr.getAttribute('data-row-kind')),
    );
    expect(new Set(rows)).toEqual(new Set(['leak']));
    expectNoErrors(errors);
  });

  it('?incidents=macron-2017 hides the DNC lane', async () => {
    const { page, errors } = await openPage('/?incidents=macron-2017');
    expect(await page.locator('svg .tl-lane[data-incident="dnc-2016"]').isVisible()).toBe(false);
    expect(await page.locator('svg .tl-lane[data-incident="macron-2017"]').isVisible()).toBe(true);
    const shown = await visibleMarks(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((m) => !m.id.startsWith('macron-2017/'))).toEqual([]);
    expect(await page.locator('[data-filter-incident="dnc-2016"]').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('[data-filter-incident="macron-2017"]').getAttribute('aria-pressed')).toBe('true');
    expectNoErrors(errors);
  });

  it('?align=calendar and ?scale=linear change the axis', async () => {
    const aligned = await openPage('/');
    const logTicks = await tickLabels(aligned.page);
    expect(logTicks).toContain('vote');
    expect(
      logTicks.some((t) => / h$| d$| w$/.test(t)),
      'the log scale labels hours, days or weeks',
    ).toBe(true);
    expectNoErrors(aligned.errors);

    const calendar = await openPage('/?align=calendar');
    const calendarTicks = await tickLabels(calendar.page);
    expect(calendarTicks.length).toBeGreaterThan(2);
    for (const tick of calendarTicks) expect(tick).toMatch(CALENDAR_TICK);
    expect(calendarTicks).not.toContain('vote');
    expect(await calendar.page.locator('select[data-control="align"]').inputValue()).toBe('calendar');
    expect(await calendar.page.locator('select[data-control="scale"]').isDisabled()).toBe(true);
    expectNoErrors(calendar.errors);

    const linear = await openPage('/?scale=linear');
    const linearTicks = await tickLabels(linear.page);
    expect(linearTicks).toContain('vote');
    expect(linearTicks).not.toEqual(logTicks);
    expect(await linear.page.locator('select[data-control="scale"]').inputValue()).toBe('linear');
    expectNoErrors(linear.errors);
  });

  it('the chart description names the scale shown: symmetric-log, linear or calendar', async () => {
    const description = (page: import('playwright-core').Page) => page.locator('.tl-description').first().textContent();
    const { page, errors } = await openPage('/');
    expect(await description(page)).toMatch(/aligned on T−0.*symmetric-log/);
    await page.locator('select[data-control="scale"]').selectOption('linear');
    expect(await description(page)).toMatch(/aligned on T−0.*linear time scale/);
    expect(await description(page)).not.toMatch(/symmetric-log/);
    await page.locator('select[data-control="align"]').selectOption('calendar');
    expect(await description(page)).toMatch(/on the calendar, on a linear time scale/);
    expect(await description(page)).not.toMatch(/symmetric-log|aligned on T−0/);
    // Read from the address as well, and a filter keeps the words of the scale.
    const calendar = await openPage('/?align=calendar&incidents=macron-2017');
    expect(await description(calendar.page)).toMatch(/^One lane on the calendar/);
    const linear = await openPage('/?scale=linear');
    expect(await description(linear.page)).toMatch(/linear time scale/);
    expect(await description(linear.page)).not.toMatch(/symmetric-log/);
    expectNoErrors(errors);
    expectNoErrors(calendar.errors);
    expectNoErrors(linear.errors);
  });

  it('?event= selects the event and shows it on its own', async () => {
    const { page, errors } = await openPage('/?event=macron-2017/emleaks-posted');
    const mark = page.locator('svg a.tl-mark[data-event-id="macron-2017/emleaks-posted"]');
    expect(await mark.getAttribute('class')).toMatch(/\bis-selected\b/);
    expect(await mark.getAttribute('class')).not.toMatch(/\bis-clustered\b/);
    expect(await mark.isVisible()).toBe(true);
    expect(await mark.locator('.tl-label').isVisible()).toBe(true);
    expectNoErrors(errors);
  });

  it('falls back to the default view on invalid values, says so, and runs nothing from the address', async () => {
    const bad = '/?align=sideways&kinds=nonsense&event=<script>alert(1)</script>';
    const defaults = await openPage('/');
    const all = await drawnMarks(defaults.page);
    const defaultTicks = await tickLabels(defaults.page);

    const { page, errors, dialogs } = await openPage(bad);
    const notice = page.locator('.tl-notice');
    expect(await notice.isVisible()).toBe(true);
    const text = await notice.textContent();
    for (const name of ['align', 'kinds', 'event']) expect(text).toContain(name);
    expect(text).not.toContain('<script>');
    expect(await page.locator('select[data-control="align"]').inputValue()).toBe('vote');
    expect(await drawnMarks(page)).toEqual(all);
    expect(all.length).toBe(await page.locator('.tl-table tbody tr').count());
    expect(await tickLabels(page)).toEqual(defaultTicks);
    expect(await page.locator('[data-filter-kind][aria-pressed="false"]').count()).toBe(0);
    expect(await page.locator('svg .is-selected').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.textContent ?? ''));
    expect(scripts, 'a script written from the address').not.toContainEqual(expect.stringContaining('alert(1)'));
    expectNoErrors(errors);
    expectNoErrors(defaults.errors);
  });

  it('keeps legend choices in the address, so that a reload restores the view', async () => {
    const { page, errors } = await openPage('/');
    await page.getByRole('button', { name: 'Leak', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Leak', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await page.locator('[data-filter-incident="dnc-2016"]').click();
    const url = new URL(page.url());
    expect(url.searchParams.get('incidents')).toBe('macron-2017');
    const kinds = url.searchParams.get('kinds')!.split(',');
    expect(kinds.length).toBeGreaterThan(2);
    expect(kinds).not.toContain('leak');
    const before = await drawnMarks(page);
    expect(before.length).toBeGreaterThan(0);
    expect(
      before.filter((id) => !id.startsWith('macron-2017/')),
      'marks of another incident',
    ).toEqual([]);
    expect(before).not.toContain('macron-2017/emleaks-posted');

    await page.locator('select[data-control="align"]').selectOption('calendar');
    expect(new URL(page.url()).searchParams.get('align')).toBe('calendar');

    await page.reload();
    await page.waitForFunction(() => document.querySelector('timeline-chart')?.classList.contains('is-enhanced'));
    expect(new URL(page.url()).search).toBe(new URL(await page.evaluate(() => location.href)).search);
    expect(await drawnMarks(page)).toEqual(before);
    expect(await page.getByRole('button', { name: 'Leak', exact: true }).getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('[data-filter-incident="dnc-2016"]').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('select[data-control="align"]').inputValue()).toBe('calendar');
    for (const tick of await tickLabels(page)) expect(tick).toMatch(CALENDAR_TICK);

    // Turning the filters back on returns to the plain address.
    await page.getByRole('button', { name: 'Leak', exact: true }).click();
    await page.locator('[data-filter-incident="dnc-2016"]').click();
    await page.locator('select[data-control="align"]').selectOption('vote');
    expect(new URL(page.url()).search).toBe('');
    expectNoErrors(errors);
  });
});
