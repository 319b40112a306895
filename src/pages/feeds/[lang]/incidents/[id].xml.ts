/** /feeds/<lang>/incidents/<id>.xml: new and changed events of one incident (Atom). */
import type { APIContext } from 'astro';
import { eventsFeed } from '../../../../lib/reach/feeds.ts';
import { LANGS, type Lang } from '../../../../lib/i18n/routing.ts';
import { getArchive } from '../../../../site/archive.ts';
import { atomResponse, feedContext } from '../../../../site/reach.ts';

export async function getStaticPaths() {
  const archive = await getArchive();
  return LANGS.flatMap((lang) => archive.incidents.map((incident) => ({ params: { lang, id: incident.id } })));
}

export async function GET({ params, site }: APIContext) {
  return atomResponse(eventsFeed(await getArchive(), await feedContext(params.lang as Lang, site!), params.id));
}
