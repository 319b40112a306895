/**
 * The embed for educators: a host page on another origin holding the builder's code, the
 * iframe sizing itself through /embed.js (and only through messages of the right shape
 * from the right origin), hostile parameters, filters, themes, date range, pictures of the
 * view, the static SVGs, and axe-core.
 */
import { readFile } from 'node:fs/promises';
import type { Frame, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { drawnMarks, visibleMarks } from './chart.ts';
import { builderCode, embedFrame, embedPath, frameFit, hostPage, luminance, seriousViolations, serveHost } from './embed-helpers.ts';
import { baseUrl, closeBrowser, expectNoErrors, openPage } from './harness.ts';
import { defaultFrameHeight } from '../../src/lib/embed/params.ts';

/** The height the builder writes for the default view (both incidents). */
const CODE_HEIGHT = defaultFrameHeight(2);

afterAll(closeBrowser);

const asPage = (frame: Frame) => frame as unknown as Page;
const FIT = 3;

/** Waits until the iframe's height is its document's height (to within FIT px), set by embed.js. */
async function expectFitted(page: Page, frame: Frame) {
  await expect
    .poll(
      async () => {
        const fit = await frameFit(page, frame);
        return fit.style !== '' && Math.abs(fit.box - fit.content) <= FIT;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return frameFit(page, frame);
}

describe('the embed in a host page on another origin', () => {
  it("grows the builder's iframe to fit its content, and follows it when the host page narrows", async () => {
    const code = await builderCode();
    const host = await serveHost({ '/': hostPage(code) });
    const { page, errors } = await openPage(`${host}/`);
    const frame = await embedFrame(page);
    const fit = await expectFitted(page, frame);
    expect(fit.attribute).toBe(String(CODE_HEIGHT));
    expect(fit.box).not.toBe(CODE_HEIGHT);
    expect(Number.parseFloat(fit.style)).toBeCloseTo(fit.content, -1);
    // Nothing inside the frame is cut off: it does not scroll.
    expect(
      await frame.evaluate(() => document.scrollingElement!.scrollHeight - document.scrollingElement!.clientHeight),
    ).toBeLessThanOrEqual(1);
    // A chart, a legend and the credit line are there.
    expect((await visibleMarks(asPage(frame))).length).toBeGreaterThan(10);
    expect(await frame.locator('.tl-legend').isVisible()).toBe(true);
    expect(await frame.locator('.embed-credit').isVisible()).toBe(true);

    // A narrower host page wraps the embed's text and controls: the frame grows again.
    await page.setViewportSize({ width: 520, height: 900 });
    await expect.poll(async () => (await frameFit(page, frame)).content, { timeout: 10_000 }).toBeGreaterThan(fit.content + 20);
    const narrow = await expectFitted(page, frame);
    expect(narrow.box).toBeGreaterThan(fit.box);
    expectNoErrors(errors);
  });

  it('ignores height messages from another origin, from the host itself, and of another shape', async () => {
    const code = await builderCode();
    const intruder = await serveHost({
      '/':
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title><link rel="icon" ' +
        'href="data:,"></head><body>other site</body></html>',
    });
    const host = await serveHost({
      '/': hostPage(`${code}<iframe class="intruder" title="Another site" src="${intruder}/" width="300" height="100"></iframe>`),
    });
    const { page, errors } = await openPage(`${host}/`);
    const frame = await embedFrame(page);
    const before = await expectFitted(page, frame);
    const other = page.frames().find((f) => f.url().startsWith(intruder))!;
    expect(other).toBeDefined();

    const fake = { type: 'timeline:height', height: 5000 };
    // From the host page itself, and from a frame on a third origin.
    await page.evaluate((fake) => window.postMessage(fake, '*'), fake);
    await other.evaluate((fake) => window.parent.postMessage(fake, '*'), fake);
    // From the embed's own origin and frame, but not of the expected shape.
    const wrongShapes: unknown[] = [
      { type: 'timeline:resize', height: 5000 },
      { type: 'timeline:height', height: '5000' },
      { type: 'timeline:height', height: 1e9 },
      { type: 'timeline:height', height: Number.NaN },
      { type: 'timeline:height', height: -5 },
      ['timeline:height', 5000],
      'timeline:height 5000',
      null,
    ];
    for (const message of wrongShapes) await frame.evaluate((message) => window.parent.postMessage(message, '*'), message);
    // From the intruder, aimed at the embed (it may not resize itself through the host).
    await other.evaluate((fake) => window.parent.frames[0].postMessage(fake, '*'), fake);
    await page.waitForTimeout(400);

    const after = await frameFit(page, frame);
    expect(after.style).toBe(before.style);
    expect(after.box).toBeCloseTo(before.box, 0);
    expect(await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.style.height))).not.toContain('5000px');
    expect(await page.locator('iframe.intruder').evaluate((f: HTMLIFrameElement) => f.style.height)).toBe('');
    expectNoErrors(errors);
  });

  it('sizes an embed that had loaded before embed.js ran', async () => {
    const code = await builderCode();
    const [iframe] = code.split('\n');
    const host = await serveHost({ '/': hostPage(iframe) });
    const { page, errors } = await openPage(`${host}/`);
    const frame = await embedFrame(page);
    await page.waitForTimeout(300);
    expect((await frameFit(page, frame)).style).toBe('');
    await page.addScriptTag({ url: `${baseUrl()}/embed.js` });
    const fit = await expectFitted(page, frame);
    expect(fit.box).not.toBe(CODE_HEIGHT);
    expectNoErrors(errors);
  });

  it('without embed.js keeps the height in the code and still shows a chart', async () => {
    const code = await builderCode();
    const [iframe, script] = code.split('\n');
    expect(script).toMatch(/^<script src="[^"]+\/embed\.js" async><\/script>$/);
    const host = await serveHost({ '/': hostPage(iframe) });
    const { page, errors } = await openPage(`${host}/`);
    const frame = await embedFrame(page);
    await page.waitForTimeout(500);
    const fit = await frameFit(page, frame);
    expect(fit.style).toBe('');
    expect(fit.attribute).toBe(String(CODE_HEIGHT));
    expect(fit.box).toBeCloseTo(CODE_HEIGHT, 0);
    expect((await visibleMarks(asPage(frame))).length).toBeGreaterThan(10);
    expectNoErrors(errors);
  });

  it('embed.js stays tiny and has no dependencies', async () => {
    const source = await (await fetch(`${baseUrl()}/embed.js`)).text();
    expect(source.length).toBeLessThan(3000);
    expect(source).not.toMatch(/\bimport\b|\brequire\(|<script|eval\(/);
  });
});

describe('hostile embed parameters', () => {
  const hostile = {
    title: '<img src=x onerror=alert(1)><script>alert(2)</script>',
    event: 'javascript:alert(3)',
    from: '2017-02-30',
    to: 'yesterday',
    kinds: 'leak,<b>rumour</b>',
    incidents: 'macron-2017,"><svg onload=alert(4)>',
    align: '<script>alert(5)</script>',
    theme: 'javascript:alert(6)',
    scale: `${'x'.repeat(6000)}<iframe src=javascript:alert(7)>`,
  };

  it('run nothing, create no element, say what was ignored, and still draw a chart', async () => {
    const { page, errors, dialogs } = await openPage(embedPath(hostile));
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);

    const title = page.locator('.tl-heading');
    expect(await title.isVisible()).toBe(true);
    expect(await title.evaluate((h) => h.childElementCount)).toBe(0);
    expect(await title.textContent()).toBe(hostile.title);

    const notice = page.locator('.embed-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.evaluate((p) => p.childElementCount)).toBe(0);
    const text = (await notice.textContent())!;
    for (const name of ['event', 'from', 'to', 'kinds', 'incidents', 'align', 'theme', 'scale'])
      expect(text).toMatch(new RegExp(`\\b${name}\\b`));
    expect(text).not.toMatch(/[<>]|alert/);

    const injected = await page.evaluate(() => ({
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      images: [...document.images].map((img) => img.getAttribute('src')),
      scripts: [...document.scripts].filter((s) => /alert\(/.test(s.textContent ?? '') || /^javascript:/i.test(s.src)).length,
      frames: document.querySelectorAll('iframe').length,
      bold: document.querySelectorAll('main b').length,
      javascriptUrls: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => /^\s*javascript:/i.test(a.href)).length,
      theme: document.documentElement.dataset.theme ?? null,
    }));
    expect(injected).toEqual({ handlers: 0, images: [], scripts: 0, frames: 0, bold: 0, javascriptUrls: 0, theme: null });

    // The valid parts still apply (kinds keeps "leak", incidents keeps "macron-2017"), the rest fall back.
    const marks = await visibleMarks(page);
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks.map((m) => m.kind))).toEqual(new Set(['leak']));
    expect(
      marks.filter((m) => !m.id.startsWith('macron-2017/')),
      'marks of another incident',
    ).toEqual([]);
    expect(await page.locator('svg .is-selected').count()).toBe(0);
    for (const link of await page.locator('.embed-full-link').evaluateAll((as: HTMLAnchorElement[]) => as.map((a) => a.href))) {
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?kinds=leak&incidents=macron-2017$/);
    }
    expectNoErrors(errors);
  });

  it('a huge title is cut to a short heading; bad dates alone fall back to the whole range', async () => {
    const defaults = await openPage(embedPath());
    const all = await drawnMarks(defaults.page);
    const { page, errors, dialogs } = await openPage(
      embedPath({ from: '2017-13-01', to: '<2017-05-01>', title: `${'A'.repeat(9000)}<script>alert(1)</script>` }),
    );
    const title = (await page.locator('.tl-heading').textContent())!;
    expect(title).toBe('A'.repeat(120));
    expect(await page.locator('.embed-notice').textContent()).toMatch(/from, to\./);
    expect(await drawnMarks(page)).toEqual(all);
    expect(dialogs).toEqual([]);
    expectNoErrors(errors);
    expectNoErrors(defaults.errors);
  });
});

