/**
 * npm run bench — measures what readers and editors feel, and prints budgets beside it.
 * Times are measured here, never asserted in tests.
 *
 *   npm run bench                 browser: enhance and zoom a chart of 5,000 synthetic events
 *   npm run bench -- --events 2000
 *
 * It builds a copy of the project with synthetic content under tests/.tmp/bench/, serves
 * it, and drives Debian's Chromium (CHROMIUM_PATH to use another).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, serveStatic } from './lib/browser.ts';
import { makeBenchProject, writeSyntheticContent } from './bench/synthetic.ts';

const ROOT = process.cwd();
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const { values } = parseArgs({ options: { events: { type: 'string', default: '5000' } } });
const count = Number(values.events);

/** Budgets for the browser bench (reported, never asserted in tests). */
const BUDGETS = { enhanceMs: 400, renderP95Ms: 50, frameP95Ms: 50 };

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function row(label: string, value: number, unit: string, budget?: number) {
  const verdict = budget === undefined ? '' : value <= budget ? `  ✓ budget ${budget} ${unit}` : `  ✗ over budget ${budget} ${unit}`;
  console.log(`  ${label.padEnd(42)} ${value.toFixed(1).padStart(9)} ${unit}${verdict}`);
  return budget === undefined || value <= budget;
}

const project = join(ROOT, `tests/.tmp/bench/events-${count}`);
console.log(`Building a site with ${count.toLocaleString('en')} synthetic events in ${project} …`);
makeBenchProject(ROOT, project);
writeSyntheticContent(join(project, 'src/content'), count);
const started = performance.now();
const build = spawnSync(process.execPath, [ASTRO, 'build', '--root', project], {
  encoding: 'utf8',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0' },
  maxBuffer: 1 << 28,
});
if (build.status !== 0 || !existsSync(join(project, 'dist/index.html'))) {
  console.error(build.stdout.slice(-4000), build.stderr.slice(-4000));
  process.exit(1);
}
console.log(`  built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

const { url, server } = await serveStatic(join(project, 'dist'));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto(`${url}/`, { waitUntil: 'load' });
await page.waitForFunction(() => performance.getEntriesByName('timeline:enhance').length > 0);
const metrics = Object.fromEntries(((await cdp.send('Performance.getMetrics')).metrics as { name: string; value: number }[]).map((m) => [m.name, m.value]));
const enhance = await page.evaluate(() => performance.getEntriesByName('timeline:enhance')[0].duration);
const marks = await page.locator('[data-timeline] a.tl-mark').count();

// Zoom in and out with Ctrl + wheel over the chart, recording every frame meanwhile.
await page.evaluate(() => performance.clearMeasures('timeline:render'));
const box = (await page.locator('[data-timeline] svg').boundingBox())!;
await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
await page.evaluate(() => {
  const w = window as unknown as { __frames: number[]; __recording: boolean };
  w.__frames = [];
  w.__recording = true;
  let last = performance.now();
  const tick = (now: number) => {
    w.__frames.push(now - last);
    last = now;
    if (w.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
await page.keyboard.down('Control');
for (let i = 0; i < 40; i++) await page.mouse.wheel(0, i < 20 ? -120 : 120);
await page.keyboard.up('Control');
await page.waitForTimeout(300);
const frames = await page.evaluate(() => {
  const w = window as unknown as { __frames: number[]; __recording: boolean };
  w.__recording = false;
  return w.__frames.slice(1);
});
const renders = await page.evaluate(() => performance.getEntriesByName('timeline:render').map((e) => e.duration));
await browser.close();
server.close();

console.log(`Browser (Chromium, ${marks.toLocaleString('en')} marks on the home page):`);
let ok = row('enhancement (connectedCallback)', enhance, 'ms', BUDGETS.enhanceMs);
row('all scripting during load (CDP ScriptDuration)', (metrics.ScriptDuration ?? 0) * 1000, 'ms');
ok = row(`re-render on zoom, p95 of ${renders.length}`, percentile(renders, 95), 'ms', BUDGETS.renderP95Ms) && ok;
row('re-render on zoom, median', percentile(renders, 50), 'ms');
ok = row(`frame time while zooming, p95 of ${frames.length}`, percentile(frames, 95), 'ms', BUDGETS.frameP95Ms) && ok;
row('frame time while zooming, max', Math.max(...frames), 'ms');
console.log(ok ? '\nAll browser budgets met.' : '\nSome browser budgets were missed (see ✗).');
