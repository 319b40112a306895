/**
 * Builds that must not produce a site: content the validator refuses, and — as if the
 * validator had a bug and let it through — a hostile body (original or translation) that
 * the MDX compiler's content guard stops, and a file that is not UTF-8, that the loader stops.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, projectCopy, projectWithoutValidator } from './project.ts';

const EVENT = 'src/content/events/macron-2017/emleaks-posted.mdx';

/** Looks like a comment to a regular expression; is code to the compiler. Writes `marker` if it runs. */
const payload = (marker: string) =>
  `{/* note */ process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran') /* end */}`;

describe('a build with bad content', () => {
  it('fails and names the file, the line and the field', () => {
    const project = projectCopy('broken-project');
    const event = join(project, EVENT);
    writeFileSync(event, readFileSync(event, 'utf8').replace(/^summary:/m, 'sumary:'));
    const result = astroBuild(project);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /src\/content\/events\/macron-2017\/emleaks-posted\.mdx:\d+:1 {2}sumary: unknown field \(did you mean "summary"\?\)/,
    );
    expect(result.output).toContain('the site was not built');
    expect(existsSync(join(project, 'dist/index.html'))).toBe(false);
  });
});

describe('a build whose content skipped the validator (defence in depth)', () => {
  it("stops at the MDX compiler's content guard, naming the file, and runs none of the body's code", () => {
    const project = projectWithoutValidator('guard-project');
    const event = join(project, EVENT);
    const marker = join(project, 'pwned.txt');
    writeFileSync(event, `${readFileSync(event, 'utf8')}\n\n${payload(marker)}\n`);
    const result = astroBuild(project);
    expect(result.status, result.output.slice(-2000)).not.toBe(0);
    expect(result.output).toMatch(
      /src\/content\/events\/macron-2017\/emleaks-posted\.mdx:\d+:\d+ {2}body: refused by the build's content guard/,
    );
    expect(existsSync(marker), 'the body expression ran during the build').toBe(false);
    expect(existsSync(join(project, 'dist/events/macron-2017/emleaks-posted/index.html'))).toBe(false);
  });

  it("stops a translation's hostile body the same way, naming the translation file", () => {
    const project = projectWithoutValidator('translations-guard-project');
    const file = join(project, 'src/content/events/macron-2017/emleaks-posted.fr.mdx');
    const marker = join(project, 'pwned.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n${payload(marker)}\n`);
    const result = astroBuild(project);
    expect(result.status, result.output.slice(-2000)).not.toBe(0);
    expect(result.output).toMatch(
      /src\/content\/events\/macron-2017\/emleaks-posted\.fr\.mdx:\d+:\d+ {2}body: refused by the build's content guard/,
    );
    expect(existsSync(marker), 'the body expression ran during the build').toBe(false);
  });

  it('refuses a file that is not UTF-8 in the loader, naming the file', () => {
    const project = projectWithoutValidator('latin1-project');
    const event = join(project, EVENT);
    // An accented word saved as Latin-1 in the body, where the build's YAML reader does not look.
    writeFileSync(event, Buffer.concat([readFileSync(event), Buffer.from('\nLes fichiers publiés.\n', 'latin1')]));
    const result = astroBuild(project);
    expect(result.status, result.output.slice(-2000)).not.toBe(0);
    expect(result.output).toMatch(/src\/content\/events\/macron-2017\/emleaks-posted\.mdx:\d+:\d+ {2}file: this file is not UTF-8 text/);
  });
});
