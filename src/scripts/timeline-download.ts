/**
 * "Download SVG / PNG" of the view on screen, with title, legend and credit. Loaded only
 * when a reader asks, so it costs the page nothing until then.
 */
import timelineCss from '../styles/timeline.css?raw';
import type { Align } from '../lib/timeline/axis.ts';
import { fillTemplate } from '../lib/timeline/names.ts';
import { PALETTE_NAMES, standaloneSvg, type Palette } from '../lib/timeline/standalone.ts';
import { EVENT_STATUSES, type EventKind } from '../lib/vocabulary.ts';

/**
 * The palette in the reader's chosen scheme, resolved to plain colours: the site's colours are
 * light-dark() pairs, which follow the color-scheme of the element they are read on.
 */
function paletteFor(root: HTMLElement, scheme: 'light' | 'dark'): Palette {
  // One probe per colour, all in place before any is read, so that no value is read from a stale style.
  const box = document.createElement('div');
  box.hidden = true;
  box.style.colorScheme = scheme;
  const probes = PALETTE_NAMES.map((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    probe.style.colorScheme = scheme;
    box.append(probe);
    return [name, probe] as const;
  });
  root.append(box);
  const palette: Palette = Object.fromEntries(probes.map(([name, probe]) => [name, getComputedStyle(probe).color]));
  box.remove();
  return palette;
}

/** The scheme picked beside the download buttons, or the one the chart is shown in (system setting, or an embed's theme). */
export function downloadScheme(chart: HTMLElement): 'light' | 'dark' {
  const select = chart.querySelector<HTMLSelectElement>('select[data-download-scheme]');
  if (select?.value === 'light' || select?.value === 'dark') return select.value;
  const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
}

function save(blob: Blob, name: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Downloads the view as a picture, in the page's language (its words are on the chart: Timeline.astro). */
export async function downloadView(chart: HTMLElement, format: 'svg' | 'png', viewUrl: string, align: Align): Promise<void> {
  const svg = chart.querySelector<SVGSVGElement>('svg.tl-svg')!;
  const legend = [...chart.querySelectorAll<HTMLButtonElement>('.tl-legend-item[data-filter-kind]')]
    .filter((button) => button.getAttribute('aria-pressed') !== 'false')
    .map((button) => ({ kind: button.dataset.filterKind as EventKind, label: button.textContent?.trim() ?? '' }));
  // The page's key (statuses, then approximate dates, spans and clusters), in its words.
  const statuses = [...chart.querySelectorAll('.tl-legend-static li')].map((li) => li.textContent?.trim() ?? '');
  const footnote = chart.querySelector<HTMLElement>('.tl-footnote');
  const title = chart.dataset.downloadTitle || chart.querySelector('.tl-heading')?.textContent?.trim() || 'Timeline';
  const markup = standaloneSvg({
    chart: new XMLSerializer().serializeToString(svg),
    title,
    subtitle: (align === 'calendar' ? chart.dataset.textSubtitleCalendar : chart.dataset.textSubtitleVote) ?? '',
    legend,
    key: {
      statuses: EVENT_STATUSES.map((status, i) => ({ status, label: statuses[i] || status })),
      approximate: statuses[EVENT_STATUSES.length] || 'approximate date',
      span: statuses[EVENT_STATUSES.length + 1] || 'a day or more, drawn as its span',
      cluster: statuses[EVENT_STATUSES.length + 2] || 'several events close together',
    },
    footnote: footnote && !footnote.hidden ? footnote.textContent?.trim() : undefined,
    credit: fillTemplate(chart.dataset.textCredit ?? '', { url: viewUrl }),
    palette: paletteFor(chart, downloadScheme(chart)),
    css: timelineCss,
    site: chart.dataset.site,
  });
  const name = `election-timeline-${new Date().toISOString().slice(0, 10)}`;
  const file = new Blob([markup], { type: 'image/svg+xml;charset=utf-8' });
  if (format === 'svg') return save(file, `${name}.svg`);

  const image = new Image();
  const url = URL.createObjectURL(file);
  try {
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * scale;
    canvas.height = image.naturalHeight * scale;
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const png = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
    if (png) save(png, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
