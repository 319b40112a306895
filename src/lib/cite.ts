/** "Cite this event": a plain-text reference and a BibTeX entry. */
import { SITE } from './site.ts';

export interface CitableEvent {
  id: string;
  title: string;
  incidentTitle: string;
  reviewed: string;
  url: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A reference a reader can paste into a bibliography. */
export function plainCitation(event: CitableEvent): string {
  return `${SITE.name}. "${event.title}." ${event.incidentTitle}, event ${event.id}. Last reviewed ${longDate(event.reviewed)}. ${event.url}`;
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
    `  month        = {${Number(month)}},`,
    `  url          = {${event.url}},`,
    `  note         = {Last reviewed ${event.reviewed}},`,
    `}`,
  ].join('\n');
}