describe('embed parameters', () => {
  it('incidents= and kinds= filter the marks, the table, the legend and the footnote', async () => {
    const { page, errors } = await openPage(embedPath({ incidents: 'macron-2017', kinds: 'leak,attribution' }));
    const shown = await visibleMarks(page);
    expect(shown.length).toBeGreaterThan(2);
    expect(new Set(shown.map((m) => m.kind))).toEqual(new Set(['leak', 'attribution']));
    expect(
      shown.filter((m) => !m.id.startsWith('macron-2017/')),
      'marks of another incident',
    ).toEqual([]);
    expect(await page.locator('svg .tl-lane[data-incident="dnc-2016"]').isVisible()).toBe(false);

    const drawn = await drawnMarks(page);
    const rows = await page.$$eval('.tl-table tbody tr', (trs) =>
      (trs as HTMLTableRowElement[])
        .filter((tr) => !tr.hidden)
        .map((tr) => ({ id: tr.dataset.rowEvent!, kind: tr.dataset.rowKind!, incident: tr.dataset.rowIncident! })),
    );
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(drawn));
    expect(
      rows.filter((r) => r.incident !== 'macron-2017' || !['leak', 'attribution'].includes(r.kind)),
      'rows the filters hide',
    ).toEqual([]);

    expect(await page.locator('[data-filter-kind="leak"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-filter-kind="denial"]').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('[data-filter-incident="dnc-2016"]').getAttribute('aria-pressed')).toBe('false');
    // The T−0 footnote concerns the DNC lane only: hidden with it, and so is its asterisk.
    expect(await page.locator('.tl-footnote').isVisible()).toBe(false);
    expect(await page.locator('svg .tl-vote text').textContent()).toBe('polls close (T−0)');
    expect(await page.locator('.embed-notice').isVisible()).toBe(false);
    expectNoErrors(errors);
  });

  it('kinds= alone keeps both lanes and the footnote', async () => {
    const { page, errors } = await openPage(embedPath({ kinds: 'denial' }));
    const shown = await visibleMarks(page);
    expect(shown.length).toBeGreaterThan(1);
    expect(
      shown.filter((m) => m.kind !== 'denial'),
      'marks of another kind',
    ).toEqual([]);
    expect(new Set(shown.map((m) => m.id.split('/')[0]))).toEqual(new Set(['macron-2017', 'dnc-2016']));
    expect(await page.locator('.tl-footnote').isVisible()).toBe(true);
    expect(await page.locator('svg .tl-vote text').textContent()).toBe('polls close (T−0)*');
    expectNoErrors(errors);
  });

  it('theme=dark and theme=light override the reader’s setting; auto follows it', async () => {
    const background = (page: Page) =>
      page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    for (const [theme, colorScheme, dark] of [
      ['dark', 'light', true],
      ['light', 'dark', false],
      ['auto', 'dark', true],
      ['auto', 'light', false],
    ] as const) {
      const { page, errors } = await openPage(embedPath({ theme }), { colorScheme });
      // The embed's script applies the theme; wait for it rather than race it (it once read
      // the colours before the attribute landed, about one run in three).
      if (theme !== 'auto')
        await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme, { timeout: 5000 });
      // What the reader ends up seeing: on a loaded machine the colours can land a frame
      // after the attribute, so wait for them (up to 5 s) instead of reading them once.
      const settled = async () => {
        const [bg, fg] = await background(page);
        return dark ? luminance(bg) < 0.05 && luminance(fg) > 0.6 : luminance(bg) > 0.9 && luminance(fg) < 0.05;
      };
      await expect
        .poll(settled, { timeout: 5000, message: `${theme} in ${colorScheme}: ${(await background(page)).join(' on ')}` })
        .toBe(true);
      expect(await page.locator('.embed-notice').isVisible()).toBe(false);
      expectNoErrors(errors);
    }
  });

  it('from= and to= hide the events outside the range, in the chart and the table', async () => {
    const defaults = await openPage(embedPath());
    const all = await drawnMarks(defaults.page);
    const { page, errors } = await openPage(embedPath({ from: '2017-01-01', to: '2017-05-31' }));
    const [from, to] = [Date.UTC(2017, 0, 1), Date.UTC(2017, 5, 1)];
    const starts = await page.$$eval('svg a.tl-mark', (marks) =>
      Object.fromEntries((marks as SVGAElement[]).map((m) => [m.dataset.eventId!, Number(m.dataset.start)])),
    );
    const drawn = await drawnMarks(page);
    expect(drawn.length).toBeGreaterThan(3);
    expect(drawn.length).toBeLessThan(all.length);
    const inView = (id: string) => starts[id] >= from && starts[id] < to;
    expect(
      drawn.filter((id) => !inView(id)),
      `drawn but starting outside [${from}, ${to})`,
    ).toEqual([]);
    expect(
      all.filter((id) => !drawn.includes(id) && inView(id)),
      `not drawn but starting inside [${from}, ${to})`,
    ).toEqual([]);
    const rows = await page.$$eval('.tl-table tbody tr', (trs) =>
      (trs as HTMLTableRowElement[]).filter((tr) => !tr.hidden).map((tr) => tr.dataset.rowEvent!),
    );
    expect(new Set(rows)).toEqual(new Set(drawn));
    expect(drawn).toContain('macron-2017/emleaks-posted');
    expectNoErrors(errors);
    expectNoErrors(defaults.errors);
  });

  it('the title is shown as a heading and the credit reads as a sentence', async () => {
    const { page, errors } = await openPage(embedPath({ title: 'Lesson 3 & the vote', incidents: 'macron-2017' }));
    expect(await page.locator('h1.tl-heading').textContent()).toBe('Lesson 3 & the vote');
    expect(await page.title()).toMatch(/^Lesson 3 & the vote · /);
    const credit = (await page.locator('.embed-credit').textContent())!.replace(/\s+/g, ' ').trim();
    expect(credit).toMatch(
      /^Election Integrity Timeline · content CC BY 4\.0 · data as of \d{1,2} \w+ \d{4} · open this view on the full site$/,
    );
    expect(await page.locator('.embed-credit a[rel~="license"]').getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    for (const link of await page.locator('.embed-full-link').evaluateAll((as: HTMLAnchorElement[]) => as.map((a) => a.href)))
      expect(link).toMatch(/\/\?incidents=macron-2017$/);
    expectNoErrors(errors);
  });

  it('the description counts the events of the default view', async () => {
    for (const path of ['/', embedPath(), '/handouts/macron-2017/']) {
      const { page, errors } = await openPage(path);
      const description = (await page.locator('.tl-description').first().textContent())!;
      const count = Number(/(\d+) events\b/.exec(description)?.[1]);
      expect(count, path).toBe((await drawnMarks(page)).length);
      expect(count, path).toBe(await page.locator('.tl-table tbody tr').count());
      expectNoErrors(errors);
    }
  });
});

