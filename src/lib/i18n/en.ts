/**
 * Every interface string, in one dictionary; fr.ts has the same keys (checked with
 * `satisfies Dictionary`). Content — titles, summaries, bodies — is not here: it lives in
 * src/content. Long prose (methodology, about) lives in src/components/prose, per language.
 */
import { SITE } from '../site.ts';
import type { ActorKind, EventKind, EventStatus } from '../vocabulary.ts';
import { fr } from './fr.ts';

/** Every English word of the site outside the content, by page and part. */
export const en = {
  locale: 'en-GB',
  /** Durations and offsets: compact units for labels, words for sentences. */
  units: {
    min: 'min',
    h: 'h',
    d: 'd',
    w: 'w',
    mo: 'mo',
    y: 'y',
    minute: ['minute', 'minutes'],
    hour: ['hour', 'hours'],
    day: ['day', 'days'],
    month: ['month', 'months'],
    year: ['year', 'years'],
    beforeVote: 'before the vote',
    afterVote: 'after the vote',
    atVote: 'at the vote',
    voteDay: 'vote day',
    onVoteDay: 'on the day of the vote',
    voteMonth: 'vote month',
    inVoteMonth: 'in the month of the vote',
    voteYear: 'vote year',
    inVoteYear: 'in the year of the vote',
    tickVote: 'vote',
    circa: 'c. ',
    about: 'about ',
    /** "5 May 2017" + "20:35" + "Paris" → "5 May 2017, 20:35 Paris time". */
    dateTime: (day: string, time: string, zone: string | undefined) => `${day}, ${time}${zone ? ` ${zone} time` : ''}`,
    utcDateTime: (day: string, time: string) => `${day}, ${time} UTC`,
    /** How a time of day is written: "20:35". */
    time: (hours: string, minutes: string) => `${hours}:${minutes}`,
    and: ' and ',
    semicolon: '; ',
    /** Between a label and what it introduces: "T−47 h: Campaign files posted". */
    colon: ': ',
  },
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
    /** The site's own description (lib/site.ts), also in the STIX export and the dataset's metadata. */
    siteDescription: SITE.description,
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
    citeEvent: 'event',
    citeReviewed: 'Last reviewed',
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
    mainNav: 'Main',
    footerNav: 'Footer',
    breadcrumbs: 'Breadcrumbs',
    languageSwitch: 'Language',
    contentUnder: 'Content under',
    codeUnder: 'code under the',
    licence: 'licence',
    footerNote: 'Every event links to its sources; attribution is reported as who said what, never as our finding.',
    sourceCode: 'Source code and corrections',
    notTranslated: 'This event has not been translated yet; it is shown in English.',
    outdated: (date: string) => `The English version was updated on ${date}; this translation may not include the change.`,
    englishOnly: 'This page is in English only.',
  },
  home: {
    title: 'Hack-and-leak operations against elections, aligned on the vote',
    heading: 'Two hack-and-leak operations, two elections, one clock',
    lede: (macron: string, dnc: string) =>
      `Stolen campaign material was published before the 2016 US and the 2017 French presidential votes. Aligned on ` +
      `the moment polls closed, the difference is plain: the Macron files appeared ${macron} before the vote, hours ` +
      `before a legal campaign silence; the first DNC files were published ${dnc} before it.`,
    chartHeading: 'The operations, aligned on the vote',
    incidents: 'Incidents',
    tools: 'For teachers and journalists',
    embedText: 'Put the live chart on your own site or course page, filtered to what you teach; the builder writes the code.',
    handoutsText: 'One page per incident and a side-by-side comparison, with sources, ready to print or save as PDF.',
    picturesText: 'The timeline as SVG files for slides and documents, with their key and credit.',
    openData: 'Open data',
    openDataText: 'Every event as JSON, CSV (also for Excel) and STIX 2.1, with how to cite it.',
    how: 'How we know',
    howText1:
      'Every event lists its sources. Where sources disagree, the event says so. Attribution is recorded as who said ' +
      "what, when, and with what confidence, never as this site's own finding. Read the",
    methodology: 'methodology',
    browse: ', browse',
    allEvents: 'all events',
    orThe: 'or the',
    actors: 'actors',
    howText2: ', and suggest corrections from any event page.',
  },
  notFound: {
    title: 'Page not found',
    text: 'There is no page at this address. Try the',
    timeline: 'timeline',
    orList: 'or the list of',
    allEvents: 'all events',
  },
  eventsIndex: {
    title: 'All events',
    description: 'Every event in the archive, by incident, in time order.',
    lede: (events: number, incidents: number) =>
      `${events} events in ${incidents} incidents, each with its sources. Dates are local to the election; offsets ` +
      `count from T−0, when polls closed.`,
    count: (n: number) => `${n} events`,
  },
  event: {
    t0Is: 'T−0 is',
    byConvention: ', by convention',
    somethingWrong: 'Something wrong or missing?',
    pullRequest: '(a pull request) or',
    missing: 'A missing event?',
    addWithForm: 'Add it with the form',
    noGit: ', no git needed.',
    eventsIn: (title: string) => `Events in ${title}`,
    kindAndStatus: 'Kind and status',
    kindLabel: 'Kind: ',
    statusLabel: 'Status: ',
    approximateDate: 'Approximate date',
  },
  kindDetails: {
    firstAppeared: 'First appeared on',
    postedAs: 'Posted as',
    volume: 'Volume, as sources state it',
    forgeries: 'Forgeries alleged',
    forgeriesYes: 'Yes: it was alleged that false documents were mixed in',
    no: 'No',
    legalBasis: 'Legal basis',
    overseenBy: 'Overseen by',
    speaker: 'Speaker',
    inTheirWords: 'In their words',
    onTheBasisOf: ', on the basis of',
    whoAttributes: 'Who attributes',
    toWhom: 'To whom',
    basis: 'Basis',
    stance: 'Stance',
    confidence: "Confidence, in the attributor's own words",
    claimNote: "This records a claim made by the attributor. It is not this site's finding.",
    deniedBy: 'Denied by',
    action: 'Action',
    by: 'By',
    reference: 'Reference',
    round: 'Round',
    result: 'Result',
    technique: 'Technique',
  },
  incidentsIndex: {
    title: 'Incidents',
    description: 'Hack-and-leak operations against elections documented in this archive.',
    lede: 'Each incident is one hack-and-leak operation against one election, and one lane on the timeline.',
  },
  incident: {
    theVote: 'The vote',
    election: 'Election',
    convention: '; a convention, explained below',
    targets: 'Targets',
    events: 'Events',
    alignedOnVote: (title: string) => `${title}, aligned on the vote`,
    overview: 'Overview',
    inOrder: 'The events, in order',
    somethingWrong: 'Something wrong or missing?',
    edit: 'Edit this incident',
    orAdd: ', or add an event (see CONTRIBUTING.md in the repository).',
    pollsClosed: 'polls closed',
    eventsIn: (n: number) => `${n} events`,
    inTitle: (title: string) => ` in ${title}`,
  },
  actorsIndex: {
    title: 'Actors',
    description: 'States, agencies, threat groups, personas, parties, people and organisations named in the archive.',
    lede: (n: number) => `${n} actors named in the events, grouped by kind. Threat groups carry the names different vendors gave them.`,
    also: 'also',
    events: (n: number) => `${n} event${n === 1 ? '' : 's'}`,
  },
  actor: {
    description: (name: string) => `${name}: events in the archive.`,
    kind: 'Kind',
    country: 'Country',
    website: 'Website',
    aka: 'Also known as',
    nameUsedBy: 'name used by',
    coined: 'Names it gave others',
    for: 'for',
    made: 'Attributions made',
    madeCaption: (name: string) => `Attributions made by ${name}, in time order`,
    when: 'When',
    event: 'Event',
    stance: 'Stance',
    whoIsNamed: 'Who is named',
    confidence: 'Confidence (their word)',
    confidenceShort: 'Confidence',
    received: 'Attributions received',
    receivedNote: (name: string) =>
      `Who has attributed activity to ${name}, in their own words of confidence. These are claims by others, not this site's findings.`,
    receivedCaption: (name: string) => `Attributions to ${name}, in time order`,
    whoAttributes: 'Who attributes',
    involving: (name: string) => `Events involving ${name}`,
    noEvents: 'No events yet.',
    roles: 'Roles',
    edit: 'Edit this actor',
    /** A stance without its trailing "to", for tables: "attributes the operation". */
    stanceShort: (stance: string) => stance.replace(/ to$/, ''),
  },
  methodology: {
    title: 'Methodology',
    description: 'What each status means, how attribution is recorded, and how sources are chosen.',
  },
  about: {
    title: 'About',
    description: 'Who makes this archive, how to contribute, and the licences.',
  },
  data: {
    title: 'Open data',
    description: 'The archive as JSON, CSV and STIX 2.1, under CC BY 4.0: what each file holds and how to cite it.',
    /** The type of each events.csv column, as the data page names it. */
    columnTypes: { text: 'text', date: 'date', number: 'number', boolean: 'boolean' },
  },
  contribute: {
    title: 'Contribute an event',
    description: "Fill in an event, check it against the archive's rules, and send it as a pull request without installing anything.",

    /** A field's label: the key itself for the kind blocks and sources (the file's own names). */
    fieldLabel: (field: string) => field.replace(/^.*[.\]]/, ''),
    /** A field's help: in English, the schema's own description of the field. */
    fieldHelp: (_field: string, english: string) => english,
    /** Whether labels show the file's key beside them (for a label in another language). */
    showKeys: false as boolean,
    required: ' (required)',
    optional: ' (optional)',
    none: '(none)',
    whereItBelongs: 'Where it belongs',
    incident: 'Incident',
    fileName: 'File name',
    slugHelp: 'Lowercase words joined by hyphens, such as `emleaks-posted`; filled in from the title until you change it.',
    theEvent: 'The event',
    titleLabel: 'Title',
    kind: 'Kind',
    status: 'Status',
    summary: 'Summary',
    dateLegend: 'Date',
    endLegend: 'End of the span',
    precision: 'Precision',
    precisions: { year: 'year', month: 'month', day: 'day', minute: 'time of day' },
    year: 'Year',
    month: 'Month',
    day: 'Day',
    time: 'Time (24 h)',
    offset: 'UTC offset',
    useZone: "Use the incident's time zone",
    writtenAs: 'Written as',
    dateOptions: 'Date options',
    hasEnd: 'This is a span with an end date (a blackout always is)',
    approximate: 'Approximate date',
    blockLegend: (kind: string, help: string) => `${kind}: details (${help})`,
    pickActor: 'Start typing to pick from the list.',
    actorsLegend: 'Actors',
    actorsHelp: 'Type to search the actors the archive knows; a new actor needs its own file (an editor can add it).',
    addActor: 'Add an actor',
    actor: 'Actor',
    actorId: 'Actor id',
    role: 'Role',
    removeActor: 'Remove actor',
    sourcesLegend: 'Sources',
    atLeastOne: ' (at least one)',
    sourcesHelp: 'Prefer the original document; add an archived copy if you have one.',
    addSource: 'Add a source',
    source: 'Source',
    removeSource: 'Remove source',
    review: 'Review',
    reviewedOn: 'Reviewed on',
    reviewedHelp: "Today's date: you checked the sources.",
    bodyLegend: 'Description (Markdown)',
    bodyLabel: 'Longer description',
    bodyHelp: 'Paragraphs, `*emphasis*`, `**strong**`, lists and `[links](https://…)` to http(s) addresses. No images, HTML or code.',
    /** What the page leaves to the pull request's check (see src/lib/contribute/check.ts). */
    bodyLeftToCi:
      "This page checks the description's links, braces and elements; the pull request's automatic check then parses " +
      'it fully (Markdown and MDX syntax), and its messages appear on the pull request.',
    preview: 'Preview',
    check: 'Check the event',
    problemsHeading: 'Problems to fix',
    problemsIntro: 'These are the messages `npm run validate` gives for this file. Each link goes to the field.',
    ready: 'Your file is ready',
    readyText: 'It passes the checks this page can run. Send it one of three ways:',
    openGithub: 'Open GitHub’s “new file” page',
    download: 'Download the .mdx file',
    copy: 'Copy the file',
    longNote:
      'This file is long: GitHub’s page may receive it cut short. Download the file instead, then on GitHub open the ' +
      'folder `src/content/events/` and the incident’s folder, and choose “Add file” → “Upload files”.',
    githubNote:
      'On GitHub, sign in, then “Commit changes…” and “Propose changes”: GitHub makes a copy (a fork) and opens a ' +
      'pull request. Its automatic check runs `npm run validate` and the full body check.',
    file: 'File',
    /** Words the page's script writes; {placeholders} are filled in the browser. */
    script: {
      checkerFailed: 'The checker could not start in this browser. Download the file and send it: the pull request checks it.',
      checking: 'Checking…',
      problemsOne: '{n} problem: see the list at the top.',
      problemsMany: '{n} problems: see the list at the top.',
      noProblems: 'No problems found.',
      toFixOne: '{n} problem to fix',
      toFixMany: '{n} problems to fix',
      downloaded: 'Downloaded {name}.',
      copied: 'Copied.',
      selectToCopy: 'Select the text below and copy it (Ctrl+C or ⌘C).',
      notYet: '(not yet)',
      giveDateFirst: 'give the year, month, day and time first',
      zoneOnDay: ' ({zone} on that day)',
      nothingToPreview: 'Nothing to preview yet.',
    },
  },
  embed: {
    title: 'Embed the timeline',
    description: 'Put the timeline on your own page or slides, filtered to what you teach.',
    lede:
      'Choose what to show, check the preview, and copy the code into your page. The chart sizes itself, works ' +
      'without JavaScript, and credits its sources.',
    iframeTitle: (site: string) => `${site}: hack-and-leak operations aligned on the vote`,
    incidents: 'Incidents',
    kinds: 'Kinds of event',
    view: 'View',
    align: 'Align',
    alignVote: 'on the vote (T−0)',
    alignCalendar: 'on the calendar',
    scale: 'Scale',
    log: 'log',
    linear: 'linear',
    from: 'From',
    to: 'To',
    theme: 'Theme',
    themeAuto: "follow the reader's setting",
    themeLight: 'light',
    themeDark: 'dark',
    titleLabel: 'Title',
    titlePlaceholder: 'optional heading',
    open: 'Open this view',
    noscript: '(the preview and copy buttons need JavaScript; the embed itself does not).',
    code: 'Embed code',
    copyCode: 'Copy embed code',
    copyLink: 'Copy direct link',
    directLink: 'Direct link',
    pasteNote: (licence: string) =>
      `Paste the code where the chart should appear. The script line, included once per page, lets every chart on the ` +
      `page grow to fit its content; without it the chart keeps the height set in the code, which fits screens from ` +
      `600 px wide (on phones the chart then scrolls inside its frame). Content is under ${licence}: keep the credit line.`,
    preview: 'Preview',
    previewTitle: 'Preview of the embedded timeline',
    copied: 'Copied',
    copyFailed: 'Copy failed: select the code and copy it',
    chartTitle: 'Hack-and-leak operations, aligned on the vote',
    content: 'content',
    dataAsOf: 'data as of',
    openFull: 'open this view on the full site',
    subjectDefault: 'Hack-and-leak operations',
    alignedVote: '{subject}, aligned on the vote',
    alignedCalendar: '{subject}, aligned on the calendar',
    copiedStatus: '{what} copied.',
    pressToCopy: 'Press Ctrl+C (⌘C) to copy the selected {what}.',
    codeWhat: 'Embed code',
    linkWhat: 'Link',
    defaultIframeTitle: 'hack-and-leak operations aligned on the vote',
  },
  handouts: {
    title: 'Classroom handouts',
    description: 'Printable handouts: the chart, the events with their sources, and a citation.',
    lede: 'Printable pages for A4 or US Letter: the static chart, a table of events with dates and sources, and a citation.',
    comparison: 'The incidents compared, aligned on the vote',
    toShow: 'To show the chart on your own page or slides, use the',
    builder: 'embed builder',
    forData: '; for the data, see',
    openData: 'open data',
    handout: 'Handout',
    allHandouts: 'All handouts',
    print: 'Print this page (Ctrl+P / ⌘P): it is laid out for A4 and US Letter.',
    incidentTitle: (title: string) => `${title}: a timeline`,
    comparisonTitle: 'Hack-and-leak operations compared, aligned on the vote',
    comparisonDescription: 'Both incidents on one timeline, aligned on the moment polls closed.',
    pollsClosedT0: 'Polls closed (T−0):',
    pollsClosed: (title: string, when: string) => `${title}: polls closed ${when}.`,
    offsetsNote: "Offsets such as “T−47 h” count from each election's own T−0.",
    chartHeading: 'Timeline, aligned on the vote',
    eventsHeading: 'Events, with their sources',
    whenLocal: 'When (local)',
    what: 'What',
    cite: 'How to cite',
    dataAsOf: 'Data as of',
    citeNote: (licence: string, url: string) =>
      `Content under ${licence} (${url}). Every event links to its sources; attribution is reported as who said what, ` +
      `never as the site's finding.`,
  },
  pictures: {
    all: 'Hack-and-leak operations, aligned on the vote (log scale)',
    linear: 'Hack-and-leak operations, aligned on the vote (linear scale)',
    calendar: 'Hack-and-leak operations on the calendar',
    incident: (title: string) => `${title}, aligned on the vote`,
    subtitleVote: 'T−0 is the moment polls closed; offsets such as “T−47 h” count from each election’s own vote.',
    subtitleCalendar: 'Real dates; each lane’s vote is marked on its own lane.',
    credit: (site: string, licence: string, date: string, home: string) => `${site} · content ${licence} · data as of ${date} · ${home}`,
  },
  chart: {
    /** What the chart shows, in the scale actually drawn: symmetric-log or linear hours from T−0, or the calendar. */
    description: (lanes: number | string, events: number | string, axis: 'log' | 'linear' | 'calendar' = 'log') =>
      `${lanes === 1 ? 'One lane' : `${lanes} lanes, one per incident,`} ${
        axis === 'calendar'
          ? 'on the calendar, on a linear time scale: equal lengths are equal durations, and a rule in each lane ' +
            'marks its T−0, the moment polls closed.'
          : axis === 'linear'
            ? 'aligned on T−0, the moment polls closed, on a linear time scale: equal lengths are equal durations.'
            : 'aligned on T−0, the moment polls closed, on a symmetric-log time scale: the last hours before the vote ' +
              'and the years around it are both readable.'
      } ${events} events in all; each mark links to its event page.`,
    zoomGroup: 'Zoom',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    last72h: 'Last 72 hours',
    /** On phones, the button that shows the download, share, align and scale controls. */
    moreOptions: 'More options',
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
    conventionNote: (titles: string) =>
      `* For ${titles}, T−0 is a convention: polls closed at different times; the incident page explains the choice.`,
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
    tableCaption: (rows: number | string, several: boolean) =>
      `${rows} events in time order${several ? ', all incidents' : ''}; offsets count from each election's T−0`,
    columns: { date: 'Date (local)', offset: 'From the vote', incident: 'Incident', kind: 'Kind', status: 'Status', event: 'Event' },
    /** A chart of thousands of events: its table is made when opened (with scripts); the events page lists them all. */
    tableDense: (rows: number) => `${rows} events, each with its own page, listed in`,
    tableDenseLink: 'the list of all events',
    /** A dense chart's list of every event of a lane, for screen readers (the drawing holds those in view). */
    everyEvent: (lane: string) => `${lane}: every event, in time order`,
  },
  /** Search, feeds, social cards, sharing, page history and corrections (issue 13). */
  reach: {
    search: 'Search events',
    searchPlaceholder: 'Search events',
    searchLoading: 'Loading the search…',
    searchFailed: 'The search could not load. Browse all events instead.',
    searchNone: 'No event matches these words.',
    searchCount: (count: number | string) => `${count} event${count === 1 ? '' : 's'} found`,
    searchMore: 'See all events',
    filterIncident: 'Incident',
    filterKind: 'Kind',
    filterStatus: 'Status',
    filterActor: 'Actor',
    filterAny: 'any',
    tableFilter: 'Filter the table',
    tableFilterHint: 'Type words from a title, a kind, a status or an incident',
    tableFilterCount: (shown: number | string, total: number | string) => `${shown} of ${total} rows shown`,
    copyLink: 'Copy the link to this page',
    copyViewLink: 'Copy the link to this view',
    linkCopied: 'Link copied',
    copyLinkFailed: 'Could not copy: the address is selected, copy it by hand',
    feeds: 'Link and feeds',
    feedEvents: 'New and changed events',
    feedIncident: (incident: string) => `New and changed events: ${incident}`,
    feedCorrections: 'Corrections',
    feedEventsSubtitle: 'Events added to the timeline or reviewed, newest first.',
    feedCorrectionsSubtitle: 'Every change an editor marked as a correction of a published fact.',
    history: 'History of this event',
    historyIntro: 'Every change to this event’s file, newest first, from the project’s public history.',
    historyUnavailable: 'History unavailable in this copy of the site (it was built without the project’s full history).',
    historyNone: 'No recorded change yet.',
    changedSince: 'changes since',
    allChanges: 'All changes to this file',
    correction: 'Correction',
    correctionsTitle: 'Corrections',
    correctionsIntro:
      'Every change that an editor marked as a correction of a published fact (a commit with a “Correction:” line), ' +
      'newest first, with the events it touched. Each links to the exact change on the repository.',
    correctionsNone: 'No correction has been recorded yet.',
    correctionsUnavailable:
      'The list of corrections is unavailable in this copy of the site (it was built without the project’s full history).',
    correctionTouched: 'Events changed',
    cardAlt: (title: string) => `${title}: its place on the timeline of the incident`,
    siteCardAlt: 'The timeline of hack-and-leak operations, aligned on the moment polls closed',
  },
  comparison: {
    heading: 'How the incidents compare',
    intro: 'Computed from the events in this archive; each figure links to the event it rests on.',
    question: 'Question',
    firstLeak: "First leak of the target's material, before the vote",
    beforeVote: 'before the vote',
    laterLeak: 'Then: ',
    notCounted: 'Not counted: ',
    notTargetMaterial: 'its event does not record material taken from the target.',
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
    yes: 'Yes: ',
    no: 'No',
    noBut: (figure: string) => `No, but the first leak came ${figure} before`,
    theSilence: 'the silence',
    began: ' began, which then barred candidates from responding',
    stanceWords: { attributes: 'attributes it to', corroborates: 'corroborates an attribution to', contests: 'contests an attribution to' },
    confidenceUnstatedQuoted: (quoted: string) => `no graded confidence (${quoted})`,
    confidenceUnstated: 'confidence not stated',
    confidenceLevel: (level: string) => `${level} confidence`,
  },
} as const;

