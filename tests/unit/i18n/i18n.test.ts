/**
 * The French dictionary has exactly the English one's keys (the type check says so too),
 * and dates, offsets, durations and axis ticks read as a French reader expects.
 */
import { describe, expect, it } from 'vitest';
import { toPartialDate } from '../../../src/lib/dates.ts';
import { formatDuration, formatPartialDate, formatUtc, tOffset } from '../../../src/lib/format.ts';
import { dictionaryStrings, foreignWords, pageLanguageText } from '../../../src/lib/i18n/audit.ts';
import { dictionary, en } from '../../../src/lib/i18n/en.ts';
import { fr } from '../../../src/lib/i18n/fr.ts';
import { inlineCodeParts } from '../../../src/lib/i18n/inline-code.ts';
import { EVENTS_CSV_COLUMNS } from '../../../src/lib/exports/csv.ts';
import { alternatePaths, langOfPath, localizedPath } from '../../../src/lib/i18n/routing.ts';
import { alignedTickCandidates, calendarTickCandidates } from '../../../src/lib/timeline/ticks.ts';

/** Every key path of a dictionary, with the kind of value it holds. */
function shape(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return [`${path}:array${value.length}`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, v]) => shape(v, path ? `${path}.${key}` : key));
  return [`${path}:${typeof value}`];
}

