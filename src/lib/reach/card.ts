/**
 * Social cards (Open Graph / Twitter images): a 1200 × 630 SVG around the chart's own drawing,
 * taken from a standalone chart (src/lib/timeline/standalone.ts), with the page's title and a
 * line of facts. The build turns it into a PNG (resvg). Pure string work; every text escaped.
 */
import { attr, escapeXml, parseSvg, serializeSvg, setAttr, type SvgElement } from '../svg/inline.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardOptions {
  /** A standalone chart SVG (its inner chart <svg> is reused). */
  standalone: string;
  title: string;
  /** Facts under the title: incident, offset from the vote, kind, status. */
  facts?: string;
  /** The site's name, at the top. */
  site: string;
  /** The site's address, at the bottom. */
  address: string;
  /** An event to ring on the chart. */
  highlight?: string;
  colours: { bg: string; fg: string; muted: string; accent: string };
  font: string;
}

/** Lines of at most `max` characters, broken at spaces; at most `lines` lines, the last one cut with "…". */
export function wrapWords(text: string, max: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
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

function findChart(root: SvgElement): SvgElement | undefined {
  return root.children.find((c): c is SvgElement => typeof c !== 'string' && c.name === 'svg');
}

function ring(node: SvgElement, id: string, colour: string): boolean {
  if (attr(node, 'data-event-id') === id && attr(node, 'transform')) {
    node.children.push({ name: 'circle', attrs: [['r', '15'], ['fill', 'none'], ['stroke', colour], ['stroke-width', '4']], children: [] });
    return true;
  }
  return node.children.some((child) => typeof child !== 'string' && ring(child, id, colour));
}

export function cardSvg(options: CardOptions): string {
  const { bg, fg, muted, accent } = options.colours;
  const chart = findChart(parseSvg(options.standalone));
  const titleLines = wrapWords(options.title, 40, 3);
  const titleSize = 48;
  let y = 120;
  const title = titleLines.map((line) => {
    const text = `<text x="60" y="${y}" font-size="${titleSize}" font-weight="700" fill="${escapeXml(fg)}">${escapeXml(line)}</text>`;
    y += 58;
    return text;
  });
  const facts = options.facts ? `<text x="60" y="${y + 2}" font-size="26" fill="${escapeXml(muted)}">${escapeXml(wrapWords(options.facts, 75, 1)[0] ?? '')}</text>` : '';
  const chartTop = y + (options.facts ? 30 : 0);
  const chartBottom = CARD_HEIGHT - 56;
  let drawn = '';
  if (chart && chartBottom - chartTop > 80) {
    if (options.highlight) ring(chart, options.highlight, accent);
    const viewBox = attr(chart, 'viewBox') ?? `0 0 ${attr(chart, 'width') ?? 1000} ${attr(chart, 'height') ?? 300}`;
    setAttr(chart, 'viewBox', viewBox);
    setAttr(chart, 'x', '40');
    setAttr(chart, 'y', String(chartTop));
    setAttr(chart, 'width', String(CARD_WIDTH - 80));
    setAttr(chart, 'height', String(chartBottom - chartTop));
    setAttr(chart, 'preserveAspectRatio', 'xMidYMid meet');
    drawn = serializeSvg(chart);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${escapeXml(options.font)}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${escapeXml(bg)}"/>`,
    `<rect width="${CARD_WIDTH}" height="10" fill="${escapeXml(accent)}"/>`,
    `<text x="60" y="58" font-size="24" font-weight="700" fill="${escapeXml(muted)}">${escapeXml(options.site)}</text>`,
    ...title,
    facts,
    drawn,
    `<text x="60" y="${CARD_HEIGHT - 24}" font-size="22" fill="${escapeXml(muted)}">${escapeXml(options.address)}</text>`,
    '</svg>',
  ].join('');
}
