/** /feeds/<lang>/corrections.xml: every commit marked "Correction: …" that changed content (Atom). */
import type { APIContext } from 'astro';
import { correctionsFeed } from '../../../lib/reach/feeds.ts';
import type { Lang } from '../../../lib/i18n/routing.ts';
import { getArchive } from '../../../site/archive.ts';
import { siteHistory } from '../../../site/history.ts';
import { atomResponse, commitUrl, feedContext, langPaths } from '../../../site/reach.ts';

export const getStaticPaths = langPaths;

export async function GET({ params, site }: APIContext) {
  const history = siteHistory();
  return atomResponse(
    correctionsFeed(history.available ? history.corrections : [], await getArchive(), {
      ...(await feedContext(params.lang as Lang, site!)),
      commitUrl,
    }),
  );
}