describe('the French dictionary', () => {
  it('has every key of the English one, no other, with values of the same kind', () => {
    expect(shape(fr).sort()).toEqual(shape(en).sort());
  });

  it('is what dictionary() gives for French pages', () => {
    expect(dictionary('fr')).toBe(fr);
    expect(dictionary('fr-FR')).toBe(fr);
    expect(dictionary('en-GB')).toBe(en);
  });

  it('puts a space before : ; ? ! (a colon joining two parts: a narrow no-break space)', () => {
    expect(`T−5 mois${fr.units.colon}Documents publiés`).toBe('T−5 mois\u202f: Documents publiés');
    expect(`T−5 mo${en.units.colon}Files posted`).toBe('T−5 mo: Files posted');
    // "Correction:" is a commit line quoted as written.
    const tight = dictionaryStrings(fr).filter((s) => /[^\s\u00a0\u202f][:;?!](\s|$)/u.test(s.replace('« Correction: »', '')));
    expect(tight).toEqual([]);
    // The space is a narrow no-break one (U+202F): an ordinary space lets the sign wrap to the next line.
    const wide = dictionaryStrings(fr).filter((s) => /[ \u00a0][:;?!](\s|$)/u.test(s));
    expect(wide).toEqual([]);
  });

  it("writes the French apostrophe as a typographic one (l’élection, not l'élection)", () => {
    const straight = dictionaryStrings(fr).filter((s) => /\p{L}'\p{L}/u.test(s));
    expect(straight, 'French strings with a typewriter apostrophe').toEqual([]);
  });

  it('leaves no English string untranslated except words both languages share', () => {
    const english = foreignWords(en, fr);
    expect([...english]).toContain('before');
    expect([...foreignWords(fr, en)]).toContain('avant');
  });
});

describe('dates and offsets in French', () => {
  const leak = toPartialDate('2017-05-05T20:35+02:00');
  const vote = toPartialDate('2017-05-07T20:00+02:00');

  it('writes a timed date with "à … h …, heure de …" and UTC the same way', () => {
    expect(formatPartialDate(leak, 'Europe/Paris', { locale: 'fr-FR' })).toBe('5 mai 2017 à 20 h 35, heure de Paris');
    expect(formatUtc(leak, 'fr-FR')).toBe('5 mai 2017 à 18 h 35 UTC');
    expect(formatPartialDate(toPartialDate('2016-07'), 'UTC', { locale: 'fr-FR', approximate: true })).toBe('vers juillet 2016');
  });

  it('keeps English output as it was', () => {
    expect(formatPartialDate(leak, 'Europe/Paris')).toBe('5 May 2017, 20:35 Paris time');
    expect(tOffset(leak, vote, 'Europe/Paris')).toMatchObject({ label: 'T−47 h', words: '47 hours before the vote' });
  });

  it('counts offsets and durations in French units and words', () => {
    expect(tOffset(leak, vote, 'Europe/Paris', 'fr-FR')).toMatchObject({ label: 'T−47 h', words: '47 heures avant le vote' });
    expect(tOffset(toPartialDate('2017-05-01'), vote, 'Europe/Paris', 'fr-FR')).toMatchObject({
      label: 'T−6 j',
      words: '6 jours avant le vote',
    });
    expect(tOffset(toPartialDate('2017-05-07'), vote, 'Europe/Paris', 'fr-FR').label).toBe('jour du vote');
    expect(tOffset(toPartialDate('2015-03'), vote, 'Europe/Paris', 'fr-FR')).toMatchObject({
      label: 'T−2 a 2 mois',
      words: '2 ans 2 mois avant le vote',
    });
    expect(formatDuration(0, 3600_000 * 1.5, 'UTC', { locale: 'fr-FR' })).toEqual({ short: '1 h', long: '1 heure' });
  });

  it('labels axis ticks in French', () => {
    const u = fr.units;
    const aligned = alignedTickCandidates('log', -24 * 400, 24 * 10, 10, {
      locale: 'fr-FR',
      y: u.y,
      mo: u.mo,
      w: u.w,
      d: u.d,
      h: u.h,
      tickVote: u.tickVote,
    }).map((t) => t.label);
    expect(aligned).toContain('vote');
    expect(aligned).toContain('−1 a');
    expect(aligned).toContain('−3 mois');
    expect(aligned).toContain('−2 j');
    const calendar = calendarTickCandidates(Date.UTC(2017, 0, 1), Date.UTC(2017, 11, 31), 10, 'fr-FR').map((t) => t.label);
    expect(calendar).toContainEqual(expect.stringMatching(/janv\.|avr\./));
  });
});

describe('interface strings with code', () => {
  it('inlineCodeParts(text) splits `code` from the text around it', () => {
    expect(inlineCodeParts('Run `npm run validate` now.')).toEqual([
      { text: 'Run ', code: false },
      { text: 'npm run validate', code: true },
      { text: ' now.', code: false },
    ]);
    expect(inlineCodeParts('`a`')).toEqual([{ text: 'a', code: true }]);
  });
});

describe('the events.csv columns', () => {
  it('are each described once, in English and in French', () => {
    for (const column of EVENTS_CSV_COLUMNS) {
      expect(column.description.en, column.name).not.toBe('');
      expect(column.description.fr, column.name).not.toBe(column.description.en);
    }
  });
});

describe('the two editions’ addresses', () => {
  it('maps a page to its twin and back, under any base', () => {
    expect(localizedPath('fr', '/events/x/y/')).toBe('/fr/events/x/y/');
    expect(localizedPath('en', '/fr/events/x/y/')).toBe('/events/x/y/');
    expect(localizedPath('fr', '/')).toBe('/fr/');
    expect(langOfPath('/repo/fr/about/', '/repo/')).toBe('fr');
    expect(langOfPath('/repo/french-page/', '/repo/')).toBe('en');
    expect(alternatePaths('/repo/fr/about/', '/repo/')).toEqual({ en: '/about/', fr: '/fr/about/' });
  });
});

describe('the page text audit', () => {
  it('hears text and spoken attributes, not English-marked content, quotations or code', () => {
    const html =
      '<body><p title="Bonjour">Texte <span lang="en">English <b>words</b></span> <q>cité</q> <img alt="image"> ' +
      'fin</p><code>x</code></body>';
    expect(pageLanguageText(html, 'fr')).toEqual(['Bonjour', 'Texte', 'image', 'fin']);
  });

  it('reads the lines of one chart label as one text, so a quotation over two lines stays one quotation', () => {
    const html =
      '<body><svg><text><tspan>Poutine : la Russie « has never</tspan><tspan>done this »</tspan></text><text>Autre</text></svg></body>';
    expect(pageLanguageText(html, 'fr')).toEqual(['Poutine : la Russie « has never done this »', 'Autre']);
  });
});
