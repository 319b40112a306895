/**
 * Social cards, SVG → PNG, with resvg and the fonts bundled in src/assets/fonts (no system
 * fonts, no network). Used by the build (reach.ts) and by `npm run bench`.
 *
 * Whole cards (the site's, each incident's, each background) are drawn as they are. An
 * event's card (data-card-background, src/lib/reach/card.ts) is its overlay alone — title,
 * facts, ring — drawn on a transparent canvas and laid over its incident's background
 * pixels, which were drawn once: the chart, the costly part, is never drawn per event. Of the
 * overlay only what can hold ink is drawn (resvg's time goes with the canvas's area, not the
 * words): the band of rows where the words are, and a small square around the ring, both in
 * one small canvas, then laid over the background where they belong.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, type Dirent, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { CARD_WIDTH, OVERLAY_TEXT_BAND, RING } from '../lib/reach/card.ts';

const require = createRequire(import.meta.url);

export const CARD_FONT_DIR = fileURLToPath(new URL('../assets/fonts/', import.meta.url));
export const CARD_FONT_FAMILY = 'DejaVu Sans';

/** The bundled font files, as resvg takes them. */
export const fontFilesForCards = () => readdirSync(CARD_FONT_DIR).filter((f) => f.endsWith('.ttf')).map((f) => join(CARD_FONT_DIR, f));

/** Every *.svg under `dir`, as absolute paths. */
function svgFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...svgFiles(path));
    else if (entry.name.endsWith('.svg')) out.push(path);
  }
  return out.sort();
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA with premultiplied alpha, as resvg (tiny-skia) draws it. */
  data: Buffer;
}

function render(svg: string, fonts: string[]): Pixels {
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: CARD_FONT_FAMILY, sansSerifFamily: CARD_FONT_FAMILY } }).render();
  return { width: image.width, height: image.height, data: Buffer.from(image.pixels) };
}

/**
 * The `width` × `height` rectangle of `top` at (sx, sy) laid over `out` at (dx, dy), in place,
 * clipped to `out`; both premultiplied.
 */
function compositeInto(out: Pixels, top: Pixels, sx: number, sy: number, width: number, height: number, dx: number, dy: number): void {
  const o = out.data;
  const t = top.data;
  for (let y = Math.max(0, -dy); y < height && dy + y < out.height; y++) {
    for (let x = Math.max(0, -dx); x < width && dx + x < out.width; x++) {
      const j = ((sy + y) * top.width + sx + x) * 4;
      const a = t[j + 3];
      if (a === 0) continue;
      const i = ((dy + y) * out.width + dx + x) * 4;
      const keep = (255 - a) / 255;
      o[i] = t[j] + Math.round(o[i] * keep);
      o[i + 1] = t[j + 1] + Math.round(o[i + 1] * keep);
      o[i + 2] = t[j + 2] + Math.round(o[i + 2] * keep);
      o[i + 3] = a + Math.round(o[i + 3] * keep);
    }
  }
}

/** `top` over `bottom`, both premultiplied, into a new buffer. */
export function composite(bottom: Pixels, top: Pixels): Pixels {
  if (bottom.width !== top.width || bottom.height !== top.height) throw new Error('layers of different sizes');
  const out = { width: bottom.width, height: bottom.height, data: Buffer.from(bottom.data) };
  compositeInto(out, top, 0, 0, top.width, top.height, 0, 0);
  return out;
}

/** Half the side of the square drawn around a ring: its radius, half its stroke, and a pixel of anti-aliasing. */
const RING_HALF = RING.r + RING.strokeWidth / 2 + 2;

/**
 * An event card: its overlay (an SVG of the card's size: words within OVERLAY_TEXT_BAND, and
 * at most one ring) over its background's pixels. The words' band and the ring's square are
 * drawn side by side on one small canvas, moved by whole pixels so that they are drawn
 * exactly as on the full card, and laid over the background.
 */
export function drawEventCard(background: Pixels, overlay: string, fonts: string[]): Pixels {
  const open = /^<svg\b[^>]*>/.exec(overlay)?.[0];
  if (!open || !overlay.endsWith('</svg>')) throw new Error('an event card overlay is one <svg> element');
  const fontFamily = /\sfont-family="([^"]*)"/.exec(open)?.[0] ?? '';
  let inner = overlay.slice(open.length, -'</svg>'.length).replace(/<image\b[^>]*data-card-layer="background"[^>]*\/>/, '');
  const ring = /<circle\b[^>]*\scx="(-?[\d.]+)"[^>]*\scy="(-?[\d.]+)"[^>]*\/>/.exec(inner);
  if (ring) inner = inner.replace(ring[0], '');
  const band = OVERLAY_TEXT_BAND;
  const side = 2 * RING_HALF;
  const ox = ring ? Math.floor(Number(ring[1])) - RING_HALF : 0;
  const oy = ring ? Math.floor(Number(ring[2])) - RING_HALF : 0;
  // The band on top, the ring's square below it at the left edge.
  const height = band.height + (ring ? side : 0);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${height}" viewBox="0 0 ${CARD_WIDTH} ${height}"${fontFamily}>`,
    `<g transform="translate(0 ${-band.y})">${inner}</g>`,
    ring ? `<g transform="translate(${-ox} ${band.height - oy})">${ring[0]}</g>` : '',
    '</svg>',
  ].join('');
  const layer = render(svg, fonts);
  const out = { width: background.width, height: background.height, data: Buffer.from(background.data) };
  compositeInto(out, layer, 0, 0, CARD_WIDTH, band.height, 0, band.y);
  if (ring) compositeInto(out, layer, 0, band.height, side, side, ox, oy);
  return out;
}

