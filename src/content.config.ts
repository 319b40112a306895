import { defineCollection } from 'astro:content';
import { contentLoader, translationLoader } from './integrations/content-loader.ts';
import { SCHEMAS, TRANSLATION_SCHEMAS } from './lib/schema/index.ts';

// The schemas live in src/lib/schema: they also drive the validator, the JSON Schema for
// editors and the docs tables. References between entries are checked by the validator,
// which runs before every build (see astro.config.mjs).
// Translations (`<slug>.fr.mdx`, `<id>.fr.yaml`) are their own collections, with ids
// "fr/<original-id>"; src/lib/content/translations.ts lays them over the originals.
export const collections = {
  incidents: defineCollection({ loader: contentLoader('incidents'), schema: SCHEMAS.incidents }),
  actors: defineCollection({ loader: contentLoader('actors'), schema: SCHEMAS.actors }),
  events: defineCollection({ loader: contentLoader('events'), schema: SCHEMAS.events }),
  incidentTranslations: defineCollection({ loader: translationLoader('incidents'), schema: TRANSLATION_SCHEMAS.incidents }),
  actorTranslations: defineCollection({ loader: translationLoader('actors'), schema: TRANSLATION_SCHEMAS.actors }),
  eventTranslations: defineCollection({ loader: translationLoader('events'), schema: TRANSLATION_SCHEMAS.events }),
};
