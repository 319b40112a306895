/**
 * The git adapter on real repositories made here: a full history gives each file's commits
 * and the corrections; a shallow clone and a folder without git give "unavailable", never an error.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHistory } from '../../src/site/history.ts';

const dirs: string[] = [];
afterAll(() =>
  dirs.forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  }),
);
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'eit-history-'));
  dirs.push(dir);
  return dir;
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  });

function repository(): string {
  const dir = temp();
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'src/content/events/dnc-2016'), { recursive: true });
  const file = join(dir, 'src/content/events/dnc-2016/leak.mdx');
  writeFileSync(file, 'one\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'Add the leak');
  writeFileSync(file, 'two\n');
  git(dir, 'commit', '-q', '-am', 'Fix the date <script>alert(1)</script>\n\nCorrection: the leak came a day later');
  writeFileSync(join(dir, 'README.md'), 'x\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'Docs only\n\nCorrection: not content');
  return dir;
}

describe('readHistory', () => {
  it('lists the commits of each content file, newest first, and the corrections that touched content', () => {
    const history = readHistory(repository());
    expect(history.available).toBe(true);
    if (!history.available) return;
    expect(history.byFile.get('src/content/events/dnc-2016/leak.mdx')!.map((c) => c.subject)).toEqual([
      'Fix the date <script>alert(1)</script>',
      'Add the leak',
    ]);
    expect(history.corrections.map((c) => [c.correction, c.eventIds])).toEqual([['the leak came a day later', ['dnc-2016/leak']]]);
  });

  it('says "unavailable" for a shallow clone', () => {
    const source = repository();
    const clone = temp();
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${source}`, clone]);
    expect(readHistory(clone)).toEqual({ available: false, reason: 'shallow clone' });
  });

  it('says "unavailable" outside any repository, without throwing', () => {
    const history = readHistory(temp());
    expect(history.available).toBe(false);
  });
});
