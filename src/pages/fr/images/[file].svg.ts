/** The ready-made pictures in French: /fr/images/<file>.svg (titles, key, subtitle and credit in French). */
import type { APIContext } from 'astro';
import { renderStaticView, type StaticView } from '../../../site/standalone.ts';
import { picturePaths } from '../../../site/static-paths.ts';

export const getStaticPaths = () => picturePaths('fr');

export async function GET({ props, site }: APIContext) {
  const svg = await renderStaticView(props.view as StaticView, site!, import.meta.env.BASE_URL, 'fr');
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
}
