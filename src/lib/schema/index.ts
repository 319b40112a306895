/** The content model in one place: every type, check and JSON Schema derives from here. */
import type { z } from 'astro/zod';
import { ActorSchema } from './actor.ts';
import { EventSchema } from './event.ts';
import { IncidentSchema } from './incident.ts';
import { ActorTranslationSchema, EventTranslationSchema, IncidentTranslationSchema } from './translation.ts';

export * from './common.ts';
export * from './actor.ts';
export * from './incident.ts';
export * from './event.ts';
export * from './translation.ts';

/** The schema of each content collection: Astro's collections and the validator both read it. */
export const SCHEMAS = { incidents: IncidentSchema, actors: ActorSchema, events: EventSchema } as const satisfies Record<string, z.ZodType>;
/** The name of a content collection with a schema (`incidents`, `actors`, `events`). */
export type SchemaName = keyof typeof SCHEMAS;

/** The schema of a translation file of each collection (its fields picked from the original's schema). */
export const TRANSLATION_SCHEMAS = {
  incidents: IncidentTranslationSchema,
  actors: ActorTranslationSchema,
  events: EventTranslationSchema,
} as const satisfies Record<SchemaName, z.ZodType>;
