/**
 * Every interface string, in one dictionary (a French edition will add fr.ts with the same
 * keys). Content — titles, summaries, bodies — is not here: it lives in src/content.
 */
import type { ActorKind } from '../schema/actor.ts';
import type { EventKind, EventStatus } from '../schema/event.ts';

export const en = {
  locale: 'en-GB',
  kinds: {
    hack: 'Hack',
    detection: 'Detection',
    leak: 'Leak',
    amplification: 'Amplification',
    blackout: 'Campaign silence',
    statement: 'Statement',
    attribution: 'Attribution',
    denial: 'Denial',
    legal: 'Legal action',
    election: 'Election',
  } satisfies Record<EventKind, string>,
  kindsPlural: {
    hack: 'Hacks',
    detection: 'Detections',
    leak: 'Leaks',
    amplification: 'Amplifications',
    blackout: 'Campaign silences',
    statement: 'Statements',
    attribution: 'Attributions',
    denial: 'Denials',
    legal: 'Legal actions',
    election: 'Elections',
  } satisfies Record<EventKind, string>,
  kindDescriptions: {
    hack: 'An intrusion or attempt: phishing, access to systems or mailboxes.',
    detection: 'Someone notices or is warned of an intrusion.',
    leak: 'Stolen material is published or announced.',
    amplification: 'Material or claims about it are pushed to a wider audience.',
    blackout: 'A legal period of campaign silence.',
    statement: 'A public statement by a party to the events.',
    attribution: 'Someone publicly says who was responsible, with their own confidence.',
    denial: 'An accused party denies responsibility.',
    legal: 'An investigation, indictment, sanction, complaint, ruling or dismissal.',
    election: 'A vote and its result.',
  } satisfies Record<EventKind, string>,
  statuses: {
    documented: 'Documented',
    reported: 'Reported',
    alleged: 'Alleged',
    disputed: 'Disputed',
  } satisfies Record<EventStatus, string>,
  statusDescriptions: {
    documented: 'Established by primary documents or by several independent reliable sources.',
    reported: 'Reported by reliable sources, but not independently confirmed.',
    alleged: "A party's claim, such as an indictment's allegations, not tested in court or elsewhere.",
    disputed: 'Reliable sources disagree; the event page says how.',
  } satisfies Record<EventStatus, string>,
  roles: {
    target: 'target',
    accused: 'accused',
    publisher: 'publisher',
    amplifier: 'amplifier',
    speaker: 'speaker',
    investigator: 'investigator',
    authority: 'authority',
    other: 'involved',
  },
  actorKinds: {
    state: 'State',
    government: 'Government',
    agency: 'Agency',
    'military-unit': 'Military unit',
    'intrusion-set': 'Intrusion set (threat group)',
    persona: 'Persona',
    campaign: 'Campaign',
    party: 'Party',
    person: 'Person',
    company: 'Company',
    'security-vendor': 'Security vendor',
    media: 'Media',
    platform: 'Platform',
    'electoral-authority': 'Electoral authority',
    court: 'Court',
    organization: 'Organisation',
  } satisfies Record<ActorKind, string>,
  bases: {
    technical: 'technical analysis',
    official: 'an official government position',
    legal: 'a legal proceeding',
    media: 'media reporting',
    self: 'a claim of responsibility',
  },
  stances: {
    attributes: 'attributes the operation to',
    corroborates: 'corroborates the attribution to',
    contests: 'contests the attribution to',
  },
  confidence: {
    high: 'high',
    moderate: 'moderate',
    low: 'low',
    unstated: 'not stated',
  },
  legalActions: {
    investigation: 'Investigation',
    indictment: 'Indictment',
    sanctions: 'Sanctions',
    complaint: 'Complaint',
    ruling: 'Ruling',
    dismissal: 'Dismissal',
  },
  sourceKinds: {
    primary: 'primary source',
    government: 'government',
    court: 'court record',
    vendor: 'security vendor',
    news: 'news',
    analysis: 'analysis',
    reference: 'reference',
  },
  ui: {
    skipToContent: 'Skip to content',
    navTimeline: 'Timeline',
    navEvents: 'All events',
    navIncidents: 'Incidents',
    navActors: 'Actors',
    navMethodology: 'Methodology',
    navAbout: 'About',
    navData: 'Data',
    navTools: 'For teachers and journalists',
    navEmbed: 'Embed the timeline',
    navHandouts: 'Printable handouts',
    navPictures: 'Ready-made pictures',
    approximate: 'approximate',
    when: 'When',
    ends: 'Until',
    utc: 'In UTC',
    fromVote: 'From the vote',
    dateOnly: 'date only; no time of day is known',
    actors: 'Who',
    sources: 'Sources',
    related: 'Related events',
    previous: 'Previous',
    next: 'Next',
    cite: 'Cite this event',
    citePlain: 'Plain text',
    citeBibtex: 'BibTeX',
    copyPlain: 'Copy the reference',
    copyBibtex: 'Copy the BibTeX entry',
    copied: 'Copied',
    copyFailed: 'Could not copy: select the text and copy it',
    showOnTimeline: 'Show on the timeline',
    suggestCorrection: 'Suggest a correction',
    editFile: 'Edit this file',
    reportProblem: 'Report a problem',
    reviewed: 'Last reviewed',
    archivedCopy: 'archived copy',
    archiveLookup: 'look for archived copies',
    archiveLookupTitle: 'Search the Wayback Machine for copies of this address. No copy has been checked by us, and there may be none.',
    published: 'published',
    language: 'in',
    incident: 'Incident',
    vote: 'T−0: polls close',
  },
  chart: {
    /** What the chart shows, in the scale actually drawn: symmetric-log or linear hours from T−0, or the calendar. */
    description: (lanes: number | string, events: number | string, axis: 'log' | 'linear' | 'calendar' = 'log') =>
      `${lanes === 1 ? 'One lane' : `${lanes} lanes, one per incident,`} ${
        axis === 'calendar'
          ? 'on the calendar, on a linear time scale: equal lengths are equal durations, and a rule in each lane marks its T−0, the moment polls closed.'
          : axis === 'linear'
            ? 'aligned on T−0, the moment polls closed, on a linear time scale: equal lengths are equal durations.'
            : 'aligned on T−0, the moment polls closed, on a symmetric-log time scale: the last hours before the vote and the years around it are both readable.'
      } ${events} events in all; each mark links to its event page.`,
    zoomGroup: 'Zoom',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    last72h: 'Last 72 hours',
    reset: 'Reset',
    downloadGroup: 'Download this view',
    downloadSvg: 'Download SVG',
    downloadPng: 'Download PNG',
    downloadScheme: 'in',
    schemeShown: 'the colours shown',
    schemeLight: 'light colours',
    schemeDark: 'dark colours',
    align: 'Align',
    alignVote: 'on the vote (T−0)',
    alignCalendar: 'on the calendar',
    scale: 'Scale',
    scaleLog: 'log (near the vote wider)',
    scaleLinear: 'linear',
    hint: 'Keyboard: arrows move between events, + and − zoom. Ctrl + wheel or pinch zooms; drag pans.',
    pollsClose: 'polls close (T−0)',
    conventionNote: (titles: string) => `* For ${titles}, T−0 is a convention: polls closed at different times; the incident page explains the choice.`,
    invalidAddress: 'Some settings in the address were not understood and were ignored:',
    invalidEmbed: 'Some settings were not understood and were ignored:',
    source: 'Source:',
    legend: 'Legend',
    legendHint: ' (select to show or hide)',
    legendKinds: 'Kinds of event',
    legendIncidents: 'Incidents',
    legendStatus: 'Status and dates',
    legendApproximate: 'approximate date',
    legendSpan: 'a day or month, drawn as its span',
    legendCluster: 'several events close together (select to zoom in)',
    clusterName: (count: number | string, kinds: string) => `${count} events close together: ${kinds}. Zoom in to show them`,
    skipToChart: 'Skip to the timeline',
    openEvent: 'Open the event page',
    showTable: 'Show as table',
    tableCaption: (rows: number | string, several: boolean) => `${rows} events in time order${several ? ', all incidents' : ''}; offsets count from each election's T−0`,
    columns: { date: 'Date (local)', offset: 'From the vote', incident: 'Incident', kind: 'Kind', status: 'Status', event: 'Event' },
  },
  comparison: {
    heading: 'How the incidents compare',
    intro: 'Computed from the events in this archive; each figure links to the event it rests on.',
    question: 'Question',
    firstLeak: "First leak of the target's material, before the vote",
    beforeVote: 'before the vote',
    laterLeak: 'Then: ',
    notCounted: 'Not counted: ',
    notTargetMaterial: "its event does not record material taken from the target.",
    noLeak: 'No leak recorded',
    silence: 'Leak inside a legal campaign silence?',
    noSilence: 'No campaign silence recorded for this election',
    attributionsBeforeVote: 'Public attributions before the vote',
    firstPublic: 'First public attribution',
    firstGovernment: 'First attribution by a government',
    firstOwnGovernment: "First attribution by the election's own government",
    sameAsAbove: '(the same as above)',
    beforeLeak: 'before the first leak',
    afterLeak: 'after the first leak',
    sameDayAsLeak: 'the same day as the first leak',
    noneRecorded: 'None recorded',
  },
} as const;

export type Dictionary = typeof en;

/** The dictionary for the page's language; English is the only edition so far. */
export function dictionary(_locale = 'en'): Dictionary {
  return en;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "fr" → "French". */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "FR" → "France". */
export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}
