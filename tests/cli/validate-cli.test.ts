/** npm run validate as an editor runs it: one file, or watching while they save. */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const project = mkdtempSync(join(tmpdir(), 'eit-cli-'));
cpSync(join(ROOT, 'src/content'), join(project, 'src/content'), { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

const EVENT = 'src/content/events/macron-2017/emleaks-posted.mdx';
const OTHER = 'src/content/events/dnc-2016/election-day.mdx';
const validate = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/validate.ts'), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '' },
  });

describe('npm run validate -- <file>', () => {
  it('checks only the files named, and still resolves their references against the rest', () => {
    writeFileSync(join(project, OTHER), readFileSync(join(ROOT, OTHER), 'utf8').replace(/^summary:/m, 'sumary:'));
    const one = validate(EVENT);
    expect(one.status, one.stdout + one.stderr).toBe(0);
    expect(one.stdout).toMatch(/✓ Content is valid: 1 file/);
    const both = validate(EVENT, OTHER);
    expect(both.status).toBe(1);
    expect(both.stdout).toContain(`${OTHER}:`);
    expect(both.stdout).not.toContain(EVENT);
    writeFileSync(join(project, OTHER), readFileSync(join(ROOT, OTHER), 'utf8'));
  });

  it('reports a reference from the named file to an id that does not exist', () => {
    writeFileSync(
      join(project, EVENT),
      readFileSync(join(ROOT, EVENT), 'utf8').replace('id: emleaks, role: publisher', 'id: emleak, role: publisher'),
    );
    const result = validate(EVENT);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/emleaks-posted\.mdx:\d+:\d+ {2}actors\[1\]\.id: no actor "emleak"; did you mean "emleaks"\?/);
    writeFileSync(join(project, EVENT), readFileSync(join(ROOT, EVENT), 'utf8'));
  });

  it('says so when a named file does not exist', () => {
    const result = validate('src/content/events/macron-2017/nope.mdx');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('nope.mdx: no such file');
  });
});

describe('npm run validate -- --watch', () => {
  it('checks again when a file is saved, and shows the new problem', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/validate.ts'), '--watch'], {
      cwd: project,
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const waitFor = (pattern: RegExp) =>
      new Promise<void>((done, fail) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (pattern.test(output)) {
            clearInterval(poll);
            done();
          } else if (Date.now() - started > 30_000) {
            clearInterval(poll);
            fail(new Error(`no ${pattern} in:\n${output}`));
          }
        }, 50);
      });
    try {
      await waitFor(/Watching src\/content/);
      // Node sets up a recursive watch folder by folder, after watch() returns.
      await new Promise((done) => setTimeout(done, 1000));
      writeFileSync(join(project, EVENT), readFileSync(join(ROOT, EVENT), 'utf8').replace(/^title: .*$/m, 'title: Kremlin: no comment'));
      await waitFor(/emleaks-posted\.mdx:2:1 {2}title: a title that contains a colon must be in quotes/);
      writeFileSync(join(project, EVENT), readFileSync(join(ROOT, EVENT), 'utf8'));
      await waitFor(/✓ Content is valid[\s\S]*✓ Content is valid/);
    } finally {
      child.kill();
    }
  }, 60_000);
});
