/**
 * A chart as a file that stands on its own (slides, print, downloads): the chart's SVG with
 * a title, a key and a credit around it. Every colour and font is written on the elements
 * themselves (no stylesheet, no custom properties), so that it looks the same in browsers,
 * librsvg, Inkscape and presentation software; every text is escaped, so that any title
 * yields well-formed XML. Pure string work: the build uses it for the static images, the
 * browser for "Download SVG / PNG" of the current view.
 */
import { KIND_SHAPES, STATUS_STYLES, shapePath } from '../encoding.ts';
import { escapeXml } from '../escape.ts';
import { attr, inlineStyles, parseSvg, serializeSvg, setAttr, type SvgElement } from '../svg/inline.ts';
import { EVENT_KINDS, type EventKind, type EventStatus } from '../vocabulary.ts';

/** Colours by custom property name, resolved to plain values. */
export type Palette = Record<string, string>;

/** The custom properties a standalone chart needs. */
export const PALETTE_NAMES = [
  '--bg',
  '--bg-soft',
  '--fg',
  '--fg-muted',
  '--rule',
  '--focus',
  ...EVENT_KINDS.map((kind) => `--kind-${kind}`),
];

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

/** What a standalone chart file holds: chart, title, key, credit and palette. */
export interface StandaloneOptions {
  /** The chart's own <svg …>…</svg> markup (HTML or XML serialisation). */
  chart: string;
  title: string;
  subtitle?: string;
  /** Kinds to show in the key, with their labels. */
  legend: { kind: EventKind; label: string }[];
  /** The rest of the key: statuses, approximate dates, spans, clusters (labels as on the page). */
  key?: {
    statuses: { status: EventStatus; label: string }[];
    approximate: string;
    span: string;
    cluster: string;
  };
  /** A note under the chart (what an asterisk in the chart means). */
  footnote?: string;
  credit: string;
  palette: Palette;
  /** The chart's stylesheet (timeline.css), applied to the elements and then left out. */
  css: string;
  /** Absolute site address, so that the marks' links still work inside a file. */
  site?: string;
}

const HEADER = 56;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const LEGEND_ROW = 22;
/** Rough width of a character of 12 px text, to wrap the key and the credit. */
const CHAR = 7;

/** Page plumbing that means nothing in a file: scripting data, ARIA references to the page, focus. */
const dropAttribute = (name: string) =>
  (name.startsWith('data-') && name !== 'data-event-id') ||
  name === 'tabindex' ||
  name === 'focusable' ||
  name === 'aria-labelledby' ||
  name === 'aria-describedby' ||
  name === 'aria-hidden' ||
  name === 'role';

