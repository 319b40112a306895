/**
 * A chart as a file that stands on its own (slides, print, downloads): the chart's SVG with
 * a title, a legend and a credit around it, and its styles resolved to plain colours so that
 * it looks the same wherever it is opened. Pure string work: the build uses it for the
 * static images, the browser for "Download SVG / PNG" of the current view.
 */
import { KIND_SHAPES, shapePath } from '../encoding.ts';
import { EVENT_KINDS, type EventKind } from '../vocabulary.ts';

export type Palette = Record<string, string>;

/** The custom properties a standalone chart needs. */
export const PALETTE_NAMES = ['--bg', '--bg-soft', '--fg', '--fg-muted', '--rule', '--focus', ...EVENT_KINDS.map((kind) => `--kind-${kind}`)];

/** The colour custom properties of global.css, for one scheme (light-dark() resolved). */
export function parsePalette(css: string, scheme: 'light' | 'dark'): Palette {
  const palette: Palette = {};
  for (const [, name, value] of css.matchAll(/(--[\w-]+):\s*([^;]+);/g)) {
    if (name in palette) continue; // the first (root) definition wins over print overrides
    const both = /^light-dark\(\s*([^,]+?)\s*,\s*([^)]+?)\s*\)$/.exec(value.trim());
    if (both) palette[name] = scheme === 'light' ? both[1] : both[2];
    else if (/^#[0-9a-f]{3,8}$/i.test(value.trim())) palette[name] = value.trim();
  }
  return palette;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface StandaloneOptions {
  /** The chart's own <svg …>…</svg> markup. */
  chart: string;
  title: string;
  subtitle?: string;
  /** Kinds to show in the legend, with their labels. */
  legend: { kind: EventKind; label: string }[];
  credit: string;
  palette: Palette;
  /** The chart's stylesheet (timeline.css), which refers to the palette's custom properties. */
  css: string;
  /** Absolute site address, so that the marks' links still work inside a file. */
  site?: string;
}

const HEADER = 56;
/** The chart's stylesheet sets `font: 12px/1 var(--font-body)`: without the property the whole declaration is dropped and labels grow to 16px. */
const FONT = "system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif";
const LEGEND_ROW = 22;

/** The file's markup. Width is the chart's; height grows with the legend. */
export function standaloneSvg(options: StandaloneOptions): string {
  const open = /^<svg\b[^>]*>/.exec(options.chart)?.[0] ?? '<svg>';
  const width = Number(/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(open)?.[1] ?? 1000);
  const chartHeight = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(open)?.[1] ?? 300);
  const body = options.chart.slice(open.length, options.chart.lastIndexOf('</svg>'));
  const links = options.site ? body.replace(/href="\//g, `href="${escapeXml(options.site.replace(/\/$/, ''))}/`) : body;

  // Legend items flow left to right and wrap.
  let x = 20;
  let row = 0;
  const items = options.legend.map(({ kind, label }) => {
    const itemWidth = 26 + label.length * 7;
    if (x + itemWidth > width - 20) {
      x = 20;
      row += 1;
    }
    const shape = KIND_SHAPES[kind] === 'band'
      ? '<rect x="-7" y="-5" width="14" height="10" fill="none" stroke="currentColor" stroke-dasharray="2 2"/>'
      : `<path d="${shapePath(KIND_SHAPES[kind], 5)}" fill="currentColor"/>`;
    const item = `<g class="sa-key kind-${kind}" transform="translate(${x + 6},${row * LEGEND_ROW})">${shape}<text x="12" y="4" class="sa-text">${escapeXml(label)}</text></g>`;
    x += itemWidth;
    return item;
  });
  const legendTop = HEADER + chartHeight + 18;
  const creditTop = legendTop + (row + 1) * LEGEND_ROW + 8;
  const height = creditTop + 14;
  const vars = Object.entries(options.palette)
    .filter(([name]) => PALETTE_NAMES.includes(name))
    .map(([name, value]) => `${name}:${value}`)
    .join(';');
  const kindRules = EVENT_KINDS.map((kind) => `.kind-${kind}{--kind-color:var(--kind-${kind})}`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.title)}">`,
    `<style>svg{${vars};--font-body:${FONT}}${kindRules}.sa-key{color:var(--kind-color)}.sa-bg{fill:var(--bg)}.sa-text{fill:var(--fg)}.sa-muted{fill:var(--fg-muted)}${options.css.replace(/<\/?style/gi, '')}text{font-family:${FONT}}</style>`,
    `<rect class="sa-bg" width="100%" height="100%"/>`,
    `<text x="20" y="26" font-size="18" font-weight="700" class="sa-text">${escapeXml(options.title)}</text>`,
    options.subtitle ? `<text x="20" y="46" font-size="12" class="sa-muted">${escapeXml(options.subtitle)}</text>` : '',
    `<svg x="0" y="${HEADER}" width="${width}" height="${chartHeight}" viewBox="0 0 ${width} ${chartHeight}" class="tl-svg">${links}</svg>`,
    `<g transform="translate(0,${legendTop})" font-size="12">${items.join('')}</g>`,
    `<text x="20" y="${creditTop}" font-size="11" class="sa-muted">${escapeXml(options.credit)}</text>`,
    '</svg>',
  ].join('');
}
