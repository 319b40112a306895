/** /feeds/<lang>/events.xml: new and changed events, the whole site (Atom). */
import type { APIContext } from 'astro';
import { eventsFeed } from '../../../lib/reach/feeds.ts';
import type { Lang } from '../../../lib/i18n/routing.ts';
import { getArchive } from '../../../site/archive.ts';
import { atomResponse, feedContext, langPaths } from '../../../site/reach.ts';

export const getStaticPaths = langPaths;

export async function GET({ params, site }: APIContext) {
  return atomResponse(eventsFeed(await getArchive(), await feedContext(params.lang as Lang, site!)));
}
