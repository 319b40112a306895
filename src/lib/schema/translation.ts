/**
 * Translations: a file beside an original (`<slug>.fr.mdx`, `<id>.fr.yaml`) holding only the
 * translated fields. Each schema is cut from the original's own fields (`.pick`), so a rule on
 * a title or a summary holds in every language; only `reviewed` (and an event's `translatedFrom`)
 * are the translation's own.
 */
import type { z } from 'astro/zod';
import { ActorSchema } from './actor.ts';
import { ReviewedSchema } from './common.ts';
import { EventFieldsSchema } from './event.ts';
import { ElectionSchema, IncidentSchema } from './incident.ts';

const reviewed = ReviewedSchema.meta({ description: 'When this translation was last checked against the original: 2026-12-02.' });
const translatedFrom = ReviewedSchema.optional().meta({
  description: "The original's reviewed date this translation was made from (optional).",
});

/** An event translation file: title and summary, with its review dates. */
export const EventTranslationSchema = EventFieldsSchema.pick({ title: true, summary: true })
  .extend({ reviewed, translatedFrom })
  .meta({ title: 'Event translation', description: 'src/content/events/<incident-id>/<slug>.fr.mdx' });

/** An incident translation file: title, summary and the election's name, with its review dates. */
export const IncidentTranslationSchema = IncidentSchema.pick({ title: true, summary: true })
  .extend({
    election: ElectionSchema.pick({ name: true }).optional().meta({ description: "The election's name, translated." }),
    reviewed,
  })
  .meta({ title: 'Incident translation', description: 'src/content/incidents/<incident-id>.fr.mdx' });

/** An actor translation file: name and summary, each optional. */
export const ActorTranslationSchema = ActorSchema.pick({ name: true, summary: true })
  .partial()
  .extend({ reviewed: reviewed.optional() })
  .meta({ title: 'Actor translation', description: 'src/content/actors/<actor-id>.fr.yaml' });

/** An event translation as the schema gives it. */
export type EventTranslation = z.output<typeof EventTranslationSchema>;
/** An incident translation as the schema gives it. */
export type IncidentTranslation = z.output<typeof IncidentTranslationSchema>;
/** An actor translation as the schema gives it. */
export type ActorTranslation = z.output<typeof ActorTranslationSchema>;
