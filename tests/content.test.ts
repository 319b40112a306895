/** The bundled content: valid, sourced, complete enough to tell both stories. */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../src/lib/archive.ts';
import type { EventKind } from '../src/lib/vocabulary.ts';
import { realContent } from './real-content.ts';

const report = realContent();
const archive = buildArchive(report);
const event = (id: string) => {
  const found = archive.event(id);
  if (!found) throw new Error(`missing event ${id}`);
  return found;
};

describe('the bundled content', () => {
  it('validates without a single problem', () => {
    // A translation older than its original is a known state, shown on the page and
    // reported as a warning: it is not a problem of the content.
    const outdated = (problem: { field: string; severity?: string }) => problem.severity === 'warning' && problem.field === 'reviewed';
    expect(report.problems.filter((problem) => !outdated(problem))).toEqual([]);
  });

  it('has a valid original for every translation file', () => {
    const translated = Object.values(report.translations).reduce((sum, list) => sum + list.length, 0);
    expect(translated).toBe(Object.values(report.translationFiles).reduce((sum, list) => sum + list.length, 0));
  });

  it('turns every event file into an event of the archive', () => {
    expect(archive.events).toHaveLength(report.files.events.length);
  });

  it.each([['macron-2017'], ['dnc-2016']])('has at least 20 sourced events in %s', (id) => {
    const incident = archive.incident(id)!;
    expect(incident.events.length).toBeGreaterThanOrEqual(20);
    for (const e of incident.events) {
      expect(e.data.sources.length, e.id).toBeGreaterThan(0);
      for (const source of e.data.sources) expect(source.url, e.id).toMatch(/^https?:\/\//);
    }
  });

  it.each([
    ['macron-2017', ['hack', 'leak', 'amplification', 'blackout', 'statement', 'attribution', 'denial', 'legal', 'election']],
    ['dnc-2016', ['hack', 'detection', 'leak', 'statement', 'attribution', 'denial', 'legal', 'election']],
  ] as [string, EventKind[]][])('covers every kind that applies to %s', (id, kinds) => {
    const present = new Set(archive.incident(id)!.events.map((e) => e.data.kind));
    for (const kind of kinds) expect(present, kind).toContain(kind);
  });

  it('explains every disputed event in its body', () => {
    for (const e of archive.events.filter((e) => e.data.status === 'disputed')) {
      const body = report.events.find((entry) => entry.id === e.id)!.body;
      expect(body.trim().length, e.id).toBeGreaterThan(80);
    }
  });
});

describe('the facts of the original article', () => {
  it('has the dump about 47 hours before the vote, with both sizes given', () => {
    const leak = event('macron-2017/emleaks-posted');
    expect(leak.offset.label).toBe('T−47 h');
    expect(leak.data.approximate).toBe(true);
    expect(leak.data.leak!.volume).toMatch(/9 GB/);
    expect(leak.data.leak!.volume).toMatch(/15 GB/);
    expect(leak.data.leak!.forgeriesAlleged).toBe(true);
  });

  it('has the first WikiLeaks DNC release 109 days before the vote', () => {
    expect(event('dnc-2016/wikileaks-dnc-emails').offset.label).toBe('T−109 d');
  });

  it('has the campaign silence as a span ending when polls closed', () => {
    const silence = event('macron-2017/campaign-silence');
    expect(silence.data.kind).toBe('blackout');
    expect(silence.data.end).toBe('2017-05-07T20:00+02:00');
    expect(silence.stop).toBe(archive.incident('macron-2017')!.voteInstant + 60_000);
  });

  it("quotes En Marche!'s statement in French", () => {
    const statement = event('macron-2017/en-marche-statement').data.statement!;
    expect(statement.quoteLanguage).toBe('fr');
    expect(statement.quote).toContain('action de piratage massive et coordonnée');
    expect(statement.quote).toContain('nombre de faux documents');
  });

  it('records attribution as changing claims: Trend Micro, ANSSI, the US indictment, France', () => {
    expect(event('macron-2017/trend-micro-pawn-storm-report').data.attribution).toMatchObject({ by: 'trend-micro', to: 'apt28' });
    expect(event('macron-2017/trend-micro-pawn-storm-report').data.date).toBe('2017-04-25');
    expect(event('macron-2017/anssi-no-trace-of-apt28').data.attribution).toMatchObject({ by: 'anssi', stance: 'contests' });
    expect(event('macron-2017/us-indictment-unit-74455').data.legal).toMatchObject({ authority: 'us-doj', action: 'indictment' });
    expect(event('macron-2017/france-attributes-apt28').data).toMatchObject({
      date: '2025-04-29',
      attribution: { to: 'apt28', basis: 'official' },
    });
  });

  it("records Russia's denials", () => {
    const denials = archive.incident('macron-2017')!.events.filter((e) => e.data.kind === 'denial');
    expect(denials.length).toBeGreaterThanOrEqual(4);
  });

  it('gives the Front National loan as context on the incident page', () => {
    const body = report.incidents.find((i) => i.id === 'macron-2017')!.body;
    expect(body).toContain('€9.4 million');
    expect(body).toContain('First Czech-Russian Bank');
  });

  it('names the threat groups with their aliases and who coined them', () => {
    const apt28 = archive.actor('apt28')!.data;
    expect(apt28.mitre).toBe('G0007');
    expect(apt28.aliases).toEqual(
      expect.arrayContaining([
        { name: 'Fancy Bear', by: 'crowdstrike' },
        { name: 'Pawn Storm', by: 'trend-micro' },
      ]),
    );
    const apt29 = archive.actor('apt29')!.data;
    expect(apt29.mitre).toBe('G0016');
    expect(apt29.aliases?.map((a) => a.name)).toEqual(expect.arrayContaining(['Cozy Bear', 'The Dukes']));
  });
});

describe('the DNC lane’s conventional T−0', () => {
  it('gives the same figures in days for any closing time on 8 November (Eastern), as the incident page says', () => {
    const labels = (vote: string) => {
      const incidents = report.incidents.map((i) =>
        i.id === 'dnc-2016' ? { ...i, data: { ...i.data, election: { ...i.data.election, vote } } } : i,
      );
      return buildArchive({ ...report, incidents })
        .incident('dnc-2016')!
        .events.map((e) => e.offset.label)
        .filter((label) => !/ (h|min)$/.test(label));
    };
    const chosen = labels('2016-11-08T20:00-05:00');
    for (const vote of ['2016-11-08T00:00-05:00', '2016-11-08T19:00-05:00', '2016-11-08T23:59-05:00'])
      expect(labels(vote), vote).toEqual(chosen);
    expect(labels('2016-11-09T01:00-05:00')).not.toEqual(chosen);
  });
});

describe('primary documents first (research addendum P01–P27)', () => {
  it.each([
    ['macron-2017/france-attributes-apt28', 'government', 'https://www.diplomatie.gouv.fr/'],
    ['macron-2017/trend-micro-pawn-storm-report', 'vendor', 'https://documents.trendmicro.com/'],
    ['macron-2017/us-indictment-unit-74455', 'court', 'https://www.justice.gov/'],
    ['macron-2017/us-doj-attributes-unit-74455', 'court', 'https://www.justice.gov/'],
    ['dnc-2016/intelligence-community-assessment', 'government', 'https://www.dni.gov/'],
    ['dnc-2016/dhs-odni-joint-statement', 'government', 'https://www.dhs.gov/'],
    ['dnc-2016/gru-officers-indicted', 'court', 'https://www.justice.gov/'],
    ['dnc-2016/mueller-report-released', 'government', 'https://www.justice.gov/'],
    ['dnc-2016/crowdstrike-names-two-groups', 'vendor', 'https://www.crowdstrike.com/'],
    ['dnc-2016/threatconnect-guccifer-russian-front', 'vendor', 'https://threatconnect.com/'],
  ])('%s cites the issuer’s own document first', (id, kind, prefix) => {
    const [first, ...rest] = event(id).data.sources;
    expect(first.kind).toBe(kind);
    expect(first.url.startsWith(prefix), first.url).toBe(true);
    // The press copies stay, each saying what it adds.
    for (const source of rest.filter((s) => s.kind === 'news')) expect(source.note, source.url).toBeTruthy();
  });

  it('gives the Wayback captures the addendum found as archived copies', () => {
    expect(event('macron-2017/france-attributes-apt28').data.sources[0].archived).toBe(
      'https://web.archive.org/web/20250716074842/https%3A//www.diplomatie.gouv.fr/fr/dossiers-pays/russie/evenements/' +
        'evenements-de-l-annee-2025/article/russie-attribution-de-cyberattaques-contre-la-france-au-service-de',
    );
    expect(event('dnc-2016/threatconnect-guccifer-russian-front').data.sources[0].archived).toMatch(
      /^https:\/\/web\.archive\.org\/web\/20230404075221\//,
    );
  });

  it(
    'applies the addendum’s fact fixes: ThreatConnect on 26 July 2016, the 2020 indictment returned on 15 October, ' +
      'the NSA remark a statement',
    () => {
      expect(event('dnc-2016/threatconnect-guccifer-russian-front').data).toMatchObject({ date: '2016-07-26' });
      expect(event('dnc-2016/threatconnect-guccifer-russian-front').data.approximate).toBeUndefined();
      expect(report.events.find((e) => e.id === 'macron-2017/us-indictment-unit-74455')!.body).toContain('returned on Thursday 15 October');
      expect(event('macron-2017/nsa-rogers-heads-up').data.kind).toBe('statement');
      expect(report.events.find((e) => e.id === 'dnc-2016/crowdstrike-names-two-groups')!.body).toContain('**unverified**');
    },
  );
});
