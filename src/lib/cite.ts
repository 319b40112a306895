/**
 * Every citation the site offers, in one place: "cite this event" and "cite this dataset"
 * (plain text and BibTeX) and a handout's reference.
 */
import { toPartialDate } from './dates.ts';
import { formatPartialDate } from './format.ts';
import { dictionary } from './i18n/en.ts';
import { SITE } from './site.ts';

/** What an event's citation needs: its id, titles, last review and address. */
export interface CitableEvent {
  id: string;
  title: string;
  incidentTitle: string;
  reviewed: string;
  url: string;
}

/** What the dataset's citation needs. */
export interface CitableDataset {
  /** The dataset's version: its latest `reviewed` date, YYYY-MM-DD. */
  version: string;
  /** Absolute address of the /data/ page. */
  url: string;
}

/** The title under which the dataset is cited. */
export const DATASET_TITLE = `${SITE.name} dataset: hack-and-leak operations against elections, event by event`;

/** A YYYY-MM-DD date as a reader of `locale` writes it ("25 November 2026"). */
const citedDate = (day: string, locale: string) => formatPartialDate(toPartialDate(day), 'UTC', { locale });

/** The opening every plain-text reference shares: `Site name. "Title."`. */
const plainHead = (title: string) => `${SITE.name}. "${title}."`;

/** A reference a reader can paste into a bibliography. */
export function plainCitation(event: CitableEvent, locale = 'en-GB'): string {
  const t = dictionary(locale).ui;
  return `${plainHead(event.title)} ${event.incidentTitle}, ${t.citeEvent} ${event.id}. ${t.citeReviewed} ${citedDate(event.reviewed, locale)}. ${event.url}`;
}

/** The dataset's plain-text reference, versioned by its latest review. */
export function datasetPlainCitation({ version, url }: CitableDataset): string {
  return `${plainHead(DATASET_TITLE)} Version ${version}. ${SITE.contentLicence.name}. ${url}`;
}

/** A handout's plain-text reference: its title, the date of its data, its address. */
export function handoutCitation(handout: { title: string; url: string; dataDate: string }, locale = 'en-GB'): string {
  return `${plainHead(handout.title)} ${dictionary(locale).handouts.dataAsOf} ${citedDate(handout.dataDate, locale)}. ${handout.url}`;
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes text for a BibTeX field in braces. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}%&$#_~^]/g, (char) => BIBTEX_SPECIALS[char]);
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** BibTeX's month macro (`month = may`, unbraced), which styles print in the document's language; empty if not a month. */
export function bibtexMonth(month: string | number): string {
  return MONTH_MACROS[Number(month) - 1] ?? '';
}

type BibtexField = [name: string, value: string];

/**
 * A BibTeX @misc entry by the site: author, the `head` fields, the year and month of `date`
 * (YYYY-MM-DD), then the `tail` fields. Values are written as given (braced and escaped).
 */
function bibtexMisc(key: string, date: string, head: BibtexField[], tail: BibtexField[]): string {
  const [year, month] = date.split('-');
  const fields: BibtexField[] = [
    ['author', `{{${bibtexEscape(SITE.name)}}}`],
    ...head,
    ['year', `{${year}}`],
    ...(bibtexMonth(month) ? [['month', bibtexMonth(month)] as BibtexField] : []),
    ...tail,
  ];
  return [`@misc{${key},`, ...fields.map(([name, value]) => `  ${name.padEnd(12)} = ${value},`), '}'].join('\n');
}

/** A BibTeX @misc entry with a key derived from the event id. */
export function bibtexCitation(event: CitableEvent): string {
  const head: BibtexField[] = [
    ['title', `{${bibtexEscape(event.title)}}`],
    ['howpublished', `{${bibtexEscape(event.incidentTitle)}, event ${bibtexEscape(event.id)}}`],
  ];
  return bibtexMisc(`eit-${event.id.replace(/\//g, '-')}`, event.reviewed, head, [
    ['url', `{${event.url}}`],
    ['note', `{Last reviewed ${event.reviewed}}`],
  ]);
}

/** The dataset's BibTeX @misc entry, keyed and versioned by its latest review. */
export function datasetBibtex({ version, url }: CitableDataset): string {
  return bibtexMisc(
    `eit-dataset-${version}`,
    version,
    [['title', `{{${bibtexEscape(DATASET_TITLE)}}}`]],
    [
      ['version', `{${version}}`],
      ['url', `{${url}}`],
      ['note', `{Licensed under ${bibtexEscape(SITE.contentLicence.name)}}`],
    ],
  );
}
