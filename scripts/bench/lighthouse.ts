/**
 * Lighthouse (the npm package's CLI, run on this Node, i.e. the pinned Node 24 under npm)
 * against a fresh build of the real site served by serveStatic, in Debian's Chromium: the
 * home page, an event page and the embed. Prints the four category scores, the main
 * metrics, and every audit that lost points outside performance.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, serveStatic } from '../lib/browser.ts';
import { runMeasured } from './measure.ts';

export const LIGHTHOUSE_PAGES = [
  { name: 'home', path: '/' },
  { name: 'event', path: '/events/macron-2017/emleaks-posted/' },
  { name: 'embed', path: '/embed/timeline/' },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

interface Report {
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  // Asynchronous on purpose: the static server lives in this process and must keep answering.
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output = (output + c).slice(-20_000)));
  child.stderr.on('data', (c: Buffer) => (output = (output + c).slice(-20_000)));
  return new Promise((done) => child.on('close', (status) => done({ status, output })));
}

export async function benchLighthouse(root: string, options: { reuse: boolean; preset: 'mobile' | 'desktop' }) {
  const dist = join(root, 'tests/.tmp/bench/site-dist');
  const out = join(root, 'tests/.tmp/bench/lighthouse');
  mkdirSync(out, { recursive: true });
  if (options.reuse && existsSync(join(dist, 'index.html'))) console.log(`Reusing the build in ${dist}`);
  else {
    process.stdout.write(`Building the site into ${dist} …`);
    const build = await runMeasured(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0', GITHUB_ACTIONS: '' },
    });
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.output.slice(-4000)}`);
    console.log(` ${build.seconds.toFixed(1)} s`);
  }
  const chrome = findChromium();
  const cli = join(root, 'node_modules/lighthouse/cli/index.js');
  const version = JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  console.log(`Lighthouse ${version} on Node ${process.version} (${process.execPath}), ${options.preset}, CHROME_PATH=${chrome}\n`);

  const { url, server } = await serveStatic(dist);
  const rows: string[] = [];
  const notes: string[] = [];
  try {
    for (const { name, path } of LIGHTHOUSE_PAGES) {
      const file = join(out, `${name}.json`);
      process.stdout.write(`  ${name} (${path}) …`);
      const started = performance.now();
      const args = [
        cli,
        `${url}${path}`,
        '--output=json',
        `--output-path=${file}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=${CHROME_FLAGS}`,
        '--quiet',
      ];
      if (options.preset === 'desktop') args.push('--preset=desktop');
      const result = await run(process.execPath, args, { ...process.env, CHROME_PATH: chrome });
      if (result.status !== 0 || !existsSync(file)) {
        console.log(` FAILED (exit ${result.status})\n${result.output.slice(-3000)}`);
        rows.push(`| ${name} | \`${path}\` | failed | | | | |`);
        continue;
      }
      const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
      console.log(` ${((performance.now() - started) / 1000).toFixed(0)} s`);
      if (report.runtimeError) notes.push(`${name}: runtime error ${report.runtimeError.code}: ${report.runtimeError.message}`);
      const score = (id: string) => {
        const value = report.categories[id]?.score;
        return value === null || value === undefined ? '–' : String(Math.round(value * 100));
      };
      const metrics = METRICS.map((id) => `${report.audits[id]?.displayValue ?? '–'}`).join(' / ');
      rows.push(`| ${name} | \`${path}\` | ${CATEGORIES.map(score).join(' | ')} | ${metrics} |`);
      for (const category of CATEGORIES.filter((c) => c !== 'performance')) {
        for (const ref of report.categories[category]?.auditRefs ?? []) {
          const audit = report.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative') {
            notes.push(`${name}: ${category}: ${ref.id} (${audit.title})${audit.displayValue ? `: ${audit.displayValue}` : ''}`);
          }
        }
      }
    }
  } finally {
    server.close();
  }
  console.log(`\nLighthouse scores (${options.preset}; reports in ${out}):\n`);
  console.log('| page | path | performance | accessibility | best practices | SEO | FCP / LCP / TBT / CLS / Speed Index |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const row of rows) console.log(row);
  if (notes.length) console.log(`\nAudits that lost points:\n${notes.map((n) => `  ${n}`).join('\n')}`);
}
