/**
 * Helpers for the embed, builder and handout tests: a host page on another origin, the
 * builder's embed code, axe-core in every frame, and colours read back from the page.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { expect, onTestFinished } from 'vitest';
import { AXE, baseUrl, openPage } from './harness.ts';

/** The origin the site is built for (Astro's `site`); the embed code is written with it. */
export const SITE_ORIGIN = 'https://election-integrity-timeline.github.io';

/**
 * Serves `pages` (path → HTML) on 127.0.0.1 and a free port: a host page on an origin that
 * is not the site's. Closed when the test ends.
 */
export async function serveHost(pages: Record<string, string>): Promise<string> {
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', 'http://localhost').pathname];
    res.writeHead(body === undefined ? 404 : 200, {
      'content-type': body === undefined ? 'text/plain' : 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(body ?? 'Not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  onTestFinished(() => new Promise<void>((done) => server.close(() => done())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A plain host page (a teacher's) with `content` in its body. */
export function hostPage(content: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lesson 3</title><link rel="icon" ` +
    `href="data:,"></head><body style="margin:0;font-family:sans-serif"><h1>Lesson 3: leaks before a vote</h1><p>Read ` +
    `the chart below.</p>${content}<p>Questions follow.</p></body></html>`
  );
}

/**
 * The embed code exactly as the builder shows it (after `prepare` changed the form, if
 * given), pointed at the test server instead of the production origin.
 */
export async function builderCode(prepare?: (page: Page) => Promise<void>): Promise<string> {
  const { page } = await openPage('/embed/');
  await prepare?.(page);
  const code = await page.locator('textarea.builder-code').inputValue();
  expect(code).toContain(`${SITE_ORIGIN}/embed/timeline/`);
  expect(code).toContain(`${SITE_ORIGIN}/embed.js`);
  return code.replaceAll(SITE_ORIGIN, baseUrl());
}

/** The embed's frame in a host page, once its chart is enhanced. */
export async function embedFrame(page: Page, index = 0): Promise<Frame> {
  await expect
    .poll(() => page.frames().filter((f) => f.url().includes('/embed/timeline/')).length, { timeout: 15_000 })
    .toBeGreaterThan(index);
  const frame = page.frames().filter((f) => f.url().includes('/embed/timeline/'))[index];
  await frame.waitForFunction(() => document.querySelector('timeline-chart')?.classList.contains('is-enhanced'));
  return frame;
}

/** The iframe element's height as laid out, its style height, and its document's height. */
export async function frameFit(page: Page, frame: Frame, selector = 'iframe') {
  const element = await page.evaluate((selector) => {
    const iframe = document.querySelector<HTMLIFrameElement>(selector)!;
    return { box: iframe.getBoundingClientRect().height, style: iframe.style.height, attribute: iframe.getAttribute('height') };
  }, selector);
  const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { ...element, content };
}

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * axe-core on the page (and in every frame, so that the builder's preview is checked too):
 * the serious and critical violations, as readable lines. Injected through the debugging
 * protocol, so that the site's Content Security Policy does not block it.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const source = `${readFileSync(AXE, 'utf8')}\n;void 0`;
  for (const frame of page.frames()) if (frame.url().startsWith('http')) await frame.evaluate(source);
  const violations: Violation[] = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ` +
        `${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}  ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`).join('\n')}`,
    );
}

/** Relative luminance (0 black … 1 white) of a computed CSS colour such as "rgb(21, 22, 26)". */
export function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? [])
    .slice(0, 3)
    .map(Number)
    .map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
  if ([r, g, b].some((c) => c === undefined || Number.isNaN(c))) throw new Error(`not an rgb() colour: ${color}`);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The embed's page address with these parameters. */
export function embedPath(params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `/embed/timeline/${query ? `?${query}` : ''}`;
}
