/**
 * The /contribute/ form's logic (src/lib/contribute/draft.ts): dates from the form's parts,
 * the file it writes, and its checks, which must say exactly what `npm run validate` says.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEventFile, type ArchiveFacts } from '../../../src/lib/contribute/check.ts';
import { composeDate, eventFilePath, eventFileText, newFileUrl, offsetIn, slugFromTitle } from '../../../src/lib/contribute/draft.ts';
import { formatProblem } from '../../../src/lib/validate/problems.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { fr } from '../../../src/lib/i18n/fr.ts';
import { fieldRows, toEditorJsonSchema } from '../../../src/lib/schema/json-schema.ts';
import { validateContent } from '../../../src/lib/validate/validate-content.ts';
import { realContent } from '../../real-content.ts';

const ROOT = join(import.meta.dirname, '../../..');
let facts: ArchiveFacts;

beforeAll(() => {
  const report = realContent();
  facts = {
    actors: report.actors.map((a) => a.id),
    incidents: report.incidents.map((i) => ({ id: i.id, vote: String(i.data.election.vote), timezone: i.data.election.timezone })),
  };
});

const good = {
  title: 'A test statement',
  kind: 'statement',
  date: '2017-05-06',
  status: 'reported',
  summary: 'A plain summary.',
  actors: [{ id: 'emmanuel-macron', role: 'speaker' }],
  statement: { speaker: 'emmanuel-macron', quote: '' },
  sources: [
    {
      title: 'A source',
      publisher: 'Example',
      url: 'https://www.lemonde.fr/a',
      published: '2017-05-06',
      language: 'en',
      kind: '',
      note: ' ',
    },
  ],
  reviewed: '2026-11-25',
  approximate: false,
};

/** The validator's lines for the repository's content plus one file (in a temporary copy). */
const dirs: string[] = [];
afterAll(() =>
  dirs.forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  }),
);
function validatorLines(incident: string, slug: string, text: string, { body = false } = {}): string[] {
  const root = mkdtempSync(join(tmpdir(), 'contribute-unit-'));
  dirs.push(root);
  cpSync(join(ROOT, 'src/content'), join(root, 'src/content'), { recursive: true });
  const path = join(root, eventFilePath(incident, slug));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return validateContent(root)
    .problems.filter((p) => body || p.field !== 'body')
    .map(formatProblem);
}

