/**
 * Size budgets of the built site, measured on the files themselves: raw bytes and gzip
 * bytes (zlib level 9, so the numbers are the same on every machine). A page's
 * JavaScript is every script it loads (<script src>, <link rel="modulepreload">) and every
 * module those import statically; a chunk reached only through import() is loaded on a
 * click, so it is listed apart and not counted. Used by `npm run size` (scripts/size.ts)
 * and by tests/integrity/size.test.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scanTags } from './html.ts';

/** 1 KB = 1,000 bytes (the stricter reading of the budgets). */
export const KB = 1000;

export const BUDGETS = {
  /**
   * Every script a page loads before any click, gzipped, added up. 36 KB since the view
   * (zoom range) joined the URL and the embed checks it with the shared Zod schema; the
   * embed is the heaviest page, at 35.8 KB when this was set.
   */
  js: 36 * KB,
  /**
   * The embed's scripts: the chart (with its phone layout, time running down the page, since
   * December 2026: +3 KB) and the Zod check of its query parameters. 39.1 KB when this was set.
   */
  embedPageJs: 40 * KB,
  /** Every stylesheet a page links, gzipped, added up. */
  css: 12 * KB,
  /** The page's HTML (with its inline styles and scripts), gzipped. */
  html: 60 * KB,
  /** public/embed.js, raw: educators paste it next to the iframe. */
  embedJs: 2 * KB,
} as const;

export interface FileSize {
  /** Path in the build, from its root ("_astro/x.js"). */
  file: string;
  raw: number;
  gzip: number;
}

export interface PageSize {
  /** A label ("home page") and the page's path in the build ("index.html"). */
  label: string;
  page: string;
  html: FileSize;
  css: FileSize[];
  /** Scripts loaded before any click. */
  js: FileSize[];
  /** Chunks loaded only through import(), not counted in `js`. */
  lazy: FileSize[];
}

export interface BudgetLine {
  /** What is measured ("home page: JavaScript"), the files and totals, the budget. */
  label: string;
  files: FileSize[];
  raw: number;
  gzip: number;
  /** Which number the budget applies to. */
  measure: 'gzip' | 'raw' | 'none';
  budget?: number;
  ok: boolean;
}

/** Raw and gzip bytes of one built file. */
export function measureFile(dist: string, file: string): FileSize {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const sum = (files: FileSize[], key: 'raw' | 'gzip') => files.reduce((total, f) => total + f[key], 0);

/** A site address ("/base/_astro/x.js") as a path in the build ("_astro/x.js"), or undefined for another host. */
function toBuildPath(url: string, fromFile: string, base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  const clean = url.split(/[?#]/)[0];
  if (clean.startsWith('/')) {
    const root = base.endsWith('/') ? base : `${base}/`;
    return clean.startsWith(root) ? clean.slice(root.length) : clean.slice(1);
  }
  return posix.normalize(posix.join(posix.dirname(fromFile), clean));
}

const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["']([^"']+\.m?js)["']/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`]([^"'`$]+\.m?js)["'`]\s*\)/g;

/** The modules a built module imports: statically, and through import(). */
export function importsOf(dist: string, file: string, base = '/'): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(dist, file), 'utf8');
  const resolve = (specifier: string) => toBuildPath(specifier, file, base);
  const found = (pattern: RegExp) =>
    [...code.matchAll(pattern)].map((m) => resolve(m[1])).filter((f): f is string => f !== undefined && existsSync(join(dist, f)));
  const dynamic = found(DYNAMIC_IMPORT);
  // import("x") also matches the static pattern's `import "x"` form only when written without
  // parentheses, so the two lists do not overlap.
  return { static: [...new Set(found(STATIC_IMPORT))], dynamic: [...new Set(dynamic)] };
}

