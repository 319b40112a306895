import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, githubAnnotation } from '../../../src/lib/validate/problems.ts';
import { validateContent } from '../../../src/lib/validate/validate-content.ts';
import { ROOT } from '../../helpers.ts';

const BAD = join(ROOT, 'tests/fixtures/bad-content');
const EVENTS = 'src/content/events/ok-2020';
const report = validateContent(BAD);
const lines = report.problems.map(formatProblem);

describe('validateContent(root) over a folder of bad files', () => {
  it.each([
    [`${EVENTS}/typo-summary.mdx:6:1  sumary: unknown field (did you mean "summary"?)`],
    [`${EVENTS}/typo-summary.mdx:2:1  summary: is required`],
    [`${EVENTS}/bad-dates.mdx:4:1  date: "2020-02-28T21:05" has a time but no offset`],
    [`${EVENTS}/bad-dates.mdx:5:1  end: "2019-02-30" is not a real date`],
    [`${EVENTS}/bad-dates.mdx:11:5  sources[0].url: must be a full http:// or https:// address`],
    [`${EVENTS}/bad-dates.mdx:12:5  sources[0].published: "2999-01-01" is in the future`],
    [`${EVENTS}/future.mdx:4:1  date: "2999-05-01" is in the future`],
    [`${EVENTS}/end-before-start.mdx:5:1  end: end 2020-02-28 is before date 2020-02-29T00:00+01:00 (read in Europe/Paris)`],
    [`${EVENTS}/missing-refs.mdx:8:7  actors[0].id: no actor "nobody"`],
    [`${EVENTS}/missing-refs.mdx:11:3  attribution.to: no actor "ghost"`],
    [`${EVENTS}/missing-refs.mdx:15:11  related[0]: no event "ok-2020/missing"`],
    [`${EVENTS}/wrong-block.mdx:7:1  leak: a "leak:" block belongs only to kind: leak`],
    [`${EVENTS}/wrong-block.mdx:2:1  statement: kind: statement needs a "statement:" block`],
    [`${EVENTS}/unsafe-body.mdx:15:1  body: import and export statements are not allowed`],
    [`${EVENTS}/unsafe-body.mdx:17:1  body: <script> is not allowed`],
    [`${EVENTS}/unsafe-body.mdx:19:1  body: event-handler attribute "onClick" is not allowed`],
    [`${EVENTS}/unsafe-body.mdx:21:1  body: link to "javascript:alert(1)" is not allowed`],
    [`${EVENTS}/unsafe-body.mdx:23:1  body: component <Chart> is not provided by the site`],
    [`${EVENTS}/unsafe-body.mdx:25:1  body: JavaScript in {braces} is not allowed`],
    [`${EVENTS}/unsafe-body.mdx:27:1  body: <iframe> is not allowed`],
    [`${EVENTS}/unclosed.mdx:17:1  body: MDX syntax error: Expected a closing tag for \`<Aside>\``],
    [`${EVENTS}/bad-yaml.mdx:3:1  title: title appears twice: keep one`],
    [`${EVENTS}/Bad_Slug.mdx:1:1  file: "Bad_Slug" is not a valid id`],
    [`${EVENTS}/notes.md:1:1  file: only .mdx files belong in src/content/events/`],
    ['src/content/events/stray.mdx:1:1  file: an event file belongs in src/content/events/<incident-id>/<slug>.mdx'],
    ['src/content/events/orphan-2021/lost.mdx:1:1  file: folder "orphan-2021" names no incident'],
    ['src/content/actors/Bad_Name.yaml:1:1  file: "Bad_Name" is not a valid id'],
    ['src/content/actors/typo.yaml:1:1  nmae: unknown field (did you mean "name"?)'],
    ['src/content/actors/typo.yaml:2:1  kind: must be one of: state,'],
    ['src/content/actors/victim.yaml:5:16  aliases[0].by: no actor "nobody-coined"'],
  ])('reports %s', (expected) => {
    expect(
      lines.filter((line) => line.startsWith(expected)),
      `no such line in:\n${lines.join('\n')}`,
    ).not.toEqual([]);
  });

  it('reports nothing about the valid event in the same folder', () => {
    expect(lines.filter((line) => line.includes('/good.mdx'))).toEqual([]);
    expect(report.events.map((event) => event.id)).toContain('ok-2020/good');
  });

  it('names a file and a field in every problem', () => {
    for (const problem of report.problems) {
      expect(problem.file).toMatch(/^src\/content\//);
      expect(problem.field).not.toBe('');
      expect(problem.line).toBeGreaterThan(0);
    }
  });
});

describe('githubAnnotation(problem)', () => {
  it('escapes newlines, commas and colons where GitHub needs it', () => {
    expect(githubAnnotation({ file: 'a,b.mdx', line: 2, column: 3, field: 'x', message: 'one\ntwo: 100%' })).toBe(
      '::error file=a%2Cb.mdx,line=2,col=3,title=x::x: one%0Atwo: 100%25',
    );
  });
});
