import { describe, expect, it } from 'vitest';
import { checkMdxBody, isSafeBodyUrl } from '../../../src/lib/validate/mdx-safety.ts';

describe('checkMdxBody(body)', () => {
  it.each([
    ['plain Markdown', 'Some *emphasis*, a [link](https://example.org) and a list:\n\n- one\n- two'],
    ['the site components without imports', '<Quote lang="fr">des mots</Quote>\n\n<Aside title="Where sources disagree">Text.</Aside>'],
    ['a comment in braces', '{/* an editor note */}'],
    ['safe inline HTML', 'An <abbr title="Agence nationale">ANSSI</abbr> note<sup>1</sup>.'],
    ['a same-site link', 'See [the methodology](/methodology/#status).'],
  ])('accepts %s', (_name, body) => {
    expect(checkMdxBody(body)).toEqual([]);
  });

  it.each([
    ['an import', "import X from '../x.js'", 'import and export'],
    ['an export', 'export const a = 1', 'import and export'],
    ['a script', '<script>alert(1)</script>', '<script> is not allowed'],
    ['a style', '<style>{"body{display:none}"}</style>', '<style> is not allowed'],
    ['an iframe', '<iframe src="https://example.org" />', '<iframe> is not allowed'],
    ['an object', '<object data="x" />', '<object> is not allowed'],
    ['an embed', '<embed src="x" />', '<embed> is not allowed'],
    ['an event handler', '<span onMouseOver="x()">hi</span>', 'event-handler attribute "onMouseOver"'],
    ['a javascript: link', '[x](javascript:alert(1))', 'is not allowed'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', 'is not allowed'],
    [
      'a javascript: href on an allowed element',
      '<abbr title="javascript:x">x</abbr> <Quote cite="javascript:alert(1)">y</Quote>',
      'address "javascript:alert(1)"',
    ],
    ['an unknown component', '<Chart />', 'component <Chart> is not provided'],
    ['a member component', '<Foo.Bar />', 'is not provided'],
    ['an expression', '{process.exit(1)}', 'JavaScript in {braces}'],
    ['code between two comments', '{/* a */ process.exit(1) /* b */}', 'JavaScript in {braces}'],
    ['a hashbang in braces', '{#!/bin/sh\n}', ''],
    ['an HTML-like comment in braces', '{<!-- x -->}', ''],
    ['an attribute expression', '<Quote lang={"fr"}>x</Quote>', 'plain "string"'],
    ['a spread attribute', '<Quote {...props}>x</Quote>', 'spread'],
    ['an unclosed tag', '<Aside title="x">\nText', 'MDX syntax error'],
    ['a div', '<div>x</div>', '<div> is not allowed'],
    ['an image', '![x](https://example.org/a.png)', 'images are not allowed'],
    ['an unknown prop', '<Aside kind="x">y</Aside>', 'does not take "kind"'],
  ])('refuses %s', (_name, body, message) => {
    const problems = checkMdxBody(body);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('points at the line in the whole file', () => {
    const [problem] = checkMdxBody(`${'\n'.repeat(11)}Fine.\n\n<script>x</script>`);
    expect(problem).toMatchObject({ line: 14, column: 1 });
  });
});

describe('isSafeBodyUrl(url)', () => {
  it.each(['https://example.org', 'http://example.org/a?b#c', 'mailto:a@example.org', '/events/', '#sources', 'relative/page'])(
    'allows %s',
    (url) => {
      expect(isSafeBodyUrl(url)).toBe(true);
    },
  );
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:x',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example/x',
  ])('refuses %j', (url) => {
    expect(isSafeBodyUrl(url)).toBe(false);
  });
});
