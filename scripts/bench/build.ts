/**
 * Build scaling: our build of N synthetic valid events beside the floor, a plain Astro
 * build of N bare MDX files (one glob collection, one page per entry). For each N: build
 * seconds, milliseconds per event, peak memory (children included), and ours/floor.
 * Cold builds: every project is written afresh, with its own empty cache folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mb, runMeasured, type Measured } from './measure.ts';
import { makeBenchProject, makeFloorProject, writeSyntheticContent } from './synthetic.ts';

export interface BuildFigures {
  count: number;
  ours?: Measured;
  floor?: Measured;
}

function countPages(dir: string): number {
  let pages = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name === 'index.html') pages++;
  return pages;
}

export async function benchBuild(root: string, sizes: number[], maxMinutes: number): Promise<BuildFigures[]> {
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0', GITHUB_ACTIONS: '' };
  const deadline = Date.now() + maxMinutes * 60_000;
  const figures: BuildFigures[] = [];
  console.log(`Build scaling: ${sizes.map((n) => n.toLocaleString('en')).join(', ')} events; at most ${maxMinutes} min in all (--max-minutes).`);

  const build = async (label: string, project: string, expectedPages: number): Promise<Measured | undefined> => {
    const left = deadline - Date.now();
    if (left <= 0) {
      console.log(`  [${label}] skipped: the ${maxMinutes} min cap is reached`);
      return undefined;
    }
    process.stdout.write(`  [${label}] building …`);
    const tick = setInterval(() => process.stdout.write('.'), 10_000);
    const result = await runMeasured(process.execPath, [astro, 'build', '--root', project], { env, timeoutMs: left });
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
    console.log(` ${result.seconds.toFixed(1)} s, ${pages.toLocaleString('en')} pages, peak ${mb(result.largestKb).toFixed(0)} MiB (tree ${mb(result.treeKb).toFixed(0)} MiB)`);
    return result;
  };

  for (const count of sizes) {
    const floorDir = join(root, `tests/.tmp/bench/floor-${count}`);
    makeFloorProject(root, floorDir, count);
    const floor = await build(`floor, ${count.toLocaleString('en')} MDX files`, floorDir, count);

    const project = join(root, `tests/.tmp/bench/events-${count}`);
    makeBenchProject(root, project);
    writeSyntheticContent(join(project, 'src/content'), count);
    const ours = await build(`ours, ${count.toLocaleString('en')} events`, project, count);
    figures.push({ count, ours, floor });
  }

  const cell = (m: Measured | undefined, count: number) =>
    m ? [m.seconds.toFixed(1), ((m.seconds * 1000) / count).toFixed(1), mb(m.largestKb).toFixed(0), mb(m.treeKb).toFixed(0)] : ['–', '–', '–', '–'];
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
  console.log('\nBuild scaling (cold builds; memory: largest process / whole tree, MiB):\n');
  console.log('| events | ours s | ours ms/event | ours MiB | ours tree MiB | floor s | floor ms/file | floor MiB | floor tree MiB | time ours/floor | memory ours/floor |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { count, ours, floor } of figures) {
    console.log(
      `| ${count.toLocaleString('en')} | ${cell(ours, count).join(' | ')} | ${cell(floor, count).join(' | ')} | ${ratio(ours?.seconds, floor?.seconds)} | ${ratio(ours?.largestKb, floor?.largestKb)} |`,
    );
  }
  const source = figures.find((f) => f.ours)?.ours?.memorySource ?? 'GNU time';
  console.log(`\n(largest process: ${source === 'GNU time' ? 'GNU time -v, "Maximum resident set size"' : 'largest VmHWM in /proc'}; whole tree: summed VmRSS, sampled every 100 ms)`);
  return figures;
}
