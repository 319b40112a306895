/**
 * The validator skips Sätteri's parse for bodies made of plain characters
 * (lib/validate/mdx-safety.ts, needsParse). That is safe only if such a body gets exactly
 * the answer of the full parse: never accepted when the parse would refuse it, never
 * refused differently. These tests pin that down on every content file and fixture, on
 * near misses (one character or word away from plain), and on generated bodies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { checkMdxBody, checkMdxBodyFully, needsParse } from '../../../src/lib/validate/mdx-safety.ts';
import { ROOT } from '../../helpers.ts';

/** Thousands of parses per property: generous, so that a loaded machine does not fail them. */
const FUZZ_TIMEOUT = 180_000;

const FILES = [join(ROOT, 'src/content'), join(ROOT, 'tests/fixtures')].flatMap((dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => join(entry.parentPath, entry.name)),
);

/** The fast check gives the full check's answer; true when the body took the fast path. */
function expectAgreement(body: string): boolean {
  expect(checkMdxBody(body), JSON.stringify(body)).toEqual(checkMdxBodyFully(body));
  return !needsParse(body);
}

describe('the fast body check agrees with the full parse', () => {
  it('on every content file and fixture, and skips the parse for plain bodies', () => {
    let plain = 0;
    let bodies = 0;
    for (const file of FILES) {
      const split = splitFrontmatter(readFileSync(file, 'utf8'));
      if (!split.ok || split.body.trim() === '') continue;
      bodies++;
      if (expectAgreement(split.body)) plain++;
    }
    // The point of the fast path: a good share of real bodies take it (the speed is in npm run bench).
    expect(plain).toBeGreaterThan(bodies * 0.25);
  });

  it.each([
    ['an element', 'Words <Quote lang="fr">mots</Quote>\n'],
    ['raw HTML', 'Words <script>x</script>\n'],
    ['an HTML comment', 'Words <!-- note -->\n'],
    ['an expression', 'Words {1 + 1}\n'],
    ['a closing brace', 'Words }\n'],
    ['a link', '[words](https://example.org)\n'],
    ['a link written as text', 'words](https://example.org\n'],
    ['a definition', '[r]: javascript:alert(1)\n'],
    ['an image', '![words](https://example.org/a.png)\n'],
    ['a character reference', 'Words &#91;x&#93;(https://example.org)\n'],
    ['an escape', 'Words \\] (https://example.org)\n'],
    ['a code span', 'Words `code`\n'],
    ['an address', 'See https://example.org today\n'],
    ['an address in capitals', 'See HTTPS://EXAMPLE.ORG today\n'],
    ['a www address', 'See www.example.org today\n'],
    ['a WWW address', 'See WWW.EXAMPLE.ORG today\n'],
    ['an e-mail address', 'Write to press@example.org\n'],
    ['an xmpp address', 'xmpp:press@example.org\n'],
    ['an import line', 'import x from "y"\n'],
    ['an export line', '\n\nexport const a = 1\n'],
    ['an import in a list', '- import x from "y"\n'],
    ['an import ending on a backslash', 'import "\\'],
    ['frontmatter', '---\ntitle: x\n---\n'],
    ['TOML frontmatter', '+++\ntitle = "x"\n+++\n'],
    ['a NUL', 'Words\u0000\n'],
    ['a C1 control', 'Words\u0085\n'],
    ['a line separator', 'Words\u2028more\n'],
    ['a byte-order mark', '\uFEFFWords\n'],
    ['a lone surrogate', 'Words\uD800\n'],
  ])('parses a body with %s', (_name, body) => {
    expect(needsParse(body)).toBe(true);
    expectAgreement(body);
  });

  it.each([
    ['prose', '   \n   \n\nThe files were posted on 5 May 2017, at 20:35 (Paris time).\n'],
    ['French prose', 'Les fichiers ont été publiés le 5 mai\u202F: « une opération » — selon l’ANSSI.\n'],
    ['headings, lists and emphasis', '## Why\n\n- *one*\n- __two__\n1. three\n\n> a quote\n\n***\n'],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |\n'],
    ['keywords inside a line', 'Oil exports rose, and imports fell.\n'],
    ['a path and a ratio', 'The 1/3 share, 24/7, ratio 3:2.\n'],
    ['Windows line breaks', 'One line.\r\nAnother.\r\n'],
    ['a long line of list markers', `${'- '.repeat(40)}x\n`],
    // Found in review: after lone CRs, a tower of markers was missed by the shape check and crashed the full check.
    ['a tower of list markers after lone line breaks', `x\r\r${'- '.repeat(2400)}y\n`],
  ])('does not parse %s, and agrees', (_name, body) => {
    expect(needsParse(body)).toBe(false);
    expectAgreement(body);
  });

  it(
    'on every character of the Basic Multilingual Plane, in a sentence and before import',
    () => {
      const refused: string[] = [];
      for (let code = 0; code < 0x10000; code++) {
        const char = String.fromCharCode(code);
        for (const text of [`Text ${char} more\n`, `${char}import a from "b"\n`])
          if (!needsParse(text) && checkMdxBodyFully(text).length > 0) refused.push(text);
      }
      // A plain body's answer is no problem at all: the full parse must find none either.
      expect(refused).toEqual([]);
    },
    FUZZ_TIMEOUT,
  );

  /** Plain text and the syntax it may hold, with near misses one character away. */
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...'abc XYZ019.,;:!?\'"()-%/#*_+=>^|~$\t'), maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '\n',
        '\n\n',
        '\r\n',
        '\r',
        '  ',
        '    ',
        '# ',
        '## ',
        '- ',
        '* ',
        '+ ',
        '1. ',
        '2) ',
        '> ',
        '>',
        '***',
        '___',
        '---',
        '+++',
        '===',
        '```',
        '~~~',
        '|',
        '| --- |',
        '~~',
        '*',
        '_',
        '(',
        ')',
        ':',
        '://',
        'http://',
        'https://a.b',
        'www.',
        'www.a.b',
        'WwW.a',
        'mailto:',
        'xmpp:',
        'a@b.c',
        'import',
        'import ',
        'export ',
        'Important',
        'import x from "y"',
        'export const a = 1',
        '<',
        '</',
        '<a>',
        '<Quote lang="fr">',
        '</Quote>',
        '{',
        '}',
        '{/* */}',
        '[',
        ']',
        '](',
        '] (',
        '![',
        '&',
        '&#91;',
        '&#x5D;',
        '&amp;',
        '\\',
        '`',
        '@',
        '\u0000',
        '\u0007',
        '\u000B',
        '\u0085',
        '\u00A0',
        '\u2028',
        '\u2029',
        '\u202F',
        '\uFEFF',
        '\uFF1C',
        '\uD800',
        '\uDC00',
        '«\u202F',
        '’',
        '—',
      ),
    },
  );
  const body = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
  /** Bodies as files give them: the frontmatter blanked out by spaces above. */
  const fileBody = fc.tuple(fc.nat(4), body).map(([blank, text]) => `${'   \n'.repeat(blank)}${text}`);

  it(
    'on generated bodies, plain ones included',
    () => {
      let plain = 0;
      let runs = 0;
      fc.assert(
        fc.property(fileBody, (text) => {
          runs++;
          if (expectAgreement(text)) plain++;
        }),
        { numRuns: 4000 },
      );
      // The generator reaches both paths.
      expect(plain).toBeGreaterThan(runs * 0.1);
      expect(plain).toBeLessThan(runs * 0.9);
    },
    FUZZ_TIMEOUT,
  );
});
