/** Build-time standalone charts (static SVG files for slides): the real component, wrapped. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import Timeline from '../components/timeline/Timeline.astro';
import globalCss from '../styles/global.css?raw';
import timelineCss from '../styles/timeline.css?raw';
import { latestReview } from '../lib/archive.ts';
import { dictionary } from '../lib/i18n/en.ts';
import { FIXED_PICTURE_FILES, incidentPictureFile } from '../lib/routes.ts';
import { SITE } from '../lib/site.ts';
import type { Align, ScaleKind } from '../lib/timeline/axis.ts';
import { parsePalette, standaloneSvg } from '../lib/timeline/standalone.ts';
import { EVENT_KINDS, EVENT_STATUSES } from '../lib/vocabulary.ts';
import { decodeEntities as decodeHtml } from '../lib/svg/inline.ts';
import type { Lang } from '../lib/i18n/routing.ts';
import { getLocalArchive } from './i18n.ts';

export interface StaticView {
  file: string;
  title: string;
  incidents?: string[];
  align: Align;
  scale: ScaleKind;
}

/** The ready-made pictures, titled in one edition's language (French ones live under /fr/images/). */
export async function staticViews(lang: Lang = 'en'): Promise<StaticView[]> {
  const archive = await getLocalArchive(lang);
  const p = dictionary(lang).pictures;
  const [all, linear, calendar] = FIXED_PICTURE_FILES;
  return [
    { file: all, title: p.all, align: 'vote', scale: 'log' },
    { file: linear, title: p.linear, align: 'vote', scale: 'linear' },
    { file: calendar, title: p.calendar, align: 'calendar', scale: 'linear' },
    ...archive.incidents.map((incident) => ({
      file: incidentPictureFile(incident.id),
      title: p.incident(incident.data.title),
      incidents: [incident.id],
      align: 'vote' as const,
      scale: 'log' as const,
    })),
  ];
}

/** Each picture is drawn once per build: /images/<file>.svg and the social cards' backgrounds share it. */
const rendered = new Map<string, Promise<string>>();

/** A ready-made picture as a standalone SVG, in one edition's language. */
export function renderStaticView(view: StaticView, site: URL, base: string, lang: Lang = 'en'): Promise<string> {
  const key = JSON.stringify([lang, site.href, base, view]);
  let found = rendered.get(key);
  if (!found) {
    found = drawStaticView(view, site, base, lang);
    rendered.set(key, found);
  }
  return found;
}

/** One container renders every picture of the build (making one per picture cost as much as a small page). */
let containerMade: ReturnType<typeof AstroContainer.create> | undefined;

async function drawStaticView(view: StaticView, site: URL, base: string, lang: Lang): Promise<string> {
  const archive = await getLocalArchive(lang);
  containerMade ??= AstroContainer.create();
  const container = await containerMade;
  const html = await container.renderToString(Timeline, {
    props: { archive, incidents: view.incidents, id: view.file, align: view.align, scale: view.scale, lang, picture: true },
  });
  const chart = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
  const t = dictionary(lang);
  const kinds = EVENT_KINDS.filter((kind) =>
    archive.events.some((e) => e.data.kind === kind && (!view.incidents || view.incidents.includes(e.incidentId))),
  );
  const home = new URL(lang === 'en' ? base : `${base.replace(/\/$/, '')}/${lang}/`, site).href;
  // The footnote the page prints under the chart (what an asterisk after a lane's title means).
  const footnote = /<p class="tl-footnote"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];
  const approximateVotes = view.align === 'vote' && /\*/.test(chart);
  return standaloneSvg({
    chart,
    title: view.title,
    subtitle: view.align === 'vote' ? t.pictures.subtitleVote : t.pictures.subtitleCalendar,
    legend: kinds.map((kind) => ({ kind, label: t.kinds[kind] })),
    key: {
      statuses: EVENT_STATUSES.map((status) => ({ status, label: t.statuses[status] })),
      approximate: t.chart.legendApproximate,
      span: t.chart.legendSpan,
      cluster: t.chart.legendCluster,
    },
    footnote: approximateVotes && footnote ? decodeHtml(footnote) : undefined,
    credit: t.pictures.credit(SITE.name, SITE.contentLicence.name, latestReview(archive), home),
    palette: parsePalette(globalCss, 'light'),
    css: timelineCss,
    site: home,
  });
}
