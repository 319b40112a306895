/** The embed builder at /embed/: the form writes the code and the link, the preview follows, the buttons copy. */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { embedFrame, seriousViolations, SITE_ORIGIN } from './embed-helpers.ts';
import { baseUrl, closeBrowser, expectNoErrors, openPage } from './harness.ts';
import { defaultFrameHeight } from '../../src/lib/embed/params.ts';

afterAll(closeBrowser);

const code = (page: Page) => page.locator('textarea.builder-code').inputValue();
const previewSrc = (page: Page) => page.locator('iframe.builder-preview').getAttribute('src');

/** The code parsed as HTML, the way a host page will read it (in a blank page: no site CSP to refuse its style attribute). */
async function parseCode(page: Page, text: string) {
  const blank = await page.context().newPage();
  return blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html');
    const iframes = [...doc.querySelectorAll('iframe')];
    const scripts = [...doc.querySelectorAll('script')];
    return {
      elements: doc.body.querySelectorAll('*').length,
      iframes: iframes.map((f) => ({ src: f.getAttribute('src'), title: f.getAttribute('title'), height: f.getAttribute('height') })),
      scripts: scripts.map((s) => ({ src: s.getAttribute('src'), async: s.async, inline: s.textContent })),
    };
  }, text);
}

describe('the embed builder', () => {
  it('starts with the code for the default view, and its preview shows it', async () => {
    const { page, errors } = await openPage('/embed/');
    const parsed = await parseCode(page, await code(page));
    expect(parsed).toEqual({
      elements: 2,
      iframes: [
        {
          src: `${SITE_ORIGIN}/embed/timeline/`,
          title: 'Election Integrity Timeline: hack-and-leak operations aligned on the vote',
          height: String(defaultFrameHeight(2)),
        },
      ],
      scripts: [{ src: `${SITE_ORIGIN}/embed.js`, async: true, inline: '' }],
    });
    expect(await page.locator('a.builder-link').getAttribute('href')).toBe(`${SITE_ORIGIN}/embed/timeline/`);
    expect(await previewSrc(page)).toBe('/embed/timeline/');
    // The preview sizes itself the way a host page's embeds do.
    const frame = await embedFrame(page);
    await expect
      .poll(
        async () => {
          const style = await page.locator('iframe.builder-preview').evaluate((f: HTMLIFrameElement) => f.style.height);
          const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
          return style !== '' && Math.abs(Number.parseFloat(style) - content) <= 3;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expectNoErrors(errors);
  });

  it('updates the code at once and the preview shortly after a checkbox changes', async () => {
    const { page, errors } = await openPage('/embed/');
    await page.locator('input[name="incident"][value="dnc-2016"]').uncheck();
    expect(await code(page)).toContain(`src="${SITE_ORIGIN}/embed/timeline/?incidents=macron-2017"`);
    await page.waitForFunction(
      () => document.querySelector('iframe.builder-preview')!.getAttribute('src') === '/embed/timeline/?incidents=macron-2017',
    );

    await page.locator('input[name="kind"][value="leak"]').uncheck();
    const text = await code(page);
    const src = new URL((await parseCode(page, text)).iframes[0].src!);
    expect(src.searchParams.get('incidents')).toBe('macron-2017');
    const kinds = src.searchParams.get('kinds')!.split(',');
    expect(kinds.length).toBeGreaterThan(3);
    expect(kinds).not.toContain('leak');
    await page.waitForFunction(
      (search) => document.querySelector('iframe.builder-preview')!.getAttribute('src') === `/embed/timeline/${search}`,
      src.search,
    );
    expect(await page.locator('a.builder-link').getAttribute('href')).toBe(src.href);

    // The preview shows that view: one lane, no leak.
    await expect.poll(() => page.frames().some((f) => f.url().endsWith(`/embed/timeline/${src.search}`)), { timeout: 10_000 }).toBe(true);
    const frame = page.frames().find((f) => f.url().endsWith(`/embed/timeline/${src.search}`))!;
    await frame.waitForFunction(() => document.querySelector('timeline-chart')?.classList.contains('is-enhanced'));
    const marks = await frame.$$eval('svg a.tl-mark', (as) =>
      (as as SVGAElement[])
        .filter((a) => a.style.display !== 'none' && a.closest<SVGGElement>('.tl-lane')!.style.display !== 'none')
        .map((a) => [a.dataset.eventId!, a.dataset.kind!]),
    );
    expect(marks.length).toBeGreaterThan(3);
    expect(
      marks.filter(([id, kind]) => !id.startsWith('macron-2017/') || kind === 'leak'),
      'marks the filters hide',
    ).toEqual([]);

    // Checking every box again returns to the plain address.
    await page.locator('input[name="incident"][value="dnc-2016"]').check();
    await page.locator('input[name="kind"][value="leak"]').check();
    expect(await code(page)).toContain(`src="${SITE_ORIGIN}/embed/timeline/"`);
    await page.waitForFunction(() => document.querySelector('iframe.builder-preview')!.getAttribute('src') === '/embed/timeline/');
    expectNoErrors(errors);
  });

  it('writes range, theme and title into the code as attribute-safe text', async () => {
    const { page, errors } = await openPage('/embed/');
    await page.locator('select[name="align"]').selectOption('calendar');
    await page.locator('input[name="from"]').fill('2017-01-01');
    await page.locator('input[name="to"]').fill('2017-05-31');
    await page.locator('select[name="theme"]').selectOption('dark');
    await page.locator('input[name="title"]').fill('Lesson "3" <script>alert(1)</script> & more');
    const parsed = await parseCode(page, await code(page));
    expect(parsed.elements).toBe(2);
    expect(parsed.scripts).toEqual([{ src: `${SITE_ORIGIN}/embed.js`, async: true, inline: '' }]);
    expect(parsed.iframes[0].title).toBe('Election Integrity Timeline: Lesson "3" <script>alert(1)</script> & more');
    const src = new URL(parsed.iframes[0].src!);
    expect(Object.fromEntries(src.searchParams)).toEqual({
      align: 'calendar',
      from: '2017-01-01',
      to: '2017-05-31',
      theme: 'dark',
      title: 'Lesson "3" <script>alert(1)</script> & more',
    });
    await page.waitForFunction(
      (search) => document.querySelector('iframe.builder-preview')!.getAttribute('src') === `/embed/timeline/${search}`,
      src.search,
    );
    expectNoErrors(errors);
  });

  it('copies the embed code and the direct link to the clipboard, and says so', async () => {
    const { page, context, errors } = await openPage('/embed/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await page.locator('input[name="kind"][value="denial"]').uncheck();
    const status = page.locator('.builder-status');

    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect.poll(() => status.textContent()).toBe('Embed code copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await code(page));
    expect(copied).toContain('kinds=');
    expect(copied).not.toMatch(/kinds=[^"]*denial/);

    await page.getByRole('button', { name: 'Copy direct link' }).click();
    await expect.poll(() => status.textContent()).toBe('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('a.builder-link').getAttribute('href'));
    expect(await status.getAttribute('role')).toBe('status');
    expectNoErrors(errors);
  });

  it('has no serious or critical axe violation, its preview included', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPage('/embed/', { colorScheme });
      await embedFrame(page);
      const violations = await seriousViolations(page);
      expect(violations, violations.join('\n')).toEqual([]);
      expectNoErrors(errors);
    }
  });
});
