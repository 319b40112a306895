/**
 * One fresh build of the site per `npm test` run, shared by every test file that needs it
 * (tests/build.test.ts and tests/integrity/*). Vitest runs test files in parallel worker
 * processes of one parent, so the first file to ask builds, under a lock, and the others
 * wait for it; the build lives in a folder named after that run, so that two runs at the
 * same time (two terminals, or two people on one machine) never read each other's build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread } from 'node:worker_threads';
import { ROOT } from '../helpers.ts';

export const TMP = join(ROOT, 'tests/.tmp');
const SITES = join(TMP, 'site');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
/** A lock older than this is left over from a run that died: take it over. */
const STALE_LOCK_MS = 5 * 60_000;
/** Builds of other runs older than this are removed. */
const OLD_BUILD_MS = 60 * 60_000;

/** Runs `astro build` for `root` into `outDir`. */
export function astroBuild(root: string, outDir: string) {
  return spawnSync(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DEV_BACKGROUND: '0', GITHUB_ACTIONS: '' },
  });
}

/**
 * This test run: the Vitest process whose workers we are, the same for every test file of
 * the run (forked workers: our parent; worker threads: our own process).
 */
function runId(): string {
  return `run-${isMainThread ? process.ppid : process.pid}-${inputsStamp()}`;
}

/** The newest modification time of the build's inputs, so that `vitest` in watch mode rebuilds after an edit. */
function inputsStamp(): string {
  let newest = 0;
  const visit = (path: string) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return;
    newest = Math.max(newest, stats.mtimeMs);
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const input of ['src', 'public', 'astro.config.mjs', 'package-lock.json']) visit(join(ROOT, input));
  return Math.floor(newest).toString(36);
}

function removeOldBuilds(keep: string) {
  if (!existsSync(SITES)) return;
  for (const name of readdirSync(SITES)) {
    const path = join(SITES, name);
    if (name === keep || name.startsWith(`${keep}.`)) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > OLD_BUILD_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // another run removed it first
    }
  }
}

let built: Promise<string> | undefined;

/**
 * The folder of this run's build of the site (built on first use). Throws the build's
 * output if it failed.
 */
export function builtSite(): Promise<string> {
  built ??= buildOnce();
  return built;
}

async function buildOnce(): Promise<string> {
  const id = runId();
  const dir = join(SITES, id);
  const done = join(dir, '.built');
  const failed = join(SITES, `${id}.failed`);
  const lock = join(SITES, `${id}.lock`);
  mkdirSync(SITES, { recursive: true });
  for (;;) {
    if (existsSync(done)) return dir;
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    try {
      mkdirSync(lock);
    } catch {
      // Another test file of this run is building: wait for it (or take over a stale lock).
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone already
      }
      await sleep(200);
      continue;
    }
    try {
      if (existsSync(done)) return dir;
      removeOldBuilds(id);
      rmSync(dir, { recursive: true, force: true });
      const result = astroBuild(ROOT, dir);
      if (result.status !== 0 || !existsSync(join(dir, 'index.html'))) {
        const message = `astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`;
        writeFileSync(failed, message);
        throw new Error(message);
      }
      writeFileSync(done, new Date().toISOString());
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
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
