/**
 * The slips a volunteer editor makes, and the one plain message each gets: file, line,
 * field, and the fix or the nearest valid value. Messages are compared in full, so that a
 * change of wording is a deliberate change of this table.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/validate/problems.ts';
import { validateContent } from '../../../src/lib/validate/validate-content.ts';
import { ROOT } from '../../helpers.ts';

const FILE = 'src/content/events/macron-2017/slip.mdx';
const project = mkdtempSync(join(tmpdir(), 'eit-slips-'));
beforeAll(() => {
  for (const dir of ['src/content/incidents', 'src/content/actors', 'src/content/events/macron-2017'])
    mkdirSync(join(project, dir), { recursive: true });
  copyFileSync(join(ROOT, 'src/content/incidents/macron-2017.mdx'), join(project, 'src/content/incidents/macron-2017.mdx'));
  for (const actor of ['en-marche', 'dmitry-peskov'])
    copyFileSync(join(ROOT, `src/content/actors/${actor}.yaml`), join(project, `src/content/actors/${actor}.yaml`));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

const LINES = {
  title: 'title: A statement',
  kind: 'kind: denial',
  date: 'date: 2017-05-06',
  status: 'status: reported',
  summary: 'summary: A short summary.',
  actors: 'actors:\n  - { id: dmitry-peskov, role: speaker }',
  block: 'denial:\n  by: dmitry-peskov',
  sources:
    'sources:\n  - title: A source\n    publisher: A publisher\n    url: https://www.lemonde.fr/a\n    published: ' +
    '2017-05-06\n    language: fr',
  reviewed: 'reviewed: 2026-01-01',
};
type Lines = typeof LINES;
const file = (change: Partial<Lines> = {}, body = 'Body.') => `---\n${Object.values({ ...LINES, ...change }).join('\n')}\n---\n${body}\n`;

function problems(text: string): string[] {
  writeFileSync(join(project, FILE), text);
  return validateContent(project).problems.map(formatProblem);
}

describe('what an editor is told', () => {
  it('accepts the file the slips start from', () => {
    expect(problems(file())).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    [
      'an unquoted colon in a title',
      file({ title: 'title: Kremlin: no comment' }),
      [`${FILE}:2:1  title: a title that contains a colon must be in quotes: title: "Kremlin: no comment"`],
    ],
    [
      'a stray quote',
      file({ title: 'title: "Kremlin said no' }),
      [
        `${FILE}:2:1  title: a quote opened here is never closed: end the value with the same quote mark on this ` +
          `line, e.g. title: "Kremlin said no"`,
      ],
    ],
    [
      'a date and a review date left out',
      file({ date: '', reviewed: '' }),
      [`${FILE}:2:1  date: is required`, `${FILE}:2:1  reviewed: is required`],
    ],
    [
      'an apostrophe in single quotes',
      file({ title: "title: 'Macron's files'" }),
      [
        `${FILE}:2:1  title: inside single quotes, write an apostrophe twice ('') or put the value in double quotes: ` +
          `title: "Macron's files"`,
      ],
    ],
    [
      'a misaligned field in a list item',
      file({ sources: LINES.sources.replace('    publisher', '   publisher') }),
      [
        `${FILE}:13:1  sources: this line is not lined up with the field above it (it starts in column 4, the line ` +
          `above in column 5): the fields of one list item start in the same column, and a new item starts with "- "`,
      ],
    ],
    [
      'a tab for indentation',
      file({ block: 'denial:\n\tby: dmitry-peskov' }),
      [`${FILE}:10:1  denial: indent with spaces, not tabs (YAML does not accept tabs for indentation)`],
    ],
    [
      'a hashtag cut short',
      file({ title: 'title: Files #MacronLeaks posted' }),
      [
        `${FILE}:2:8  title: the text from "#MacronLeaks" on is read as a comment, so this value is only "Files": put ` +
          `the whole value in double quotes`,
      ],
    ],
    [
      'a misspelt actor id',
      file({ block: 'denial:\n  by: dmitri-peskov' }),
      [
        `${FILE}:10:3  denial.by: no actor "dmitri-peskov"; did you mean "dmitry-peskov"? If it is someone new, add ` +
          `src/content/actors/dmitri-peskov.yaml`,
      ],
    ],
    [
      'a part of an actor id',
      file({ actors: 'actors:\n  - { id: peskov, role: speaker }' }),
      [
        `${FILE}:8:7  actors[0].id: no actor "peskov"; did you mean "dmitry-peskov"? If it is someone new, add ` +
          `src/content/actors/peskov.yaml`,
      ],
    ],
    [
      'a capitalised status',
      file({ status: 'status: Reported' }),
      [`${FILE}:5:1  status: must be one of: documented, reported, alleged, disputed (got "Reported"; did you mean "reported"?)`],
    ],
    [
      'a language name',
      file({ sources: LINES.sources.replace('language: fr', 'language: French') }),
      [`${FILE}:16:5  sources[0].language: "French" is not a BCP 47 language tag: write a code such as en, fr or pt-BR`],
    ],
    [
      'a link without its colon',
      file({}, 'See [Le Monde](https//www.lemonde.fr/a).'),
      [`${FILE}:19:5  body: link "https//www.lemonde.fr/a" is missing the colon: write https://www.lemonde.fr/a`],
    ],
    [
      'a link without https://',
      file({}, 'See [Le Monde](www.lemonde.fr/a).'),
      [
        `${FILE}:19:5  body: link "www.lemonde.fr/a" has no https://, so it would lead to a page of this site: write ` +
          `https://www.lemonde.fr/a`,
      ],
    ],
    [
      'a link missing its )',
      file({}, 'See [Le Monde](https://www.lemonde.fr/a.'),
      [`${FILE}:19:1  body: a link is missing its closing ")": write [text](https://address)`],
    ],
    [
      'a TODO left by the template',
      file({ summary: 'summary: TODO one sentence.' }),
      [
        `${FILE}:6:10  summary: a TODO from the template is still here: write the real value (and remove the TODO ` +
          `note), or delete the line`,
      ],
    ],
    [
      "the template's example address",
      file({ sources: LINES.sources.replace('https://www.lemonde.fr/a', 'https://example.org/source') }),
      [`${FILE}:14:5  sources[0].url: example.org is the template's placeholder: give the address of the source itself`],
    ],
  ])('%s', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});
