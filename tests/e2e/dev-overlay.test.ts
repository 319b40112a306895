/**
 * `npm run dev` as an editor uses it: save a broken event, and the browser shows the
 * validator's own message (file, line, field) in the error overlay and on the page,
 * never the stale page; save the fix, and the page comes back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/lib/project.ts';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/browser.ts';
import { ROOT } from './harness.ts';

const project = join(ROOT, 'tests/.tmp/dev-project');
const EVENT = join(project, 'src/content/events/macron-2017/emleaks-posted.mdx');
let dev: ChildProcess | undefined;
afterAll(() => void dev?.kill());

/** Starts `astro dev` (on a random port; Astro moves to the next one if it is taken) and resolves with its address. */
function startDev(): Promise<string> {
  dev = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--root',
      project,
      '--port',
      String(4300 + Math.floor(Math.random() * 600)),
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: project,
      // As an editor's shell would: without Vitest's NODE_ENV=test and VITEST_* settings.
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'),
        ),
        ASTRO_TELEMETRY_DISABLED: '1',
        ASTRO_DEV_BACKGROUND: '0',
        GITHUB_ACTIONS: '',
      },
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    dev!.stdout!.on('data', read);
    dev!.stderr!.on('data', read);
  });
}

describe('npm run dev with a content problem', () => {
  it('shows the validator message in the overlay and the page, then the page again once fixed', async () => {
    copyProject(ROOT, project);
    const original = readFileSync(EVENT, 'utf8');
    const url = await startDev();
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const path = `${url}/events/macron-2017/emleaks-posted/`;
      // The first visits wait for Vite to prepare its dependencies (it may reload the page).
      const visit = async () => {
        await page.goto(path).catch(() => undefined);
        return page.content().catch(() => '');
      };
      await expect.poll(visit, { timeout: 90_000, interval: 2_000 }).toContain('Campaign files posted');

      writeFileSync(EVENT, original.replace(/^title: .*$/m, 'title: Kremlin: no comment'));
      const message =
        'src/content/events/macron-2017/emleaks-posted.mdx:2:1  title: a title that contains a colon must be in ' +
        'quotes: title: "Kremlin: no comment"';
      // The open page shows the problem without the editor doing anything: Vite's overlay, or,
      // when Astro's own content reload wins the race, the page of problems that replaces it.
      const shown = () =>
        page
          .evaluate(() => (document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '') + document.body.textContent)
          .catch(() => '');
      // On a loaded machine the file watcher has been seen to miss a save (one run in many): the
      // editor saves again after 30 s, as they would. The page must then show it by itself.
      const resave = setTimeout(() => writeFileSync(EVENT, original.replace(/^title: .*$/m, 'title: Kremlin: no comment')), 30_000);
      try {
        await expect
          .poll(shown, { timeout: 60_000, interval: 500, message: 'the open page never showed the content problem' })
          .toContain('content problem');
      } finally {
        clearTimeout(resave);
      }
      // ...and a reload shows the list, not the stale page.
      await expect.poll(async () => (await visit()).replace(/&quot;/g, '"'), { timeout: 30_000, interval: 1_000 }).toContain(message);
      expect(await page.content()).not.toContain('Campaign files posted');

      writeFileSync(EVENT, original);
      await expect.poll(() => page.content().catch(() => ''), { timeout: 60_000, interval: 1_000 }).toContain('Campaign files posted');
    } finally {
      writeFileSync(EVENT, original);
      await browser.close();
    }
  }, 240_000);
});
