/**
 * Build scaling: our build of N synthetic valid events beside the floor, a plain Astro
 * build of N bare MDX files (one glob collection, one page per entry), back to back. For
 * each N: build seconds and CPU seconds (user + system, children included), per event and
 * per page, peak memory, and ours/floor; then the same against a second floor with as many
 * pages as ours (each MDX file rendered on two routes, as ours renders each event in two
 * editions); then where each build's time went, stage by stage
 * and route by route (scripts/bench/stages.ts). With `profile`, each build also writes a
 * V8 CPU profile (`node --cpu-prof`) under <project>/profile/ (scripts/bench/cpu-profile.ts
 * reads it). Cold builds: every project is written afresh, with its own empty cache folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mb, runMeasured, type Measured } from './measure.ts';
import { formatStageReport, readStageReport, type StageReport } from './stages.ts';
import { makeBenchProject, makeFloorProject, writeSyntheticContent } from './synthetic.ts';

export interface Built extends Measured {
  /** HTML pages written (index.html and 404.html files). */
  pages: number;
  stages?: StageReport;
}

export interface BuildFigures {
  count: number;
  ours?: Built;
  floor?: Built;
  /** The floor with each entry on two routes (/x/ and /fr/x/): 2N pages, about as many as ours. */
  floorPages?: Built;
}

export interface BuildBenchOptions {
  /** Also build the floors (default true). */
  floor?: boolean;
  /** Write a V8 CPU profile of each build. */
  profile?: boolean;
}

const STAGE_CLOCK = new URL('./stage-clock.mjs', import.meta.url).href;

function countPages(dir: string): number {
  let pages = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && (entry.name === 'index.html' || entry.name === '404.html')) pages++;
  return pages;
}

/** CPU seconds, user and system, of a measured build (NaN without GNU time). */
const cpu = (m: Measured) => m.userSeconds + m.systemSeconds;

