/**
 * /data/stix.json: the archive as a STIX 2.1 bundle, for threat-intelligence tools. It is a
 * lossy projection; events.json is the full record. The /data/ page explains the mapping
 * to readers; the reasons are here.
 *
 * Objects
 * - The project is an `identity`, the producer of the bundle and creator (`created_by_ref`)
 *   of every object except the claims (see attributions below); a `statement`
 *   marking-definition carries the content licence on every object.
 * - Incident → `campaign` (name = title, description = summary). first_seen is the first
 *   instant of the earliest operation event (hack, detection, leak, amplification) and
 *   last_seen the last instant of the latest one, so later responses (indictments in 2018,
 *   an attribution in 2025) do not stretch the campaign; all events are used when an
 *   incident has no operation event.
 * - Actor → one object, by kind and by what others said of it:
 *     intrusion-set kind → `intrusion-set` (MITRE ATT&CK group id as an external reference);
 *     military-unit and persona → `threat-actor`;
 *     any other actor that at least one attribution event names as responsible (stance
 *       attributes or corroborates: Russia, the GRU, Evrika) → `threat-actor`, because STIX
 *       only allows `attributed-to` from a campaign to an intrusion-set or a threat-actor
 *       (an identity can only be the target of threat-actor → identity). The type then
 *       means "named as responsible by someone", never our finding;
 *     everything else → `identity` (identity_class individual for a person, organization
 *       otherwise).
 *   States, governments, agencies and military units that become threat actors get
 *   threat_actor_types ["nation-state"] (what they are, not what they did). The actor's own
 *   kind stays in x_eit_actor_kind.
 * - Incident targets → `targets` relationships from the campaign to their identities.
 * - Attribution event with stance attributes or corroborates → `relationship`
 *   `attributed-to` (campaign → the accused actor's object). The claim is the attributor's,
 *   never ours: its `created_by_ref` is the attributor's `identity` (the actor's own object
 *   when it is an identity; otherwise a companion identity "attributor:<id>" standing for
 *   the same actor as author), so a tool importing the bundle sees, say, ODNI accusing the
 *   GRU and never this site. The project's identity creates only the bundle's own objects
 *   (campaigns, actors, `targets`, the marking). x_eit_attributed_by, x_eit_stance,
 *   x_eit_basis, x_eit_wording and x_eit_confidence keep the record.
 *   `confidence` (high 85, moderate 50, low 15: the STIX None/Low/Med/High scale) is set
 *   only when the attributor's recorded wording itself grades its confidence ("high
 *   confidence"); a bare word we recorded, or "unstated", never becomes a number. The
 *   `description` says who claimed what, with their words.
 *   Sources become external_references (source_name = publisher, url, description = title;
 *   an archived copy is a second reference). An attribution naming several actors
 *   (`alsoTo`: CrowdStrike named two groups) gives one relationship per actor; the first
 *   keeps the event's id key, so existing ids never change.
 * - Attribution event with stance contests (ANSSI "incapable" of saying it was APT28) → a
 *   `related-to` relationship (campaign → the actor), created by the contester's identity,
 *   with the same x_eit_ properties and x_eit_stance "contests": an `attributed-to` would
 *   tell any tool that reads only standard properties the opposite of what was said.
 * - Other events are not in the bundle: their natural STIX form, `note`, is missing from the
 *   official bundle schema (cti-stix2-json-schemas), and a bundle that does not validate is
 *   worth less to tools than a smaller one that does. Every event is in events.json.
 *
 * Ids and dates
 * - Ids are `<type>--<UUID version 5>` of a key ("incident:macron-2017", "actor:apt28",
 *   "event:dnc-2016/crowdstrike-names-two-groups") in the fixed namespace STIX_NAMESPACE,
 *   so they are stable from build to build. (STIX recommends version 4 ids for domain
 *   objects; validators warn about version 5 but accept it.) The bundle's id is the
 *   version 5 UUID of a hash of its objects: same content, same id.
 * - `created` is the dataset's first publication for every object (the site keeps no
 *   per-object creation history); `modified` is the last editorial review behind the
 *   object at 00:00:00.000Z: the event's `reviewed`, the latest of an incident's or an
 *   actor's events. Never the build time.
 */
import { createHash } from 'node:crypto';
import type { ActorView, Archive, EventView, IncidentView } from '../archive.ts';
import { OPERATION_KINDS, blamedActors } from '../schema/event.ts';
import { SITE } from '../site.ts';
import type { ActorKind } from '../vocabulary.ts';
import { absoluteUrl, datasetVersion, exportOrder, isoInstant, type ExportOptions } from './common.ts';
import { mitreGroupUrl } from '../url.ts';
import { uuidV5 } from './uuid.ts';