/** Measures one built page: its HTML, stylesheets, scripts (with static imports) and lazy chunks. */
export function measurePage(dist: string, page: string, label: string, base = '/'): PageSize {
  const tags = scanTags(readFileSync(join(dist, page), 'utf8'));
  const css = new Set<string>();
  const entries = new Set<string>();
  for (const tag of tags) {
    if (tag.closing) continue;
    const rel = (tag.attrs.rel ?? '').toLowerCase().split(/\s+/);
    const add = (set: Set<string>, url: string | undefined) => {
      const path = url ? toBuildPath(url, page, base) : undefined;
      if (path && existsSync(join(dist, path))) set.add(path);
    };
    if (tag.name === 'link' && rel.includes('stylesheet')) add(css, tag.attrs.href);
    if (tag.name === 'link' && rel.includes('modulepreload')) add(entries, tag.attrs.href);
    if (tag.name === 'script' && tag.attrs.src) add(entries, tag.attrs.src);
  }
  // Every module reachable through static imports is loaded with the page.
  const eager = new Set<string>();
  const dynamic = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (eager.has(file)) continue;
    eager.add(file);
    const imports = importsOf(dist, file, base);
    queue.push(...imports.static);
    imports.dynamic.forEach((f) => {
      dynamic.add(f);
    });
  }
  // What import() adds on a click: the chunk and its own static imports not loaded yet.
  const lazy = new Set<string>();
  const lazyQueue = [...dynamic];
  while (lazyQueue.length) {
    const file = lazyQueue.shift()!;
    if (eager.has(file) || lazy.has(file)) continue;
    lazy.add(file);
    const imports = importsOf(dist, file, base);
    lazyQueue.push(...imports.static, ...imports.dynamic);
  }
  const measure = (files: Iterable<string>) => [...files].sort().map((file) => measureFile(dist, file));
  return { label, page, html: measureFile(dist, page), css: measure(css), js: measure(eager), lazy: measure(lazy) };
}

/** The largest event page by gzip bytes (the one closest to the HTML budget). */
export function largestEventPage(dist: string): string {
  const pages: string[] = [];
  const events = join(dist, 'events');
  for (const incident of readdirSync(events, { withFileTypes: true })) {
    if (!incident.isDirectory()) continue;
    for (const slug of readdirSync(join(events, incident.name), { withFileTypes: true })) {
      const page = `events/${incident.name}/${slug.name}/index.html`;
      if (slug.isDirectory() && existsSync(join(dist, page))) pages.push(page);
    }
  }
  if (!pages.length) throw new Error(`no event page under ${events}`);
  return pages.map((page) => measureFile(dist, page)).sort((a, b) => b.gzip - a.gzip || a.file.localeCompare(b.file))[0].file;
}

/** The budget lines of a page: JavaScript, CSS and HTML against their budgets, lazy chunks listed. */
export function pageBudgetLines(size: PageSize, jsBudget: number = BUDGETS.js): BudgetLine[] {
  const line = (label: string, files: FileSize[], budget?: number): BudgetLine => {
    const gzip = sum(files, 'gzip');
    return {
      label: `${size.label}: ${label}`,
      files,
      raw: sum(files, 'raw'),
      gzip,
      measure: budget === undefined ? 'none' : 'gzip',
      budget,
      ok: budget === undefined || gzip <= budget,
    };
  };
  const lines = [line('JavaScript', size.js, jsBudget), line('CSS', size.css, BUDGETS.css), line('HTML', [size.html], BUDGETS.html)];
  if (size.lazy.length) lines.push(line('JavaScript loaded on a click (import(), not counted)', size.lazy));
  return lines;
}

/** Every budget line of the site: the home page, the largest event page, the embed, /embed.js. */
export function sizeReport(dist: string, base = process.env.BASE_PATH ?? '/'): BudgetLine[] {
  const pages = [
    measurePage(dist, 'index.html', 'home page', base),
    measurePage(dist, largestEventPage(dist), `event page (largest, ${dirname(largestEventPage(dist)).replace(/^events\//, '')})`, base),
  ];
  const embed = measurePage(dist, 'embed/timeline/index.html', 'embed (/embed/timeline/)', base);
  const embedJs = measureFile(dist, 'embed.js');
  return [
    ...pages.flatMap((page) => pageBudgetLines(page)),
    ...pageBudgetLines(embed, BUDGETS.embedPageJs),
    {
      label: '/embed.js',
      files: [embedJs],
      raw: embedJs.raw,
      gzip: embedJs.gzip,
      measure: 'raw',
      budget: BUDGETS.embedJs,
      ok: embedJs.raw <= BUDGETS.embedJs,
    },
  ];
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** The report as a plain-text table: one row per file, then the total against the budget. */
export function formatSizeTable(lines: BudgetLine[]): string {
  const rows: string[][] = [['file', 'raw bytes', 'gzip bytes', 'budget', 'ok']];
  for (const line of lines) {
    rows.push([line.label, '', '', '', '']);
    if (line.files.length > 1 || line.label === '/embed.js')
      for (const f of line.files) rows.push([`  ${f.file}`, String(f.raw), String(f.gzip), '', '']);
    const budget = line.budget === undefined ? '—' : `${kb(line.budget)} ${line.measure}`;
    const total = line.files.length === 1 && line.label !== '/embed.js' ? `  ${line.files[0].file}` : '  total';
    rows.push([total, String(line.raw), String(line.gzip), budget, line.budget === undefined ? '' : line.ok ? 'ok' : 'OVER']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
