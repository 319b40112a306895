/**
 * Where a build's time went, from the lines it printed: scripts/bench/stage-clock.mjs (preloaded
 * into the build) stamps each line with the process's wall-clock and CPU milliseconds, and the
 * lines Astro and our integrations print mark the stages. CPU time is the figure to read on a
 * shared machine: wall time there mostly measures the wait for a CPU.
 *
 * Pages are rendered one after the other, each logged as "├─ /path (+12ms)" once written, so
 * the CPU between two such lines is that page's; pages are grouped by route (ids become *).
 */
import { readFileSync } from 'node:fs';

export interface Stamped {
  wallMs: number;
  cpuMs: number;
  line: string;
}

export interface Stage {
  name: string;
  wallMs: number;
  cpuMs: number;
}

export interface PageGroup {
  route: string;
  pages: number;
  cpuMs: number;
}

export interface StageReport {
  stages: Stage[];
  pages: PageGroup[];
  total: Stage;
}

/** Stage ends, in the order a build passes them; a stage whose line never comes is left out. */
const MARKS: { name: string; end: RegExp }[] = [
  { name: 'start, config (and our content validation)', end: /\[vite\] Re-optimizing|\[vite\] \[optimizer\]|\[content\] Syncing content/ },
  { name: 'Vite dependency scan', end: /\[content\] Syncing content/ },
  { name: 'content layer (load, parse, store)', end: /\[content\] Synced content/ },
  { name: 'types, build info', end: /\[build\] Building static entrypoints/ },
  { name: 'bundling: server (pages, MDX)', end: /\[vite\] ✓ built in/ },
  { name: 'bundling: client, assets', end: /generating static routes/ },
  { name: 'rendering pages and files', end: /^(\d\d:\d\d:\d\d )?\s*✓ Completed in/ },
  { name: 'assets, sitemap', end: /@astrojs\/sitemap\]|\[build\] \d+ page\(s\) built/ },
  // Drawn side by side (src/integrations/reach.ts): both lines come once both are done.
  { name: 'social cards (PNG) and search index (Pagefind), side by side', end: /social cards: / },
];

export function parseStamped(text: string): Stamped[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((row) => {
      const [wall, cpu, ...rest] = row.split('\t');
      return { wallMs: Number(wall), cpuMs: Number(cpu), line: rest.join('\t') };
    })
    .filter((row) => Number.isFinite(row.wallMs) && Number.isFinite(row.cpuMs));
}

/** A page's route: ids (anything after the collection folder) become *. */
export function routeOf(path: string): string {
  const m =
    /^(\/(?:fr\/)?(?:events|cards\/\w+\/events|actors|incidents|handouts|feeds\/\w+\/incidents|oembed\/\w+\/incidents)\/)(.+)$/.exec(path);
  if (!m || m[2] === 'index.html') return path;
  return `${m[1]}*${m[2].endsWith('/index.html') ? '/index.html' : m[2].replace(/^.*?(\.\w+)$/, '$1')}`;
}

export function stageReport(rows: Stamped[]): StageReport {
  const stages: Stage[] = [];
  let from = { wallMs: 0, cpuMs: 0 };
  let at = 0;
  for (const mark of MARKS) {
    const found = rows.findIndex((row, i) => i >= at && mark.end.test(row.line));
    if (found < 0) continue;
    const row = rows[found];
    stages.push({ name: mark.name, wallMs: row.wallMs - from.wallMs, cpuMs: row.cpuMs - from.cpuMs });
    from = row;
    at = found + 1;
  }
  const last = rows.at(-1) ?? { wallMs: 0, cpuMs: 0 };
  if (last.wallMs > from.wallMs)
    stages.push({ name: 'the rest (integrations, exit)', wallMs: last.wallMs - from.wallMs, cpuMs: last.cpuMs - from.cpuMs });

  const groups = new Map<string, PageGroup>();
  let previous: Stamped | undefined;
  for (const row of rows) {
    const page = /^(?:\d\d:\d\d:\d\d )?\s*[├└]─ (\S+) \(\+[\d.]+m?s\)/.exec(row.line);
    if (page && previous) {
      const route = routeOf(page[1]);
      const group = groups.get(route) ?? { route, pages: 0, cpuMs: 0 };
      group.pages++;
      group.cpuMs += row.cpuMs - previous.cpuMs;
      groups.set(route, group);
    }
    previous = row;
  }
  return {
    stages,
    pages: [...groups.values()].sort((a, b) => b.cpuMs - a.cpuMs),
    total: { name: 'total', wallMs: last.wallMs, cpuMs: last.cpuMs },
  };
}

export function readStageReport(file: string): StageReport {
  return stageReport(parseStamped(readFileSync(file, 'utf8')));
}

const s = (ms: number) => (ms / 1000).toFixed(1);

/** Two Markdown tables: the stages, then the costliest page routes (CPU). */
export function formatStageReport(report: StageReport, topPages = 14): string {
  const lines = ['| stage | wall s | CPU s | CPU share |', '|---|---:|---:|---:|'];
  for (const stage of report.stages)
    lines.push(
      `| ${stage.name} | ${s(stage.wallMs)} | ${s(stage.cpuMs)} | ` +
        `${((100 * stage.cpuMs) / Math.max(1, report.total.cpuMs)).toFixed(0)} % |`,
    );
  lines.push(
    `| **total** (this process; child processes such as esbuild and Pagefind not counted) | ${s(report.total.wallMs)} ` +
      `| ${s(report.total.cpuMs)} | |`,
  );
  if (report.pages.length) {
    lines.push('', '| route | pages | CPU s | CPU ms per page |', '|---|---:|---:|---:|');
    for (const group of report.pages.slice(0, topPages))
      lines.push(
        `| \`${group.route}\` | ${group.pages.toLocaleString('en')} | ${s(group.cpuMs)} | ${(group.cpuMs / group.pages).toFixed(1)} |`,
      );
    const rest = report.pages.slice(topPages);
    if (rest.length) {
      const cpu = rest.reduce((sum, g) => sum + g.cpuMs, 0);
      const pages = rest.reduce((sum, g) => sum + g.pages, 0);
      lines.push(`| ${rest.length} other routes | ${pages.toLocaleString('en')} | ${s(cpu)} | ${(cpu / Math.max(1, pages)).toFixed(1)} |`);
    }
  }
  return lines.join('\n');
}
