/**
 * `npm run validate` runs scripts/validate.mjs: the validator bundled, remembering the files
 * that passed. An editor must see exactly what the TypeScript validator says, on every run
 * of a loop where files are edited between runs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const project = mkdtempSync(join(tmpdir(), 'eit-bundle-'));
cpSync(join(ROOT, 'src/content'), join(project, 'src/content'), { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

const env = { ...process.env, GITHUB_ACTIONS: '', CI: '' };
const run = (script: string, ...args: string[]) => {
  const result = spawnSync(process.execPath, [join(ROOT, script), project, ...args], { encoding: 'utf8', env, timeout: 120_000 });
  // The timing at the end of the summary differs from run to run.
  return { status: result.status, out: (result.stdout + result.stderr).replace(/\(\d+ ms\)|in \d+ ms/g, '(… ms)') };
};
const bundled = () => run('scripts/validate.mjs');
const typescript = () => run('scripts/validate.ts');

const EVENT = join(project, 'src/content/events/macron-2017/emleaks-posted.mdx');
const ACTOR = join(project, 'src/content/actors/emleaks.yaml');

describe('npm run validate (bundled, remembering the files that passed)', () => {
  it('says what the TypeScript validator says, run after run, as files change', () => {
    const clean = bundled();
    expect(clean.status, clean.out).toBe(0);
    expect(bundled()).toEqual(typescript()); // second run: every file remembered

    // An edited file is read again.
    const event = readFileSync(EVENT, 'utf8');
    writeFileSync(EVENT, event.replace(/^summary:/m, 'sumary:'));
    const broken = bundled();
    expect(broken.status).toBe(1);
    expect(broken.out).toContain('emleaks-posted.mdx:');
    expect(broken).toEqual(typescript());
    writeFileSync(EVENT, event);
    expect(bundled()).toEqual(clean);

    // A remembered file whose reference breaks elsewhere: its position is found again.
    const actor = readFileSync(ACTOR, 'utf8');
    unlinkSync(ACTOR);
    const missing = bundled();
    expect(missing.status).toBe(1);
    expect(missing.out).toMatch(/emleaks-posted\.mdx:\d+:\d+ {2}actors\[\d\]\.id: no actor "emleaks"/);
    expect(missing).toEqual(typescript());
    expect(run('scripts/validate.mjs', '--no-cache')).toEqual(missing);
    writeFileSync(ACTOR, actor);
    expect(bundled()).toEqual(clean);
  }, 300_000); // a dozen runs of the validator, on a machine that may be busy

  it("runs the same with V8's saved code, and with saved code that does not fit", () => {
    const clean = bundled(); // builds the bundle if needed, and saves V8's code for it
    const saved = join(ROOT, 'node_modules/.cache/validate/validate.code');
    const code = readFileSync(saved);
    expect(bundled()).toEqual(clean); // with the saved code
    const header = code.subarray(0, code.indexOf(10) + 1);
    try {
      // Code made for this very bundle, but damaged: V8 refuses it, and the run compiles afresh.
      writeFileSync(saved, Buffer.concat([header, Buffer.alloc(code.length - header.length, 7)]));
      expect(bundled()).toEqual(clean);
      // Code saved for another bundle (another size or time): not even offered to V8.
      writeFileSync(
        saved,
        Buffer.concat([Buffer.from(`1:2 ${header.toString().split(' ').slice(1).join(' ')}`), code.subarray(header.length)]),
      );
      expect(bundled()).toEqual(clean);
    } finally {
      writeFileSync(saved, code);
    }
  }, 120_000);
});
