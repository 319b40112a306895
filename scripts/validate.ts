/**
 * npm run validate [-- <project-dir> | <file>… ] [-- --watch] [-- --no-cache]: checks
 * content without building, prints every problem as `path:line:column  field: message`, and
 * exits 1 if there is any. With files, checks only those (and what they refer to); with
 * --watch, checks again on every save. Under GitHub Actions it also prints `::error`
 * annotations (GitHub shows ten per step, so the summary line gives the total).
 *
 * `npm run validate` runs this file through scripts/validate.mjs, which bundles it (fast
 * start) and then lets it remember the files that passed (lib/validate/file-cache.ts);
 * run as TypeScript (`node scripts/validate.ts`), or with --no-cache, every file is read.
 */
import { existsSync, statSync, watch } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileProblems } from '../src/lib/validate/entry-checks.ts';
import { openFileCache, sha1 } from '../src/lib/validate/file-cache.ts';
import { errorsOf, formatProblem, githubAnnotation } from '../src/lib/validate/problems.ts';
import { hasContentDir, validateContent } from '../src/lib/validate/validate-content.ts';
import { plural } from '../src/lib/words.ts';

const args = process.argv.slice(2);
const watching = args.includes('--watch');
// CI (GitHub sets CI=true) always reads every file.
const caching = !args.includes('--no-cache') && !process.env.CI;
const paths = args.filter((arg) => arg !== '--watch' && arg !== '--no-cache');
const projectArg = paths.length === 1 && existsSync(paths[0]) && statSync(paths[0]).isDirectory() ? paths[0] : undefined;
const root = resolve(projectArg ?? '.');
if (!hasContentDir(root)) {
  console.error(`No src/content folder in ${root}.`);
  process.exit(2);
}
const only = projectArg || !paths.length ? undefined : paths.map((path) => relative(root, resolve(path)).split('\\').join('/'));
for (const file of only ?? []) {
  if (!existsSync(resolve(root, file))) {
    console.error(`${file}: no such file`);
    process.exit(2);
  }
}

/** Set by scripts/validate.mjs: a hash of everything its bundle was made from, and its cache folder. */
const bundle = (globalThis as { [key: symbol]: { key: string; dir: string } | undefined })[
  Symbol.for('election-timeline.validator-bundle')
];
/** Where the files that passed are remembered, one cache per project folder. */
const cachePath = caching && bundle ? join(bundle.dir, `files-${sha1(root).slice(0, 12)}.json`) : undefined;

/** Validates once and prints the report; returns the number of problems. */
function run(): number {
  // process.hrtime, not performance.now(): the first use of `performance` loads node:perf_hooks (about 10 ms).
  const started = process.hrtime.bigint();
  const cache = cachePath ? openFileCache(cachePath, bundle!.key, fileProblems) : undefined;
  const report = validateContent(root, { only, checkFile: cache?.check });
  cache?.save();
  for (const problem of report.problems) {
    console.log(formatProblem(problem));
    if (process.env.GITHUB_ACTIONS === 'true') console.log(githubAnnotation(problem));
  }
  const translations = Object.values(report.translationFiles).reduce((sum, list) => sum + list.length, 0);
  const translated = translations ? `, ${plural(translations, 'translation')}` : '';
  const checked = only
    ? plural(only.length, 'file')
    : `${plural(report.files.incidents.length, 'incident')}, ${plural(report.files.actors.length, 'actor')}, ` +
      `${plural(report.files.events.length, 'event')}${translated}`;
  const time = `${Math.round(Number(process.hrtime.bigint() - started) / 1e6)} ms`;
  const errors = errorsOf(report.problems);
  const warnings = report.problems.length - errors.length;
  const warned = warnings ? `, ${plural(warnings, 'warning')}` : '';
  if (errors.length) {
    const fileCount = new Set(errors.map((p) => p.file)).size;
    console.error(`\n✗ ${plural(errors.length, 'problem')} in ${plural(fileCount, 'file')}${warned} (${checked} checked in ${time}).`);
  } else {
    console.log(`✓ Content is valid${warned}: ${checked} (${time}).`);
  }
  return errors.length;
}

if (!watching) process.exit(run() ? 1 : 0);

// --watch: check again after each save (editors write a file in several steps: wait a moment).
run();
let timer: NodeJS.Timeout | undefined;
watch(resolve(root, 'src/content'), { recursive: true }, () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    console.clear();
    console.log(`— ${new Date().toLocaleTimeString('en-GB')}`);
    run();
  }, 150);
});
console.log('Watching src/content for changes; Ctrl+C to stop.');
