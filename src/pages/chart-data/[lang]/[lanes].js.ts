/** /chart-data/<lang>/<all | incident id>.js: a dense chart's events data (src/site/chart-data.ts). */
import type { APIContext } from 'astro';
import { dictionary } from '../../../lib/i18n/en.ts';
import { LANGS, type Lang } from '../../../lib/i18n/routing.ts';
import { getArchive } from '../../../site/archive.ts';
import { chartDataKey, chartDataPaths, chartDataScript, chartRecords } from '../../../site/chart-data.ts';
import { getLocalArchive } from '../../../site/i18n.ts';

export async function getStaticPaths() {
  return chartDataPaths(await getArchive(), LANGS).map((params) => ({ params }));
}

export async function GET({ params }: APIContext) {
  const lang = params.lang as Lang;
  const records = chartRecords(await getLocalArchive(lang), params.lanes!, dictionary(lang).locale);
  return new Response(chartDataScript(chartDataKey(lang, params.lanes!), records), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
}