/** Namespace of every id in the bundle; never change it, or every id changes. */
export const STIX_NAMESPACE = '0f3f4e63-1396-43dc-9106-56de9298abd8';
/** The day the dataset was first published: `created` of every object. */
export const DATASET_FIRST_PUBLISHED = '2026-11-25';
/** The attributor's own confidence word → STIX confidence (None/Low/Med/High scale). "unstated" has none. */
export const CONFIDENCE_SCORES = { high: 85, moderate: 50, low: 15 } as const;
/** source_name of external references that point at this site's own pages. */
export const SITE_SOURCE_NAME = 'election-integrity-timeline';

/** A STIX 2.1 object: its type, its id and any other properties. */
export type StixObject = { type: string; id: string; [property: string]: unknown };
/** A STIX 2.1 bundle of objects. */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}
/** The STIX type an actor becomes, from its kind. */
export type ActorStixType = 'intrusion-set' | 'threat-actor' | 'identity';

/** A STIX id that stays the same from build to build: `<type>--<UUID v5 of key>`. */
export function stixId(type: string, key: string): string {
  return `${type}--${uuidV5(key, STIX_NAMESPACE)}`;
}

const NATION_STATE_KINDS: readonly ActorKind[] = ['state', 'government', 'agency', 'military-unit'];
const SECTORS: Partial<Record<ActorKind, string[]>> = {
  state: ['government'],
  government: ['government'],
  agency: ['government'],
  'electoral-authority': ['government'],
  court: ['government'],
  'security-vendor': ['technology'],
  platform: ['technology'],
  media: ['communications'],
};

/** The attributor's wording grades its own confidence in the word recorded ("high confidence", "moderate confidence"). */
export function statesGradedConfidence(attribution: { confidence: string; wording?: string }): boolean {
  if (attribution.confidence === 'unstated' || !attribution.wording) return false;
  const word = attribution.confidence === 'moderate' ? '(moderate|medium)' : attribution.confidence;
  return new RegExp(`\\b${word}\\b[^.]{0,20}\\bconfiden`, 'i').test(attribution.wording);
}

/** Whether an attribution names its target as responsible (rather than contesting it). */
function blames(event: EventView): boolean {
  const stance = event.data.attribution?.stance;
  return stance === 'attributes' || stance === 'corroborates';
}

/** The STIX type an actor becomes (see the comment at the top). */
export function actorStixType(actor: ActorView): ActorStixType {
  const kind = actor.data.kind;
  if (kind === 'intrusion-set') return 'intrusion-set';
  if (kind === 'military-unit' || kind === 'persona') return 'threat-actor';
  if (actor.attributionsReceived.some(blames)) return 'threat-actor';
  return 'identity';
}

const dayStamp = (date: string) => `${date}T00:00:00.000Z`;
const latest = (dates: readonly string[], fallback: string) => dates.reduce((a, b) => (b > a ? b : a), fallback);
const nonEmpty = <T>(list: readonly T[]) => (list.length > 0 ? list : undefined);

