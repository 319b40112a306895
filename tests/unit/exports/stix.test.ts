/**
 * /data/stix.json: a STIX 2.1 bundle whose objects have the properties the specification
 * requires, whose references resolve, whose attributions follow the allowed relationships,
 * and whose ids do not change between builds.
 */
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/archive.ts';
import {
  CONFIDENCE_SCORES,
  actorStixType,
  statesGradedConfidence,
  stixBundle,
  toJson,
  uuidV5,
  type StixBundle,
  type StixObject,
} from '../../../src/lib/exports/index.ts';
import { validateContent } from '../../../src/lib/validate/validate-content.ts';
import { exportsFixture } from '../../fixtures/exports-fixture.ts';
import { ROOT } from '../../helpers.ts';
import { realContent } from '../../real-content.ts';

const options = { site: 'https://example.org', base: '/' };
const UUID5 = '[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/;
const TIMESTAMP_MILLIS = /T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SDO_SRO = new Set(['campaign', 'intrusion-set', 'threat-actor', 'identity', 'relationship']);
const NAMED = new Set(['campaign', 'intrusion-set', 'threat-actor', 'identity']);
const TIMESTAMP_PROPERTIES = ['created', 'modified', 'first_seen', 'last_seen', 'start_time', 'stop_time'];

/** Every `*_ref` and `*_refs` value, at any depth. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value))
    value.forEach((item) => {
      references(item, found);
    });
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.endsWith('_ref')) found.push(inner as string);
      else if (key.endsWith('_refs')) found.push(...(inner as string[]));
      else references(inner, found);
    }
  }
  return found;
}

/** STIX has no null and no empty lists, at any depth. */
function hasNullOrEmptyList(value: unknown): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.length === 0 || value.some(hasNullOrEmptyList);
  if (typeof value === 'object') return Object.values(value as object).some(hasNullOrEmptyList);
  return false;
}

