import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../src/lib/vocabulary.ts';
import { errorsOf } from '../../src/lib/validate/problems.ts';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { ROOT } from '../helpers.ts';

// A copy of the real content, so that scaffolding never touches the project's own files.
const project = mkdtempSync(join(tmpdir(), 'new-event-'));
cpSync(join(ROOT, 'src/content'), join(project, 'src/content'), { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

function newEvent(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/new-event.ts'), ...args], { cwd: project, encoding: 'utf8', input: '' });
}

describe('npm run new-event', () => {
  it.each(EVENT_KINDS.map((kind) => [kind]))(
    'scaffolds a %s event with its block, that fails validation only on its TODOs and placeholder address until edited',
    (kind) => {
      const result = newEvent('--incident', 'macron-2017', '--kind', kind, '--slug', `scaffolded-${kind}`, '--date', '2017-05-01');
      expect(result.status, result.stderr).toBe(0);
      const path = `src/content/events/macron-2017/scaffolded-${kind}.mdx`;
      const file = join(project, path);
      // Only the new file is checked (against the rest, for its references): as `npm run validate -- <file>` does.
      const errors = () => errorsOf(validateContent(project, { only: [path] }).problems).filter((p) => p.file === path);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(`kind: ${kind}`);
      expect(text).toContain(`reviewed: ${new Date().toISOString().slice(0, 10)}`);
      const problems = errors();
      expect(problems.length, 'an unedited scaffold must not pass').toBeGreaterThan(0);
      for (const problem of problems)
        expect(problem.message, JSON.stringify(problem)).toMatch(/a TODO from the template is still here|the template's placeholder/);
      // Once every TODO is written out, the file is valid.
      const edited = text
        .replace('https://example.org/TODO-replace-with-the-source-address', 'https://www.lemonde.fr/a')
        .replace(/ # TODO[^\n]*/g, '')
        .replace(/TODO-actor-id/g, 'en-marche')
        .replace(/TODO:? ?/g, 'Written ');
      writeFileSync(file, edited);
      // (Each kind's file gets the same date and title here: a duplicate warning, not an error.)
      expect(errors()).toEqual([]);
    },
  );

  it('proposes who usually denies in this incident for a denial, never the target', () => {
    const result = newEvent('--incident', 'macron-2017', '--kind', 'denial', '--slug', 'scaffolded-denial-default', '--date', '2017-05-01');
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(join(project, 'src/content/events/macron-2017/scaffolded-denial-default.mdx'), 'utf8');
    const by = /^ {2}by: (\S+)/m.exec(text)?.[1];
    expect(by).toBeDefined();
    expect(by).not.toBe('en-marche');
  });

  it('refuses to overwrite an existing event', () => {
    const file = join(project, 'src/content/events/macron-2017/emleaks-posted.mdx');
    const before = readFileSync(file, 'utf8');
    const result = newEvent('--incident', 'macron-2017', '--kind', 'leak', '--slug', 'emleaks-posted', '--date', '2017-05-05');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it.each([
    [['--incident', 'nowhere', '--kind', 'leak', '--slug', 'x', '--date', '2017'], 'no incident "nowhere"'],
    [['--incident', 'macron-2017', '--kind', 'rumour', '--slug', 'x', '--date', '2017'], 'kind must be one of'],
    [['--incident', 'macron-2017', '--kind', 'leak', '--slug', 'Not_Kebab', '--date', '2017'], 'kebab-case'],
    [['--incident', 'macron-2017', '--kind', 'leak', '--slug', 'x', '--date', '2017-05-05T20:35'], 'no offset'],
    [['--incident', 'macron-2017', '--kind', 'leak', '--slug', 'x'], 'date: missing'],
  ])('refuses %j without a terminal to ask in', (args, message) => {
    const result = newEvent(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(project, 'src/content/events/macron-2017/x.mdx'))).toBe(false);
  });
});
