/**
 * The accessibility sweep: axe-core on every page the sitemap lists, in light and in dark
 * colour schemes, with JavaScript on. Fails on any serious or critical violation, naming
 * the page, the rule and its targets.
 *
 * One browser context per colour scheme, three pages at a time (SWEEP_CONCURRENCY):
 * ~160 pages × 2 in under 2 minutes on two cores, about 3 when they are busy.
 * (tests/e2e/a11y.test.ts keeps the per-page checks of the main page types, with console
 * errors; this file is the breadth.)
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/lib/browser.ts';
import { AXE, DIST, baseUrl, findChromium } from './harness.ts';
import { pagesToVisit, pool, sitemapPaths } from './sitemap.ts';

/** Pages open at once in each colour scheme's context. */
const CONCURRENCY = Number(process.env.SWEEP_CONCURRENCY) || 3;
const AXE_SOURCE = readFileSync(AXE, 'utf8');

interface Finding {
  path: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

interface PageResult {
  path: string;
  findings: Finding[];
  /** Anything that kept axe from running (a failed load, an exception). */
  failure?: string;
}

async function sweepPage(context: BrowserContext, path: string): Promise<PageResult> {
  const page = await context.newPage();
  try {
    const response = await page.goto(new URL(path, baseUrl()).href, { waitUntil: 'load' });
    if (!response?.ok()) return { path, findings: [], failure: `GET answered ${response?.status()}` };
    // Lazy iframes (the embed builder's preview) load once scrolled to; axe checks them too.
    for (const iframe of await page.locator('iframe').all()) await iframe.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const frame of page.frames()) {
      await frame.waitForLoadState('load');
      // Let every chart finish enhancing (an embed keeps data-defer until it is set up).
      await frame.waitForFunction(() => !document.querySelector('timeline-chart:not(.is-enhanced)'), undefined, { timeout: 10_000 });
    }
    const violations = await page.evaluate(async () => {
      type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        targets: nodes.map((n) => JSON.stringify(n.target)),
      }));
    });
    const findings = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ path, id: v.id, impact: v.impact!, help: v.help, targets: v.targets }));
    return { path, findings };
  } catch (error) {
    return { path, findings: [], failure: (error as Error).message.split('\n')[0] };
  } finally {
    await page.close();
  }
}

let browser: Browser;
let paths: string[] = [];

beforeAll(async () => {
  paths = pagesToVisit(sitemapPaths(DIST));
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
afterAll(() => browser?.close());

describe('accessibility sweep: every page in the sitemap (axe-core)', () => {
  it('the sitemap lists the pages to sweep', () => {
    expect(paths).toContain('/');
    expect(paths).toContain('/events/macron-2017/emleaks-posted/');
    expect(paths.length).toBeGreaterThan(50);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`no serious or critical violation on any page, ${colorScheme} scheme, JavaScript on`, { timeout: 600_000 }, async () => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
      // axe goes into every document (frames too) through the DevTools protocol, so that the
      // site's Content Security Policy, which forbids inline scripts, neither blocks it nor
      // has to be bypassed.
      await context.addInitScript({ content: AXE_SOURCE });
      const started = Date.now();
      let results: PageResult[];
      try {
        results = await pool(paths, CONCURRENCY, (path) => sweepPage(context, path));
      } finally {
        await context.close();
      }
      console.log(`sweep (${colorScheme}): ${results.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const failures = results.filter((r) => r.failure).map((r) => `  ${r.path}: could not be checked: ${r.failure}`);
      const findings = results.flatMap((r) => r.findings);
      const report = findings.map((f) => `  ${f.path}  ${f.impact} ${f.id} (${f.help})\n${f.targets.map((t) => `      ${t}`).join('\n')}`);
      expect([...failures, ...report], `axe-core in the ${colorScheme} scheme:\n${[...failures, ...report].join('\n')}`).toEqual([]);
    });
  }
});
