/** Build-side glue for feeds and oEmbed files: the archive, the site's address, the dictionary. */
import { defaultFrameHeight, serializeEmbedParams, DEFAULT_EMBED } from '../lib/embed/params.ts';
import { dictionary } from '../lib/i18n/en.ts';
import type { FeedContext } from '../lib/reach/feeds.ts';
import { oembedRich, type OEmbedRich } from '../lib/reach/oembed.ts';
import { cardPaths } from '../lib/reach/paths.ts';
import { LANGS, localizedPath, type Lang } from '../lib/i18n/routing.ts';
import { SITE } from '../lib/site.ts';
import { getArchive } from './archive.ts';
import { getLocalArchive } from './i18n.ts';
import { href } from './paths.ts';

export const langPaths = () => LANGS.map((lang) => ({ params: { lang } }));

export async function feedContext(lang: Lang, site: URL): Promise<FeedContext> {
  return {
    local: await getLocalArchive(lang),
    lang,
    absolute: (path) => new URL(href(path), site).href,
    t: dictionary(lang),
    siteName: SITE.name,
    rights: `${SITE.contentLicence.name} (${SITE.contentLicence.url})`,
  };
}

export const commitUrl = (hash: string) => `${SITE.repository}/commit/${hash}`;

export function atomResponse(xml: string): Response {
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}

/** The oEmbed answer for the home page (all incidents) or one incident's page. */
export async function oembedFor(lang: Lang, site: URL, incidentId?: string): Promise<OEmbedRich> {
  const archive = await getArchive();
  const incident = incidentId ? archive.incident(incidentId) : undefined;
  const query = serializeEmbedParams({ ...DEFAULT_EMBED, incidents: incident ? [incident.id] : null });
  const absolute = (path: string) => new URL(href(path), site).href;
  return oembedRich({
    title: incident
      ? `${SITE.name}${dictionary(lang).units.colon}${archive.localizedIncident(incident.id, lang)?.title ?? incident.data.title}`
      : dictionary(lang).embed.iframeTitle(SITE.name),
    embedUrl: `${absolute(localizedPath(lang, '/embed/timeline/'))}${query}`,
    height: defaultFrameHeight(incident ? 1 : archive.incidents.length),
    providerName: SITE.name,
    providerUrl: absolute(localizedPath(lang, '/')),
    thumbnail: { url: absolute(incident ? cardPaths.incident(lang, incident.id) : cardPaths.site(lang)), width: 1200, height: 630 },
  });
}
