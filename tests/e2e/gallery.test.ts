/**
 * The gallery: every page in the sitemap on a desktop (1280×900) and a phone (375×812,
 * touch), in light and dark. Each visit saves a full-page screenshot under
 * tests/.tmp/gallery/ (open tests/.tmp/gallery/index.html to look at them all) and checks
 * what a reader would notice (tests/e2e/layout-checks.ts):
 *   - no icon or inline SVG in text, lists or tables wider or taller than 48 px;
 *   - the page never scrolls sideways;
 *   - no text cut at the right edge, unless inside a scroll box with a visible cue;
 *   - on the phone, tap targets of at least 24×24 px (WCAG 2.5.8 and its exceptions);
 *   - no console error, uncaught exception or Content Security Policy violation.
 *
 * One browser, one context per size, GALLERY_CONCURRENCY pages reused across visits; each
 * page is loaded once per size and pictured in both schemes. About 160 pages × 4 pictures;
 * pages built from one template are pictured whole only twice (see pictureWhole).
 * Set GALLERY_ONLY to a regular expression to picture only the paths it matches.
 * The assertions are the floor: read the screenshots too.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/lib/browser.ts';
import { DIST, ROOT, baseUrl, findChromium } from './harness.ts';
import { layoutProblems, type CheckOptions } from './layout-checks.ts';
import { pagesToVisit, pool, sitemapPaths } from './sitemap.ts';

const GALLERY = join(ROOT, 'tests/.tmp/gallery');
const CONCURRENCY = Number(process.env.GALLERY_CONCURRENCY) || 2;

interface Size {
  id: string;
  label: string;
  viewport: { width: number; height: number };
  touch: boolean;
}
const SIZES: Size[] = [
  { id: 'desktop', label: 'Desktop 1280×900', viewport: { width: 1280, height: 900 }, touch: false },
  { id: 'phone', label: 'Phone 375×812 (touch)', viewport: { width: 375, height: 812 }, touch: true },
];
const SCHEMES = ['light', 'dark'] as const;
/** The gallery's columns, in order. */
const SETTINGS = SIZES.flatMap((size) => SCHEMES.map((scheme) => ({ id: `${size.id}-${scheme}`, label: `${size.label}, ${scheme}` })));

interface Shot {
  path: string;
  setting: string;
  file: string;
  height: number;
  /** Whole page, or its first screen only. */
  whole: boolean;
  problems: string[];
}

/** Collected in every document before its own scripts run (through DevTools, so the CSP does not apply). */
const WATCH_CSP =
  `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(` +
  `e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));`;

/** A file name for a page path: "/events/x/y/" → "events--x--y". */
const slug = (path: string) => path.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '--') || 'home';

let browser: Browser;
let paths: string[] = [];
/**
 * Pages pictured whole: every page that is not one of many built from the same template, and
 * the first two of each template (events, actors). The other event and actor pages are
 * pictured by their first screen (the checks still run on the whole page): full-page
 * pictures are most of the gallery's time. GALLERY_FULL=1 pictures every page whole.
 */
const pictureWhole = new Set<string>();
const TEMPLATES = [/^\/events\/[^/]+\/[^/]+\/$/, /^\/actors\/[^/]+\/$/];
const shots: Shot[] = [];

/**
 * Loads a page once (light), checks it and takes its picture, then switches the page to the
 * dark scheme (prefers-color-scheme, as a reader's system setting would) and does the same:
 * the site's colours follow the media query, so the switch shows what a dark-mode reader
 * sees, at half the cost of a second load.
 */
