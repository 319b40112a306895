/**
 * Builds of their own, for the tests of tests/builds: a copy of the project (with changed
 * content or configuration) in tests/.tmp, built with Astro's command line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { copyProject } from '../../scripts/lib/project.ts';
import { ASTRO, BUILD_ENV, ROOT } from '../helpers.ts';

export const TMP = join(ROOT, 'tests/.tmp');

/** Runs `astro build` for `root` into `outDir`. */
export function astroBuild(root: string, outDir = join(root, 'dist')) {
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', outDir], { encoding: 'utf8', env: BUILD_ENV });
  return { ...result, output: result.stdout + result.stderr };
}

/** A fresh copy of the project in tests/.tmp/<name>; returns its folder. */
export function projectCopy(name: string): string {
  const project = join(TMP, name);
  copyProject(ROOT, project);
  return project;
}

/** A copy of the project whose build does not run the validator first, as if it had a bug. */
export function projectWithoutValidator(name: string): string {
  const project = projectCopy(name);
  const config = join(project, 'astro.config.project.mjs');
  const source = readFileSync(config, 'utf8');
  expect(source, 'the bypass must remove the validator from the copy').toContain('contentValidation(),');
  writeFileSync(config, source.replace('contentValidation(),', ''));
  return project;
}