describe('pictures of the view', () => {
  /**
   * Parses SVG markup with the browser's own XML parser and reads what a test needs. In a
   * blank page of the same browser: a document made by DOMParser inherits the site's
   * Content Security Policy, which would refuse (and log) the file's own <style>.
   */
  async function readSvg(page: Page, markup: string) {
    const blank = await page.context().newPage();
    return blank.evaluate((markup) => {
      const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
      const root = doc.documentElement;
      const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        root: root.localName,
        namespace: root.namespaceURI,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        texts,
        legend: [...doc.querySelectorAll('.sa-key text')].map((t) => t.textContent ?? ''),
        marks: [...doc.querySelectorAll('a.tl-mark')]
          .filter((a) => !/display:\s*none/.test(`${a.getAttribute('style')};${a.closest('.tl-lane')?.getAttribute('style')}`))
          .map((a) => a.getAttribute('data-event-id')!),
        relativeLinks: [...doc.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href')!.startsWith('/')).length,
        style: doc.querySelector('style')?.textContent ?? '',
        background: doc.querySelector('svg > rect')?.getAttribute('fill') ?? '',
        scripts: doc.querySelectorAll('script').length,
      };
    }, markup);
  }

  it('"Download SVG" gives a valid SVG with the title, the legend of the view and the credit', async () => {
    const { page, errors } = await openPage(embedPath({ title: 'Lesson 3 <b>&</b>', kinds: 'leak,attribution,election', theme: 'dark' }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^election-timeline-\d{4}-\d{2}-\d{2}\.svg$/);
    const markup = await readFile((await download.path())!, 'utf8');
    const svg = await readSvg(page, markup);
    expect(svg.errors).toBe(0);
    expect(svg.root).toBe('svg');
    expect(svg.namespace).toBe('http://www.w3.org/2000/svg');
    expect(svg.texts).toContain('Lesson 3 <b>&</b>');
    expect(svg.legend).toEqual(['Leak', 'Attribution', 'Election']);
    const credit = svg.texts.find((t) => t.includes('CC BY 4.0'));
    expect(credit).toMatch(
      /^Election Integrity Timeline · content CC BY 4\.0 · data as of \d{4}-\d{2}-\d{2} · https?:\/\/\S+\?kinds=leak,attribution,election$/,
    );
    expect(svg.marks.sort()).toEqual((await drawnMarks(page)).sort());
    expect(svg.relativeLinks).toBe(0);
    expect(svg.scripts).toBe(0);
    // The reader's dark theme, resolved to plain colours on the elements (no stylesheet).
    const bg = svg.background;
    expect(luminance(bg), bg).toBeLessThan(0.05);
    expect(svg.style).toBe('');
    expect(markup).not.toMatch(/light-dark\(|var\(--/);
    expectNoErrors(errors);
  });

  it('"Download PNG" gives a PNG image of the view, drawn at twice its size', async () => {
    const { page, errors } = await openPage(embedPath());
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const png = await readFile((await download.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(10 * 1024);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(2000);
    expect(png.readUInt32BE(20)).toBeGreaterThan(600);
    expectNoErrors(errors);
  });

  it('the static SVGs of the default views are valid, with legend and credit, and show as images without JavaScript', async () => {
    const { page, errors } = await openPage('/handouts/', { javaScript: false });
    for (const [file, incidents] of [
      ['timeline.svg', ['macron-2017', 'dnc-2016']],
      ['timeline-macron-2017.svg', ['macron-2017']],
    ] as const) {
      const response = await fetch(`${baseUrl()}/images/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      const svg = await readSvg(page, await response.text());
      expect(svg.errors, file).toBe(0);
      expect(svg.root).toBe('svg');
      expect(svg.namespace).toBe('http://www.w3.org/2000/svg');
      expect(svg.legend.length, file).toBeGreaterThan(4);
      expect(svg.legend).toContain('Leak');
      expect(
        svg.texts.some((t) => /^Election Integrity Timeline · content CC BY 4\.0 · data as of \d{4}-\d{2}-\d{2} · https:\/\//.test(t)),
        file,
      ).toBe(true);
      expect(svg.marks.length).toBeGreaterThan(5);
      expect(new Set(svg.marks.map((id) => id.split('/')[0]))).toEqual(new Set(incidents));
      expect(svg.relativeLinks).toBe(0);
      expect(svg.scripts).toBe(0);
      // Fonts and colours are on the elements, with no stylesheet (tests/e2e/pictures.test.ts renders them in librsvg).
      expect(svg.style).toBe('');
      const image = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, `/images/${file}`);
      expect(image).toEqual([svg.width, svg.height]);
    }
    expectNoErrors(errors);
  });
});

describe('accessibility of the embed (axe-core)', () => {
  for (const [path, colorScheme] of [
    [embedPath(), 'light'],
    [embedPath({ theme: 'dark', title: 'Lesson 3' }), 'light'],
    [embedPath({ from: 'bad' }), 'dark'],
  ] as const) {
    it(`${path} (${colorScheme}) has no serious or critical violation`, async () => {
      const { page, errors } = await openPage(path, { colorScheme });
      const violations = await seriousViolations(page);
      expect(violations, violations.join('\n')).toEqual([]);
      expectNoErrors(errors);
    });
  }
});
