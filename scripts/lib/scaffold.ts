/** The text of a new event file, with TODOs where an editor must write; it fails validation until they are gone. */
import type { EventKind } from '../../src/lib/vocabulary.ts';

export interface ScaffoldOptions {
  kind: EventKind;
  date: string;
  /** Today, as YYYY-MM-DD: the review date. */
  today: string;
  /** An actor id that exists, used where the kind needs one until the editor names the right one. */
  placeholderActor: string;
  /**
   * Likelier actors per role, from the incident's other events: who usually speaks, denies,
   * attributes or is blamed. A denial's `by` is never the target by default.
   */
  defaults?: Partial<Record<'speaker' | 'attributor' | 'attributed' | 'denier' | 'authority', string>>;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

type Defaults = NonNullable<ScaffoldOptions['defaults']>;

const BLOCKS: Record<EventKind, (actor: string, d: Defaults) => string[]> = {
  leak: () => [
    'leak:',
    '  channel: TODO where it first appeared',
    '  # persona: actor id of the persona that posted it',
    '  # volume: as sources state it',
    '  # forgeriesAlleged: true',
  ],
  blackout: (actor) => ['blackout:', '  legalBasis: TODO the rule that imposed the silence', `  # authority: ${actor}`],
  statement: (actor, d) => [
    'statement:',
    `  speaker: ${d.speaker ?? actor} # TODO: actor id of who spoke`,
    '  # quote: verbatim words, in the original language',
    '  # quoteLanguage: fr',
  ],
  attribution: (actor, d) => [
    'attribution:',
    `  by: ${d.attributor ?? actor} # TODO: actor id of who attributes`,
    `  to: ${d.attributed ?? actor} # TODO: actor id of who is blamed, as they named them`,
    '  basis: technical # technical | official | legal | media | self',
    '  stance: attributes # attributes | corroborates | contests',
    "  confidence: unstated # the attributor's own words: high | moderate | low | unstated",
    '  # wording: "high confidence"',
  ],
  denial: (_actor, d) => [
    'denial:',
    `  by: ${d.denier ?? d.attributed ?? 'TODO-actor-id'} # TODO: actor id of who denies`,
    '  # quote: verbatim words',
  ],
  legal: (actor, d) => [
    'legal:',
    `  authority: ${d.authority ?? actor} # TODO: actor id of the authority`,
    '  action: investigation # investigation | indictment | sanctions | complaint | ruling | dismissal',
    '  # reference: case or document number',
  ],
  election: () => ['election: {} # add round: 2 and result: the result in plain text, inside the braces or as an indented block'],
  hack: () => ['# hack:', '#   technique: spear-phishing', '#   attack: T1566'],
  detection: () => ['# detection:', '#   technique: free text'],
  amplification: () => ['# amplification:', '#   technique: free text'],
};

/** The text of a new event file: it fails validation until every TODO is replaced. */
export function scaffoldEvent({ kind, date, today, placeholderActor, defaults = {} }: ScaffoldOptions): string {
  const lines = [
    '---',
    'title: TODO neutral headline, at most 120 characters',
    `kind: ${kind}`,
    `date: ${date}`,
    ...(kind === 'blackout' ? [`end: ${date} # TODO: when the span ends`] : ['# end: a later date, for a span']),
    '# approximate: true # when sources disagree on the date or only one weak source gives it',
    'status: reported # documented | reported | alleged | disputed (see /methodology/)',
    'summary: TODO one plain-text sentence or two, at most 280 characters.',
    'actors:',
    `  - { id: ${placeholderActor}, role: target } # TODO: who was involved, and how`,
    ...BLOCKS[kind](placeholderActor, defaults),
    'sources:',
    `  - title: ${quote('TODO title of the source, as published')}`,
    '    publisher: TODO',
    '    url: https://example.org/TODO-replace-with-the-source-address',
    `    published: ${today}`,
    '    language: en',
    '    kind: news # primary | government | court | vendor | news | analysis | reference',
    '# related: [incident-id/slug]',
    `reviewed: ${today}`,
    '---',
    'TODO: the longer description, in neutral Markdown. Name who said what. Where sources',
    'disagree, say so:',
    '',
    '<Aside title="Where sources disagree">',
    'TODO, or delete this box.',
    '</Aside>',
    '',
  ];
  return lines.join('\n');
}