async function visit(page: Page, errors: string[], path: string, size: Size): Promise<Shot[]> {
  errors.length = 0;
  const shots: Shot[] = [];
  const options: CheckOptions = { touch: size.touch, maxIcon: 48, minTarget: 24 };
  let loadProblem: string | undefined;
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    const response = await page.goto(new URL(path, baseUrl()).href, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`GET answered ${response?.status()}`);
    await page.waitForFunction(() => !document.querySelector('timeline-chart:not(.is-enhanced):not([data-defer])'), undefined, {
      timeout: 10_000,
    });
    await page.evaluate(() => document.fonts.ready);
  } catch (error) {
    loadProblem = `could not be loaded: ${(error as Error).message.split('\n')[0]}`;
  }
  for (const scheme of SCHEMES) {
    const file = `${slug(path)}.${size.id}-${scheme}.jpg`;
    const problems: string[] = [];
    let height = 0;
    const fullPage = !!process.env.GALLERY_FULL || pictureWhole.has(path);
    if (loadProblem) problems.push(loadProblem);
    else {
      try {
        if (scheme !== 'light') await page.emulateMedia({ colorScheme: scheme });
        problems.push(...(await page.evaluate(layoutProblems, options)));
        height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: join(GALLERY, file), fullPage, type: 'jpeg', quality: 70, animations: 'disabled', caret: 'hide' });
        const csp = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
        problems.push(...csp.map((v) => `CSP violation: ${v}`));
      } catch (error) {
        problems.push(`could not be checked: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    problems.push(...errors);
    shots.push({ path, setting: `${size.id}-${scheme}`, file, height, whole: fullPage, problems });
  }
  return shots;
}

async function openWorker(context: BrowserContext) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => void dialog.dismiss());
  return { page, errors };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** tests/.tmp/gallery/index.html: one row per page, one column per setting, problems in red. */
function writeIndex() {
  const byPath = new Map<string, Map<string, Shot>>();
  for (const shot of shots) {
    if (!byPath.has(shot.path)) byPath.set(shot.path, new Map());
    byPath.get(shot.path)!.set(shot.setting, shot);
  }
  const failing = shots.filter((s) => s.problems.length).length;
  const rows = paths
    .filter((p) => byPath.has(p))
    .map((path) => {
      const cells = SETTINGS.map((setting) => {
        const shot = byPath.get(path)!.get(setting.id);
        if (!shot) return '<td></td>';
        const list = shot.problems.length
          ? `<ul class="problems">${shot.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`
          : '';
        return (
          `<td class="${setting.id}"><a href="${shot.file}"><img src="${shot.file}" loading="lazy" ` +
          `alt="${escapeHtml(`${path}, ${setting.label}`)}"></a><br><small>${shot.height} px ` +
          `tall${shot.whole ? '' : ', first screen shown'}</small>${list}</td>`
        );
      }).join('');
      return (
        `<tr><th scope="row"><a ` +
        `href="${escapeHtml(new URL(path, 'https://example.invalid').pathname)}">${escapeHtml(path)}</a></th>${cells}</tr>`
      );
    })
    .join('\n');
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<title>Gallery: every page, desktop and phone, light and dark</title>
<style>body{font:14px system-ui,sans-serif;margin:1rem}table{border-collapse:collapse}` +
    `th,td{vertical-align:top;border-bottom:1px solid #ccc;padding:6px}
th[scope=row]{max-width:14rem;word-break:break-all;text-align:left}` +
    `td img{width:200px;max-height:420px;object-fit:cover;object-position:top;border:1px solid #999}
td.phone-light img,td.phone-dark img{width:120px}td.desktop-dark,td.phone-dark{background:#222;color:#eee}` +
    `.problems{color:#b00;max-width:220px;padding-left:1rem}thead th{position:sticky;top:0;background:#fff}</style></head>
<body><h1>Gallery</h1><p>${paths.length} pages × ${SETTINGS.length} settings, ${shots.length} screenshots, ` +
    `${failing} with problems. Generated ${new Date().toISOString()}. Click a thumbnail for the full page.</p>
<table><thead><tr><th>Page</th>${SETTINGS.map((s) => `<th>${s.label}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
  writeFileSync(join(GALLERY, 'index.html'), html);
}

beforeAll(async () => {
  paths = pagesToVisit(sitemapPaths(DIST));
  if (process.env.GALLERY_ONLY) paths = paths.filter((p) => new RegExp(process.env.GALLERY_ONLY!).test(p));
  for (const template of TEMPLATES) for (const path of paths.filter((p) => template.test(p)).slice(0, 2)) pictureWhole.add(path);
  for (const path of paths) if (!TEMPLATES.some((t) => t.test(path))) pictureWhole.add(path);
  rmSync(GALLERY, { recursive: true, force: true });
  mkdirSync(GALLERY, { recursive: true });
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  if (shots.length) writeIndex();
  await browser?.close();
});

describe('gallery: every page in the sitemap, desktop and phone, light and dark', () => {
  it('the sitemap lists the pages to look at', () => {
    expect(paths).toContain('/');
    if (!process.env.GALLERY_ONLY) expect(paths.length).toBeGreaterThan(50);
  });

  for (const size of SIZES) {
    const checks = `no oversized icon, sideways scroll, cut text${size.touch ? ', small tap target' : ''}, console error or CSP violation`;
    it(`${size.label}, light and dark: ${checks}`, { timeout: 600_000 }, async () => {
      const context = await browser.newContext({
        viewport: size.viewport,
        isMobile: size.touch,
        hasTouch: size.touch,
        deviceScaleFactor: 1,
        reducedMotion: 'reduce',
      });
      await context.addInitScript({ content: WATCH_CSP });
      const started = Date.now();
      let results: Shot[];
      try {
        const workers = await Promise.all(Array.from({ length: CONCURRENCY }, () => openWorker(context)));
        results = (await pool(paths, CONCURRENCY, (path, w) => visit(workers[w].page, workers[w].errors, path, size))).flat();
      } finally {
        await context.close();
      }
      shots.push(...results);
      console.log(`gallery (${size.id}): ${paths.length} pages × 2 schemes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const report = results
        .filter((r) => r.problems.length)
        .map((r) => `  ${r.path}  (${r.file})\n${r.problems.map((p) => `      ${p}`).join('\n')}`);
      expect(report, `${size.label}: pages a reader would find broken (see tests/.tmp/gallery/index.html):\n${report.join('\n')}`).toEqual(
        [],
      );
    });
  }
});
