/**
 * Hostile and malformed content files, as an attacker or a confused editor would write
 * them. Each gets `path:line:col  field: message`, and nothing hangs (every case runs under the test's timeout).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fieldRows, toEditorJsonSchema } from '../../../src/lib/schema/json-schema.ts';
import { formatProblem } from '../../../src/lib/validate/problems.ts';
import { validateContent } from '../../../src/lib/validate/validate-content.ts';
import { ROOT } from '../../helpers.ts';
import { VALID_EVENT, setField, yamlOf } from './event-fixture.ts';

const INCIDENT = 'macron-2017';
const EVENTS = `src/content/events/${INCIDENT}`;
const FILE = `${EVENTS}/hostile.mdx`;
const project = mkdtempSync(join(tmpdir(), 'eit-hostile-'));

const VALID = VALID_EVENT;
const valid = (body = 'Body.\n', data: object = VALID) => `---\n${yamlOf(data)}---\n${body}`;

beforeEach(() => {
  rmSync(join(project, 'src'), { recursive: true, force: true });
  for (const dir of ['src/content/incidents', 'src/content/actors', EVENTS]) mkdirSync(join(project, dir), { recursive: true });
  copyFileSync(join(ROOT, `src/content/incidents/${INCIDENT}.mdx`), join(project, `src/content/incidents/${INCIDENT}.mdx`));
  copyFileSync(join(ROOT, 'src/content/actors/en-marche.yaml'), join(project, 'src/content/actors/en-marche.yaml'));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

function problemsOf(write: () => void): string[] {
  write();
  const lines = validateContent(project).problems.map(formatProblem);
  for (const line of lines)
    expect(line, 'every problem is path:line:col  field: message').toMatch(/^src\/content\/\S+:\d+:\d+ {2}[^\s:][^:]*: \S/);
  return lines;
}

const writeEvent = (content: string | Buffer) => () => writeFileSync(join(project, FILE), content);

const CASES: [string, () => void, RegExp][] = [
  [
    'code hidden between two comments',
    writeEvent(valid('Text {/* a */ process.exit(0) /* b */}\n')),
    /hostile\.mdx:\d+:6 {2}body: JavaScript in \{braces\}/,
  ],
  [
    'an attribute expression',
    writeEvent(valid('<Quote lang={globalThis.x}>a</Quote>\n')),
    /body: attribute "lang" on <Quote> must be a plain "string"/,
  ],
  ['a spread', writeEvent(valid('<Aside {...globalThis}>a</Aside>\n')), /body: spread attributes/],
  ['an export', writeEvent(valid('export const x = process.env\n')), /body: import and export statements/],
  [
    'a fence with a comment (the YAML would become MDX)',
    writeEvent(valid().replace('---\n', '---\n--- # note\n')),
    /hostile\.mdx:2:1 {2}frontmatter: line 2 \("--- # note"\) ends the frontmatter here/,
  ],
  [
    'a closing fence with text',
    writeEvent(valid().replace(/\n---\n/, '\n---x\n')),
    /frontmatter: line \d+ \("---x"\) ends the frontmatter/,
  ],
  [
    'TOML frontmatter',
    writeEvent('+++\ntitle = "x"\n+++\nBody\n'),
    /hostile\.mdx:1:1 {2}frontmatter: the file must start with a line of exactly three dashes.*TOML/,
  ],
  [
    'a byte that is not UTF-8',
    writeEvent(Buffer.from(valid('Les fichiers publiés.\n'), 'latin1')),
    /hostile\.mdx:\d+:\d+ {2}file: this file is not UTF-8 text/,
  ],
  [
    'a control character in a title',
    writeEvent(valid(undefined, { ...VALID, title: 'A\u0007bell' })),
    /title: must not contain control characters \(found U\+0007\)/,
  ],
  [
    'a bidirectional override in a source title',
    writeEvent(valid(undefined, { ...VALID, sources: [{ ...VALID.sources[0], title: 'evil\u202Egro.elpmaxe' }] })),
    /sources\[0\]\.title: must not contain bidirectional override/,
  ],
  ['an invisible summary', writeEvent(valid(undefined, { ...VALID, summary: '\u200B\u200B' })), /summary: must contain visible text/],
  [
    'a very long note',
    writeEvent(valid(undefined, { ...VALID, sources: [{ ...VALID.sources[0], note: 'x'.repeat(5000) }] })),
    /sources\[0\]\.note: must be at most 1000 characters/,
  ],
  [
    'a YAML anchor and alias',
    writeEvent(
      `---\n${yamlOf(VALID)
        .replace('title: A valid event', 'title: &t A valid event')
        .replace('summary: A short summary.', 'summary: *t')}---\nBody\n`,
    ),
    /\w+: YAML anchors \(&t\) are not allowed/,
  ],
  [
    'a billion laughs',
    writeEvent(
      `---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c ` +
        `[*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n`,
    ),
    /\w+: YAML (anchors|aliases)/,
  ],
  [
    'a merge key',
    writeEvent(`---\n${yamlOf(VALID)}x: &m { a: 1 }\ny:\n  <<: *m\n---\nBody\n`),
    /\w+: YAML merge keys \(<<\) are not allowed/,
  ],
  [
    'a YAML tag',
    writeEvent(`---\n${yamlOf(VALID).replace('title: A valid event', 'title: !!binary aGVsbG8=')}---\nBody\n`),
    /\w+: YAML tags \(!!binary\) are not allowed/,
  ],
  [
    'credentials in a source URL',
    writeEvent(valid(undefined, { ...VALID, sources: [{ ...VALID.sources[0], url: 'https://www.lemonde.fr@evil.example/a' }] })),
    /sources\[0\]\.url: must not hold a user name or password/,
  ],
  [
    'credentials in an archive URL',
    writeEvent(valid(undefined, { ...VALID, sources: [{ ...VALID.sources[0], archived: 'https://web.archive.org:x@evil.example/' }] })),
    /sources\[0\]\.archived: must not hold a user name or password/,
  ],
  [
    'a date a century from the vote',
    writeEvent(valid(undefined, { ...VALID, date: '1917-05-05' })),
    /date: 1917-05-05 is more than 30 years from the vote/,
  ],
  [
    'a language name instead of a code',
    writeEvent(valid(undefined, { ...VALID, sources: [{ ...VALID.sources[0], language: 'French' }] })),
    /sources\[0\]\.language: "French" is not a BCP 47 language tag/,
  ],
  ['YAML nested 10,000 deep', writeEvent(`---\ntitle: ${'['.repeat(10_000)}\n---\n`), /frontmatter: the YAML nests more than 8 levels/],
  [
    'a body nested 4,000 deep (the parser would crash on more)',
    writeEvent(valid(`{${'('.repeat(4_000)}}\n`)),
    /body: brackets or tags are nested more than 32 deep/,
  ],
  ['quotes nested 10,000 deep', writeEvent(valid(`${'>'.repeat(10_000)} x\n`)), /body: (quotes are nested|this line has)/],
  ['a file of 5 MB', writeEvent(valid('word '.repeat(1_000_000))), /hostile\.mdx:1:1 {2}file: this file is 5,000,\d{3} bytes/],
  ['a symbolic link', () => symlinkSync('/etc/passwd', join(project, FILE)), /hostile\.mdx:1:1 {2}file: is a symbolic link/],
  [
    'a named pipe (reading it would hang)',
    () => spawnSync('mkfifo', [join(project, FILE)]),
    /hostile\.mdx:1:1 {2}file: is not a plain file/,
  ],
  [
    'a hidden file',
    () => writeFileSync(join(project, `${EVENTS}/.sneaky.mdx`), valid()),
    /\.sneaky\.mdx:1:1 {2}file: hidden files and folders are not read/,
  ],
  ['an empty incident folder', () => mkdirSync(join(project, 'src/content/events/dnc-2016')), /events\/dnc-2016:1:1 {2}file: empty folder/],
  ['a folder named like an event', () => mkdirSync(join(project, FILE)), /hostile\.mdx:1:1 {2}file: is a folder named like a content file/],
  [
    'an incident named like a ready-made picture',
    () => copyFileSync(join(ROOT, `src/content/incidents/${INCIDENT}.mdx`), join(project, 'src/content/incidents/linear.mdx')),
    /incidents\/linear\.mdx:1:1 {2}file: "linear" would make \/images\/timeline-linear\.svg/,
  ],
  [
    'a country written as a name (this crashed the validator)',
    () => writeFileSync(join(project, 'src/content/actors/france.yaml'), 'name: France\nkind: state\ncountry: France\n'),
    /actors\/france\.yaml:3:1 {2}country: must be a two-letter ISO 3166-1 code/,
  ],
  [
    'a country code that is not a country',
    () => writeFileSync(join(project, 'src/content/actors/britain.yaml'), 'name: Britain\nkind: state\ncountry: UK\n'),
    /actors\/britain\.yaml:3:1 {2}country: "UK" is not an ISO 3166-1 country code \(the United Kingdom is GB\)/,
  ],
  [
    'an incident named like a handout',
    () => copyFileSync(join(ROOT, `src/content/incidents/${INCIDENT}.mdx`), join(project, 'src/content/incidents/comparison.mdx')),
    /incidents\/comparison\.mdx:1:1 {2}file: "comparison" is taken by the handout/,
  ],
];