/** The dictionary's shape with every string widened, so that fr.ts can hold other words. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly [string, string]
      ? readonly [string, string]
      : T extends object
        ? { readonly [K in keyof T]: Widen<T[K]> }
        : T;
/** The shape every language's dictionary has (that of the English one). */
export type Dictionary = Widen<typeof en>;

/** The dictionary for a page's language or locale ("fr", "fr-FR"); English otherwise. */
export function dictionary(locale: string = 'en'): Dictionary {
  return locale.startsWith('fr') ? fr : en;
}

const displayNames = new Map<string, { languages: Intl.DisplayNames; regions: Intl.DisplayNames }>();
function names(locale: string) {
  const lang = locale.startsWith('fr') ? 'fr' : 'en';
  let entry = displayNames.get(lang);
  if (!entry) {
    entry = { languages: new Intl.DisplayNames([lang], { type: 'language' }), regions: new Intl.DisplayNames([lang], { type: 'region' }) };
    displayNames.set(lang, entry);
  }
  return entry;
}

/** Language names already looked up, by edition and tag. */
const languageNames = new Map<string, string>();

/** "fr" → "French" ("français" for a French page). */
export function languageName(tag: string, locale = 'en'): string {
  // Every source names its language: each name is looked up once per edition.
  const key = `${locale.startsWith('fr') ? 'fr' : 'en'}\u0000${tag}`;
  let name = languageNames.get(key);
  if (name === undefined) {
    try {
      name = names(locale).languages.of(tag) ?? tag;
    } catch {
      name = tag;
    }
    languageNames.set(key, name);
  }
  return name;
}

/** "FR" → "France" ("US" → "États-Unis" for a French page). */
export function countryName(code: string, locale = 'en'): string {
  return names(locale).regions.of(code) ?? code;
}
