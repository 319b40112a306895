/** Build-time social cards: the chart's standalone SVG (src/site/standalone.ts) framed by src/lib/reach/card.ts. */
import globalCss from '../styles/global.css?raw';
import { dictionary } from '../lib/i18n/en.ts';
import { cardSvg } from '../lib/reach/card.ts';
import { CARD_LANGS, type Lang } from '../lib/reach/paths.ts';
import { SITE } from '../lib/site.ts';
import { parsePalette } from '../lib/timeline/standalone.ts';
import { incidentPictureFile, FIXED_PICTURE_FILES } from '../lib/routes.ts';
import { getArchive } from './archive.ts';
import { renderStaticView, staticViews } from './standalone.ts';

export interface CardSpec {
  lang: Lang;
  /** "site", "incidents/<id>" or "events/<incident>/<slug>" */
  path: string;
}

export async function cardSpecs(): Promise<CardSpec[]> {
  const archive = await getArchive();
  return CARD_LANGS.flatMap((lang) => [
    { lang, path: 'site' },
    ...archive.incidents.map((incident) => ({ lang, path: `incidents/${incident.id}` })),
    ...archive.events.map((event) => ({ lang, path: `events/${event.id}` })),
  ]);
}

const charts = new Map<string, Promise<string>>();

function chartFor(file: string, site: URL, base: string): Promise<string> {
  let chart = charts.get(file);
  if (!chart) {
    chart = staticViews().then((views) => renderStaticView(views.find((v) => v.file === file)!, site, base));
    charts.set(file, chart);
  }
  return chart;
}

export async function renderCard(spec: CardSpec, site: URL, base: string): Promise<string> {
  const archive = await getArchive();
  const t = dictionary(spec.lang);
  const palette = parsePalette(globalCss, 'light');
  const home = new URL(base, site);
  const common = {
    site: SITE.name,
    address: `${home.host}${home.pathname}`.replace(/\/$/, ''),
    colours: { bg: palette['--bg'] ?? '#ffffff', fg: palette['--fg'] ?? '#1b1b1b', muted: palette['--fg-muted'] ?? '#545454', accent: palette['--focus'] ?? '#1a5fb4' },
    font: 'DejaVu Sans, sans-serif',
  };
  if (spec.path === 'site') {
    return cardSvg({ ...common, standalone: await chartFor(FIXED_PICTURE_FILES[0], site, base), title: SITE.description.split(',')[0], facts: `${archive.incidents.map((i) => i.data.title).join(' · ')}` });
  }
  const [kind, ...rest] = spec.path.split('/');
  if (kind === 'incidents') {
    const incident = archive.incident(rest.join('/'))!;
    return cardSvg({ ...common, standalone: await chartFor(incidentPictureFile(incident.id), site, base), title: incident.data.title, facts: `${incident.events.length} events · ${incident.data.summary ?? ''}` });
  }
  const event = archive.event(rest.join('/'))!;
  const incident = archive.incident(event.incidentId)!;
  return cardSvg({
    ...common,
    standalone: await chartFor(incidentPictureFile(incident.id), site, base),
    title: event.data.title,
    facts: `${incident.data.title} · ${event.offset.label} · ${t.kinds[event.data.kind]} · ${t.statuses[event.data.status]}`,
    highlight: event.id,
  });
}
