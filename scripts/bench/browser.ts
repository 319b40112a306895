/**
 * The browser bench: a site of `count` synthetic events, built, served, opened in Debian's
 * Chromium. Measures the chart's enhancement (its connectedCallback, from the Performance
 * API), all scripting during load (CDP), re-render times and frame times while zooming
 * with Ctrl + wheel. Prints budgets beside the figures; never asserts.
 */
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, serveStatic } from '../lib/browser.ts';
import { mb, runMeasured } from './measure.ts';
import { makeBenchProject, writeSyntheticContent } from './synthetic.ts';

/** Budgets for the browser bench (reported, never asserted in tests): issue 10's "speed at scale". */
export const BUDGETS = { readyMs: 500, enhanceMs: 400, renderP95Ms: 50, frameP95Ms: 17, keyP95Ms: 50 };
/** Wheel steps in, then as many out: 30 steps of √2 span the chart's whole zoom range (1 to 50,000). */
const ZOOM_STEPS = 30;

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function row(label: string, value: number, unit: string, budget?: number) {
  const verdict = budget === undefined ? '' : value <= budget ? `  ✓ budget ${budget} ${unit}` : `  ✗ over budget ${budget} ${unit}`;
  console.log(`  ${label.padEnd(46)} ${value.toFixed(1).padStart(9)} ${unit}${verdict}`);
  return budget === undefined || value <= budget;
}

