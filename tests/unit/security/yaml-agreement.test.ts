/**
 * Content YAML is read fast by js-yaml when it is plain (lib/content/plain-yaml.ts) and by
 * the `yaml` package otherwise. The fast reading is safe only if it never accepts what the
 * full one refuses or reads differently, and never accepts what the build (Astro's js-yaml)
 * refuses. These tests pin that down on every content file and fixture, on the slips
 * editors make, and on generated YAML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlFully, splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { isPlainYaml, readPlainYaml } from '../../../src/lib/content/plain-yaml.ts';
import { ROOT } from '../../helpers.ts';

const require = createRequire(join(ROOT, 'package.json'));
/** Thousands of readings per property: generous, so that a loaded machine does not fail them. */
const FUZZ_TIMEOUT = 180_000;

/** The YAML of a content file: the frontmatter of an .mdx file, or a whole .yaml file. */
function yamlOf(file: string): string | undefined {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.yaml')) return text.replace(/^\uFEFF/, '');
  const split = splitFrontmatter(text);
  return split.ok ? split.yaml : undefined;
}

const FILES = [join(ROOT, 'src/content'), join(ROOT, 'tests/fixtures')].flatMap((dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(mdx|yaml)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name)),
);

/** Whatever the fast reading accepts, the full one reads the same, and the build accepts. */
function expectAgreement(yaml: string): boolean {
  const fast = readPlainYaml(yaml);
  if (fast === undefined) return false;
  const full = parseYamlFully(yaml);
  expect(full.syntaxErrors, JSON.stringify(yaml)).toEqual([]);
  expect(fast, JSON.stringify(yaml)).toStrictEqual(full.data);
  expect(() => load(yaml), `the build's js-yaml must accept ${JSON.stringify(yaml)}`).not.toThrow();
  return true;
}

