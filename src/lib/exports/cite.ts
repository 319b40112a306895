/** "Cite this dataset": a plain-text reference and a BibTeX entry, versioned by the latest review. */
import { bibtexEscape, bibtexMonth } from '../cite.ts';
import { SITE } from '../site.ts';

export interface CitableDataset {
  /** The dataset's version: its latest `reviewed` date, YYYY-MM-DD. */
  version: string;
  /** Absolute address of the /data/ page. */
  url: string;
}

export const DATASET_TITLE = `${SITE.name} dataset: hack-and-leak operations against elections, event by event`;

export function datasetPlainCitation({ version, url }: CitableDataset): string {
  return `${SITE.name}. "${DATASET_TITLE}." Version ${version}. ${SITE.contentLicence.name}. ${url}`;
}

export function datasetBibtex({ version, url }: CitableDataset): string {
  const [year, month] = version.split('-');
  return [
    `@misc{eit-dataset-${version},`,
    `  author       = {{${bibtexEscape(SITE.name)}}},`,
    `  title        = {{${bibtexEscape(DATASET_TITLE)}}},`,
    `  year         = {${year}},`,
    ...(bibtexMonth(month) ? [`  month        = ${bibtexMonth(month)},`] : []),
    `  version      = {${version}},`,
    `  url          = {${url}},`,
    `  note         = {Licensed under ${bibtexEscape(SITE.contentLicence.name)}},`,
    `}`,
  ].join('\n');
}
