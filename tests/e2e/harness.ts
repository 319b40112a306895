/**
 * End-to-end harness. As Vitest's globalSetup (the default export) it finds Chromium,
 * builds the site once into tests/.tmp/e2e-dist and serves that folder on 127.0.0.1 with
 * a tiny static server. The tests import openPage() and friends to drive Debian's
 * Chromium through playwright-core. No browser is ever downloaded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject, onTestFinished } from 'vitest';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, findChromium, serveStatic } from '../../scripts/lib/browser.ts';

export { findChromium, serveStatic };

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'tests/.tmp/e2e-dist');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
export const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

declare module 'vitest' {
  interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

// ---------------------------------------------------------------- (b) build

/** Builds the site into tests/.tmp/e2e-dist, once per run. */
export function buildSite(): string {
  if (process.env.E2E_DIST_BUILT === DIST && existsSync(join(DIST, 'index.html'))) return DIST;
  rmSync(DIST, { recursive: true, force: true });
  const started = Date.now();
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', DIST], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0', GITHUB_ACTIONS: '' },
  });
  if (result.status !== 0 || !existsSync(join(DIST, 'index.html'))) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  process.env.E2E_DIST_BUILT = DIST;
  console.log(`e2e: built the site into ${DIST} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return DIST;
}

/** Vitest globalSetup: Chromium present, site built, server up; its address goes to the tests. */
export default async function setup(project: TestProject) {
  findChromium();
  buildSite();
  const { url, server } = await serveStatic(DIST);
  project.provide('e2eBaseUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}

// ---------------------------------------------------------------- browser helpers (in the tests)

let browser: Browser | undefined;

async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  return browser;
}

/** Closes this test file's browser; call it in afterAll. */
export async function closeBrowser() {
  const open = browser;
  browser = undefined;
  await open?.close();
}

export function baseUrl(): string {
  return inject('e2eBaseUrl');
}

export interface OpenOptions {
  javaScript?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** A phone: touch events, mobile viewport. */
  touch?: boolean;
  /** Another site than the one built for the run (the dense chart's synthetic site). */
  base?: string;
  /** Called before the page is opened (to hold or refuse some of its requests, say). */
  before?: (page: Page) => Promise<unknown>;
  /** What to wait for: the page's load and its charts enhanced (the default), or only the end of its parsing. */
  waitFor?: 'enhanced' | 'parsed';
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors, as they happen. */
  errors: string[];
  /** Messages of any alert/confirm/prompt the page opened (each dismissed). */
  dialogs: string[];
}

/**
 * Opens a site path (e.g. "/?kinds=leak") in a fresh browser context, closed when the
 * test ends. `errors` collects console errors and uncaught exceptions.
 */
export async function openPage(path: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await (await getBrowser()).newContext({
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
  });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await options.before?.(page);
  const parsedOnly = options.waitFor === 'parsed';
  const response = await page.goto(new URL(path, options.base ?? baseUrl()).href, { waitUntil: parsedOnly ? 'commit' : 'load' });
  if (!response?.ok()) throw new Error(`GET ${path} answered ${response?.status()}`);
  if (parsedOnly) await page.waitForFunction(() => document.readyState !== 'loading');
  else if (options.javaScript ?? true) await page.waitForFunction(() => !document.querySelector('timeline-chart:not(.is-enhanced)'));
  return { page, context, errors, dialogs };
}

/** Asserts that the page logged no console error and threw no uncaught exception. */
export function expectNoErrors(errors: string[]) {
  expect(errors, `console errors:\n${errors.join('\n')}`).toEqual([]);
}