function checkBundle(bundle: StixBundle) {
  expect(Object.keys(bundle).sort()).toEqual(['id', 'objects', 'type']);
  expect(bundle.type).toBe('bundle');
  expect(bundle.id).toMatch(new RegExp(`^bundle--${UUID5}$`));
  const ids = new Map(bundle.objects.map((o) => [o.id, o]));
  expect(ids.size, 'ids are unique').toBe(bundle.objects.length);

  for (const object of bundle.objects) {
    const where = `${object.type} ${object.id}`;
    expect(object.spec_version, where).toBe('2.1');
    expect(object.id, where).toMatch(new RegExp(`^${object.type}--${UUID5}$`));
    expect(object.created, where).toMatch(TIMESTAMP);
    expect(object.created, where).toMatch(TIMESTAMP_MILLIS);
    if (SDO_SRO.has(object.type)) {
      expect(object.modified, where).toMatch(TIMESTAMP);
      expect(object.modified, where).toMatch(TIMESTAMP_MILLIS);
      expect((object.modified as string) >= (object.created as string), where).toBe(true);
    }
    for (const property of TIMESTAMP_PROPERTIES)
      if (property in object) expect(object[property], `${where} ${property}`).toMatch(TIMESTAMP);
    if (object.first_seen && object.last_seen) expect((object.last_seen as string) >= (object.first_seen as string), where).toBe(true);
    for (const key of Object.keys(object)) expect(key, where).toMatch(/^[a-z][a-z0-9_]{2,249}$|^id$/);
    expect(hasNullOrEmptyList(object), `${where} has a null or an empty list`).toBe(false);

    if (NAMED.has(object.type)) expect(object.name, where).toEqual(expect.stringMatching(/./s));
    if (object.type === 'relationship') {
      for (const property of ['relationship_type', 'source_ref', 'target_ref'])
        expect(typeof object[property], `${where} ${property}`).toBe('string');
      expect(object.relationship_type).toMatch(/^[a-z0-9-]+$/);
    }
    if (object.type === 'note') {
      expect(typeof object.content, where).toBe('string');
      expect((object.object_refs as string[]).length, where).toBeGreaterThan(0);
    }
    if (object.type === 'identity') expect(['individual', 'organization'], where).toContain(object.identity_class);
    if (object.type === 'marking-definition') {
      expect(object.definition_type).toBe('statement');
      expect((object.definition as { statement: string }).statement).toContain('CC BY 4.0');
    }
    for (const reference of (object.external_references as Record<string, string>[] | undefined) ?? []) {
      expect(typeof reference.source_name, where).toBe('string');
      expect(reference.source_name.length, where).toBeGreaterThan(0);
      expect(
        ['url', 'description', 'external_id'].filter((key) => typeof reference[key] === 'string'),
        `${where}: an external reference needs a url, description or external_id`,
      ).not.toEqual([]);
      if (reference.url) expect(reference.url, where).toMatch(/^https?:\/\//);
    }
    const creator = ids.get(object.created_by_ref as string);
    if (object.type === 'relationship' && object.x_eit_attributed_by) {
      // A claim is authored by its attributor, never by this site.
      expect(creator?.type, where).toBe('identity');
      expect(creator?.name, where).not.toBe('Election Integrity Timeline');
      const attributor = ids.get(object.x_eit_attributed_by as string)!;
      expect(creator?.name, where).toBe(attributor.name);
    } else if (object.type !== 'marking-definition') expect(creator?.name, where).toBe('Election Integrity Timeline');
    for (const reference of references(object)) expect(ids.has(reference), `${where} refers to ${reference}`).toBe(true);
  }

  const attributions = bundle.objects.filter((o) => o.type === 'relationship' && o.relationship_type === 'attributed-to');
  for (const relationship of attributions) {
    expect(ids.get(relationship.source_ref as string)!.type).toBe('campaign');
    expect(['intrusion-set', 'threat-actor']).toContain(ids.get(relationship.target_ref as string)!.type);
    expect([...ids.keys()]).toContain(relationship.x_eit_attributed_by);
    expect(['attributes', 'corroborates']).toContain(relationship.x_eit_stance);
    expect((relationship.external_references as unknown[]).length).toBeGreaterThan(1);
  }
  for (const relationship of bundle.objects.filter((o) => o.relationship_type === 'targets')) {
    expect(ids.get(relationship.source_ref as string)!.type).toBe('campaign');
    expect(ids.get(relationship.target_ref as string)!.type).toBe('identity');
  }
  for (const object of bundle.objects.filter((o) => 'x_eit_confidence' in o)) {
    const word = object.x_eit_confidence as keyof typeof CONFIDENCE_SCORES | 'unstated';
    const graded = statesGradedConfidence({ confidence: word, wording: object.x_eit_wording as string | undefined });
    if (!graded) expect(object, object.id).not.toHaveProperty('confidence');
    else expect(object.confidence, object.id).toBe(CONFIDENCE_SCORES[word as keyof typeof CONFIDENCE_SCORES]);
  }
  return { ids, attributions };
}

const byEvent = (bundle: StixBundle, id: string) => bundle.objects.find((o) => o.x_eit_id === id)!;

describe('uuidV5(name, namespace)', () => {
  it('matches the RFC 9562 version 5 algorithm (Python uuid.uuid5 test value)', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});

describe('stixBundle(fixture)', () => {
  const archive = exportsFixture();
  const bundle = stixBundle(archive, options);

  it('has the required properties on every object, and every reference resolves', () => {
    checkBundle(bundle);
  });

  it('maps actors by kind, and makes whoever is named as responsible a threat actor', () => {
    const type = (id: string) => actorStixType(archive.actor(id)!);
    expect(type('apt')).toBe('intrusion-set');
    expect(type('unit')).toBe('threat-actor');
    expect(type('persona')).toBe('threat-actor');
    expect(type('state')).toBe('threat-actor'); // attributed to, stance attributes
    expect(type('firm')).toBe('threat-actor'); // stance corroborates
    expect(type('agency')).toBe('identity'); // attributes to others, and contests
    expect(type('person')).toBe('identity');
    const apt = bundle.objects.find((o) => o.x_eit_id === 'apt')!;
    expect(apt.external_references).toContainEqual({
      source_name: 'mitre-attack',
      external_id: 'G0007',
      url: 'https://attack.mitre.org/groups/G0007/',
    });
    expect(apt.aliases).toEqual(['Test Bear', 'Sofacy']);
    expect(bundle.objects.find((o) => o.x_eit_id === 'state')!.threat_actor_types).toEqual(['nation-state']);
    expect(bundle.objects.find((o) => o.x_eit_id === 'firm')).not.toHaveProperty('threat_actor_types');
    expect(bundle.objects.find((o) => o.x_eit_id === 'person')!.identity_class).toBe('individual');
    expect(bundle.objects.find((o) => o.x_eit_id === 'party')!.identity_class).toBe('organization');
  });

  it('turns attributions into attributed-to relationships carrying who said it, and contests into related-to', () => {
    const official = byEvent(bundle, 'paris/official');
    const paris = byEvent(bundle, 'paris');
    expect(official).toMatchObject({
      type: 'relationship',
      relationship_type: 'attributed-to',
      source_ref: paris.id,
      target_ref: byEvent(bundle, 'apt').id,
      confidence: 85,
      x_eit_attributed_by: byEvent(bundle, 'ministry').id,
      x_eit_stance: 'attributes',
      x_eit_basis: 'official',
      x_eit_confidence: 'high',
      x_eit_wording: 'with "high" confidence, we say',
      x_eit_event_url: 'https://example.org/events/paris/official/',
    });
    expect(official.external_references).toContainEqual({
      source_name: 'Publisher, Inc.',
      url: 'https://example.org/a?x=1,2',
      description: 'Report, "part 1"',
    });
    // A confidence word without the attributor's own graded wording stays a word, never a number.
    expect(byEvent(bundle, 'ny/state-blamed')).not.toHaveProperty('confidence');
    expect(byEvent(bundle, 'ny/state-blamed').description).toContain('Confidence, in their words: moderate.');
    expect(byEvent(bundle, 'ny/firm-blamed')).toMatchObject({ relationship_type: 'attributed-to', x_eit_stance: 'corroborates' });
    expect(byEvent(bundle, 'ny/firm-blamed')).not.toHaveProperty('confidence');
    // Each claim is authored by whoever made it.
    expect(official.created_by_ref).toBe(byEvent(bundle, 'ministry').id);
    expect(byEvent(bundle, 'paris/contest').created_by_ref).toBe(byEvent(bundle, 'agency').id);
    expect(byEvent(bundle, 'paris/report')).not.toHaveProperty('confidence');
    expect(byEvent(bundle, 'paris/report').external_references).toContainEqual({
      source_name: 'Publisher, Inc. (archived copy)',
      url: 'https://web.archive.org/x',
      description: 'Report, "part 1"',
    });
    const contest = byEvent(bundle, 'paris/contest');
    expect(contest).toMatchObject({
      type: 'relationship',
      relationship_type: 'related-to',
      x_eit_stance: 'contests',
      source_ref: paris.id,
      target_ref: byEvent(bundle, 'apt').id,
      x_eit_attributed_by: byEvent(bundle, 'agency').id,
    });
    expect(contest).not.toHaveProperty('confidence');
  });

  it('leaves events other than attributions out of the bundle (they are all in events.json)', () => {
    expect(bundle.objects.find((o) => o.x_eit_id === 'paris/leak')).toBeUndefined();
    expect(bundle.objects.filter((o) => o.type === 'note')).toEqual([]);
  });

  it('spans a campaign over its operation events only, in UTC', () => {
    const paris = byEvent(bundle, 'paris');
    expect(paris.first_seen).toBe('2016-11-30T23:00:00.000Z'); // December 2016 in Paris
    expect(paris.last_seen).toBe('2017-05-05T18:35:59.999Z'); // the leak, not the 2025 attribution
    expect(bundle.objects.filter((o) => o.relationship_type === 'targets')).toHaveLength(2);
  });

  it('derives dates from reviews, never from the clock', () => {
    expect(byEvent(bundle, 'paris/report').modified).toBe('2026-11-25T00:00:00.000Z'); // reviewed before the first edition
    for (const object of bundle.objects) expect(object.created).toBe('2026-11-25T00:00:00.000Z');
  });

  it('gives the same ids, and the same bundle, in two builds', () => {
    expect(toJson(stixBundle(exportsFixture(), options))).toBe(toJson(bundle));
    const other = stixBundle(exportsFixture(), { site: 'https://elsewhere.example', base: '/x/' });
    expect(other.objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
  });
});

describe('stixBundle(real content)', () => {
  const archive = buildArchive(realContent());
  const bundle = stixBundle(archive, { site: 'https://election-integrity-timeline.github.io', base: '/' });

  it('is a well-formed bundle with one object per attribution event, incident and actor', () => {
    const { attributions } = checkBundle(bundle);
    const perEvent = bundle.objects.filter((o: StixObject) => typeof o.x_eit_event_url === 'string');
    const named = (e: (typeof archive.events)[number]) => 1 + (e.data.attribution?.alsoTo?.length ?? 0);
    expect(perEvent).toHaveLength(archive.events.filter((e) => e.data.attribution).reduce((n, e) => n + named(e), 0));
    expect(bundle.objects.filter((o) => o.type === 'campaign')).toHaveLength(archive.incidents.length);
    expect(bundle.objects.filter((o) => typeof o.x_eit_actor_kind === 'string')).toHaveLength(archive.actors.length);
    const blaming = archive.events.filter((e) => e.data.attribution && e.data.attribution.stance !== 'contests');
    expect(attributions).toHaveLength(blaming.reduce((n, e) => n + named(e), 0));
  });

  it(
    'credits no claim to the site: each relationship about who did it is authored by its attributor, with one ' + 'reference per source',
    () => {
      const project = bundle.objects.find((o) => o.type === 'identity' && o.name === 'Election Integrity Timeline')!;
      const claims = bundle.objects.filter((o) => o.type === 'relationship' && o.relationship_type !== 'targets');
      expect(claims).toHaveLength(
        archive.events.filter((e) => e.data.attribution).reduce((n, e) => n + 1 + (e.data.attribution!.alsoTo?.length ?? 0), 0),
      );
      for (const claim of claims) expect(claim.created_by_ref, claim.x_eit_id as string).not.toBe(project.id);
      const ica = byEvent(bundle, 'dnc-2016/intelligence-community-assessment');
      expect(ica).toMatchObject({ relationship_type: 'attributed-to', created_by_ref: byEvent(bundle, 'odni').id, confidence: 85 });
      expect(ica.description).toMatch(/^Claim by Office of the Director of National Intelligence/);
      const event = archive.event('dnc-2016/intelligence-community-assessment')!;
      const urls = (ica.external_references as { url?: string }[]).map((r) => r.url);
      for (const source of event.data.sources) expect(urls).toContain(source.url);
      // "is confident" is not a graded level: no STIX number, the words stay in the description.
      const joint = byEvent(bundle, 'dnc-2016/dhs-odni-joint-statement');
      expect(joint).not.toHaveProperty('confidence');
      expect(joint.description).toContain('"is confident that the Russian Government directed');
    },
  );

  it('exports both groups CrowdStrike named: attributed-to APT28 and APT29, each authored by CrowdStrike', () => {
    const crowdstrike = bundle.objects.filter((o) => o.x_eit_id === 'dnc-2016/crowdstrike-names-two-groups');
    expect(crowdstrike.map((o) => o.target_ref).sort()).toEqual([byEvent(bundle, 'apt28').id, byEvent(bundle, 'apt29').id].sort());
    for (const o of crowdstrike)
      expect(o).toMatchObject({
        relationship_type: 'attributed-to',
        created_by_ref: byEvent(bundle, 'crowdstrike').id,
        x_eit_attributed_also_to: [byEvent(bundle, 'apt29').id],
      });
    expect(crowdstrike[0].description).toContain('to APT28 and APT29');
    expect(archive.actor('apt29')!.attributionsReceived.map((e) => e.id)).toEqual(
      expect.arrayContaining(['dnc-2016/crowdstrike-names-two-groups', 'dnc-2016/fidelis-corroborates']),
    );
  });

  it('keeps ANSSI’s "no trace" as related-to (never attributed-to), and APT28 as an ATT&CK intrusion set', () => {
    expect(byEvent(bundle, 'macron-2017/anssi-no-trace-of-apt28')).toMatchObject({
      type: 'relationship',
      relationship_type: 'related-to',
      x_eit_stance: 'contests',
    });
    expect(byEvent(bundle, 'apt28')).toMatchObject({ type: 'intrusion-set', name: 'APT28' });
    expect(byEvent(bundle, 'russia')).toMatchObject({ type: 'threat-actor', threat_actor_types: ['nation-state'] });
  });

  it('has stable ids from build to build', () => {
    const again = stixBundle(buildArchive(validateContent(ROOT)), { site: 'https://election-integrity-timeline.github.io', base: '/' });
    expect(again.objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
    expect(again.id).toBe(bundle.id);
  });
});
