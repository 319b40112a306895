/** Property tests of the MDX body check: any body, however broken, gives problems, never a crash. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMdxBody, isSafeBodyUrl } from '../../../src/lib/validate/mdx-safety.ts';

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ maxLength: 60 }),
);

/** Pieces of MDX syntax, to assemble into bodies that reach deep into the parser. */
const piece = fc.oneof(
  anyText,
  fc.constantFrom(
    '\n',
    '\n\n',
    '  ',
    '\t',
    '<',
    '>',
    '</',
    '/>',
    '{',
    '}',
    '{/* */}',
    '`',
    '```',
    '***',
    '[',
    ']',
    '(',
    ')',
    '!',
    '#',
    '- ',
    '1. ',
    '> ',
    '|',
    '\\',
    '"',
    "'",
    '&amp;',
    '&#0;',
    '<!--',
    '-->',
    '<Quote lang="fr">',
    '</Quote>',
    '<Aside title="x">',
    '</Aside>',
    '<abbr title="t">',
    '</abbr>',
    '<sup>',
    '</sup>',
    '<>',
    '</>',
    '<script>',
    '</script>',
    '<iframe src="x" />',
    '<img src=x onerror=alert(1)>',
    '<Foo.Bar />',
    '<a {...x}>',
    '<span onClick="x()">',
    'import x from "y"',
    'export const a = 1',
    '{1+1}',
    '{process.exit(1)}',
    '[x](javascript:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](//evil.example)',
    '[x][r]\n\n[r]: data:text/html,x',
    '![i](https://example.org/i.png)',
    'https://example.org',
    '<https://example.org>',
    'mailto:a@b.c',
    '\u0000',
    '\uFEFF',
    '\u202E',
    '\uD800',
  ),
);
const body = fc.oneof(
  anyText,
  fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
);

describe('checkMdxBody(body) over random bodies', () => {
  it('never throws, and every problem has a line within the file, a column and a message', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 500 }), (text, startLine) => {
        const problems = checkMdxBody('\n'.repeat(startLine - 1) + text);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const problem of problems) {
          expect(Number.isInteger(problem.line), JSON.stringify(problem)).toBe(true);
          expect(problem.line, JSON.stringify(problem)).toBeGreaterThanOrEqual(startLine);
          expect(problem.line, JSON.stringify(problem)).toBeLessThanOrEqual(startLine + lines);
          expect(Number.isInteger(problem.column), JSON.stringify(problem)).toBe(true);
          expect(problem.column, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
          expect(problem.message.trim(), JSON.stringify(problem)).not.toBe('');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never accepts a body with a raw <script>, an import, or a javascript: link, wherever it sits', () => {
    const danger = fc.constantFrom(
      '<script>alert(1)</script>',
      'import x from "y"',
      '[x](javascript:alert(1))',
      '<iframe src="https://example.org" />',
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).map((s) => s.replace(/[<>{}[\]()`\\&!*_#|~-]/g, '')),
        danger,
        fc.string({ maxLength: 40 }).map((s) => s.replace(/[<>{}[\]()`\\&!*_#|~-]/g, '')),
        (before, bad, after) => {
          expect(checkMdxBody(`${before}\n\n${bad}\n\n${after}`).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('isSafeBodyUrl(url) over random addresses', () => {
  it('never throws, and never accepts a script-capable scheme however it is disguised', () => {
    const scheme = fc.constantFrom('javascript', 'JavaScript', 'vbscript', 'data', 'file', 'blob');
    const noise = fc.constantFrom('', '\t', '\n', '\r', ' ', '\u0000', '\u0001', '\u007f', '\u0085');
    fc.assert(
      fc.property(fc.array(noise, { maxLength: 3 }), scheme, fc.array(noise, { maxLength: 3 }), anyText, (lead, name, inner, rest) => {
        const split = Math.floor(name.length / 2);
        const url = `${lead.join('')}${name.slice(0, split)}${inner.join('')}${name.slice(split)}:${rest}`;
        expect(isSafeBodyUrl(url)).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(anyText, (text) => void isSafeBodyUrl(text)),
      { numRuns: 300 },
    );
  });
});
