/**
 * npm run bench — measures what readers and editors feel, and prints budgets beside it.
 * Times are measured here, never asserted in tests. Figures and how to read them:
 * docs/benchmarks.md.
 *
 *   npm run bench                      browser: enhance and zoom a chart of 5,000 synthetic events
 *   npm run bench -- --events 2000     the same with 2,000 events
 *   npm run bench -- --build           build scaling: 100, 1,000, 5,000 events beside a plain Astro floor
 *   npm run bench -- --build --sizes 100,1000
 *   npm run bench -- --build --sizes 1000 --profile --no-floor   also a CPU profile of each build, ours only
 *   npm run bench -- --lighthouse      Lighthouse scores: home, an event page, the embed
 *   npm run bench -- --validate        npm run validate's CPU time: bundled content, 1,000 and 5,000 events
 *   npm run bench -- --all             all three
 *   npm run bench -- --cards           social cards only: time drawing the PNG cards of the last build
 *
 * Also: --reuse (browser, Lighthouse: reuse an earlier build), --max-minutes N (build
 * scaling: stop starting builds after N minutes, default 45), --no-floor (build scaling:
 * ours only), --profile (build scaling: a V8 CPU profile of each build, read with
 * scripts/bench/cpu-profile.ts), --preset desktop (Lighthouse: desktop instead of the
 * default mobile emulation).
 *
 * Synthetic projects go under tests/.tmp/bench/; the browser parts drive Debian's
 * Chromium (CHROMIUM_PATH or CHROME_PATH to use another).
 */
import { parseArgs } from 'node:util';
import { findChromium } from './lib/browser.ts';
import { benchBrowser } from './bench/browser.ts';
import { benchBuild } from './bench/build.ts';
import { benchLighthouse } from './bench/lighthouse.ts';
import { benchValidate } from './bench/validate.ts';
import { printMachine } from './bench/measure.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rasterizeCards } from '../src/integrations/cards.ts';

const ROOT = process.cwd();
const { values } = parseArgs({
  allowNegative: true,
  options: {
    browser: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
    validate: { type: 'boolean', default: false },
    cards: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    events: { type: 'string', default: '5000' },
    sizes: { type: 'string', default: '100,1000,5000' },
    'max-minutes': { type: 'string', default: '45' },
    reuse: { type: 'boolean', default: false },
    floor: { type: 'boolean', default: true },
    profile: { type: 'boolean', default: false },
    preset: { type: 'string', default: 'mobile' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'npm run bench [-- --build | --lighthouse | --cards | --all] [--events N] [--sizes 100,1000,5000] [--reuse] ' +
      '[--max-minutes N] [--profile] [--no-floor] [--preset mobile|desktop]\nSee docs/benchmarks.md.',
  );
  process.exit(0);
}

const parts = {
  build: values.all || values.build,
  browser: values.all || values.browser || !(values.build || values.lighthouse || values.validate || values.cards),
  lighthouse: values.all || values.lighthouse,
  validate: values.all || values.validate,
};
const sizes = values.sizes.split(',').map((s) => Number(s.replaceAll('_', '')));
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`--sizes wants whole numbers, e.g. 100,1000,5000 (got ${values.sizes})`);
if (values.preset !== 'mobile' && values.preset !== 'desktop') throw new Error('--preset is mobile or desktop');

console.log(`npm run bench, ${new Date().toISOString()}, on:`);
let chromium: string | undefined;
try {
  chromium = findChromium();
} catch {
  chromium = undefined;
}
printMachine(chromium);
console.log('');

if (parts.validate) {
  await benchValidate(ROOT, [1000, 5000]);
  console.log('');
}
let builtForBrowser = false;
if (parts.build) {
  const figures = await benchBuild(ROOT, sizes, Number(values['max-minutes']), { floor: values.floor, profile: values.profile });
  // The build bench's project of that size is the browser bench's project: no second build.
  builtForBrowser = figures.some((f) => f.count === Number(values.events) && f.ours);
  console.log('');
}
if (parts.browser) {
  await benchBrowser(ROOT, Number(values.events), values.reuse || builtForBrowser);
  console.log('');
}
// Social cards (1200 × 630 PNG per event, per incident, and the site's): the build draws them
// after Astro's pages (src/integrations/reach.ts) and the build bench shows their stage; with
// --cards the same step is timed again on the largest synthetic build there is.
if (values.cards || values.all) {
  const candidates = [Number(values.events), ...[...sizes].sort((a, b) => b - a)].map((n) => ({
    n,
    dir: join(ROOT, `tests/.tmp/bench/events-${n}/dist/cards`),
  }));
  const found = candidates.find((c) => existsSync(c.dir));
  if (found) {
    const { count, ms } = await rasterizeCards(found.dir);
    console.log(
      `Social cards (build of ${found.n.toLocaleString('en')} synthetic events): ${count.toLocaleString('en')} PNG ` +
        `(1200×630) in ${(ms / 1000).toFixed(1)} s, ${(ms / Math.max(1, count)).toFixed(1)} ms per card`,
    );
  } else if (values.cards) {
    console.log('Social cards: no synthetic build yet (run npm run bench or npm run bench -- --build first).');
  }
  console.log('');
}
if (parts.lighthouse) await benchLighthouse(ROOT, { reuse: values.reuse, preset: values.preset });