/** Drops undefined properties: STIX has no null, and lists must not be empty. */
function clean<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** The whole of /data/stix.json: incidents, actors, events and their relationships as one STIX 2.1 bundle. */
export function stixBundle(archive: Archive, options: ExportOptions): StixBundle {
  const version = datasetVersion(archive);
  const created = dayStamp(DATASET_FIRST_PUBLISHED);
  /** A review date as `modified`, never before `created`. */
  const modifiedAt = (date: string) => (dayStamp(date) > created ? dayStamp(date) : created);
  const projectId = stixId('identity', 'project:election-integrity-timeline');
  const markingId = stixId('marking-definition', 'marking:content-licence');
  const base = (type: string, id: string, modified: string) => ({
    type,
    spec_version: '2.1',
    id,
    created,
    modified,
    created_by_ref: projectId,
    object_marking_refs: [markingId],
  });
  const siteReference = (path: string, id: string) => ({ source_name: SITE_SOURCE_NAME, external_id: id, url: absoluteUrl(path, options) });

  const objects: StixObject[] = [
    {
      ...base('identity', projectId, created),
      name: SITE.name,
      description: SITE.description,
      identity_class: 'organization',
      external_references: [{ source_name: SITE_SOURCE_NAME, url: absoluteUrl('/', options) }],
    },
    {
      type: 'marking-definition',
      spec_version: '2.1',
      id: markingId,
      created,
      created_by_ref: projectId,
      name: `Content licence: ${SITE.contentLicence.name}`,
      definition_type: 'statement',
      definition: {
        statement:
          `Content licensed under ${SITE.contentLicence.name} (${SITE.contentLicence.url}); credit ` +
          `"${SITE.name}" and link to ${absoluteUrl('/data/', options)}.`,
      },
    },
  ];

  // Actors.
  const actorIds = new Map<string, string>();
  const actorTypes = new Map<string, ActorStixType>();
  for (const actor of archive.actors) {
    const type = actorStixType(actor);
    actorTypes.set(actor.id, type);
    actorIds.set(actor.id, stixId(type, `actor:${actor.id}`));
  }
  // Who authors a claim: the attributor's identity (a companion identity when the actor
  // itself is not one, e.g. a vendor that someone else blamed).
  const authorIds = new Map<string, string>();
  for (const event of archive.events) {
    const by = event.data.attribution?.by;
    if (!by || authorIds.has(by) || !actorIds.has(by)) continue;
    authorIds.set(by, actorTypes.get(by) === 'identity' ? actorIds.get(by)! : stixId('identity', `attributor:${by}`));
  }
  const actorRef = (id: string, where: string) => {
    const ref = actorIds.get(id);
    if (!ref) throw new Error(`STIX export: ${where} names actor "${id}", which does not exist`);
    return ref;
  };
  // Campaigns.
  const campaignIds = new Map<string, string>();
  const campaignModified = new Map<string, string>();
  for (const incident of archive.incidents) {
    const id = stixId('campaign', `incident:${incident.id}`);
    const modified = modifiedAt(
      latest(
        incident.events.map((e) => e.data.reviewed),
        version,
      ),
    );
    campaignIds.set(incident.id, id);
    campaignModified.set(incident.id, modified);
    objects.push(campaign(incident, id, modified));
  }

  for (const actor of [...archive.actors].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const type = actorTypes.get(actor.id)!;
    const { data } = actor;
    const modified = modifiedAt(
      latest(
        actor.involvement.map((entry) => entry.event.data.reviewed),
        version,
      ),
    );
    const aliases = (data.aliases ?? []).map((alias) => alias.name);
    const references = [
      siteReference(actor.url, actor.id),
      ...(data.mitre ? [{ source_name: 'mitre-attack', external_id: data.mitre, url: mitreGroupUrl(data.mitre) }] : []),
      ...(data.url ? [{ source_name: 'website', url: data.url }] : []),
    ];
    objects.push(
      clean({
        ...base(type, actorIds.get(actor.id)!, modified),
        name: data.name,
        description: data.summary,
        aliases: type === 'identity' ? undefined : nonEmpty(aliases),
        threat_actor_types: type === 'threat-actor' && NATION_STATE_KINDS.includes(data.kind) ? ['nation-state'] : undefined,
        identity_class: type === 'identity' ? (data.kind === 'person' ? 'individual' : 'organization') : undefined,
        sectors: type === 'identity' ? SECTORS[data.kind] : undefined,
        external_references: references,
        x_eit_id: actor.id,
        x_eit_actor_kind: data.kind,
        x_eit_country: data.country,
        x_eit_aliases: nonEmpty(
          (data.aliases ?? []).map((alias) =>
            clean({ name: alias.name, coined_by_ref: alias.by ? actorRef(alias.by, `actor ${actor.id}`) : undefined }),
          ),
        ),
      }),
    );
  }

  for (const [by, id] of [...authorIds].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (actorTypes.get(by) === 'identity') continue;
    const actor = archive.actor(by)!;
    objects.push(
      clean({
        ...base(
          'identity',
          id,
          modifiedAt(
            latest(
              actor.involvement.map((entry) => entry.event.data.reviewed),
              version,
            ),
          ),
        ),
        name: actor.data.name,
        description: `${actor.data.name} as the author of attribution claims in this bundle.`,
        identity_class: actor.data.kind === 'person' ? 'individual' : 'organization',
        external_references: [siteReference(actor.url, actor.id)],
        x_eit_id: `attributor:${actor.id}`,
      }),
    );
  }

  // What each campaign targeted (only identities may be the target of `targets`).
  for (const incident of archive.incidents) {
    for (const target of incident.data.targets) {
      if (actorTypes.get(target) !== 'identity') continue;
      objects.push({
        ...base('relationship', stixId('relationship', `targets:${incident.id}:${target}`), campaignModified.get(incident.id)!),
        relationship_type: 'targets',
        source_ref: campaignIds.get(incident.id)!,
        target_ref: actorRef(target, `incident ${incident.id}`),
      });
    }
  }

  // Events: attributions (and contests of them) as relationships; the rest is in events.json.
  for (const event of exportOrder(archive.events)) {
    const { data } = event;
    const campaignRef = campaignIds.get(event.incidentId)!;
    const modified = modifiedAt(data.reviewed);
    const eventProperties = clean({
      x_eit_id: event.id,
      x_eit_kind: data.kind,
      x_eit_status: data.status,
      x_eit_date: data.date,
      x_eit_end: data.end,
      x_eit_start_utc: isoInstant(event.start),
      x_eit_end_utc: isoInstant(event.stop),
      x_eit_approximate: data.approximate ?? false,
      x_eit_event_url: absoluteUrl(event.url, options),
    });
    const references = [
      siteReference(event.url, event.id),
      ...data.sources.flatMap((source) => [
        { source_name: source.publisher, url: source.url, description: source.title },
        ...(source.archived
          ? [{ source_name: `${source.publisher} (archived copy)`, url: source.archived, description: source.title }]
          : []),
      ]),
    ];
    const attribution = data.attribution;
    if (!attribution) continue;
    const attributionProperties = attribution
      ? clean({
          confidence: statesGradedConfidence(attribution)
            ? CONFIDENCE_SCORES[attribution.confidence as keyof typeof CONFIDENCE_SCORES]
            : undefined,
          x_eit_attributed_by: actorRef(attribution.by, `event ${event.id}`),
          x_eit_attributed_to: actorRef(attribution.to, `event ${event.id}`),
          x_eit_attributed_also_to: nonEmpty((attribution.alsoTo ?? []).map((id) => actorRef(id, `event ${event.id}`))),
          x_eit_stance: attribution.stance,
          x_eit_basis: attribution.basis,
          x_eit_confidence: attribution.confidence,
          x_eit_wording: attribution.wording,
        })
      : {};
    // One relationship per actor the attribution names (CrowdStrike named two groups); the
    // first keeps the event's own key so that its id never changes.
    blamedActors(attribution).forEach((blamed, index) => {
      const targetType = actorTypes.get(blamed);
      if (!targetType) return;
      // attributed-to only where STIX allows it (campaign → intrusion-set or threat-actor);
      // a contest, or a target STIX will not take, stays a plain related-to.
      const attributes = blames(event) && (targetType === 'intrusion-set' || targetType === 'threat-actor');
      objects.push({
        ...base('relationship', stixId('relationship', index === 0 ? `event:${event.id}` : `event:${event.id}:also:${blamed}`), modified),
        created_by_ref: authorIds.get(attribution.by)!,
        relationship_type: attributes ? 'attributed-to' : 'related-to',
        description: claimDescription(event),
        source_ref: campaignRef,
        target_ref: actorRef(blamed, `event ${event.id}`),
        external_references: references,
        ...attributionProperties,
        ...eventProperties,
      });
    });
  }

  const digest = createHash('sha256').update(JSON.stringify(objects)).digest('hex');
  return { type: 'bundle', id: stixId('bundle', `bundle:${digest}`), objects };

  /** Who claimed what, when, in their words: the claim is theirs, not this site's. */
  function claimDescription(event: EventView): string {
    const attribution = event.data.attribution!;
    const name = (id: string) => archive.actor(id)?.data.name ?? id;
    const verb = { attributes: 'attributed', corroborates: 'corroborated an attribution of', contests: 'contested the attribution of' }[
      attribution.stance
    ];
    const what = event.incident.data.title;
    const confidence =
      attribution.confidence === 'unstated'
        ? 'No confidence level stated.'
        : `Confidence, in their words: ${attribution.wording ? `"${attribution.wording}"` : attribution.confidence}.`;
    return (
      `Claim by ${name(attribution.by)} (${event.data.date}): ${verb} ${what} to ` +
      `${blamedActors(attribution).map(name).join(' and ')}. ` +
      `${confidence}${attribution.wording && attribution.confidence === 'unstated' ? ` Their words: "${attribution.wording}".` : ''} ` +
      `${event.data.title}: ${event.data.summary}`
    );
  }

  function campaign(incident: IncidentView, id: string, modified: string): StixObject {
    const operation = incident.events.filter((e) => OPERATION_KINDS.includes(e.data.kind));
    const seen = operation.length > 0 ? operation : incident.events;
    const first = seen.length > 0 ? Math.min(...seen.map((e) => e.start)) : undefined;
    const last = seen.length > 0 ? Math.max(...seen.map((e) => e.stop)) - 1 : undefined;
    const { data } = incident;
    return clean({
      ...base('campaign', id, modified),
      name: data.title,
      description: data.summary,
      first_seen: first === undefined ? undefined : isoInstant(first),
      last_seen: last === undefined ? undefined : isoInstant(last),
      external_references: [siteReference(incident.url, incident.id)],
      x_eit_id: incident.id,
      x_eit_country: data.country,
      x_eit_election: clean({
        name: data.election.name,
        vote: data.election.vote,
        vote_utc: isoInstant(incident.voteInstant),
        timezone: data.election.timezone,
        vote_approximate: data.election.voteApproximate ?? false,
      }),
      x_eit_targets: nonEmpty(incident.data.targets.map((target) => actorRef(target, `incident ${incident.id}`))),
    });
  }
}
