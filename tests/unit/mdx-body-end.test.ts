/**
 * Sätteri 0.10.5 aborts the whole process on an MDX body that ends in `import "\`. The dev
 * server compiles whatever a page asks for, so a contributor's unfinished file must become
 * the validator's message (file, line, column, field) in the overlay, never a crash.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { guardBodyEnd } from '../../src/lib/content/mdx-guard.ts';
import { ROOT } from '../helpers.ts';

const FILE = 'src/content/events/macron-2017/unfinished.mdx';
const FRONTMATTER = '---\ntitle: A\n---\n';

describe('a body that would crash the MDX compiler', () => {
  it('is refused with the file, line and column, as the validator says it', () => {
    expect(() => guardBodyEnd(`${FRONTMATTER}Text.\n\nimport "\\`, FILE)).toThrow(
      /^src\/content\/events\/macron-2017\/unfinished\.mdx:6:1 {2}body: /,
    );
    expect(() => guardBodyEnd(`${FRONTMATTER}export const a = "\\`, FILE)).toThrow(
      /^src\/content\/events\/macron-2017\/unfinished\.mdx:4:1 {2}body: /,
    );
  });

  it('points the overlay at the file', () => {
    let error: (Error & { loc?: unknown }) | undefined;
    try {
      guardBodyEnd(`${FRONTMATTER}import "\\`, FILE, `/project/${FILE}`);
    } catch (caught) {
      error = caught as Error & { loc?: unknown };
    }
    expect(error?.loc).toEqual({ file: `/project/${FILE}`, line: 4, column: 1 });
  });

  it('gives any other file without a final line break that line break, and changes nothing else', () => {
    expect(guardBodyEnd(`${FRONTMATTER}Text.`, FILE)).toBe(`${FRONTMATTER}Text.\n`);
    expect(guardBodyEnd(`${FRONTMATTER}Text.\n`, FILE)).toBe(`${FRONTMATTER}Text.\n`);
  });

  it('keeps the compiler alive: what the guard lets through compiles or fails with an error', () => {
    // In a child process: the unguarded body aborts it (exit code 134), which is the hazard.
    const script = `
      import { guardBodyEnd } from './src/lib/content/mdx-guard.ts';
      import { mdxToJs } from 'satteri';
      for (const body of ['Text.\\n\\nimport "\\\\', 'export const a = "\\\\', 'Text.']) {
        let code;
        try { code = guardBodyEnd('---\\ntitle: A\\n---\\n' + body, 'x.mdx'); } catch { continue; }
        try { await mdxToJs(code, {}); } catch {}
      }
      console.log('alive');
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/panicked/);
    expect(run.stdout.trim()).toBe('alive');
    expect(run.status).toBe(0);
  });
});