export async function benchBrowser(root: string, count: number, reuse: boolean) {
  const project = join(root, `tests/.tmp/bench/events-${count}`);
  if (reuse && existsSync(join(project, 'dist/index.html'))) {
    console.log(`Reusing the build of ${count.toLocaleString('en')} synthetic events in ${project}`);
  } else {
    console.log(`Building a site with ${count.toLocaleString('en')} synthetic events in ${project} …`);
    makeBenchProject(root, project);
    writeSyntheticContent(join(project, 'src/content'), count);
    const build = await runMeasured(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', project], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0', GITHUB_ACTIONS: '' },
    });
    if (build.status !== 0 || !existsSync(join(project, 'dist/index.html'))) {
      console.error(build.output.slice(-6000));
      throw new Error(`the build of ${count} synthetic events failed (exit ${build.status})`);
    }
    console.log(`  built in ${build.seconds.toFixed(1)} s, peak memory ${mb(build.largestKb).toFixed(0)} MiB\n`);
  }

  const { url, server } = await serveStatic(join(project, 'dist'));
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    // CPU time of the page's main thread (ThreadTime) and of its renderer process (ProcessTime),
    // read around each phase: on a shared machine, wall time alone says how busy the others were.
    const cpu = async () => {
      const m = Object.fromEntries(
        ((await cdp.send('Performance.getMetrics')).metrics as { name: string; value: number }[]).map((x) => [x.name, x.value]),
      );
      return { thread: (m.ThreadTime ?? NaN) * 1000, process: (m.ProcessTime ?? NaN) * 1000, task: (m.TaskDuration ?? NaN) * 1000 };
    };
    // A busy machine can take more than Playwright's 30 s default to load 5,000 events.
    await page.goto(`${url}/`, { waitUntil: 'load', timeout: 300_000 });
    await page.waitForFunction(() => performance.getEntriesByName('timeline:enhance').length > 0, undefined, { timeout: 300_000 });
    const metrics = Object.fromEntries(
      ((await cdp.send('Performance.getMetrics')).metrics as { name: string; value: number }[]).map((m) => [m.name, m.value]),
    );
    const enhance = await page.evaluate(() => performance.getEntriesByName('timeline:enhance')[0].duration);
    // Ready: from the start of navigation to the end of the chart's enhancement.
    const ready = await page.evaluate(() => {
      const entry = performance.getEntriesByName('timeline:enhance')[0];
      return entry.startTime + entry.duration;
    });
    // The first measure of that name the page makes (its end and duration), or undefined if none comes in time.
    const measured = (name: string, timeout: number) =>
      page
        .waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout })
        .then(() =>
          page.evaluate((n) => {
            const entry = performance.getEntriesByName(n)[0];
            return { end: entry.startTime + entry.duration, duration: entry.duration };
          }, name),
        )
        .catch(() => undefined);
    // A dense chart shown as the build drew it is laid out after it is ready, when the page is idle.
    const laidOut = await measured('timeline:layout-at-load', 10_000);
    // Links in the drawing (a dense chart's list of every event is beside it).
    const marks = await page.locator('[data-timeline] svg.tl-svg a.tl-mark').count();
    // A dense chart then makes a link for every event, when idle (in the accessibility tree at
    // every zoom); the sweep below starts once they are made.
    const everyEvent = laidOut ? await measured('timeline:every-event', 30_000) : undefined;
    const listed = await page.locator('[data-timeline] .tl-every-event a').count();
    // A dense chart (src/lib/timeline/layout.ts, DENSE_EVENTS) keeps only the links in view in the drawing.
    // Its events data (a script beside the page, src/site/chart-data.ts) holds every event (its table is made only when opened).
    const events = await page.evaluate(() => {
      const key = document.querySelector<HTMLElement>('[data-timeline] script.tl-events')?.dataset.key;
      const data = key && (globalThis as { timelineEvents?: Record<string, string> }).timelineEvents?.[key];
      return data ? (JSON.parse(data) as unknown[]).length : document.querySelectorAll('[data-timeline] tr[data-row-event]').length;
    });
    const loaded = await cpu();
    // A reader looks at the chart for a moment before zooming: the sweep starts on a settled page.
    await page.waitForTimeout(1000);

    // Zoom in and out with Ctrl + wheel over the chart, one wheel event per frame (a pinch
    // or a fast wheel) across the whole zoom range, recording every frame meanwhile. The
    // events are dispatched in the page, at a steady cadence that does not depend on the
    // DevTools round trip; the chart handles them exactly as it handles a reader's.
    await page.evaluate(() => performance.clearMeasures('timeline:render'));
    const box = (await page.locator('[data-timeline] svg.tl-svg').boundingBox())!;
    const at = { x: box.x + box.width * 0.6, y: box.y + Math.min(box.height, 900 - box.y) / 2 };
    await page.mouse.move(at.x, at.y);
    const frames = await page.evaluate(
      async ({ x, y, steps }) => {
        const svg = document.querySelector('[data-timeline] svg.tl-svg')!;
        const frames: number[] = [];
        let recording = true;
        let last = performance.now();
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          if (recording) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        for (let i = 0; i < 2 * steps; i++) {
          // deltaY 25 with Ctrl is a factor of √2 (as in d3-zoom): `steps` of them in, then out.
          svg.dispatchEvent(
            new WheelEvent('wheel', {
              deltaY: i < steps ? -25 : 25,
              ctrlKey: true,
              clientX: x,
              clientY: y,
              bubbles: true,
              cancelable: true,
            }),
          );
          await new Promise(requestAnimationFrame);
        }
        await new Promise((done) => setTimeout(done, 300));
        recording = false;
        return frames.slice(1);
      },
      { ...at, steps: ZOOM_STEPS },
    );
    const renders = await page.evaluate(() => performance.getEntriesByName('timeline:render').map((e) => e.duration));
    const zoomed = await cpu();

    // ArrowRight from the chart's tab stop, 30 times: the time from the key to the next frame.
    await page.locator('[data-timeline] svg.tl-svg a.tl-mark[tabindex="0"]').focus();
    const keys = await page.evaluate(async (count) => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const target = document.activeElement!;
        const started = performance.now();
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
        await new Promise(requestAnimationFrame);
        times.push(performance.now() - started);
      }
      return times;
    }, 30);
    const keyed = await cpu();
    // On a dense chart, each press above drew a preview; the view is laid out once the keys rest.
    const keysRested = await page.evaluate(async () => {
      performance.clearMeasures('timeline:render');
      await new Promise((done) => setTimeout(done, 400));
      return performance.getEntriesByName('timeline:render').map((e) => e.duration);
    });

    console.log(
      `Load average (1, 5, 15 min) at the end: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(
          ', ',
        )} on this machine's CPUs; the home page's HTML: ${mb(statSync(join(project, 'dist/index.html')).size / 1024).toFixed(1)} MiB`,
    );
    console.log(
      `Browser (Chromium, ${events.toLocaleString('en')} events on the home page's chart, ` +
        `${marks.toLocaleString('en')} of them links in its drawing at load):`,
    );
    let ok = row('chart ready after navigation', ready, 'ms', BUDGETS.readyMs);
    ok = row('enhancement (connectedCallback)', enhance, 'ms', BUDGETS.enhanceMs) && ok;
    if (laidOut) {
      row('laid out in the browser (idle, after ready), at', laidOut.end, 'ms');
      row('  that layout took', laidOut.duration, 'ms');
    }
    if (everyEvent) {
      row(`list of every event (${listed.toLocaleString('en')} links; idle), at`, everyEvent.end, 'ms');
      row('  from the layout to the last link made', everyEvent.duration, 'ms');
    }
    row('all scripting during load (CDP ScriptDuration)', (metrics.ScriptDuration ?? 0) * 1000, 'ms');
    ok = row(`re-render on zoom, p95 of ${renders.length}`, percentile(renders, 95), 'ms', BUDGETS.renderP95Ms) && ok;
    row('re-render on zoom, median', percentile(renders, 50), 'ms');
    ok = row(`frame time during the wheel sweep, p95 of ${frames.length}`, percentile(frames, 95), 'ms', BUDGETS.frameP95Ms) && ok;
    row('frame time while zooming, median', percentile(frames, 50), 'ms');
    row('frame time while zooming, max', Math.max(...frames), 'ms');
    row(`frames over 17 ms while zooming (of ${frames.length})`, frames.filter((f) => f > BUDGETS.frameP95Ms).length, 'frames');
    // Where they fall: the first steps from the whole view, or the layout once the wheel rests (the last frames).
    const slow = frames.flatMap((f, i) => (f > BUDGETS.frameP95Ms ? [`#${i + 1} ${Math.round(f)} ms`] : []));
    if (slow.length) console.log(`    ${slow.join(', ')}`);
    row(`whole zoom sweep (${2 * ZOOM_STEPS} wheel steps)`, frames.reduce((a, b) => a + b, 0) / 1000, 's');
    ok = row(`ArrowRight to the next frame, p95 of ${keys.length}`, percentile(keys, 95), 'ms', BUDGETS.keyP95Ms) && ok;
    row('ArrowRight to the next frame, median', percentile(keys, 50), 'ms');
    if (keysRested.length) row('  the view laid out once the keys rest (one task)', Math.max(...keysRested), 'ms');
    console.log('CPU time (renderer main thread / renderer process), from the Chromium Performance domain:');
    row('during load, main thread', loaded.thread, 'ms');
    row('during load, renderer process', loaded.process, 'ms');
    row(`zoom sweep, main thread per wheel step`, (zoomed.thread - loaded.thread) / (2 * ZOOM_STEPS), 'ms');
    row(`zoom sweep, renderer process per wheel step`, (zoomed.process - loaded.process) / (2 * ZOOM_STEPS), 'ms');
    row(`ArrowRight, main thread per key`, (keyed.thread - zoomed.thread) / keys.length, 'ms');
    row(`ArrowRight, renderer process per key`, (keyed.process - zoomed.process) / keys.length, 'ms');
    console.log(ok ? '\nAll browser budgets met.' : '\nSome browser budgets were missed (see ✗).');
  } finally {
    await browser.close();
    server.close();
  }
}
