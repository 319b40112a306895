import type { APIContext } from 'astro';
import { renderStaticView, staticViews } from '../../site/standalone.ts';

export async function getStaticPaths() {
  return (await staticViews()).map((view) => ({ params: { file: view.file }, props: { view } }));
}

export async function GET({ props, site }: APIContext) {
  const svg = await renderStaticView(props.view, site!, import.meta.env.BASE_URL);
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
}
