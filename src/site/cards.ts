/**
 * Build-time social cards: the chart's standalone SVG (src/site/standalone.ts) framed by
 * src/lib/reach/card.ts. Each incident's background (with its chart) is drawn once; event
 * cards hold only their overlay and point to it.
 */
import globalCss from '../styles/global.css?raw';
import { dictionary } from '../lib/i18n/en.ts';
import { cardBackground, cardOverlaySvg, cardSvg, type CardColours } from '../lib/reach/card.ts';
import { CARD_LANGS, eventCardPath } from '../lib/reach/paths.ts';
import type { Lang } from '../lib/i18n/routing.ts';
import { SITE } from '../lib/site.ts';
import { parsePalette } from '../lib/timeline/standalone.ts';
import { incidentPictureFile, FIXED_PICTURE_FILES } from '../lib/routes.ts';
import { getArchive } from './archive.ts';
import { getLocalArchive } from './i18n.ts';
import { renderStaticView, staticViews } from './standalone.ts';

export interface CardSpec {
  lang: Lang;
  /** "site", "incidents/<id>", "backgrounds/<incident id>" or "events/<incident>/<slug>" */
  path: string;
}

export async function cardSpecs(): Promise<CardSpec[]> {
  const archive = await getArchive();
  return CARD_LANGS.flatMap((lang) => [
    { lang, path: 'site' },
    ...archive.incidents.flatMap((incident) => [
      { lang, path: `incidents/${incident.id}` },
      { lang, path: `backgrounds/${incident.id}` },
    ]),
    // French event cards only for translated events (eventCardPath): the others use the English card.
    ...archive.events
      .filter((event) => eventCardPath(archive, lang, event.id).startsWith(`/cards/${lang}/`))
      .map((event) => ({ lang, path: `events/${event.id}` })),
  ]);
}

const FONT = 'DejaVu Sans, sans-serif';
const backgrounds = new Map<string, ReturnType<typeof cardBackground>>();

/** The cards' colours, read from the site's stylesheet once per build (not once per card). */
let cardColours: CardColours | undefined;

function colours(): CardColours {
  cardColours ??= readColours();
  return cardColours;
}

function readColours(): CardColours {
  const palette = parsePalette(globalCss, 'light');
  return {
    bg: palette['--bg'] ?? '#ffffff',
    fg: palette['--fg'] ?? '#1b1b1b',
    muted: palette['--fg-muted'] ?? '#545454',
    accent: palette['--focus'] ?? '#1a5fb4',
  };
}

/** The background of a picture file's chart in one edition (cached: one per chart, edition and build). */
async function backgroundFor(file: string, lang: Lang, site: URL, base: string) {
  const key = `${lang}/${file}`;
  let background = backgrounds.get(key);
  if (!background) {
    const view = (await staticViews(lang)).find((v) => v.file === file)!;
    const home = new URL(lang === 'en' ? base : `${base.replace(/\/$/, '')}/${lang}/`, site);
    background = cardBackground({
      standalone: await renderStaticView(view, site, base, lang),
      site: SITE.name,
      address: `${home.host}${home.pathname}`.replace(/\/$/, ''),
      colours: colours(),
      font: FONT,
    });
    backgrounds.set(key, background);
  }
  return background;
}

export async function renderCard(spec: CardSpec, site: URL, base: string): Promise<string> {
  // The edition's archive: titles, summaries and offsets in its language (English where untranslated).
  const archive = await getLocalArchive(spec.lang);
  const t = dictionary(spec.lang);
  const overlay = { colours: colours(), font: FONT };
  if (spec.path === 'site') {
    const background = await backgroundFor(FIXED_PICTURE_FILES[0], spec.lang, site, base);
    const description = spec.lang === 'en' ? SITE.description : t.ui.siteDescription;
    return cardSvg(background.svg, {
      ...overlay,
      title: description.split(',')[0],
      facts: archive.incidents.map((i) => i.data.title).join(' · '),
    });
  }
  const [kind, ...rest] = spec.path.split('/');
  const id = rest.join('/');
  if (kind === 'backgrounds') return (await backgroundFor(incidentPictureFile(id), spec.lang, site, base)).svg;
  if (kind === 'incidents') {
    const incident = archive.incident(id)!;
    const background = await backgroundFor(incidentPictureFile(incident.id), spec.lang, site, base);
    return cardSvg(background.svg, {
      ...overlay,
      title: incident.data.title,
      facts: `${t.eventsIndex.count(incident.events.length)} · ${incident.data.summary}`,
    });
  }
  const event = archive.event(id)!;
  const { incident } = event;
  const background = await backgroundFor(incidentPictureFile(incident.id), spec.lang, site, base);
  return cardOverlaySvg(
    {
      ...overlay,
      title: event.data.title,
      facts: `${incident.data.title} · ${event.offset.label} · ${t.kinds[event.data.kind]} · ${t.statuses[event.data.status]}`,
      ring: background.marks.get(event.id),
    },
    // From cards/<lang>/events/<incident>/<slug>.svg up to cards/<lang>/.
    { href: `../../../backgrounds/${incident.id}.png`, key: `${spec.lang}/backgrounds/${incident.id}.svg` },
  );
}
