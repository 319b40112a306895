/**
 * The content model's fixed vocabularies and id patterns, without Zod, so that browser
 * code can share them. The schema (src/lib/schema) builds its enums from these lists.
 */

/** Lowercase kebab-case, the form of every id and file name. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const EVENT_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;

export const EVENT_KINDS = ['hack', 'detection', 'leak', 'amplification', 'blackout', 'statement', 'attribution', 'denial', 'legal', 'election'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['documented', 'reported', 'alleged', 'disputed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const ACTOR_ROLES = ['target', 'accused', 'publisher', 'amplifier', 'speaker', 'investigator', 'authority', 'other'] as const;
export const SOURCE_KINDS = ['primary', 'government', 'court', 'vendor', 'news', 'analysis', 'reference'] as const;
export const ATTRIBUTION_BASES = ['technical', 'official', 'legal', 'media', 'self'] as const;
export const ATTRIBUTION_STANCES = ['attributes', 'corroborates', 'contests'] as const;
export const CONFIDENCE_WORDS = ['high', 'moderate', 'low', 'unstated'] as const;
export const LEGAL_ACTIONS = ['investigation', 'indictment', 'sanctions', 'complaint', 'ruling', 'dismissal'] as const;

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
export type ActorKind = (typeof ACTOR_KINDS)[number];
