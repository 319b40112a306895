/** /cards/<lang>/…svg: the social cards' drawings; the build turns each into a PNG beside it (src/integrations/reach.ts). */
import type { APIContext } from 'astro';
import { cardSpecs, renderCard, type CardSpec } from '../../../site/cards.ts';

export async function getStaticPaths() {
  return (await cardSpecs()).map((spec) => ({ params: { lang: spec.lang, path: spec.path }, props: { spec } }));
}

export async function GET({ props, site }: APIContext) {
  const svg = await renderCard(props.spec as CardSpec, site!, import.meta.env.BASE_URL);
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
}