/** Straight alpha from premultiplied (PNG stores straight alpha). */
function unpremultiply(data: Buffer): Buffer {
  let opaque = true;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) { opaque = false; break; }
  if (opaque) return data;
  const out = Buffer.from(data);
  for (let i = 0; i < out.length; i += 4) {
    const a = out[i + 3];
    if (a === 0 || a === 255) continue;
    for (let c = 0; c < 3; c++) out[i + c] = Math.min(255, Math.round((out[i + c] * 255) / a));
  }
  return out;
}

/** A PNG file of RGBA pixels (8 bits, no interlace, no row filter, fast deflate: speed over size). */
export function encodePng({ width, height, data: premultiplied }: Pixels): Buffer {
  const data = unpremultiply(premultiplied);
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) data.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}

/** An SVG's pixels (premultiplied), drawn with the bundled fonts. */
export function rasterize(svg: string): Pixels {
  return render(svg, fontFilesForCards());
}

export function svgToPng(svg: string): Buffer {
  return encodePng(rasterize(svg));
}

/** Changes whenever the drawing of a card would change for the same SVG: bump it with the drawing code. */
const DRAWING_VERSION = 'cards-2';

export interface RasterizeOptions {
  /**
   * A folder kept between builds (Astro's cacheDir): each PNG is stored there under a hash of
   * what it is drawn from (its SVG, its background's, the fonts, the resvg version, the
   * drawing code), and copied from there when nothing of that changed. The folder then holds
   * exactly the last build's cards. Cold builds (no folder yet, CI) draw every card.
   */
  cacheDir?: string;
}

export interface Rasterized {
  count: number;
  /** Cards drawn; the others came from the cache. */
  drawn: number;
  ms: number;
}

/** Writes <name>.png beside every <name>.svg under `dir`; returns how many, how many were drawn, and how long it took. */
export async function rasterizeCards(dir: string, { cacheDir }: RasterizeOptions = {}): Promise<Rasterized> {
  const started = performance.now();
  const fonts = fontFilesForCards();
  const files = svgFiles(dir).map((file) => ({ file, key: relative(dir, file).split('\\').join('/'), svg: readFileSync(file, 'utf8') }));
  const bySvgKey = new Map(files.map((f) => [f.key, f]));
  const backgroundOf = (svg: string) => /^<svg[^>]*\sdata-card-background="([^"]+)"/.exec(svg)?.[1];
  const context = `${DRAWING_VERSION}\u0000${resvgVersion()}\u0000${fonts.map((f) => `${basename(f)}:${statSync(f).size}`).join(',')}`;
  const hashOf = (...parts: string[]) => createHash('sha256').update([context, ...parts].join('\u0000')).digest('hex').slice(0, 40);
  const used = new Set<string>();
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  let drawn = 0;
  const write = (file: string, hash: string, draw: () => Buffer) => {
    const png = file.replace(/\.svg$/, '.png');
    const cached = cacheDir ? join(cacheDir, `${hash}.png`) : undefined;
    used.add(`${hash}.png`);
    if (cached && existsSync(cached)) {
      copyFileSync(cached, png);
      return;
    }
    const bytes = draw();
    drawn++;
    writeFileSync(png, bytes);
    if (cached) writeFileSync(cached, bytes);
  };
  // A background's pixels, drawn at most once, and only if a card that lies over it is drawn.
  const layers = new Map<string, Pixels>();
  const pixelsOf = (key: string, svg: string) => {
    let pixels = layers.get(key);
    if (!pixels) {
      pixels = render(svg, fonts);
      layers.set(key, pixels);
    }
    return pixels;
  };
  // Whole cards and backgrounds first, then event cards (overlays over a background).
  for (const { file, key, svg } of files.filter((f) => !backgroundOf(f.svg))) write(file, hashOf(svg), () => encodePng(pixelsOf(key, svg)));
  for (const { file, svg } of files.filter((f) => backgroundOf(f.svg))) {
    const backgroundKey = backgroundOf(svg)!;
    const background = bySvgKey.get(backgroundKey);
    if (!background || backgroundOf(background.svg)) throw new Error(`${relative(dir, file)}: no background ${backgroundKey}`);
    write(file, hashOf(background.svg, svg), () => encodePng(drawEventCard(pixelsOf(backgroundKey, background.svg), svg, fonts)));
  }
  if (cacheDir) for (const name of readdirSync(cacheDir)) if (name.endsWith('.png') && !used.has(name)) rmSync(join(cacheDir, name), { force: true });
  return { count: files.length, drawn, ms: performance.now() - started };
}

/** The installed resvg's version (a newer one may draw differently). */
function resvgVersion(): string {
  try {
    return (JSON.parse(readFileSync(require.resolve('@resvg/resvg-js/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
