/**
 * What the /data/ page states in either language: the archive's counts, the dataset version,
 * the ready-made pictures of the edition and the citation, computed once for the page's text
 * (src/components/prose/DataEn.astro, DataFr.astro).
 */
import { datasetBibtex, datasetPlainCitation } from '../lib/cite.ts';
import { absoluteUrl, datasetVersion } from '../lib/exports/index.ts';
import type { Lang } from '../lib/i18n/routing.ts';
import { getArchive } from './archive.ts';
import { exportOptions } from './exports.ts';
import { href } from './paths.ts';
import { staticViews } from './standalone.ts';

export interface DataPageFacts {
  counts: { events: number; incidents: number; actors: number };
  /** The dataset version: the date of the latest editorial review. */
  version: string;
  /** The edition's ready-made pictures: address and title. */
  pictures: { href: string; title: string }[];
  /** The dataset's citation, as text and BibTeX (the dataset's English title, in either edition). */
  citation: { plain: string; bibtex: string };
}

export async function dataPageFacts(lang: Lang): Promise<DataPageFacts> {
  const archive = await getArchive();
  const version = datasetVersion(archive);
  const cited = { version, url: absoluteUrl('/data/', exportOptions()) };
  const pictureDir = lang === 'en' ? '/images/' : `/${lang}/images/`;
  return {
    counts: { events: archive.events.length, incidents: archive.incidents.length, actors: archive.actors.length },
    version,
    pictures: (await staticViews(lang)).map((picture) => ({ href: href(`${pictureDir}${picture.file}.svg`), title: picture.title })),
    citation: { plain: datasetPlainCitation(cited), bibtex: datasetBibtex(cited) },
  };
}
