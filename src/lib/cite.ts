/** "Cite this event": a plain-text reference and a BibTeX entry. */
import { toPartialDate } from './dates.ts';
import { formatPartialDate } from './format.ts';
import { dictionary } from './i18n/en.ts';
import { SITE } from './site.ts';

export interface CitableEvent {
  id: string;
  title: string;
  incidentTitle: string;
  reviewed: string;
  url: string;
}

/** A reference a reader can paste into a bibliography. */
export function plainCitation(event: CitableEvent, locale = 'en-GB'): string {
  const t = dictionary(locale).ui;
  return `${SITE.name}. "${event.title}." ${event.incidentTitle}, ${t.citeEvent} ${event.id}. ${t.citeReviewed} ${formatPartialDate(toPartialDate(event.reviewed), 'UTC', { locale })}. ${event.url}`;
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '$': '\\$',
  '#': '\\#',
  '_': '\\_',
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

/** A BibTeX @misc entry with a key derived from the event id. */
export function bibtexCitation(event: CitableEvent): string {
  const key = `eit-${event.id.replace(/\//g, '-')}`;
  const [year, month] = event.reviewed.split('-');
  return [
    `@misc{${key},`,
    `  author       = {{${bibtexEscape(SITE.name)}}},`,
    `  title        = {${bibtexEscape(event.title)}},`,
    `  howpublished = {${bibtexEscape(event.incidentTitle)}, event ${bibtexEscape(event.id)}},`,
    `  year         = {${year}},`,
    ...(bibtexMonth(month) ? [`  month        = ${bibtexMonth(month)},`] : []),
    `  url          = {${event.url}},`,
    `  note         = {Last reviewed ${event.reviewed}},`,
    `}`,
  ].join('\n');
}