describe('the contribute form logic', () => {
  it('writes dates at the precision chosen', () => {
    expect(composeDate({ precision: 'year', year: '2017', month: '5' })).toBe('2017');
    expect(composeDate({ precision: 'month', year: '2017', month: '5', day: '6' })).toBe('2017-05');
    expect(composeDate({ precision: 'day', year: '2017', month: '5', day: '6' })).toBe('2017-05-06');
    expect(composeDate({ precision: 'minute', year: '2017', month: '05', day: '05', time: '20:35', offset: '+02:00' })).toBe(
      '2017-05-05T20:35+02:00',
    );
  });

  it("gives the incident zone's offset on that day, summer or winter", () => {
    expect(offsetIn('Europe/Paris', '2017-05-05', '20:35')).toBe('+02:00');
    expect(offsetIn('Europe/Paris', '2017-01-05')).toBe('+01:00');
    expect(offsetIn('America/New_York', '2016-11-08', '20:00')).toBe('-05:00');
    expect(offsetIn('America/New_York', '2016-07-22')).toBe('-04:00');
    expect(offsetIn('Europe/Paris', '2017-05')).toBeUndefined();
  });

  it('makes file names from titles', () => {
    expect(slugFromTitle('DNC confirms the breach — and Macron’s “leaks”!')).toBe('dnc-confirms-the-breach-and-macron-s-leaks');
    expect(slugFromTitle('Élysée: réaction')).toBe('elysee-reaction');
  });

  it('writes a file without the blank fields, that the validator accepts', () => {
    const text = eventFileText(good, 'Some *text*.\r\n');
    const head = '---\ntitle: A test statement\nkind: statement\ndate: "2017-05-06"\n';
    expect(text.slice(0, head.length)).toBe(head);
    expect(text).not.toMatch(/quote|approximate|note|kind: ""/);
    const tail = '---\nSome *text*.\n';
    expect(text.slice(-tail.length)).toBe(tail);
    expect(checkEventFile(text, 'macron-2017', 'a-test-statement', facts)).toEqual([]);
    expect(validatorLines('macron-2017', 'a-test-statement', text)).toEqual([]);
  });

  const slips: [string, Record<string, unknown>, string?][] = [
    ['a control character in the title', { title: 'Bell\u0007' }],
    ['no source', { sources: [] }],
    ['a kind without its block', { kind: 'leak' }],
    ['an unknown actor', { actors: [{ id: 'nobody-here', role: 'speaker' }] }],
    ['a date in the future', { date: '2999-01-01' }],
    ['a date 40 years from the vote', { date: '1970-01-01' }],
    ['an end before the date', { end: '2017-05-01' }],
    ['a language name instead of a code', { sources: [{ ...good.sources[0], language: 'French' }] }],
    ['a javascript: source URL', { sources: [{ ...good.sources[0], url: 'javascript:alert(1)' }] }],
    ['HTML in the summary', { summary: 'A <b>bold</b> claim' }],
    ['an example.org address', { sources: [{ ...good.sources[0], url: 'https://example.org/a' }] }],
    ['a TODO left in the title', { title: 'TODO a headline' }],
    ['a misspelt actor', { statement: { speaker: 'emmanuel-macon' } }],
    ['a misspelt kind', { kind: 'statment' }],
    ['a reserved file name', {}, 'index'],
    ['a misspelt incident', {}, 'incident:macron-2071'],
    ['an incident that does not exist', {}, 'incident:nowhere-2030'],
  ];
  for (const [name, change, where] of slips) {
    it(`says what the validator says for ${name}`, () => {
      const incident = where?.startsWith('incident:') ? where.slice(9) : 'macron-2017';
      const slug = where && !where.startsWith('incident:') ? where : 'a-test-statement';
      const text = eventFileText({ ...good, ...change }, '');
      const form = checkEventFile(text, incident, slug, facts).map(formatProblem);
      const validator = validatorLines(incident, slug, text).filter((line) => line.startsWith(eventFilePath(incident, slug)));
      expect(form.length).toBeGreaterThan(0);
      expect(form).toEqual(validator);
    });
  }

  it("tells about the body's links, braces and elements as the validator does, before the pull request", () => {
    const body = 'See [the post](https//www.lemonde.fr/a), [the site](www.lemonde.fr) and {1 + 1}.\n\nA <div>box</div>.\n';
    const text = eventFileText(good, body);
    const form = checkEventFile(text, 'macron-2017', 'a-test-statement', facts).map(formatProblem);
    const validator = validatorLines('macron-2017', 'a-test-statement', text, { body: true });
    expect(form.map((line) => line.replace(/^\S+\s+/, ''))).toEqual([
      'body: link "https//www.lemonde.fr/a" is missing the colon: write https://www.lemonde.fr/a',
      'body: link "www.lemonde.fr" has no https://, so it would lead to a page of this site: write https://www.lemonde.fr',
      'body: JavaScript in {braces} is not allowed; only a comment, {/* like this */}, may stand in braces',
      'body: <div> is not allowed; use Markdown, or one of: abbr, b, br, cite, code, del, dfn, em, i, ins, kbd, mark, ' +
        'q, s, small, span, strong, sub, sup, time',
    ]);
    expect(form).toEqual(validator);
  });

  it('goes on past a bad file name (where the validator stops), so that every problem shows at once', () => {
    const text = eventFileText({ ...good, summary: 'A <b>bold</b> claim' }, '');
    const form = checkEventFile(text, 'macron-2017', 'Bad_Name', facts).map(formatProblem);
    const validator = validatorLines('macron-2017', 'Bad_Name', text).filter((line) => line.includes('Bad_Name'));
    const rest = checkEventFile(text, 'macron-2017', 'bad-name', facts).map((line) => formatProblem(line).replace('bad-name', 'Bad_Name'));
    expect(validator).toHaveLength(1);
    expect(form).toEqual([...validator, ...rest]);
    expect(rest).toContainEqual(expect.stringContaining('summary: must be plain text, without HTML tags'));
  });

  it("opens GitHub's new-file page with the path and the text", () => {
    const url = new URL(newFileUrl('https://github.com/o/r', 'main', 'src/content/events/a/b.mdx', '---\ntitle: "x & y"\n---\n'));
    expect(url.pathname).toBe('/o/r/new/main');
    expect(url.searchParams.get('filename')).toBe('src/content/events/a/b.mdx');
    expect(url.searchParams.get('value')).toBe('---\ntitle: "x & y"\n---\n');
  });
});

describe('the form in French', () => {
  const rows = fieldRows(toEditorJsonSchema('event')).filter((row) => row.field !== 'related');
  const key = (field: string) => field.replace(/^.*[.\]]/, '');

  it('gives every field the form shows a French help, and English the schema’s own description', () => {
    const untranslated = rows
      .filter((row) => fr.contribute.fieldHelp(row.field, row.description) === row.description)
      .map((row) => row.field);
    expect(untranslated).toEqual([]);
    for (const row of rows) expect(en.contribute.fieldHelp(row.field, row.description)).toBe(row.description);
  });

  it('labels the fields of the kind blocks and sources in French, while English shows the file’s key', () => {
    const labelled = rows.filter((row) => /\.|\[\]/.test(row.field) && !row.field.startsWith('actors'));
    expect(labelled.length).toBeGreaterThan(30);
    expect(labelled.filter((row) => fr.contribute.fieldLabel(row.field) === key(row.field)).map((row) => row.field)).toEqual([]);
    expect(en.contribute.fieldLabel('leak.forgeriesAlleged')).toBe('forgeriesAlleged');
    expect(en.contribute.fieldLabel('sources[].publisher')).toBe('publisher');
    expect(fr.contribute.fieldLabel('sources[].publisher')).toBe('Éditeur');
  });

  it('has the script’s words in both languages, with the same {placeholders}', () => {
    const holes = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]);
    for (const [name, text] of Object.entries(en.contribute.script)) {
      const french = fr.contribute.script[name as keyof typeof en.contribute.script];
      expect(french, name).not.toBe(text);
      expect(holes(french), name).toEqual(holes(text));
    }
  });
});
