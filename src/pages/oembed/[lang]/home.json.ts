/** /oembed/<lang>/home.json: the home page's chart as an oEmbed "rich" answer (discovered from the page's <head>). */
import type { APIContext } from 'astro';
import type { Lang } from '../../../lib/i18n/routing.ts';
import { langPaths, oembedFor } from '../../../site/reach.ts';

export const getStaticPaths = langPaths;

export async function GET({ params, site }: APIContext) {
  return new Response(JSON.stringify(await oembedFor(params.lang as Lang, site!), null, 2), {
    headers: { 'content-type': 'application/json+oembed; charset=utf-8' },
  });
}