/** Lines of at most `max` characters, broken after the separators ' · '. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of text.split(/(?<= · )/)) {
    if (line && (line + part).length > max) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += part;
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

/** The file's markup. Width is the chart's; height grows with the key, the footnote and the credit. */
export function standaloneSvg(options: StandaloneOptions): string {
  const chart = parseSvg(options.chart);
  const viewBox = (attr(chart, 'viewBox') ?? '0 0 1000 300').split(/[\s,]+/).map(Number);
  const width = viewBox[2] || 1000;
  const chartHeight = viewBox[3] || 300;
  const site = options.site?.replace(/\/$/, '');
  const absolute = (element: SvgElement) => {
    const link = attr(element, 'href');
    if (site && link?.startsWith('/') && !link.startsWith('//')) setAttr(element, 'href', `${site}${link}`);
    for (const child of element.children) if (typeof child !== 'string') absolute(child);
  };
  absolute(chart);
  const colour = (name: string, fallback: string) => options.palette[name] ?? fallback;
  const fg = colour('--fg', '#1b1b1b');
  const muted = colour('--fg-muted', '#545454');
  const bg = colour('--bg', '#ffffff');
  // The kind colours are set in global.css (.kind-leak { --kind-color: … }); the chart's rules use them.
  const kindRules = EVENT_KINDS.map((kind) => `.kind-${kind}{--kind-color:var(--kind-${kind})}`).join('');
  const drawn = inlineStyles(chart, kindRules + options.css, { variables: { ...options.palette, '--font-body': FONT }, dropAttribute });
  drawn.attrs = [
    ['x', '0'],
    ['y', String(HEADER)],
    ['width', String(width)],
    ['height', String(chartHeight)],
    ['viewBox', `0 0 ${width} ${chartHeight}`],
    ...drawn.attrs.filter(([n]) => !['x', 'y', 'width', 'height', 'viewBox', 'class', 'xmlns'].includes(n)),
  ];

  // The key flows left to right and wraps: kinds, then statuses, approximate dates, spans, clusters.
  let x = 20;
  let row = 0;
  const place = (label: string, symbolWidth = 12) => {
    const itemWidth = symbolWidth + 14 + label.length * CHAR;
    if (x + itemWidth > width - 20 && x > 20) {
      x = 20;
      row += 1;
    }
    const at = { x: x + 6, y: row * LEGEND_ROW };
    x += itemWidth;
    return at;
  };
  const item = (label: string, symbol: string, symbolWidth = 12, name = 'sa-key') => {
    const at = place(label, symbolWidth);
    return (
      `<g class="${name}" transform="translate(${at.x},${at.y})">${symbol}<text x="${symbolWidth}" y="4" ` +
      `fill="${escapeXml(fg)}">${escapeXml(label)}</text></g>`
    );
  };
  const items = options.legend.map(({ kind, label }) => {
    const c = escapeXml(colour(`--kind-${kind}`, fg));
    const shape =
      KIND_SHAPES[kind] === 'band'
        ? `<rect x="-7" y="-5" width="14" height="10" fill="none" stroke="${c}" stroke-dasharray="2 2"/>`
        : `<path d="${shapePath(KIND_SHAPES[kind], 5)}" fill="${c}"/>`;
    return item(label, shape, 12, `sa-key kind-${kind}`);
  });
  if (options.key) {
    if (x > 20) {
      x = 20;
      row += 1;
    }
    const m = escapeXml(muted);
    for (const { status, label } of options.key.statuses) {
      const style = STATUS_STYLES[status];
      items.push(
        item(
          label,
          `<path d="${shapePath('circle', 5)}" fill="${m}" fill-opacity="${style.fillOpacity}" stroke="${m}" ` +
            `stroke-width="1.5"${style.dashed ? ' stroke-dasharray="3 2"' : ''}/>`,
          12,
          'sa-status',
        ),
      );
    }
    items.push(
      item(
        options.key.approximate,
        `<circle r="3" fill="${m}"/><circle r="7" fill="none" stroke="${m}" stroke-dasharray="1.5 2.5"/>`,
        12,
        'sa-status',
      ),
    );
    items.push(item(options.key.span, `<rect x="-6" y="-3" width="20" height="6" rx="2" fill="${m}" opacity="0.45"/>`, 20, 'sa-status'));
    items.push(
      item(
        options.key.cluster,
        `<circle r="7" fill="${escapeXml(bg)}" stroke="${m}" stroke-width="1.5"/><text y="3.5" text-anchor="middle" ` +
          `font-size="9" font-weight="700" fill="${escapeXml(fg)}">3</text>`,
        12,
        'sa-status',
      ),
    );
  }
  const legendTop = HEADER + chartHeight + 18;
  let y = legendTop + (row + 1) * LEGEND_ROW + 4;
  const footnote = (options.footnote ? wrap(options.footnote, Math.floor((width - 40) / 6)) : []).map((line) => {
    const text = `<text x="20" y="${y}" font-size="11" fill="${escapeXml(muted)}">${escapeXml(line)}</text>`;
    y += 15;
    return text;
  });
  const credit = wrap(options.credit, Math.floor((width - 40) / 6)).map((line) => {
    const text = `<text x="20" y="${y}" font-size="11" fill="${escapeXml(muted)}">${escapeXml(line)}</text>`;
    y += 15;
    return text;
  });
  const height = y;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `role="img" aria-label="${escapeXml(options.title)}" font-family="${escapeXml(FONT)}">`,
    `<rect width="${width}" height="${height}" fill="${escapeXml(bg)}"/>`,
    `<text x="20" y="26" font-size="18" font-weight="700" fill="${escapeXml(fg)}">${escapeXml(options.title)}</text>`,
    options.subtitle ? `<text x="20" y="46" font-size="12" fill="${escapeXml(muted)}">${escapeXml(options.subtitle)}</text>` : '',
    serializeSvg(drawn),
    `<g transform="translate(0,${legendTop})" font-size="12">${items.join('')}</g>`,
    ...footnote,
    ...credit,
    '</svg>',
  ].join('');
}
