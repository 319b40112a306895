/**
 * `npm run validate` (scripts/validate.ts) from the command line: every problem printed as
 * path:line:column  field: message, exit 1, GitHub annotations in CI, no stack trace even on
 * hostile files, exit 0 on the real content.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, githubAnnotation } from '../../src/lib/validate/problems.ts';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { ROOT } from '../helpers.ts';
import { VALID_EVENT as VALID, yamlOf } from '../unit/security/event-fixture.ts';

const BAD = join(ROOT, 'tests/fixtures/bad-content');
const report = validateContent(BAD);
const lines = report.problems.map(formatProblem);

function runValidator(dir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/validate.ts'), dir], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, GITHUB_ACTIONS: '', ...env },
  });
}

describe('npm run validate', () => {
  it('prints every problem as path:line:column  field: message and exits 1', () => {
    const result = runValidator(BAD);
    expect(result.status).toBe(1);
    const printed = result.stdout.trim().split('\n');
    expect(printed).toEqual(lines);
    for (const line of printed) expect(line).toMatch(/^src\/content\/\S+:\d+:\d+ {2}[\w.[\]()]+: .+/);
    expect(result.stderr).toMatch(new RegExp(`${report.problems.length} problems in \\d+ files`));
  });

  it('adds ::error annotations under GitHub Actions', () => {
    const result = runValidator(BAD, { GITHUB_ACTIONS: 'true' });
    const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(annotations).toHaveLength(report.problems.length);
    expect(annotations).toContain(githubAnnotation(report.problems.find((p) => p.field === 'sumary')!));
    expect(annotations.find((a) => a.includes('typo-summary'))).toMatch(
      /^::error file=src\/content\/events\/ok-2020\/typo-summary\.mdx,line=\d+,col=\d+,title=\w+::/,
    );
  });

  it('exits 0 on the real content', () => {
    const result = runValidator(ROOT);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Content is valid: \d+ incidents, \d+ actors, \d+ events/);
  });
});

describe('npm run validate over hostile files', () => {
  const INCIDENT = 'macron-2017';
  const EVENTS = `src/content/events/${INCIDENT}`;
  const FILE = `${EVENTS}/hostile.mdx`;
  const project = mkdtempSync(join(tmpdir(), 'eit-hostile-cli-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const valid = (data: object) => `---\n${yamlOf(data)}---\nBody.\n`;

  it('exits 1 from the command line, with the messages and no stack trace, on a file that would hang a naive reader', () => {
    for (const dir of ['src/content/incidents', 'src/content/actors', EVENTS]) mkdirSync(join(project, dir), { recursive: true });
    copyFileSync(join(ROOT, `src/content/incidents/${INCIDENT}.mdx`), join(project, `src/content/incidents/${INCIDENT}.mdx`));
    copyFileSync(join(ROOT, 'src/content/actors/en-marche.yaml'), join(project, 'src/content/actors/en-marche.yaml'));
    spawnSync('mkfifo', [join(project, FILE)]);
    writeFileSync(join(project, `${EVENTS}/control.mdx`), valid({ ...VALID, title: 'A\u0000b' }));
    const result = runValidator(project);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain(`${FILE}:1:1  file: is not a plain file`);
    expect(result.stdout).toMatch(/control\.mdx:\d+:\d+ {2}title: must not contain control characters/);
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  }, 30_000);
});