describe('validateContent(root) over hostile files', () => {
  it.each(CASES)(
    'refuses %s with path:line:col  field: message',
    (_name, write, expected) => {
      const lines = problemsOf(write);
      expect(lines.join('\n'), lines.join('\n')).toMatch(expected);
    },
    10_000,
  );

  it('accepts the valid event the cases start from (so that they test something)', () => {
    expect(problemsOf(writeEvent(valid()))).toEqual([]);
  });
});

describe('validateContent(root) over every field of the actor and incident JSON Schemas', () => {
  const anything = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
    fc.constantFrom('France', 'UK', 'javascript:x', 'https://a@b.c/', '\u202E', '\u0000', '*a', '&a x', '!!binary x'),
  );
  const incident = {
    title: 'Macron Leaks',
    summary: 'A summary.',
    country: 'FR',
    election: { name: 'An election', vote: '2017-05-07T20:00+02:00', timezone: 'Europe/Paris' },
    targets: ['en-marche'],
  };
  const actor = {
    name: 'An actor',
    kind: 'party',
    country: 'FR',
    summary: 'A summary.',
    url: 'https://example.org/',
    aliases: [{ name: 'Alias', by: 'en-marche' }],
  };
  it.each([
    ...fieldRows(toEditorJsonSchema('actor')).map((row) => ['actor', row.field] as const),
    ...fieldRows(toEditorJsonSchema('incident')).map((row) => ['incident', row.field] as const),
  ])('never throws on any value of %s field %s, and names the file and the field', (collection, field) => {
    writeFileSync(join(project, FILE), valid());
    fc.assert(
      fc.property(anything, (value) => {
        rmSync(join(project, 'src/content/actors/fuzzed.yaml'), { force: true });
        const path = collection === 'actor' ? 'src/content/actors/fuzzed.yaml' : `src/content/incidents/${INCIDENT}.mdx`;
        const data = setField(structuredClone(collection === 'actor' ? actor : incident) as Record<string, unknown>, field, value);
        writeFileSync(join(project, path), collection === 'actor' ? yamlOf(data) : `---\n${yamlOf(data)}---\nBody.\n`);
        const problems = validateContent(project).problems;
        for (const problem of problems) {
          expect(problem.file, JSON.stringify(problem)).toBe(path);
          // The field changed, or a field inside it ("aliases[0].by" for aliases[].by).
          expect(problem.field.split(/[.[]/)[0], JSON.stringify(problem)).toBe(field.split(/[.[]/)[0]);
          expect(problem.line, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 10 },
    );
  });
});
