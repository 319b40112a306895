/**
 * The site built once per test run by ./build-site.ts (the "site" project's globalSetup),
 * as the tests of tests/integrity read it: builtSite() waits for the build and gives its
 * folder; readBuilt() gives that and its pages.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { ROOT } from '../helpers.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The folder the shared build writes to (complete once builtMarker(folder) exists). */
    siteBuild: string;
  }
}

/** Where the shared builds go, one folder per run. */
export const SITES = join(ROOT, 'tests/.tmp/site');
export const builtMarker = (dir: string) => `${dir}.built`;
export const failedMarker = (dir: string) => `${dir}.failed`;
/** What the build printed. */
export const logFile = (dir: string) => `${dir}.log`;

/**
 * The folder of this run's build of the site, once it is complete. Throws the build's
 * output if it failed.
 */
export async function builtSite(): Promise<string> {
  const dir = inject('siteBuild');
  if (!dir) throw new Error('no shared build: run this file in the "site" project of vitest.config.ts');
  for (;;) {
    if (existsSync(builtMarker(dir))) return dir;
    if (existsSync(failedMarker(dir))) throw new Error(readFileSync(failedMarker(dir), 'utf8'));
    await sleep(200);
  }
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every built HTML page, relative to the build folder ("index.html", "events/x/y/index.html"). */
export function htmlPages(dist: string): string[] {
  return filesUnder(dist).filter((file) => file.endsWith('.html'));
}

export interface BuiltSite {
  /** The build folder. */
  dist: string;
  /** Every built HTML page, relative to it. */
  pages: string[];
  /** The text of a built file, by its path relative to the build folder. */
  read: (file: string) => string;
  /** What `astro build` printed. */
  log: string;
}

/** The shared build, its pages, and a reader of its files (waits for the build). */
export async function readBuilt(): Promise<BuiltSite> {
  const dist = await builtSite();
  return { dist, pages: htmlPages(dist), read: (file) => readFileSync(join(dist, file), 'utf8'), log: readFileSync(logFile(dist), 'utf8') };
}
