/** Incidents: one hack-and-leak operation against one election; one lane on the chart. */
import { z } from 'astro/zod';
import { CountrySchema, IdSchema, LabelSchema, TimeZoneSchema, partialDate, plainText } from './common.ts';

/** An incident's election: its name, the vote (T−0) and its time zone. */
export const ElectionSchema = z.strictObject({
  name: LabelSchema.meta({ description: 'The election: "2017 French presidential election, second round".' }),
  vote: partialDate({ timeRequired: true }).meta({
    description: 'When polls closed on the decisive vote, with offset: T−0 of the aligned view. 2017-05-07T20:00+02:00.',
  }),
  timezone: TimeZoneSchema.meta({ description: 'IANA zone in which local times are shown: Europe/Paris.' }),
  voteApproximate: z
    .boolean()
    .optional()
    .meta({ description: 'True when T−0 is a convention (polls closed at different times); the body says why.' }),
});

/** An incident file: src/content/incidents/<incident-id>.mdx. */
export const IncidentSchema = z
  .strictObject({
    title: LabelSchema.max(40, { error: 'must be at most 40 characters (it is a lane label)' }).meta({
      description: 'Short lane label, at most 40 characters: "Macron Leaks".',
    }),
    summary: plainText(300).meta({ description: 'One plain-text paragraph, at most 300 characters.' }),
    country: CountrySchema.meta({ description: 'ISO 3166-1 alpha-2 country code of the election: FR.' }),
    election: ElectionSchema.meta({ description: 'The election the operation targeted.' }),
    targets: z
      .array(IdSchema)
      .min(1, { error: 'must name at least one target actor' })
      .meta({ description: 'Actor ids of who was hacked: [en-marche].' }),
    order: z.int().optional().meta({ description: 'Lane order, lower first (default: by election.vote).' }),
  })
  .meta({ title: 'Incident', description: 'src/content/incidents/<incident-id>.mdx' });

/** An incident as the schema gives it. */
export type Incident = z.output<typeof IncidentSchema>;
