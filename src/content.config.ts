import { defineCollection } from 'astro:content';
import { contentLoader } from './lib/content/loader.ts';
import { ActorSchema, EventSchema, IncidentSchema } from './lib/schema/index.ts';

// The schemas live in src/lib/schema: they also drive the validator, the JSON Schema for
// editors and the docs tables. References between entries are checked by the validator,
// which runs before every build (see astro.config.mjs).
export const collections = {
  incidents: defineCollection({ loader: contentLoader('incidents'), schema: IncidentSchema }),
  actors: defineCollection({ loader: contentLoader('actors'), schema: ActorSchema }),
  events: defineCollection({ loader: contentLoader('events'), schema: EventSchema }),
};
