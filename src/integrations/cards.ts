/**
 * Social cards, SVG → PNG, with resvg and the fonts bundled in src/assets/fonts (no system
 * fonts, no network). Used by the build (reach.ts) and by `npm run bench`.
 *
 * Whole cards (the site's, each incident's, each background) are drawn as they are. An
 * event's card (data-card-background, src/lib/reach/card.ts) is its overlay alone — title,
 * facts, ring — drawn on a transparent canvas and laid over its incident's background
 * pixels, which were drawn once: the chart, the costly part, is never drawn per event.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { filesUnder } from '../lib/files.ts';

export const CARD_FONT_DIR = fileURLToPath(new URL('../assets/fonts/', import.meta.url));
export const CARD_FONT_FAMILY = 'DejaVu Sans';

const fontFiles = () => filesUnder(CARD_FONT_DIR, (name) => name.endsWith('.ttf'));

/** Every *.svg under `dir`, as absolute paths. */
const svgFiles = (dir: string) => filesUnder(dir, (name) => name.endsWith('.svg'));

interface Pixels {
  width: number;
  height: number;
  /** RGBA with premultiplied alpha, as resvg (tiny-skia) draws it. */
  data: Buffer;
}

function render(svg: string, fonts: string[]): Pixels {
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: CARD_FONT_FAMILY, sansSerifFamily: CARD_FONT_FAMILY } }).render();
  return { width: image.width, height: image.height, data: Buffer.from(image.pixels) };
}

/** `top` over `bottom`, both premultiplied, into a new buffer. */
export function composite(bottom: Pixels, top: Pixels): Pixels {
  if (bottom.width !== top.width || bottom.height !== top.height) throw new Error('layers of different sizes');
  const out = Buffer.from(bottom.data);
  const t = top.data;
  for (let i = 0; i < out.length; i += 4) {
    const a = t[i + 3];
    if (a === 0) continue;
    const keep = (255 - a) / 255;
    out[i] = t[i] + Math.round(out[i] * keep);
    out[i + 1] = t[i + 1] + Math.round(out[i + 1] * keep);
    out[i + 2] = t[i + 2] + Math.round(out[i + 2] * keep);
    out[i + 3] = a + Math.round(out[i + 3] * keep);
  }
  return { width: bottom.width, height: bottom.height, data: out };
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

export function svgToPng(svg: string): Buffer {
  return encodePng(render(svg, fontFiles()));
}

/** Writes <name>.png beside every <name>.svg under `dir`; returns how many and how long it took. */
export async function rasterizeCards(dir: string): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  const fonts = fontFiles();
  const files = svgFiles(dir).map((file) => ({ file, svg: readFileSync(file, 'utf8') }));
  const backgroundOf = (svg: string) => /^<svg[^>]*\sdata-card-background="([^"]+)"/.exec(svg)?.[1];
  const layers = new Map<string, Pixels>();
  // Whole cards and backgrounds first (their pixels are kept for the event cards), then overlays.
  for (const { file, svg } of files.filter((f) => !backgroundOf(f.svg))) {
    const pixels = render(svg, fonts);
    layers.set(relative(dir, file).split('\\').join('/'), pixels);
    writeFileSync(file.replace(/\.svg$/, '.png'), encodePng(pixels));
  }
  for (const { file, svg } of files.filter((f) => backgroundOf(f.svg))) {
    const key = backgroundOf(svg)!;
    const background = layers.get(key);
    if (!background) throw new Error(`${relative(dir, file)}: no background ${key}`);
    const overlay = render(svg.replace(/<image\b[^>]*data-card-layer="background"[^>]*\/>/, ''), fonts);
    writeFileSync(file.replace(/\.svg$/, '.png'), encodePng(composite(background, overlay)));
  }
  return { count: files.length, ms: performance.now() - started };
}
