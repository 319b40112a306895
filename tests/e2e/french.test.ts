/**
 * The French edition in a browser: the chart, once enhanced, keeps French axis ticks when
 * the reader changes its view; the embed builds a French heading; a downloaded picture is
 * credited in French; the language switch leads to the same page in the other language.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/lib/escape.ts';
import { dictionary } from '../../src/lib/i18n/en.ts';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const ticks = (page: import('playwright-core').Page) => page.locator('#timeline .tl-tick text').allTextContents();

describe('the French edition in the browser', () => {
  it('the chart keeps French ticks after zooming and on the calendar axis', async () => {
    const { page, errors } = await openPage('/fr/');
    expect(await ticks(page)).toContain('vote');
    expect(await ticks(page)).toContainEqual(expect.stringMatching(/\bmois$|\ba$/));
    await page.getByRole('button', { name: 'Dernières 72 heures' }).click();
    await expect.poll(() => ticks(page)).toContainEqual(expect.stringMatching(/ [hj]$/));
    await page.locator('select[data-control="align"]').selectOption('calendar');
    await expect
      .poll(async () =>
        (await ticks(page)).some((t) => /janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.|^\d{4}$/.test(t)),
      )
      .toBe(true);
    expect((await ticks(page)).join(' ')).not.toMatch(/\b(mo|y|w|d)\b|Jan|Feb|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/);
    expectNoErrors(errors);
  });

  it('the French embed names what it shows in French', async () => {
    const { page, errors } = await openPage('/fr/embed/timeline/?align=calendar');
    await expect
      .poll(() => page.locator('h1.tl-heading').textContent())
      .toBe('Opérations de piratage et de divulgation\u202f: alignement sur le calendrier');
    expectNoErrors(errors);
  });

  it('"Download SVG" on a French page gives a picture with a French subtitle and credit', async () => {
    const fr = dictionary('fr');
    const { page, errors } = await openPage('/fr/embed/timeline/?align=calendar');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: fr.chart.downloadSvg }).click()]);
    const markup = await readFile((await download.path())!, 'utf8');
    expect(markup).toContain(`>${escapeXml(fr.pictures.subtitleCalendar)}</text>`);
    expect(markup).toMatch(/>Election Integrity Timeline · contenu CC BY 4\.0 · données au \d{4}-\d{2}-\d{2} · https?:\/\//);
    expect(markup).not.toMatch(/data as of|content CC BY|polls closed/);
    expectNoErrors(errors);
  });

  it('the language switch leads to the same page in the other language, and back', async () => {
    const { page } = await openPage('/events/macron-2017/emleaks-posted/', { javaScript: false });
    await page.locator('[data-lang-switch]').click();
    await page.waitForURL(/\/fr\/events\/macron-2017\/emleaks-posted\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByText('Par rapport au vote').count()).toBe(1);
    await page.locator('[data-lang-switch]').click();
    await page.waitForURL(/\/events\/macron-2017\/emleaks-posted\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});
