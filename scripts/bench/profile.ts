/**
 * A CPU profile of the chart on a built site (the browser bench's, by default): 16 Ctrl + wheel
 * steps, then 10 ArrowRight presses, each phase sampled by Chromium's profiler (CDP
 * Profiler, 200 µs); prints the functions with the most self time. "(program)" is the
 * browser's own work (style, layout, paint); DOM calls that force a layout
 * (getScreenCTM, focus) carry the layout's time.
 *
 *   node scripts/bench/profile.ts [tests/.tmp/bench/events-5000/dist]
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, serveStatic } from '../lib/browser.ts';
const { url, server } = await serveStatic(process.argv[2] ?? 'tests/.tmp/bench/events-5000/dist');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await page.goto(`${url}/`, { waitUntil: 'load', timeout: 300_000 });
await page.waitForFunction(() => performance.getEntriesByName('timeline:enhance').length > 0, undefined, { timeout: 300_000 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
for (const phase of ['zoom', 'keys']) {
  await cdp.send('Profiler.start');
  if (phase === 'zoom') {
    const box = (await page.locator('[data-timeline] svg.tl-svg').boundingBox())!;
    await page.evaluate(
      async ({ x, y }) => {
        const svg = document.querySelector('[data-timeline] svg.tl-svg')!;
        for (let i = 0; i < 16; i++) {
          svg.dispatchEvent(
            new WheelEvent('wheel', { deltaY: i < 8 ? -25 : 25, ctrlKey: true, clientX: x, clientY: y, bubbles: true, cancelable: true }),
          );
          await new Promise(requestAnimationFrame);
        }
      },
      { x: box.x + box.width * 0.6, y: box.y + 150 },
    );
  } else {
    await page.locator('[data-timeline] svg.tl-svg a.tl-mark[tabindex="0"]').focus();
    await page.evaluate(async () => {
      for (let i = 0; i < 10; i++) {
        document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
        await new Promise(requestAnimationFrame);
      }
    });
  }
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples!.forEach((id: number, i: number) => {
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0));
  });
  let total = 0;
  for (const node of profile.nodes) {
    const t = (dt.get(node.id) ?? 0) / 1000;
    total += t;
    const name = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + t);
  }
  console.log(`\n${phase}: ${total.toFixed(0)} ms sampled`);
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${t.toFixed(0).padStart(6)} ms  ${name}`);
}
await browser.close();
server.close();