describe('the fast YAML reading agrees with the full one', () => {
  it("reads with the build's own js-yaml", () => {
    const helpers = createRequire(require.resolve('@astrojs/internal-helpers/frontmatter'));
    expect(require.resolve('js-yaml')).toBe(helpers.resolve('js-yaml'));
  });

  it('on every content file and fixture, and reads nearly all content fast', () => {
    let fast = 0;
    const content = FILES.filter((file) => file.startsWith(join(ROOT, 'src/content')));
    for (const file of FILES) {
      const yaml = yamlOf(file);
      if (yaml !== undefined && expectAgreement(yaml) && content.includes(file)) fast++;
    }
    // The point of the fast reading: the bundled content takes it (the speed test is npm run bench).
    expect(fast).toBeGreaterThan(content.length * 0.9);
  });

  it.each([
    ['a comment', 'title: A # note\n'],
    ['a hashtag that would be cut', 'title: Files #MacronLeaks posted\n'],
    ['a comment line', '# note\ntitle: A\n'],
    ['an anchor and an alias', 'a: &x A\nb: *x\n'],
    ['a tag', 'title: !!str 12\n'],
    ['a merge key', 'a: { b: 1 }\n<<: { c: 2 }\n'],
    ['a block scalar', 'summary: |\n  text\n'],
    ['a folded scalar', 'summary: >-\n  text\n'],
    ['a value on the next line', 'summary:\n  text\n'],
    ['a plain value on two lines', 'summary: one\n  two\n'],
    ['a tab', 'title:\tA\n'],
    ['a document marker', '---\ntitle: A\n'],
    ['a quoted key', '"title": A\n'],
    ['a key read as null', 'null: A\n'],
    ['a list', '- a\n- b\n'],
    ['an empty text', ''],
    ['a colon in an unquoted title', 'title: Kremlin: no comment\n'],
    ['a duplicate key', 'title: A\ntitle: B\n'],
    ['an unclosed quote', 'title: "A\n'],
    ['an unknown escape', 'title: "a\\qb"\n'],
    ['a trailing comma', 'related: [a, ]\n'],
    ['a byte-order mark inside', 'title: A\uFEFF\n'],
  ])('leaves %s to the full reading', (_name, yaml) => {
    expect(readPlainYaml(yaml)).toBeUndefined();
  });

  it.each([
    ['typed scalars', 'a: 2016\nb: true\nc: NO\nd: 2017-05-05\ne: 0x1F\nf: 1e3\ng: ~\nh:\ni: .inf\nj: 0o17\nk: +12\nl: 1_000\n'],
    ['quotes', "a: \"it's \\\"quoted\\\" \\u00e9 # not a comment\"\nb: 'it''s'\nc: l'apostrophe & co\n"],
    ['flow collections', 'actors:\n  - { id: cia, role: speaker }\n  - {id: x, role: y}\nrelated: [a/b, c/d]\nempty: []\nnone: {}\n'],
    [
      'nested blocks',
      'sources:\n  - title: "A"\n    url: https://example.org/a?b=c#d\n    published: "2016-12"\n  - title: B\nattribution:\n  by: cia\n',
    ],
    ['a quote on two lines', 'summary: "one\n  two"\ntitle: A\n'],
    ['CRLF line ends', 'title: A\r\nkind: b\r\n'],
  ])('reads %s fast, as the full reading does', (_name, yaml) => {
    expect(isPlainYaml(yaml)).toBe(true);
    expect(expectAgreement(yaml)).toBe(true);
  });

  /** Pieces editors (and attackers) put in frontmatter. */
  const scalar = fc.constantFrom(
    '',
    ' ',
    '~',
    'null',
    'Null',
    'yes',
    'NO',
    'true',
    'TRUE',
    'tRUE',
    '0x1F',
    '0o17',
    '017',
    '1e3',
    '1E3',
    '1.',
    '.5',
    '+12',
    '-0',
    '-5',
    '1_000',
    '0b11',
    '.inf',
    '-.INF',
    '.NaN',
    '-',
    '--',
    '---',
    '...',
    '#',
    'a #b',
    'a#b',
    '&a',
    '*a',
    '!!str',
    '!x',
    '|',
    '>',
    '%',
    '@',
    '`',
    '?',
    '? a',
    ':',
    'a:b',
    'a: b',
    "it's",
    "l'été",
    'A & B',
    'C#',
    '2016',
    '2016-12-09',
    '2017-05-05T20:35+02:00',
    'http://x.y/z?a=b#c',
    'a, b',
    'a]',
    'a}',
    '[a, b]',
    '[a,b]',
    '[a, [b]]',
    '[a, ]',
    '[ ]',
    '[]',
    '{}',
    '{ id: x, role: y }',
    '{a: 1}',
    '{a:1}',
    '{ a: "b" }',
    '[ "a", \'b\' ]',
    '"q"',
    '"a\\"b"',
    '"\\u00e9"',
    '"\\x41"',
    '"\\q"',
    '"a\\\nb"',
    "'a''b'",
    "'a'b'",
    '"a" b',
    '"a"b',
    '"a\n  b"',
    "'a\n\n  b'",
    'a\n  b',
    '"\\t"',
    'é',
    '\u202E',
    '\u00A0',
    'a\u00A0',
    '<<',
    '=',
    '__proto__',
  );
  const key = fc.constantFrom('title', 'a', 'b-c', 'x_1', 'null', 'True', '__proto__', 'é', '"q"', '1', 'a b', '-a', '? a', '<<');
  const indent = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '- ', '  - ', '-  ', '\t');
  const line = fc.oneof(
    fc.tuple(indent, key, fc.constantFrom(': ', ':', ':  ', ' : '), scalar).map((parts) => parts.join('')),
    fc.tuple(indent, scalar).map((parts) => parts.join('')),
    fc.constantFrom('', '# comment', '  # comment', '---', '...'),
  );
  const document = fc
    .tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([lines, end]) => lines.join(end) + end);

  it(
    'on generated YAML: whatever is read fast is read the same in full, and by the build',
    () => {
      fc.assert(
        fc.property(document, (yaml) => {
          expectAgreement(yaml);
        }),
        { numRuns: 4000 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'on content frontmatter with characters slipped in',
    () => {
      const sources = FILES.filter((file) => file.includes('/src/content/'))
        .slice(0, 40)
        .flatMap((file) => yamlOf(file) ?? []);
      const slip = fc.constantFrom(
        ' ',
        '  ',
        '\n',
        '\n  ',
        '"',
        "'",
        ':',
        ': ',
        '#',
        ' #',
        '-',
        '- ',
        '[',
        ']',
        '{',
        '}',
        ',',
        '&',
        '*',
        '!',
        '|',
        '>',
        '\\',
        '\t',
        '\r',
        'é',
      );
      fc.assert(
        fc.property(fc.constantFrom(...sources), fc.array(fc.tuple(fc.nat(), slip), { minLength: 1, maxLength: 3 }), (yaml, slips) => {
          let text = yaml;
          for (const [at, piece] of slips) {
            const position = at % (text.length + 1);
            text = text.slice(0, position) + piece + text.slice(position);
          }
          expectAgreement(text);
        }),
        { numRuns: 3000 },
      );
    },
    FUZZ_TIMEOUT,
  );
});
