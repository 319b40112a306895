/** /oembed/<lang>/incidents/<id>.json: one incident's chart as an oEmbed "rich" answer. */
import type { APIContext } from 'astro';
import { LANGS, type Lang } from '../../../../lib/i18n/routing.ts';
import { getArchive } from '../../../../site/archive.ts';
import { oembedFor } from '../../../../site/reach.ts';

export async function getStaticPaths() {
  const archive = await getArchive();
  return LANGS.flatMap((lang) => archive.incidents.map((incident) => ({ params: { lang, id: incident.id } })));
}

export async function GET({ params, site }: APIContext) {
  return new Response(JSON.stringify(await oembedFor(params.lang as Lang, site!, params.id), null, 2), {
    headers: { 'content-type': 'application/json+oembed; charset=utf-8' },
  });
}
