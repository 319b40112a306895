/**
 * Social cards (Open Graph / Twitter images): 1200 × 630 drawings around the chart's own
 * drawing, taken from a standalone chart (src/lib/timeline/standalone.ts), with the page's
 * title and a line of facts. Pure string work; every text escaped.
 *
 * A card is two layers, so that a build with thousands of events draws each incident's chart
 * once: the background (site name, the chart in a fixed box, the address) and the overlay
 * (title, facts, a ring around the event). Site and incident cards are both in one file; an
 * event card's file holds its overlay and points to its incident's background
 * (data-card-background), which the build composes (src/integrations/cards.ts).
 */
import { escapeXml } from '../escape.ts';
import { attr, parseSvg, serializeSvg, setAttr, type SvgElement } from '../svg/inline.ts';

/** Width of a social card in pixels (the size link previews expect). */
export const CARD_WIDTH = 1200;
/** Height of a social card in pixels. */
export const CARD_HEIGHT = 630;
/** Where the chart sits on every card. */
export const CHART_BOX = { x: 40, y: 318, width: 1120, height: 262 };
/** Baseline of the facts line; the title's lines stand above it. */
const FACTS_Y = 296;
/** The ring's radius and stroke (the rasterizer draws only a square around it: src/integrations/cards.ts). */
export const RING = { r: 13, strokeWidth: 4 };

/** The colours a card is drawn in. */
export interface CardColours {
  bg: string;
  fg: string;
  muted: string;
  accent: string;
}

/** What a card's background needs: the chart picture, the site's name and address, colours and font. */
export interface BackgroundOptions {
  /** A standalone chart SVG (its inner chart <svg> is reused). */
  standalone: string;
  /** The site's name, at the top. */
  site: string;
  /** The site's address, at the bottom. */
  address: string;
  colours: CardColours;
  font: string;
}

/** What a card's text layer draws: the title, facts, colours, font and a mark to ring. */
export interface OverlayOptions {
  title: string;
  /** Facts under the title: incident, offset from the vote, kind, status. */
  facts?: string;
  colours: CardColours;
  font: string;
  /** A point of the card to ring (an event's mark). */
  ring?: { x: number; y: number };
}

/** Lines of at most `max` characters, broken at spaces; at most `lines` lines, the last one cut with "…". */
export function wrapWords(text: string, max: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= max || !line) {
      line = next.length > max ? `${next.slice(0, max - 1)}…` : next;
      continue;
    }
    out.push(line);
    line = word;
    if (out.length === lines) break;
  }
  if (out.length < lines && line) out.push(line);
  const used = out.join(' ').replace(/…$/, '').split(/\s+/).length;
  if (out.length === lines && used < words.length) {
    const last = out[lines - 1];
    out[lines - 1] = `${last.length >= max ? last.slice(0, max - 1) : last}…`;
  }
  return out.slice(0, lines);
}

const open = (font: string, extra = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ` +
  `${CARD_HEIGHT}" font-family="${escapeXml(font)}"${extra}>`;

/** The background layer, and where each event's mark lands on the card (for its ring). */
export function cardBackground(options: BackgroundOptions): { svg: string; marks: Map<string, { x: number; y: number }> } {
  const { bg, muted, accent } = options.colours;
  const chart = parseSvg(options.standalone).children.find((c): c is SvgElement => typeof c !== 'string' && c.name === 'svg');
  const marks = new Map<string, { x: number; y: number }>();
  let drawn = '';
  if (chart) {
    const [, , w, h] = (attr(chart, 'viewBox') ?? `0 0 ${attr(chart, 'width') ?? 1000} ${attr(chart, 'height') ?? 300}`)
      .split(/[\s,]+/)
      .map(Number);
    const scale = Math.min(CHART_BOX.width / w, CHART_BOX.height / h);
    const dx = CHART_BOX.x + (CHART_BOX.width - w * scale) / 2;
    const dy = CHART_BOX.y + (CHART_BOX.height - h * scale) / 2;
    const visit = (node: SvgElement) => {
      const id = attr(node, 'data-event-id');
      const at = /^translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)$/.exec(attr(node, 'transform') ?? '');
      if (id && at) marks.set(id, { x: dx + Number(at[1]) * scale, y: dy + Number(at[2]) * scale });
      for (const child of node.children) if (typeof child !== 'string') visit(child);
    };
    visit(chart);
    setAttr(chart, 'viewBox', `0 0 ${w} ${h}`);
    setAttr(chart, 'x', String(CHART_BOX.x));
    setAttr(chart, 'y', String(CHART_BOX.y));
    setAttr(chart, 'width', String(CHART_BOX.width));
    setAttr(chart, 'height', String(CHART_BOX.height));
    setAttr(chart, 'preserveAspectRatio', 'xMidYMid meet');
    drawn = serializeSvg(chart);
  }
  const svg = [
    open(options.font),
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${escapeXml(bg)}"/>`,
    `<rect width="${CARD_WIDTH}" height="10" fill="${escapeXml(accent)}"/>`,
    `<text x="60" y="58" font-size="24" font-weight="700" fill="${escapeXml(muted)}">${escapeXml(options.site)}</text>`,
    drawn,
    `<text x="60" y="${CARD_HEIGHT - 22}" font-size="22" fill="${escapeXml(muted)}">${escapeXml(options.address)}</text>`,
    '</svg>',
  ].join('');
  return { svg, marks };
}

/** The overlay's elements: title (up to three lines, bottom-aligned above the facts), facts, ring. */
function overlayBody(options: OverlayOptions): string {
  const { fg, muted, accent } = options.colours;
  const factsY = FACTS_Y;
  const lines = wrapWords(options.title, 40, 3);
  const lastTitleY = options.facts ? factsY - 52 : factsY;
  const title = lines.map(
    (line, i) =>
      `<text x="60" y="${lastTitleY - 58 * (lines.length - 1 - i)}" font-size="48" font-weight="700" ` +
      `fill="${escapeXml(fg)}">${escapeXml(line)}</text>`,
  );
  const facts = options.facts
    ? `<text x="60" y="${factsY}" font-size="26" fill="${escapeXml(muted)}">${escapeXml(wrapWords(options.facts, 75, 1)[0] ?? '')}</text>`
    : '';
  const ring = options.ring
    ? `<circle cx="${options.ring.x.toFixed(1)}" cy="${options.ring.y.toFixed(1)}" r="${RING.r}" fill="none" ` +
      `stroke="${escapeXml(accent)}" stroke-width="${RING.strokeWidth}"/>`
    : '';
  return [...title, facts, ring].join('');
}

/** A whole card in one file: the background with the overlay on it (the site's and incidents' cards). */
export function cardSvg(background: string, overlay: OverlayOptions): string {
  return background.replace(/<\/svg>$/, `${overlayBody(overlay)}</svg>`);
}

/**
 * An event's card: its overlay, over an <image> of the background picture at `backgroundHref`
 * (so that the file shows the whole card in a browser). `data-card-background` names the
 * background's SVG file, relative to the cards folder, for the build to compose.
 */
export function cardOverlaySvg(overlay: OverlayOptions, background: { href: string; key: string }): string {
  return [
    open(overlay.font, ` data-card-background="${escapeXml(background.key)}"`),
    `<image href="${escapeXml(background.href)}" x="0" y="0" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" data-card-layer="background"/>`,
    overlayBody(overlay),
    '</svg>',
  ].join('');
}
