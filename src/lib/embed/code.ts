/** The embed code a host page pastes: the chart's frame and the script that sizes it. */
import { escapeXml } from '../escape.ts';
import { SITE } from '../site.ts';

/** What the embed code needs: the chart's address, its title, the frame's height and the sizing script's address. */
export interface EmbedCodeOptions {
  url: string;
  /** The chart's own words; the site's name is put before them. */
  title: string;
  height: number;
  scriptUrl: string;
  /** What joins the site's name and the title, in the page's language (the dictionary's units.colon); ": " by default. */
  colon?: string;
}

/** The HTML to paste: an iframe of the chart and the script that fits its height to the chart. */
export function embedCode({ url, title, height, scriptUrl, colon = ': ' }: EmbedCodeOptions): string {
  return (
    `<iframe src="${escapeXml(url)}" title="${escapeXml(`${SITE.name}${colon}${title}`)}" width="100%" ` +
    `height="${height}" style="border:0;width:100%" loading="lazy"></iframe>\n<script src="${escapeXml(scriptUrl)}" async></script>`
  );
}
