/**
 * Static oEmbed answers (https://oembed.com, type "rich"): the default embed of a chart in an
 * iframe, so that pasting the home or an incident page's address into WordPress (or any
 * consumer that follows the page's discovery link) embeds the chart.
 */
import { escapeXml } from '../escape.ts';

/** What an oEmbed answer needs: the title, the embed address and its size. */
export interface OEmbedInput {
  title: string;
  /** Absolute address of the embed (/embed/timeline/?…). */
  embedUrl: string;
  /** Frame height in CSS pixels (defaultFrameHeight). */
  height: number;
  width?: number;
  providerName: string;
  providerUrl: string;
  thumbnail?: { url: string; width: number; height: number };
}

/** An oEmbed 1.0 "rich" answer. */
export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

/** The oEmbed answer for an embed: an iframe of the chart. */
export function oembedRich(input: OEmbedInput): OEmbedRich {
  const width = input.width ?? 1000;
  const html =
    `<iframe src="${escapeXml(input.embedUrl)}" title="${escapeXml(input.title)}" width="${width}" ` +
    `height="${input.height}" style="border:0;width:100%;max-width:100%" loading="lazy"></iframe>`;
  return {
    version: '1.0',
    type: 'rich',
    title: input.title,
    provider_name: input.providerName,
    provider_url: input.providerUrl,
    html,
    width,
    height: input.height,
    cache_age: 86400,
    ...(input.thumbnail
      ? { thumbnail_url: input.thumbnail.url, thumbnail_width: input.thumbnail.width, thumbnail_height: input.thumbnail.height }
      : {}),
  };
}
