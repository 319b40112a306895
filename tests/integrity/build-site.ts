/**
 * Vitest globalSetup of the "site" project (vitest.config.ts): one build of the site per
 * test run, shared by every file of tests/integrity through provide/inject. The build
 * starts in the background as the run starts, so the other projects' tests run beside it;
 * a test that needs it waits in builtSite() (./site.ts). In watch mode, a rerun after an
 * edit of the site's inputs starts a fresh build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ASTRO, BUILD_ENV, ROOT } from '../helpers.ts';
import { SITES, builtMarker, failedMarker, logFile } from './site.ts';

/** Builds of other runs older than this are removed (a run that died leaves its build). */
const OLD_BUILD_MS = 60 * 60_000;

/** The newest modification time of the build's inputs: a rerun rebuilds only after an edit. */
function inputsStamp(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return;
    newest = Math.max(newest, stats.mtimeMs);
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const input of ['src', 'public', 'astro.config.mjs', 'package-lock.json']) visit(join(ROOT, input));
  return newest;
}

function removeOldBuilds() {
  if (!existsSync(SITES)) return;
  for (const name of readdirSync(SITES)) {
    const path = join(SITES, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > OLD_BUILD_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // another run removed it first
    }
  }
}

/** Starts `astro build` into `dir`; writes its output, and the built or failed marker, when it ends. */
function startBuild(dir: string): ChildProcess {
  rmSync(dir, { recursive: true, force: true });
  const child = spawn(process.execPath, [ASTRO, 'build', '--root', ROOT, '--outDir', dir], {
    env: BUILD_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  child.on('close', (status, signal) => {
    if (signal) return; // stopped: a newer build replaces it, or the run ended
    writeFileSync(logFile(dir), output);
    if (status === 0 && existsSync(join(dir, 'index.html'))) writeFileSync(builtMarker(dir), new Date().toISOString());
    else writeFileSync(failedMarker(dir), `astro build failed (exit ${status}):\n${output}`);
  });
  return child;
}

export default function setup(project: TestProject) {
  mkdirSync(SITES, { recursive: true });
  removeOldBuilds();
  let count = 0;
  let stamp = 0;
  let build: ChildProcess | undefined;
  const dirs: string[] = [];
  const start = () => {
    build?.kill();
    stamp = inputsStamp();
    const dir = join(SITES, `run-${process.pid}-${++count}`);
    dirs.push(dir);
    build = startBuild(dir);
    project.provide('siteBuild', dir);
  };
  start();
  project.onTestsRerun(() => {
    if (inputsStamp() !== stamp) start();
  });
  return () => {
    build?.kill();
    for (const dir of dirs)
      for (const path of [dir, builtMarker(dir), failedMarker(dir), logFile(dir)]) rmSync(path, { recursive: true, force: true });
  };
}
