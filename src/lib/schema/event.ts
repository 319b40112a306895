/** Events: one dated, sourced thing that happened in an incident. */
import { z } from 'astro/zod';
import { endsBeforeStart, parsePartialDate } from '../dates.ts';
import {
  ACTOR_ROLES,
  ATTRIBUTION_BASES,
  ATTRIBUTION_STANCES,
  CONFIDENCE_WORDS,
  EVENT_KINDS,
  EVENT_STATUSES,
  LEGAL_ACTIONS,
  SOURCE_KINDS,
  type EventKind,
} from '../vocabulary.ts';
import {
  EventIdSchema,
  HttpsUrlSchema,
  IdSchema,
  LabelSchema,
  LanguageSchema,
  ReviewedSchema,
  WebUrlSchema,
  partialDate,
  freeText,
  plainText,
} from './common.ts';

/** The operation itself, drawn as circles; the rest are responses, drawn as diamonds. */
export const OPERATION_KINDS: readonly EventKind[] = ['hack', 'detection', 'leak', 'amplification'];

/** One source of an event. */
export const SourceSchema = z.strictObject({
  title: LabelSchema.meta({ description: 'Title of the page or document, as published.' }),
  publisher: LabelSchema.meta({ description: 'Who published it: "France 24".' }),
  url: WebUrlSchema.meta({ description: 'http or https address.' }),
  published: partialDate({ notInFuture: true }).meta({ description: 'Publication date, partial ISO: 2017-05-08.' }),
  language: LanguageSchema.meta({ description: 'BCP 47 language of the source: en, fr.' }),
  archived: HttpsUrlSchema.optional().meta({ description: 'https address of an archived copy.' }),
  kind: z.enum(SOURCE_KINDS).optional().meta({ description: 'What sort of source this is.' }),
  note: freeText(1000).optional().meta({ description: 'Anything a reader should know about the source.' }),
});

/** An actor an event names, with the part it played. */
export const ActorRefSchema = z.strictObject({
  id: IdSchema.meta({ description: 'Actor id.' }),
  role: z.enum(ACTOR_ROLES).meta({ description: 'The part the actor played in this event.' }),
});

const TechniqueBlockSchema = z.strictObject({
  technique: freeText(200).optional().meta({ description: 'Free text: "spear-phishing".' }),
  attack: z
    .string()
    .regex(/^T\d{4}(\.\d{3})?$/, { error: 'must be a MITRE ATT&CK technique id such as T1566 or T1566.002' })
    .optional()
    .meta({ description: 'MITRE ATT&CK technique id: T1566.' }),
});

/** The block each kind carries; required for that kind and refused on any other. */
export const KIND_BLOCKS = {
  leak: z.strictObject({
    channel: LabelSchema.meta({ description: 'Where it first appeared: "4chan /pol/, Pastebin".' }),
    persona: IdSchema.optional().meta({ description: 'Actor id of the persona that published it.' }),
    volume: freeText(200).optional().meta({ description: 'As sources state it: "about 9 GB compressed".' }),
    forgeriesAlleged: z.boolean().optional().meta({ description: 'Whether forgeries were alleged to be mixed in.' }),
  }),
  blackout: z.strictObject({
    legalBasis: LabelSchema.meta({ description: 'The rule that imposed the silence.' }),
    authority: IdSchema.optional().meta({ description: 'Actor id of the authority that oversaw it.' }),
  }),
  statement: z.strictObject({
    speaker: IdSchema.meta({ description: 'Actor id of who spoke.' }),
    quote: freeText(2000).optional().meta({ description: 'Verbatim words, in the original language.' }),
    quoteLanguage: LanguageSchema.optional().meta({ description: 'BCP 47 language of the quote.' }),
  }),
  attribution: z.strictObject({
    by: IdSchema.meta({ description: 'Actor id of who attributes.' }),
    to: IdSchema.meta({ description: 'Actor id of who is blamed, as the attributor named them.' }),
    alsoTo: z
      .array(IdSchema)
      .min(1)
      .optional()
      .meta({ description: 'Other actors the same attribution names (CrowdStrike named two groups): actor ids.' }),
    basis: z.enum(ATTRIBUTION_BASES).meta({ description: 'What the attribution rests on.' }),
    stance: z.enum(ATTRIBUTION_STANCES).meta({ description: 'attributes, corroborates an earlier attribution, or contests it.' }),
    confidence: z.enum(CONFIDENCE_WORDS).meta({ description: "The attributor's own confidence, never ours; unstated if they gave none." }),
    wording: freeText(300).optional().meta({ description: 'Verbatim phrase: "high confidence".' }),
  }),
  denial: z.strictObject({
    by: IdSchema.meta({ description: 'Actor id of who denies.' }),
    quote: freeText(2000).optional().meta({ description: 'Verbatim words.' }),
    quoteLanguage: LanguageSchema.optional().meta({ description: 'BCP 47 language of the quote.' }),
  }),
  legal: z.strictObject({
    authority: IdSchema.meta({ description: 'Actor id of the authority acting.' }),
    action: z.enum(LEGAL_ACTIONS).meta({ description: 'What kind of legal step this is.' }),
    reference: freeText(200).optional().meta({ description: 'Case or document number.' }),
  }),
  election: z.strictObject({
    round: z
      .union([z.int().min(1), LabelSchema])
      .optional()
      .meta({ description: 'Which round: 1, 2.' }),
    result: freeText(500).optional().meta({ description: 'The result, in plain text.' }),
  }),
  hack: TechniqueBlockSchema,
  detection: TechniqueBlockSchema,
  amplification: TechniqueBlockSchema,
} as const;

/** Kinds whose block may be left out. */
export const OPTIONAL_BLOCK_KINDS: readonly EventKind[] = ['hack', 'detection', 'amplification'];