export async function benchBuild(
  root: string,
  sizes: number[],
  maxMinutes: number,
  options: BuildBenchOptions = {},
): Promise<BuildFigures[]> {
  const { floor: withFloor = true, profile = false } = options;
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0', GITHUB_ACTIONS: '' };
  const deadline = Date.now() + maxMinutes * 60_000;
  const figures: BuildFigures[] = [];
  console.log(
    `Build scaling: ${sizes.map((n) => n.toLocaleString('en')).join(', ')} events; at most ${maxMinutes} min in all (--max-minutes).`,
  );

  const build = async (label: string, project: string, expectedPages: number): Promise<Built | undefined> => {
    const left = deadline - Date.now();
    if (left <= 0) {
      console.log(`  [${label}] skipped: the ${maxMinutes} min cap is reached`);
      return undefined;
    }
    process.stdout.write(`  [${label}] building …`);
    const tick = setInterval(() => process.stdout.write('.'), 10_000);
    const stageLog = join(project, 'stages.log');
    const node = ['--import', STAGE_CLOCK, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${join(project, 'profile')}`] : [])];
    const result = await runMeasured(process.execPath, [...node, astro, 'build', '--root', project], {
      env: { ...env, BENCH_STAGE_LOG: stageLog },
      timeoutMs: left,
      logFile: join(project, 'build.log'),
    });
    clearInterval(tick);
    const dist = join(project, 'dist');
    const pages = existsSync(dist) ? countPages(dist) : 0;
    if (result.timedOut) {
      console.log(` stopped at the time cap after ${result.seconds.toFixed(0)} s`);
      return undefined;
    }
    if (result.status !== 0 || pages < expectedPages) {
      console.log(` FAILED (exit ${result.status}, ${pages} pages)\n${result.output.slice(-4000)}`);
      return undefined;
    }
    console.log(
      ` ${result.seconds.toFixed(1)} s (CPU ${cpu(result).toFixed(1)} s), ${pages.toLocaleString('en')} pages, peak ` +
        `${mb(result.largestKb).toFixed(0)} MiB (tree ${mb(result.treeKb).toFixed(0)} MiB)`,
    );
    return { ...result, pages, stages: existsSync(stageLog) ? readStageReport(stageLog) : undefined };
  };

  for (const count of sizes) {
    let floor: Built | undefined;
    if (withFloor) {
      const floorDir = join(root, `tests/.tmp/bench/floor-${count}`);
      makeFloorProject(root, floorDir, count);
      floor = await build(`floor, ${count.toLocaleString('en')} MDX files`, floorDir, count);
    }
    let floorPages: Built | undefined;
    if (withFloor) {
      const floorDir = join(root, `tests/.tmp/bench/floor-pages-${count}`);
      makeFloorProject(root, floorDir, count, 4, 2);
      floorPages = await build(
        `floor with the same number of pages, ${count.toLocaleString('en')} MDX files on 2 routes`,
        floorDir,
        2 * count,
      );
    }

    const project = join(root, `tests/.tmp/bench/events-${count}`);
    makeBenchProject(root, project);
    writeSyntheticContent(join(project, 'src/content'), count);
    const ours = await build(`ours, ${count.toLocaleString('en')} events`, project, count);
    figures.push({ count, ours, floor, floorPages });
  }

  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
  const n = (value: number | undefined, digits = 1) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
  console.log('\nBuild scaling (cold builds; CPU: user + system, children included; memory: largest process / whole tree, MiB):\n');
  console.log(
    '| events | ours s | ours CPU s | ours pages | ours CPU ms/page | ours MiB | floor s | floor CPU s | floor CPU ' +
      'ms/page | floor MiB | time ours/floor | CPU ours/floor | CPU per page ours/floor | memory ours/floor |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { count, ours, floor } of figures) {
    const perPage = (b: Built | undefined) => (b ? (1000 * cpu(b)) / b.pages : undefined);
    console.log(
      `| ${count.toLocaleString('en')} | ${n(ours?.seconds)} | ${n(ours && cpu(ours))} | ` +
        `${ours?.pages.toLocaleString('en') ?? '–'} | ${n(perPage(ours))} | ${n(ours && mb(ours.largestKb), 0)} | ` +
        `${n(floor?.seconds)} | ${n(floor && cpu(floor))} | ${n(perPage(floor))} | ${n(floor && mb(floor.largestKb), 0)} | ` +
        `${ratio(ours?.seconds, floor?.seconds)} | ${ratio(ours && cpu(ours), floor && cpu(floor))} | ` +
        `${ratio(perPage(ours), perPage(floor))} | ${ratio(ours?.largestKb, floor?.largestKb)} |`,
    );
  }
  if (figures.some((f) => f.floorPages)) {
    // The floor above builds N pages from N files; ours builds 2N + 46 pages (two editions). The same ratios against a
    // floor that renders each file on two routes: the goal is read against the first table, this one shows how much is pages.
    console.log('\nFloor with the same number of pages (each MDX file on two routes, /x/ and /fr/x/):\n');
    console.log(
      '| events | floor (2 routes) s | floor (2 routes) CPU s | floor (2 routes) pages | floor (2 routes) CPU ms/page ' +
        '| floor (2 routes) MiB | time ours/floor (2 routes) | CPU ours/floor (2 routes) | CPU per page ours/floor (2 ' +
        'routes) | memory ours/floor (2 routes) |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const { count, ours, floorPages: f2 } of figures) {
      const perPage = (b: Built | undefined) => (b ? (1000 * cpu(b)) / b.pages : undefined);
      console.log(
        `| ${count.toLocaleString('en')} | ${n(f2?.seconds)} | ${n(f2 && cpu(f2))} | ` +
          `${f2?.pages.toLocaleString('en') ?? '–'} | ${n(perPage(f2))} | ${n(f2 && mb(f2.largestKb), 0)} | ` +
          `${ratio(ours?.seconds, f2?.seconds)} | ${ratio(ours && cpu(ours), f2 && cpu(f2))} | ` +
          `${ratio(perPage(ours), perPage(f2))} | ${ratio(ours?.largestKb, f2?.largestKb)} |`,
      );
    }
  }
  const source = figures.find((f) => f.ours)?.ours?.memorySource ?? 'GNU time';
  console.log(
    `\n(largest process: ` +
      `${source === 'GNU time' ? 'GNU time -v, "Maximum resident set size"' : 'largest VmHWM in /proc'}; whole tree: ` +
      `summed VmRSS, sampled every 100 ms)`,
  );
  for (const { count, ours, floor, floorPages } of figures) {
    for (const [label, built] of [
      ['ours', ours],
      ['floor', floor],
      ['floor with the same number of pages', floorPages],
    ] as const) {
      if (!built?.stages) continue;
      console.log(`\nWhere the time went: ${label}, ${count.toLocaleString('en')} ${label === 'ours' ? 'events' : 'MDX files'}\n`);
      console.log(formatStageReport(built.stages, label === 'ours' ? 16 : 4));
    }
  }
  return figures;
}
