/**
 * npm run validate [-- <project-dir>]: checks all content without building, prints every
 * problem as `path:line:column  field: message`, and exits 1 if there is any.
 * Under GitHub Actions it also prints `::error` annotations for inline review comments.
 */
import { resolve } from 'node:path';
import { formatProblem, githubAnnotation } from '../src/lib/validate/problems.ts';
import { hasContentDir, validateContent } from '../src/lib/validate/validate-content.ts';

const root = resolve(process.argv[2] ?? '.');
if (!hasContentDir(root)) {
  console.error(`No src/content folder in ${root}.`);
  process.exit(2);
}
const report = validateContent(root);
for (const problem of report.problems) {
  console.log(formatProblem(problem));
  if (process.env.GITHUB_ACTIONS === 'true') console.log(githubAnnotation(problem));
}
const counts = `${report.files.incidents.length} incidents, ${report.files.actors.length} actors, ${report.files.events.length} events`;
if (report.problems.length) {
  const fileCount = new Set(report.problems.map((p) => p.file)).size;
  console.error(`\n✗ ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'} (${counts} checked).`);
  process.exit(1);
}
console.log(`✓ Content is valid: ${counts}.`);