/** The event's fields before the rules between them: translations pick theirs from here. */
export const EventFieldsSchema = z.strictObject({
  title: LabelSchema.max(120, { error: 'must be at most 120 characters' }).meta({
    description: 'Neutral headline, at most 120 characters.',
  }),
  kind: z.enum(EVENT_KINDS).meta({ description: 'What sort of event this is; decides the block it carries.' }),
  date: partialDate({ notInFuture: true }).meta({
    description: 'Partial ISO 8601 at the precision known: 2016, 2016-07, 2016-07-22, 2017-05-05T20:35+02:00.',
  }),
  end: partialDate({ notInFuture: true }).optional().meta({ description: 'End of a span, not before date; required for blackout.' }),
  approximate: z.boolean().optional().meta({ description: 'Circa: shown as "c." and drawn as uncertain.' }),
  status: z.enum(EVENT_STATUSES).meta({ description: 'documented, reported, alleged or disputed (see methodology).' }),
  summary: plainText(280).meta({ description: 'Plain text, at most 280 characters: tooltips, cards, embeds.' }),
  actors: z.array(ActorRefSchema).optional().meta({ description: 'Actors involved: { id, role }.' }),
  sources: z.array(SourceSchema).min(1, { error: 'needs at least one source' }).meta({ description: 'At least one source.' }),
  related: z.array(EventIdSchema).optional().meta({ description: 'Related event ids; may cross incidents.' }),
  reviewed: ReviewedSchema.meta({ description: 'Date of the last editorial review: 2026-11-25.' }),
  leak: KIND_BLOCKS.leak.optional().meta({ description: 'Required for kind: leak.' }),
  blackout: KIND_BLOCKS.blackout.optional().meta({ description: 'Required for kind: blackout.' }),
  statement: KIND_BLOCKS.statement.optional().meta({ description: 'Required for kind: statement.' }),
  attribution: KIND_BLOCKS.attribution.optional().meta({ description: 'Required for kind: attribution.' }),
  denial: KIND_BLOCKS.denial.optional().meta({ description: 'Required for kind: denial.' }),
  legal: KIND_BLOCKS.legal.optional().meta({ description: 'Required for kind: legal.' }),
  election: KIND_BLOCKS.election.optional().meta({ description: 'Required for kind: election.' }),
  hack: KIND_BLOCKS.hack.optional().meta({ description: 'Optional for kind: hack.' }),
  detection: KIND_BLOCKS.detection.optional().meta({ description: 'Optional for kind: detection.' }),
  amplification: KIND_BLOCKS.amplification.optional().meta({ description: 'Optional for kind: amplification.' }),
});

/** An event file, with the rules between its fields (its kind's block, its end after its date). */
export const EventSchema = EventFieldsSchema.superRefine(
  (event, ctx) => {
    // Runs even when other fields failed (see `when` below), so every problem is reported at
    // once; values may then be raw input, hence the defensive String()s.
    for (const blockKind of EVENT_KINDS) {
      const present = event[blockKind] !== undefined;
      if (blockKind === event.kind && !present && !OPTIONAL_BLOCK_KINDS.includes(blockKind)) {
        ctx.addIssue({
          code: 'custom',
          path: [blockKind],
          message: `kind: ${blockKind} needs a "${blockKind}:" block (${Object.keys(KIND_BLOCKS[blockKind].shape).join(', ')})`,
        });
      }
      if (blockKind !== event.kind && present) {
        ctx.addIssue({
          code: 'custom',
          path: [blockKind],
          message: `a "${blockKind}:" block belongs only to kind: ${blockKind}; this event is kind: ${event.kind}`,
        });
      }
    }
    if (event.kind === 'blackout' && event.end === undefined) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'a blackout is a span: give its end' });
    }
    if (event.end !== undefined) {
      const start = parsePartialDate(String(event.date));
      const end = parsePartialDate(String(event.end));
      if (start.ok && end.ok && endsBeforeStart(start.date, end.date)) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: `end ${event.end} is before date ${event.date}` });
      }
    }
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
).meta({ title: 'Event', description: 'src/content/events/<incident-id>/<slug>.mdx' });

/** An event as the schema gives it. */
export type TimelineEvent = z.output<typeof EventSchema>;
/** A source as the schema gives it. */
export type EventSource = z.output<typeof SourceSchema>;
/** An actor reference as the schema gives it. */
export type ActorRef = z.output<typeof ActorRefSchema>;

/** Everyone an attribution names as responsible: `to`, then `alsoTo`. */
export function blamedActors(attribution: { to: string; alsoTo?: readonly string[] }): string[] {
  return [attribution.to, ...(attribution.alsoTo ?? [])];
}

/** Every actor id an event names, with the frontmatter path that names it. */
export function eventActorReferences(event: TimelineEvent): { path: (string | number)[]; id: string }[] {
  const refs: { path: (string | number)[]; id: string }[] = [];
  event.actors?.forEach((actor, i) => {
    refs.push({ path: ['actors', i, 'id'], id: actor.id });
  });
  const add = (path: (string | number)[], id: string | undefined) => id !== undefined && refs.push({ path, id });
  add(['leak', 'persona'], event.leak?.persona);
  add(['blackout', 'authority'], event.blackout?.authority);
  add(['statement', 'speaker'], event.statement?.speaker);
  add(['attribution', 'by'], event.attribution?.by);
  add(['attribution', 'to'], event.attribution?.to);
  event.attribution?.alsoTo?.forEach((id, i) => {
    refs.push({ path: ['attribution', 'alsoTo', i], id });
  });
  add(['denial', 'by'], event.denial?.by);
  add(['legal', 'authority'], event.legal?.authority);
  return refs;
}
