/** A new incident is a content change only: three files, no code, and it is everywhere. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TMP, astroBuild, projectCopy } from './project.ts';

const project = join(TMP, 'new-incident-project');
const dist = join(project, 'dist');
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(() => {
  projectCopy('new-incident-project');
  // An editor's pull request: an incident, its events folder, a new actor. Test content only.
  writeFileSync(
    join(project, 'src/content/incidents/testland-2020.mdx'),
    '---\ntitle: Testland leak\nsummary: A test incident added by content alone.\ncountry: NO\nelection:\n  name: ' +
      '2020 Testland election\n  vote: 2020-09-13T21:00+02:00\n  timezone: Europe/Oslo\ntargets: [testland-party]\n---\nA test overview.\n',
  );
  writeFileSync(join(project, 'src/content/actors/testland-party.yaml'), 'name: Testland Party\nkind: party\ncountry: NO\n');
  mkdirSync(join(project, 'src/content/events/testland-2020'));
  const source = 'sources:\n  - { title: T, publisher: P, url: "https://www.nrk.no/t", published: 2020-09-12, language: no }';
  writeFileSync(
    join(project, 'src/content/events/testland-2020/files-posted.mdx'),
    `---\ntitle: Test files posted\nkind: leak\ndate: 2020-09-11T21:00+02:00\nstatus: reported\nsummary: A test leak ` +
      `two days before the vote.\nactors: [{ id: testland-party, role: target }]\nleak: { channel: a forum ` +
      `}\n${source}\nrelated: [macron-2017/emleaks-posted]\nreviewed: 2026-01-01\n---\nA test body.\n`,
  );
  writeFileSync(
    join(project, 'src/content/events/testland-2020/vote.mdx'),
    `---\ntitle: Test vote\nkind: election\ndate: 2020-09-13\nstatus: documented\nsummary: The test vote.\nelection: ` +
      `{ round: 1 }\n${source}\nreviewed: 2026-01-01\n---\n`,
  );
  const result = astroBuild(project, dist);
  if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
});

describe('a new incident added by content alone', () => {
  it('gets its own lane on the home chart, aligned on its own vote', () => {
    const home = read('index.html');
    expect(home).toContain('data-incident="testland-2020"');
    expect(home).toContain('data-event-id="testland-2020/files-posted"');
    expect(home).toMatch(/aria-label="Leak \(reported\), 11 September 2020, 21:00 Oslo time, T−48 h: Test files posted"/);
  });

  it('gets an incident page, event pages, and a handout', () => {
    expect(read('incidents/testland-2020/index.html')).toContain('Testland leak');
    expect(read('events/testland-2020/files-posted/index.html')).toContain('<time datetime="2020-09-11T21:00+02:00">');
    expect(read('handouts/testland-2020/index.html')).toContain('Test files posted');
  });

  it('appears in the comparison panel and the data exports', () => {
    expect(read('index.html')).toMatch(/data-incident="testland-2020" data-figure="first-leak"/);
    const events = JSON.parse(read('data/events.json'));
    expect(events.events.filter((e: { incident: string }) => e.incident === 'testland-2020')).toHaveLength(2);
    expect(read('data/events.csv')).toContain('testland-2020/files-posted');
  });
});
