/**
 * The French edition's data layer: translation files beside their originals, checked like
 * originals; the localized view of an entry (translated, outdated or missing, never dropped);
 * the archive and the JSON exports in both languages.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/archive.ts';
import { classifyEntryPath } from '../../../src/lib/content/layout.ts';
import { localize, pageLocaleOf, parseTranslationId, quoteTranslationShown, translationId } from '../../../src/lib/content/translations.ts';
import { actorsJson, eventsJson, incidentsJson } from '../../../src/lib/exports/index.ts';
import { EventSchema, EventTranslationSchema, IncidentTranslationSchema } from '../../../src/lib/schema/index.ts';
import { checkMdxBody } from '../../../src/lib/validate/mdx-safety.ts';
import { errorsOf, formatProblem } from '../../../src/lib/validate/problems.ts';
import { validateContent } from '../../../src/lib/validate/validate-content.ts';
import { ROOT } from '../../helpers.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/translations');
const EVENTS = 'src/content/events/ok-2020';
const report = validateContent(FIXTURE);
const lines = report.problems.map(formatProblem);
const linesOf = (file: string) => lines.filter((line) => line.startsWith(`${file}:`));

const source = { title: 'T', publisher: 'P', url: 'https://www.lemonde.fr/a', published: '2017-05-08', language: 'en' };
const original = {
  id: 'paris/leak',
  data: EventSchema.parse({
    title: 'Files posted',
    kind: 'leak',
    date: '2017-05-05',
    status: 'documented',
    summary: 'Files were posted.',
    sources: [source],
    reviewed: '2026-11-20',
    leak: { channel: '4chan' },
  }),
};
const french = (reviewed: string, extra: Record<string, unknown> = {}) => ({
  id: 'paris/leak',
  lang: 'fr' as const,
  data: EventTranslationSchema.parse({ title: 'Fichiers publiés', summary: 'Des fichiers ont été publiés.', reviewed, ...extra }),
  hasBody: true,
});

describe('localize(entry, translation, locale)', () => {
  it('serves the French title, summary and body, and every other field from the original', () => {
    const view = localize(original, french('2026-11-25'), 'fr');
    expect(view.title).toBe('Fichiers publiés');
    expect(view.summary).toBe('Des fichiers ont été publiés.');
    expect(view.data.title).toBe('Fichiers publiés');
    expect(view.data.date).toBe('2017-05-05');
    expect(view.data.leak).toEqual({ channel: '4chan' });
    expect([view.lang, view.bodyLang]).toEqual(['fr', 'fr']);
    expect(view.translation).toEqual({
      locale: 'fr',
      status: 'translated',
      originalReviewed: '2026-11-20',
      translationReviewed: '2026-11-25',
      translatedFrom: undefined,
      fields: ['title', 'summary', 'body'],
    });
    // The original is not touched.
    expect(original.data.title).toBe('Files posted');
  });

  it('marks a translation reviewed before its original was last reviewed as outdated, and still serves it', () => {
    const view = localize(original, french('2026-11-19', { translatedFrom: '2026-11-01' }), 'fr');
    expect(view.translation?.status).toBe('outdated');
    expect(view.translation?.originalReviewed).toBe('2026-11-20');
    expect(view.translation?.translationReviewed).toBe('2026-11-19');
    expect(view.translation?.translatedFrom).toBe('2026-11-01');
    expect(view.title).toBe('Fichiers publiés');
  });

  it('counts a translation reviewed the same day as the original as up to date', () => {
    expect(localize(original, french('2026-11-20'), 'fr').translation?.status).toBe('translated');
  });

  it('serves an entry without translation in English, marked missing, never dropped', () => {
    const view = localize(original, undefined, 'fr');
    expect(view.title).toBe('Files posted');
    expect(view.summary).toBe('Files were posted.');
    expect([view.lang, view.bodyLang]).toEqual(['en', 'en']);
    expect(view.translation).toEqual({ locale: 'fr', status: 'missing', originalReviewed: '2026-11-20', fields: [] });
  });

  it('renders the English body when a translation gives no body', () => {
    expect(localize(original, { ...french('2026-11-25'), hasBody: false }, 'fr').bodyLang).toBe('en');
  });

  it('gives the original, with no translation status, in English', () => {
    const view = localize(original, french('2026-11-25'), 'en');
    expect(view.title).toBe('Files posted');
    expect(view.translation).toBeNull();
  });

  it("translates an incident's election name and keeps its vote; an actor's name may stay as written", () => {
    const incident = {
      id: 'paris',
      data: { title: 'Paris', summary: 'S', election: { name: 'Presidential election', vote: '2017-05-07T20:00+02:00' } },
    };
    const data = IncidentTranslationSchema.parse({
      title: 'Paris',
      summary: 'R',
      election: { name: 'Élection présidentielle' },
      reviewed: '2026-11-25',
    });
    const view = localize(incident, { id: 'paris', lang: 'fr', data }, 'fr');
    expect(view.data.election).toEqual({ name: 'Élection présidentielle', vote: '2017-05-07T20:00+02:00' });
    expect(view.translation?.status).toBe('translated');
    const actor = localize(
      { id: 'apt28', data: { name: 'APT28', summary: 'A group.' } },
      { id: 'apt28', lang: 'fr', data: { summary: 'Un groupe.' } },
      'fr',
    );
    expect([actor.title, actor.summary]).toEqual(['APT28', 'Un groupe.']);
  });
});

describe('translation ids and paths', () => {
  it('ties a translation file to its original id and language', () => {
    expect(classifyEntryPath('events', 'macron-2017/emleaks-posted.fr.mdx')).toEqual({
      ok: true,
      kind: 'translation',
      id: 'macron-2017/emleaks-posted',
      lang: 'fr',
    });
    expect(classifyEntryPath('actors', 'apt28.fr.yaml')).toEqual({ ok: true, kind: 'translation', id: 'apt28', lang: 'fr' });
    expect(classifyEntryPath('events', 'macron-2017/emleaks-posted.mdx')).toEqual({
      ok: true,
      kind: 'original',
      id: 'macron-2017/emleaks-posted',
    });
    expect(translationId('macron-2017/emleaks-posted', 'fr')).toBe('fr/macron-2017/emleaks-posted');
    expect(parseTranslationId('fr/macron-2017/emleaks-posted')).toEqual({ lang: 'fr', originalId: 'macron-2017/emleaks-posted' });
  });

  it.each([
    ['m/x.de.mdx', /"de" \(German\) is not a language the site is translated into: only fr \(French\) is supported for now/],
    ['m/x.FR.mdx', /write the language in lowercase: x\.fr\.mdx/],
    ['m/x.en.mdx', /originals are in English and carry no language suffix: name it x\.mdx/],
    ['x.fr.mdx', /belongs in src\/content\/events\/<incident-id>\/<slug>\.fr\.mdx/],
    ['m/x.old.mdx', /"x\.old" is not a valid id/],
  ])('refuses %s', (path, message) => {
    const result = classifyEntryPath('events', path);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('validateContent over translation files', () => {
  it('accepts a good translation of an event, an incident and an actor, and reports nothing about them', () => {
    for (const file of [`${EVENTS}/good.fr.mdx`, 'src/content/incidents/ok-2020.fr.mdx', 'src/content/actors/victim.fr.yaml'])
      expect(linesOf(file), file).toEqual([]);
    expect(report.translations.events.map((t) => t.id)).toContain('ok-2020/good');
    expect(report.translations.incidents.map((t) => [t.id, t.lang, t.hasBody])).toEqual([['ok-2020', 'fr', true]]);
    expect(report.translations.actors[0].data).toEqual({ summary: 'Un parti pour les tests des traductions.', reviewed: '2026-01-02' });
  });

  it('does not mistake translations for misnamed originals', () => {
    expect(report.files.events).not.toContain(`${EVENTS}/good.fr.mdx`);
    expect(report.translationFiles.events).toContain(`${EVENTS}/good.fr.mdx`);
    expect(report.events.map((e) => e.id).sort()).toEqual(['ok-2020/bad-fields', 'ok-2020/good', 'ok-2020/hostile', 'ok-2020/old']);
    expect(lines.filter((line) => /not a valid id/.test(line))).toEqual([]);
  });

  it.each([
    [
      `${EVENTS}/god.fr.mdx:1:1  file: no event "ok-2020/god" to translate (a translation sits beside its original, ` +
        `src/content/events/ok-2020/god.mdx); did you mean "ok-2020/good"? If so, rename this file good.fr.mdx`,
    ],
    [`${EVENTS}/bad-fields.fr.mdx:3:1  summary: must be plain text, without HTML tags`],
    [
      `${EVENTS}/bad-fields.fr.mdx:4:1  date: unknown field: a translation holds only title, summary, reviewed, ` +
        `translatedFrom; everything else comes from the original`,
    ],
    [`${EVENTS}/good.de.mdx:1:1  file: "de" (German) is not a language the site is translated into: only fr (French) is supported for now`],
    [
      'src/content/actors/victim.de.yaml:1:1  file: "de" (German) is not a language the site is translated into: only ' +
        'fr (French) is supported for now, in files named <id>.fr.yaml',
    ],
    [`${EVENTS}/old.fr.mdx:5:1  translatedFrom: 2026-04-01 is later than the original's reviewed date (2026-03-01)`],
    [`${EVENTS}/old.fr.mdx:4:1  reviewed: warning: the original was reviewed on 2026-03-01, after this translation (2026-02-01)`],
  ])('reports %s', (expected) => {
    expect(
      lines.filter((line) => line.startsWith(expected)),
      `no line starts with ${expected}:\n${lines.join('\n')}`,
    ).not.toEqual([]);
  });

  it('refuses a hostile body in a translation exactly as in an original', () => {
    const hostile = linesOf(`${EVENTS}/hostile.fr.mdx`);
    for (const expected of [
      ':6:1  body: import and export statements are not allowed',
      ':8:1  body: <script> is not allowed',
      ':10:1  body: JavaScript in {braces} is not allowed',
      ':12:1  body: link to "javascript:alert(1)" is not allowed',
      ':14:1  body: attribute "translation" on <Quote> must be a plain "string", not a {expression}',
      ':14:1  body: event-handler attribute "onClick" is not allowed',
    ]) {
      expect(hostile).toContainEqual(expect.stringContaining(expected));
    }
  });

  it('treats an outdated translation as a warning, not an error', () => {
    const old = report.problems.filter((p) => p.file === `${EVENTS}/old.fr.mdx`);
    expect(old.find((p) => p.field === 'reviewed')?.severity).toBe('warning');
    expect(errorsOf(old).map((p) => p.field)).toEqual(['translatedFrom']);
  });

  it('names the missing original even when the file has other problems', () => {
    const found = linesOf(`${EVENTS}/lost.fr.mdx`).map((line) => line.replace(/^[^ ]+ {2}/, ''));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(
      /^file: no event "ok-2020\/lost" to translate \(a translation sits beside its original, src\/content\/events\/ok-2020\/lost\.mdx\)/,
    );
    expect(found[1]).toBe('summary: is required');
  });

  it('checks only the named translation file with `only`', () => {
    const single = validateContent(FIXTURE, { only: [`${EVENTS}/god.fr.mdx`] });
    expect(new Set(single.problems.map((p) => p.file))).toEqual(new Set([`${EVENTS}/god.fr.mdx`]));
    expect(single.problems.map((p) => p.message).join('\n')).toMatch(/did you mean "ok-2020\/good"/);
  });
});

describe('the Quote translation attribute', () => {
  it('is accepted as a plain string by the body policy', () => {
    expect(checkMdxBody('<Quote lang="en" cite="https://www.lemonde.fr/a" translation="des mots">words</Quote>\n')).toEqual([]);
  });

  it('shows where the page language differs from the quote language', () => {
    expect(quoteTranslationShown('en', 'des mots', 'fr')).toBe(true);
    expect(quoteTranslationShown('en-US', 'des mots', 'en')).toBe(false);
    expect(quoteTranslationShown('fr', 'words', 'en')).toBe(true);
    expect(quoteTranslationShown('en', undefined, 'fr')).toBe(false);
    expect(quoteTranslationShown('en', '  ', 'fr')).toBe(false);
  });

  it("reads the page's language from Astro's locale, or from the /fr/ prefix under the base path", () => {
    expect(pageLocaleOf('fr', '/events/x/')).toBe('fr');
    expect(pageLocaleOf(undefined, '/fr/events/x/')).toBe('fr');
    expect(pageLocaleOf(undefined, '/repo/fr/events/x/', '/repo/')).toBe('fr');
    expect(pageLocaleOf(undefined, '/events/fr/')).toBe('en');
    expect(pageLocaleOf(undefined, '/fromage/')).toBe('en');
  });
});

describe('the archive and the JSON exports in two languages', () => {
  const archive = buildArchive(report);
  const options = { site: 'https://example.org', base: '/' };

  it('gives every event in French, translated or marked missing', () => {
    expect(archive.localizedEvent('ok-2020/good', 'fr')?.title).toBe('Un événement valide');
    expect(archive.localizedEvent('ok-2020/good', 'fr')?.view).toBe(archive.event('ok-2020/good'));
    expect(archive.localizedEvent('ok-2020/old', 'fr')?.translation?.status).toBe('outdated');
    // bad-fields.fr.mdx is invalid, so the event is served in English.
    expect(archive.localizedEvent('ok-2020/bad-fields', 'fr')?.translation?.status).toBe('missing');
    expect(archive.localizedEvent('ok-2020/bad-fields', 'fr')?.title).toBe('A valid event (bad-fields)');
    expect(archive.localizedEvent('ok-2020/nope', 'fr')).toBeUndefined();
    expect(archive.localizedIncident('ok-2020', 'fr')?.data.election.name).toBe('Élection de test');
    expect(archive.localizedActor('victim', 'fr')?.summary).toBe('Un parti pour les tests des traductions.');
  });

  it('keeps every English field of events.json and adds translations.fr', () => {
    const json = eventsJson(archive, options);
    const good = json.events.find((e) => e.id === 'ok-2020/good')!;
    expect(good.title).toBe('A valid event (good)');
    expect(good.summary).toBe('Valid (good).');
    expect(good.translations).toEqual({
      fr: { title: 'Un événement valide', summary: 'Valide.', status: 'translated', reviewed: '2026-01-02' },
    });
    const missing = json.events.find((e) => e.id === 'ok-2020/bad-fields')!;
    expect(missing.translations).toEqual({ fr: { title: null, summary: null, status: 'missing', reviewed: null } });
    expect(json.events.find((e) => e.id === 'ok-2020/old')!.translations.fr.status).toBe('outdated');
  });

  it('dates the exports by the latest English review or translation check', () => {
    // The latest English review in the fixture is 2026-03-01 (old.mdx); translations are older.
    expect(eventsJson(archive, options).generated).toBe('2026-03-01');
    const later = buildArchive({
      ...report,
      translations: { ...report.translations, actors: [{ id: 'victim', lang: 'fr', data: { summary: 'S', reviewed: '2026-04-02' } }] },
    });
    expect(eventsJson(later, options).generated).toBe('2026-04-02');
  });

  it('adds translations.fr to incidents.json and actors.json', () => {
    expect(incidentsJson(archive, options).incidents[0].translations).toEqual({
      fr: {
        title: 'Incident de test',
        summary: 'Un petit incident pour les tests des traductions.',
        status: 'translated',
        reviewed: '2026-01-02',
      },
    });
    const victim = actorsJson(archive, options).actors.find((a) => a.id === 'victim')!;
    expect(victim.name).toBe('The Victim');
    expect(victim.translations).toEqual({
      fr: { name: null, summary: 'Un parti pour les tests des traductions.', status: 'translated', reviewed: '2026-01-02' },
    });
  });
});

describe('hostile translation files, read and refused exactly like originals', () => {
  const project = mkdtempSync(join(tmpdir(), 'eit-hostile-translation-'));
  const FILE = 'src/content/events/ok-2020/good.fr.mdx';
  const FRONT = 'title: Un titre\nsummary: Un résumé.\nreviewed: 2026-01-02\n';
  const valid = (body = 'Texte.\n', front = FRONT) => `---\n${front}---\n${body}`;
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  function problemsOf(content: string | Buffer): string[] {
    rmSync(join(project, 'src'), { recursive: true, force: true });
    cpSync(join(FIXTURE, 'src/content/incidents/ok-2020.mdx'), join(project, 'src/content/incidents/ok-2020.mdx'), { recursive: true });
    cpSync(join(FIXTURE, 'src/content/actors/victim.yaml'), join(project, 'src/content/actors/victim.yaml'));
    cpSync(join(FIXTURE, 'src/content/events/ok-2020/good.mdx'), join(project, 'src/content/events/ok-2020/good.mdx'));
    writeFileSync(join(project, FILE), content);
    const found = validateContent(project).problems.map(formatProblem);
    for (const line of found)
      expect(line, 'every problem is path:line:col  field: message').toMatch(/^src\/content\/\S+:\d+:\d+ {2}[^\s:][^:]*: \S/);
    return found;
  }

  it('accepts the valid translation the cases start from', () => {
    expect(problemsOf(valid())).toEqual([]);
  });

  it.each([
    [
      'code hidden between two comments',
      valid('Texte {/* a */ process.exit(0) /* b */}\n'),
      /good\.fr\.mdx:\d+:7 {2}body: JavaScript in \{braces\}/,
    ],
    [
      'an attribute expression',
      valid('<Quote lang="en" translation={globalThis.x}>a</Quote>\n'),
      /body: attribute "translation" on <Quote> must be a plain "string"/,
    ],
    ['a spread', valid('<Aside {...globalThis}>a</Aside>\n'), /body: spread attributes/],
    ['an image', valid('![x](https://www.lemonde.fr/a.png)\n'), /body: images are not allowed/],
    [
      'a fence with a comment',
      valid().replace('---\n', '---\n--- # note\n'),
      /good\.fr\.mdx:2:1 {2}frontmatter: line 2 \("--- # note"\) ends the frontmatter here/,
    ],
    [
      'TOML frontmatter',
      '+++\ntitle = "x"\n+++\nTexte\n',
      /good\.fr\.mdx:1:1 {2}frontmatter: the file must start with a line of exactly three dashes.*TOML/,
    ],
    [
      'a byte that is not UTF-8',
      Buffer.from(valid('Les fichiers publiés.\n'), 'latin1'),
      /good\.fr\.mdx:\d+:\d+ {2}file: this file is not UTF-8 text/,
    ],
    [
      'a control character in a title',
      valid(undefined, FRONT.replace('Un titre', '"Un\\atitre"')),
      /title: must not contain control characters \(found U\+0007\)/,
    ],
    [
      'a bidirectional override in a summary',
      valid(undefined, FRONT.replace('Un résumé.', 'evil\u202Egro')),
      /summary: must not contain bidirectional override/,
    ],
    [
      'a YAML anchor and alias',
      valid(undefined, 'title: &t Un titre\nsummary: *t\nreviewed: 2026-01-02\n'),
      /\w+: YAML anchors \(&t\) are not allowed/,
    ],
    [
      'a YAML tag',
      valid(undefined, FRONT.replace('title: Un titre', 'title: !!binary aGVsbG8=')),
      /\w+: YAML tags \(!!binary\) are not allowed/,
    ],
    ['a TODO from the template', valid(undefined, FRONT.replace('Un titre', 'TODO')), /title: a TODO from the template is still here/],
    [
      'a reviewed date in the future',
      valid(undefined, FRONT.replace('2026-01-02', '2999-01-01')),
      /reviewed: "2999-01-01" is in the future/,
    ],
  ] as [string, string | Buffer, RegExp][])('refuses %s', (_name, content, expected) => {
    const found = problemsOf(content);
    expect(found).toContainEqual(expect.stringMatching(expected));
  });
});
