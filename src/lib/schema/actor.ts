/** Actors: states, agencies, intrusion sets, personas, parties, people, vendors, media. */
import { z } from 'astro/zod';
import { ACTOR_KINDS } from '../vocabulary.ts';
import { CountrySchema, HttpsUrlSchema, IdSchema, LabelSchema, plainText } from './common.ts';

/** Another name an actor goes by, and who coined it. */
export const AliasSchema = z.strictObject({
  name: LabelSchema.meta({ description: 'Another name for the actor: "Fancy Bear".' }),
  by: IdSchema.optional().meta({ description: 'Actor id of who coined the name: crowdstrike.' }),
});

/** An actor file: src/content/actors/<actor-id>.yaml. */
export const ActorSchema = z
  .strictObject({
    name: LabelSchema.meta({ description: 'Display name: "APT28".' }),
    kind: z.enum(ACTOR_KINDS).meta({ description: 'What sort of actor this is.' }),
    country: CountrySchema.optional().meta({ description: 'ISO 3166-1 alpha-2 country code.' }),
    aliases: z
      .array(AliasSchema)
      .optional()
      .meta({ description: 'Other names and who coined them: { name: Fancy Bear, by: crowdstrike }.' }),
    mitre: z
      .string()
      .regex(/^G\d{4}$/, { error: 'must be a MITRE ATT&CK group id: G followed by four digits, e.g. G0007' })
      .optional()
      .meta({ description: 'MITRE ATT&CK group id: G0007.' }),
    summary: plainText(300).optional().meta({ description: 'Plain text, at most 300 characters.' }),
    url: HttpsUrlSchema.optional().meta({ description: 'Official site (https).' }),
  })
  .meta({ title: 'Actor', description: 'src/content/actors/<actor-id>.yaml' });

/** An actor as the schema gives it. */
export type Actor = z.output<typeof ActorSchema>;
