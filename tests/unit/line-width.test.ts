/**
 * Lines at a readable width: no line of the project's own source is longer than 140 characters,
 * the width Biome formats TypeScript to (biome.jsonc). Biome cannot split a string and does not
 * format .astro or .css files, so this test checks what it leaves: long strings (split them with
 * `+`), comments, and markup. In .astro markup, break between attributes, inside {…}, or between
 * two words (the compiler, compressHTML 'jsx', joins the lines with one space); a line break next
 * to a tag or a {…} drops the space there, so start the next line with {' '}. Content written by
 * editors (src/content), test fixtures and generated files are not checked.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/lib/files.ts';
import { ROOT } from '../helpers.ts';

const MAX_WIDTH = 140;
const SOURCE = /\.(ts|mts|js|mjs|astro|css)$/;
const FOLDERS = ['src', 'scripts', 'tests'];
/** Written by editors or by a program, or copied from elsewhere. */
const SKIPPED = [/^src\/content\//, /^tests\/fixtures\//, /\/__snapshots__\//, /(^|\/)(node_modules|dist)\//, /(^|\/)\.[^/]+\//];
/**
 * Lines whose characters ship as they are, so that wrapping them would change the built site: the chart's
 * scripts embed timeline.css as text (?raw) to draw downloads, and a regular expression cannot be split
 * without becoming a RegExp built at run time. Each is named by its file, how the line starts and its width;
 * a line that is edited no longer matches and must then be wrapped.
 */
const SHIPPED_AS_IS: { file: string; starts: string; width: number }[] = [
  { file: 'src/styles/timeline.css', starts: '  font: inherit; color: var(--fg); background: var(--bg);', width: 151 },
  { file: 'src/styles/timeline.css', starts: '.tl-scroll { position: relative; overflow-x: auto;', width: 142 },
  { file: 'src/styles/timeline.css', starts: '.tl-svg { display: block; width: 100%; min-width: 720px;', width: 166 },
  { file: 'src/styles/timeline.css', starts: '.tl-lane-title { fill: var(--fg);', width: 153 },
  { file: 'src/styles/timeline.css', starts: '.tl-legend-list { display: flex;', width: 141 },
  { file: 'src/lib/svg/inline.ts', starts: String.raw`  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|`, width: 174 },
];
/** The configuration files at the root (frontmatter.json and package-lock.json are generated). */
const ROOT_FILES = ['astro.config.mjs', 'biome.jsonc', 'package.json', 'tsconfig.json', 'vitest.config.ts', 'vitest.e2e.config.ts'];

/** Each line of `text` longer than `max` characters (code points, as an editor counts them), as "path:line (width)". */
function longLines(path: string, text: string, max = MAX_WIDTH): string[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    const width = [...line].length;
    return width > max ? [`${path}:${i + 1} (${width} characters)`] : [];
  });
}

/** Whether the line is this entry of SHIPPED_AS_IS, or any of them. */
const isEntry = (entry: (typeof SHIPPED_AS_IS)[number], file: string, line: string) =>
  entry.file === file && line.startsWith(entry.starts) && [...line].length === entry.width;
const shippedAsIs = (file: string, line: string) => SHIPPED_AS_IS.some((entry) => isEntry(entry, file, line));

/** The files checked, relative to the root, sorted. */
function checkedFiles(): string[] {
  const inFolders = FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder), (name) => SOURCE.test(name)))
    .map((file) => relative(ROOT, file).split('\\').join('/'))
    .filter((file) => !SKIPPED.some((pattern) => pattern.test(file)));
  return [...inFolders, ...ROOT_FILES].sort();
}

describe('line width', () => {
  const files = checkedFiles();

  it('checks the source of every kind: pages and components, TypeScript, scripts, styles, configuration', () => {
    const count = (pattern: RegExp) => files.filter((file) => pattern.test(file)).length;
    expect(count(/^src\/.*\.astro$/)).toBeGreaterThan(50);
    expect(count(/^src\/.*\.ts$/)).toBeGreaterThan(100);
    expect(count(/^src\/.*\.css$/)).toBeGreaterThanOrEqual(3);
    expect(count(/^scripts\/.*\.(ts|mjs)$/)).toBeGreaterThan(10);
    expect(count(/^tests\/.*\.ts$/)).toBeGreaterThan(50);
    expect(files).toContain('src/lib/i18n/en.ts');
    expect(files).toContain('src/lib/i18n/fr.ts');
    expect(files).toContain('astro.config.mjs');
    expect(files).toContain('scripts/validate.mjs');
    expect(files.filter((file) => file.startsWith('src/content/') || file.startsWith('tests/fixtures/'))).toEqual([]);
  });

  it(`has no line longer than ${MAX_WIDTH} characters (split long strings with +, break markup between attributes)`, () => {
    const offending = files.flatMap((file) => {
      const lines = readFileSync(join(ROOT, file), 'utf8').split(/\r?\n/);
      return longLines(file, lines.map((line) => (shippedAsIs(file, line) ? '' : line)).join('\n'));
    });
    expect(offending, `${offending.length} lines over ${MAX_WIDTH} characters:\n${offending.join('\n')}`).toEqual([]);
  });

  it('counts characters, not bytes, and names each long line by path and line number', () => {
    const accented = 'é'.repeat(MAX_WIDTH);
    expect(longLines('a.ts', `${accented}\n`)).toEqual([]);
    expect(longLines('a.astro', `short\n${'x'.repeat(MAX_WIDTH + 1)}\r\n${accented}é\nshort`)).toEqual([
      'a.astro:2 (141 characters)',
      'a.astro:3 (141 characters)',
    ]);
  });

  it('lets through only the lines that ship as they are, each still long and still there', () => {
    for (const entry of SHIPPED_AS_IS) {
      const lines = readFileSync(join(ROOT, entry.file), 'utf8').split(/\r?\n/);
      const found = lines.filter((line) => isEntry(entry, entry.file, line));
      expect(found, `${entry.file}: no line starts "${entry.starts}" and is ${entry.width} characters wide`).toHaveLength(1);
      expect(entry.width, `${entry.file}: ${entry.starts}… is no longer long: remove it from SHIPPED_AS_IS`).toBeGreaterThan(MAX_WIDTH);
    }
  });
});
