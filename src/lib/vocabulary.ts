/**
 * The content model's fixed vocabularies and id patterns, without Zod, so that browser
 * code can share them. The schema (src/lib/schema) builds its enums from these lists.
 */

/** Lowercase kebab-case, the form of every id and file name. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An event id: "<incident-id>/<slug>". */
export const EVENT_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;

/** The kinds of event, in the order keys and forms list them. */
export const EVENT_KINDS = [
  'hack',
  'detection',
  'leak',
  'amplification',
  'blackout',
  'statement',
  'attribution',
  'denial',
  'legal',
  'election',
] as const;
/** One of EVENT_KINDS. */
export type EventKind = (typeof EVENT_KINDS)[number];

/** How well an event is established (see the methodology). */
export const EVENT_STATUSES = ['documented', 'reported', 'alleged', 'disputed'] as const;
/** One of EVENT_STATUSES. */
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** The parts an actor can play in an event. */
export const ACTOR_ROLES = ['target', 'accused', 'publisher', 'amplifier', 'speaker', 'investigator', 'authority', 'other'] as const;
/** The sorts of source. */
export const SOURCE_KINDS = ['primary', 'government', 'court', 'vendor', 'news', 'analysis', 'reference'] as const;
/** What an attribution rests on. */
export const ATTRIBUTION_BASES = ['technical', 'official', 'legal', 'media', 'self'] as const;
/** Whether an attribution attributes, corroborates another, or contests one. */
export const ATTRIBUTION_STANCES = ['attributes', 'corroborates', 'contests'] as const;
/** The attributor's own confidence, or unstated. */
export const CONFIDENCE_WORDS = ['high', 'moderate', 'low', 'unstated'] as const;
/** The sorts of legal action. */
export const LEGAL_ACTIONS = ['investigation', 'indictment', 'sanctions', 'complaint', 'ruling', 'dismissal'] as const;

/** The kinds of actor. */
export const ACTOR_KINDS = [
  'state',
  'government',
  'agency',
  'military-unit',
  'intrusion-set',
  'persona',
  'campaign',
  'party',
  'person',
  'company',
  'security-vendor',
  'media',
  'platform',
  'electoral-authority',
  'court',
  'organization',
] as const;
/** One of ACTOR_KINDS. */
export type ActorKind = (typeof ACTOR_KINDS)[number];
