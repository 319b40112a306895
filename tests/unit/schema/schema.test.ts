import { describe, expect, it } from 'vitest';
import { parseMdxSource, parseYamlSource } from '../../../src/lib/content/frontmatter.ts';
import { ActorSchema, EventSchema, IncidentSchema } from '../../../src/lib/schema/index.ts';

const SOURCE = 'sources:\n  - { title: T, publisher: P, url: "https://example.org/a", published: 2017-05-08, language: en }';

/** Parses an event written as YAML frontmatter, the way editors write it. */
function event(yaml: string) {
  const parsed = parseMdxSource(`---\n${yaml}\n${SOURCE}\nreviewed: 2026-01-01\n---\nBody.`);
  expect(parsed.syntaxErrors).toEqual([]);
  return EventSchema.safeParse(parsed.data);
}

const base = 'title: T\nstatus: documented\nsummary: S';
const leak = `${base}\nkind: leak\nleak: { channel: 4chan }`;

describe('EventSchema: dates keep the precision and offset written, quoted or not', () => {
  it.each([
    ['date: 2017-05-05T20:35+02:00', '2017-05-05T20:35+02:00'],
    ['date: "2017-05-05T20:35+02:00"', '2017-05-05T20:35+02:00'],
    ['date: 2016', '2016'],
    ["date: '2016'", '2016'],
    ['date: 2016-07', '2016-07'],
    ['date: 2016-07-22', '2016-07-22'],
    ['date: 2017-05-05T18:35Z', '2017-05-05T18:35Z'],
  ])('%s → %s', (line, expected) => {
    const result = event(`${leak}\n${line}`);
    expect(result.success && result.data.date).toBe(expected);
  });

  it.each([
    ['date: 2017-05-05T20:35', 'no offset'],
    ['date: 2017-02-30', 'not a real date'],
    ['date: 2999-01-01', 'in the future'],
    ['date: 2016.5', 'wrong type'],
    ['date: [2016]', 'wrong type'],
    ['date: 2017-05-05\nend: 2017-05-04', 'before date'],
  ])('refuses %j (%s)', (line, message) => {
    const result = event(`${leak}\n${line}`);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${issue.message} ${issue.code}`).join('\n');
    expect(messages.replace('invalid_union', 'wrong type')).toContain(message);
  });

  it('accepts an end on the same day as a timed start', () => {
    expect(event(`${leak}\ndate: 2017-05-05T20:35+02:00\nend: 2017-05-05`).error?.issues, 'the problems found').toBeUndefined();
  });
});

describe('EventSchema: fields and kind blocks', () => {
  it('accepts the content model example shape', () => {
    const result = event(
      `${leak}\ndate: 2017-05-05T20:35+02:00\napproximate: true\nactors:\n  - { id: en-marche, role: target ` +
        `}\nrelated: [macron-2017/en-marche-statement]`,
    );
    expect(result.error?.issues, 'the problems found').toBeUndefined();
  });

  it.each([
    ['an unknown key (a typo)', `${leak}\ndate: 2017\nsumary: x`, 'Unrecognized key'],
    ['a missing block', `${base}\nkind: attribution\ndate: 2017`, 'needs a "attribution:" block'],
    ['a block on the wrong kind', `${leak}\ndate: 2017\nstatement: { speaker: x }`, 'belongs only to kind: statement'],
    ['a blackout without end', `${base}\nkind: blackout\ndate: 2017-05-06\nblackout: { legalBasis: law }`, 'give its end'],
    ['an unknown kind', `${base}\nkind: rumour\ndate: 2017`, 'Invalid option'],
    ['a summary over 280 characters', `${leak.replace('summary: S', `summary: ${'x'.repeat(281)}`)}\ndate: 2017`, 'at most 280'],
    ['HTML in a summary', `${leak.replace('summary: S', 'summary: "<b>x</b>"')}\ndate: 2017`, 'plain text'],
    ['an upper-case actor id', `${leak}\ndate: 2017\nactors: [{ id: APT28, role: accused }]`, 'kebab-case'],
    ['a bad related id', `${leak}\ndate: 2017\nrelated: [emleaks-posted]`, '<incident-id>/<slug>'],
    ['a bad role', `${leak}\ndate: 2017\nactors: [{ id: apt28, role: villain }]`, 'Invalid option'],
    [
      'a bad confidence',
      `${base}\nkind: attribution\ndate: 2017\nattribution: { by: a, to: b, basis: technical, stance: attributes, confidence: certain }`,
      'Invalid option',
    ],
    ['a MITRE technique id of the wrong form', `${base}\nkind: hack\ndate: 2017\nhack: { attack: G0007 }`, 'technique id'],
    ['approximate as a string', `${leak}\ndate: 2017\napproximate: yes`, 'expected boolean'],
  ])('refuses %s', (_name, yaml, message) => {
    const result = event(yaml);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message).join('\n')).toContain(message);
  });

  it('refuses sources that are not http(s) and events without sources', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org/x', 'example.org']) {
      const parsed = parseMdxSource(
        `---\n${leak}\ndate: 2017\nsources: [{ title: T, publisher: P, url: "${url}", published: 2017, language: en ` +
          `}]\nreviewed: 2026-01-01\n---\n`,
      );
      expect(EventSchema.safeParse(parsed.data).success, url).toBe(false);
    }
    const none = parseMdxSource(`---\n${leak}\ndate: 2017\nsources: []\nreviewed: 2026-01-01\n---\n`);
    expect(EventSchema.safeParse(none.data).error!.issues[0].message).toBe('needs at least one source');
  });

  it('reports every problem at once, not only the first', () => {
    const result = event(`${base}\nkind: statement\ndate: 2017-05-05T20:35\nsumary: x\nleak: { channel: x }`);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['date', '', 'leak', 'statement']));
  });
});

describe('IncidentSchema', () => {
  const incident = (election: string, extra = '') =>
    IncidentSchema.safeParse(
      parseMdxSource(`---\ntitle: Macron Leaks\nsummary: S\ncountry: FR\ntargets: [en-marche]\n${extra}election:\n${election}\n---\n`).data,
    );

  it('needs the vote as a date-time with an offset, and a real IANA zone', () => {
    expect(
      incident('  name: E\n  vote: 2017-05-07T20:00+02:00\n  timezone: Europe/Paris').error?.issues,
      'the problems found',
    ).toBeUndefined();
    expect(incident('  name: E\n  vote: 2017-05-07\n  timezone: Europe/Paris').error!.issues[0].message).toContain('needs a time');
    expect(incident('  name: E\n  vote: 2017-05-07T20:00+02:00\n  timezone: Paris').success).toBe(false);
    expect(incident('  name: E\n  vote: 2017-05-07T20:00+02:00\n  timezone: Europe/Paris', 'country: XX\n').success).toBe(false);
  });
});

describe('ActorSchema', () => {
  const actor = (yaml: string) => ActorSchema.safeParse(parseYamlSource(yaml).data);
  it('reads country: NO as Norway, not as false', () => {
    expect(actor('name: N\nkind: state\ncountry: NO').error?.issues, 'the problems found').toBeUndefined();
  });
  it('accepts aliases with who coined them and a MITRE group id', () => {
    expect(
      actor('name: APT28\nkind: intrusion-set\nmitre: G0007\naliases:\n  - { name: Fancy Bear, by: crowdstrike }\n  - { name: Sofacy }')
        .error?.issues,
      'the problems found',
    ).toBeUndefined();
  });
  it.each([
    ['mitre: T1566', 'G followed by four digits'],
    ['url: http://example.org', 'https'],
    ['kind: spy', 'Invalid option'],
    ['aliases: [{ name: X, coinedBy: y }]', 'Unrecognized key'],
  ])('refuses %s', (line, message) => {
    const yaml = line.startsWith('kind') ? `name: A\n${line}` : `name: A\nkind: state\n${line}`;
    expect(
      actor(yaml)
        .error!.issues.map((i) => i.message)
        .join(),
    ).toContain(message);
  });
});
