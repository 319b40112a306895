/**
 * Pictures that work everywhere: the ready-made SVGs and a downloaded one look the same in
 * librsvg (rsvg-convert: GNOME, Inkscape's import, many converters) as in Chromium, because
 * their colours and fonts are on the elements; and the reader picks light or dark colours
 * for a download.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, expectNoErrors, openPage } from './harness.ts';
import { baseUrl } from './harness.ts';
import { luminance } from './embed-helpers.ts';
import type { Page } from 'playwright-core';

afterAll(closeBrowser);

/** Renders SVG markup to PNG with librsvg's rsvg-convert (Debian: apt-get install librsvg2-bin). */
function rsvg(svg: string): Buffer {
  const result = spawnSync('rsvg-convert', ['--format=png'], { input: svg, maxBuffer: 64 * 1024 * 1024 });
  if (result.error)
    throw new Error(`rsvg-convert is needed for this test (Debian/Ubuntu: apt-get install librsvg2-bin): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`rsvg-convert failed: ${result.stderr.toString()}`);
  return result.stdout;
}

interface Comparison {
  width: number;
  height: number;
  /** Mean difference per channel, 0 … 1, after both are scaled down to a quarter (blurring font hinting). */
  meanDifference: number;
  /** Share of pixels whose colour differs strongly (a missing colour, a shape in the wrong place). */
  stronglyDifferent: number;
  /** Distinct saturated colours in each picture (the kinds' colours survive in both). */
  coloursChromium: number;
  coloursRsvg: number;
}

/** Draws the SVG (Chromium's own rendering) and librsvg's PNG side by side in canvases and compares them. */
async function compare(site: Page, svg: string, png: Buffer): Promise<Comparison> {
  // A blank page: the site's Content Security Policy rightly refuses data: images.
  const page = await site.context().newPage();
  return page.evaluate(
    async ({ svg, png }) => {
      const load = async (src: string) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return image;
      };
      const chromium = await load(`data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`);
      const librsvg = await load(`data:image/png;base64,${png}`);
      const width = Math.round(librsvg.naturalWidth / 4);
      const height = Math.round(librsvg.naturalHeight / 4);
      const pixels = (image: HTMLImageElement) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d')!;
        context.imageSmoothingQuality = 'high';
        context.drawImage(image, 0, 0, width, height);
        return context.getImageData(0, 0, width, height).data;
      };
      const a = pixels(chromium);
      const b = pixels(librsvg);
      let sum = 0;
      let strong = 0;
      const saturated = (d: Uint8ClampedArray) => {
        const colours = new Set<string>();
        for (let i = 0; i < d.length; i += 4) {
          const max = Math.max(d[i], d[i + 1], d[i + 2]);
          const min = Math.min(d[i], d[i + 1], d[i + 2]);
          if (max - min > 80) colours.add(`${d[i] >> 5},${d[i + 1] >> 5},${d[i + 2] >> 5}`);
        }
        return colours.size;
      };
      for (let i = 0; i < a.length; i += 4) {
        const d = Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]);
        sum += d / (3 * 255);
        if (d > 3 * 96) strong += 1;
      }
      return {
        width: librsvg.naturalWidth,
        height: librsvg.naturalHeight,
        meanDifference: sum / (width * height),
        stronglyDifferent: strong / (width * height),
        coloursChromium: saturated(a),
        coloursRsvg: saturated(b),
      };
    },
    { svg, png: png.toString('base64') },
  );
}

async function download(page: Page, scheme: 'shown' | 'light' | 'dark'): Promise<string> {
  await page.locator('#timeline select[data-download-scheme]').selectOption(scheme);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#timeline').getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  return readFile((await file.path())!, 'utf8');
}

const background = (svg: string) => /^<svg[^>]*>\s*<rect [^>]*fill="([^"]+)"/.exec(svg)?.[1] ?? '';

describe('pictures render the same in librsvg as in Chromium', () => {
  for (const file of ['timeline.svg', 'timeline-macron-2017.svg', 'timeline-calendar.svg']) {
    it(`/images/${file}`, async () => {
      const { page } = await openPage('/about/');
      const svg = await (await fetch(`${baseUrl()}/images/${file}`)).text();
      const result = await compare(page, svg, rsvg(svg));
      expect(result.width).toBeGreaterThanOrEqual(1000);
      expect(result.meanDifference, JSON.stringify(result)).toBeLessThan(0.03);
      expect(result.stronglyDifferent, JSON.stringify(result)).toBeLessThan(0.02);
      expect(result.coloursRsvg, JSON.stringify(result)).toBeGreaterThanOrEqual(Math.min(4, result.coloursChromium));
    });
  }

  it('a downloaded SVG, in dark colours', async () => {
    const { page, errors } = await openPage('/');
    const svg = await download(page, 'dark');
    const result = await compare(page, svg, rsvg(svg));
    expect(result.meanDifference, JSON.stringify(result)).toBeLessThan(0.03);
    expect(result.stronglyDifferent, JSON.stringify(result)).toBeLessThan(0.02);
    expect(result.coloursRsvg).toBeGreaterThanOrEqual(Math.min(4, result.coloursChromium));
    expectNoErrors(errors);
  });
});

describe('the reader picks the colours of a download', () => {
  it('light or dark whatever the page shows, or the colours shown by default', async () => {
    const light = await openPage('/', { colorScheme: 'light' });
    expect(await light.page.locator('#timeline select[data-download-scheme]').inputValue()).toBe('shown');
    expect(luminance(background(await download(light.page, 'shown')))).toBeGreaterThan(0.8);
    expect(luminance(background(await download(light.page, 'dark')))).toBeLessThan(0.05);
    const dark = await openPage('/', { colorScheme: 'dark' });
    expect(luminance(background(await download(dark.page, 'shown')))).toBeLessThan(0.05);
    const chosen = await download(dark.page, 'light');
    expect(luminance(background(chosen))).toBeGreaterThan(0.8);
    // Text in the light picture is dark: the whole palette follows the choice, not only the background.
    const title = /<text x="20" y="26"[^>]* fill="([^"]+)"/.exec(chosen)?.[1] ?? '';
    expect(luminance(title)).toBeLessThan(0.1);
    expectNoErrors([...light.errors, ...dark.errors]);
  });
});
