/**
 * Social cards, SVG → PNG, with resvg and the fonts bundled in src/assets/fonts (no system
 * fonts, no network). Used by the build (reach.ts) and by `npm run bench`.
 *
 * Each background (a chart, the costly part) is drawn once, and hashed once for the cache. The
 * site's card is drawn as it is; a card that is a background with words added (an incident's)
 * is drawn as an event card is, its words over the background's pixels. An
 * event's card (data-card-background, src/lib/reach/card.ts) is its overlay alone — title,
 * facts, ring — drawn on a transparent canvas and laid over its incident's background
 * pixels, which were drawn once: the chart, the costly part, is never drawn per event. Of the
 * overlay only what can hold ink is drawn (resvg's time goes with the canvas's area, not the
 * words): a box around each line of words, as measured, and a small square around the ring,
 * stacked in one small canvas, then laid over the background where they belong.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync, deflateSync, constants as zlibConstants } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { CARD_WIDTH, RING } from '../lib/reach/card.ts';
import { charactersOf, subsetFontFiles } from './font-subset.ts';

const require = createRequire(import.meta.url);
import { filesUnder } from '../lib/files.ts';

export const CARD_FONT_DIR = fileURLToPath(new URL('../assets/fonts/', import.meta.url));
export const CARD_FONT_FAMILY = 'DejaVu Sans';

/** The bundled font files, as resvg takes them. */
export const fontFilesForCards = () => filesUnder(CARD_FONT_DIR, (name) => name.endsWith('.ttf'));

/** Every *.svg under `dir`, as absolute paths. */
const svgFiles = (dir: string) => filesUnder(dir, (name) => name.endsWith('.svg'));

export interface Pixels {
  width: number;
  height: number;
  /** RGBA with premultiplied alpha, as resvg (tiny-skia) draws it. */
  data: Buffer;
}

/** resvg's font options: the bundled fonts (or those cut down from them), no system fonts. */
const fontOptions = (fonts: readonly string[]) => ({
  loadSystemFonts: false,
  fontFiles: [...fonts],
  defaultFontFamily: CARD_FONT_FAMILY,
  sansSerifFamily: CARD_FONT_FAMILY,
});

/** resvg's options: the SVG's own size, the bundled fonts. */
const drawOptions = (fonts: readonly string[]) => ({ fitTo: { mode: 'original' as const }, font: fontOptions(fonts) });

function render(svg: string, fonts: readonly string[]): Pixels {
  const image = new Resvg(svg, drawOptions(fonts)).render();
  return { width: image.width, height: image.height, data: image.pixels };
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
/** Pixels of anti-aliasing (and rounding) kept around a line's measured outline. */
const TEXT_MARGIN = 3;

/** A rectangle of the card (`x`, `y`, `width` × `height`) and its pixels. */
interface Piece {
  x: number;
  y: number;
  width: number;
  height: number;
  pixels: Pixels;
}

/** An event card's overlay, drawn: each line of words and the ring, each in its own rectangle. */
interface OverlayLayer {
  pieces: Piece[];
}

/**
 * An event card's overlay (an SVG of the card's size: lines of <text> and at most one ring):
 * each line is measured (its outline's box, and a margin) and drawn in that box alone, and
 * the ring in a square around it, each at whole pixels from the card's origin so that it is
 * drawn exactly as on the full card. resvg's time goes with the canvas's area; a line's words
 * are shaped once, for measuring and drawing.
 */
function drawOverlay(overlay: string, fonts: readonly string[], cardHeight: number): OverlayLayer {
  const open = /^<svg\b[^>]*>/.exec(overlay)?.[0];
  if (!open || !overlay.endsWith('</svg>')) throw new Error('an event card overlay is one <svg> element');
  const fontFamily = /\sfont-family="([^"]*)"/.exec(open)?.[0] ?? '';
  let inner = overlay.slice(open.length, -'</svg>'.length).replace(/<image\b[^>]*data-card-layer="background"[^>]*\/>/, '');
  const ring = /<circle\b[^>]*\scx="(-?[\d.]+)"[^>]*\scy="(-?[\d.]+)"[^>]*\/>/.exec(inner);
  if (ring) inner = inner.replace(ring[0], '');
  const lines = inner.match(/<text\b[^>]*>[^<]*<\/text>/g) ?? [];
  if (lines.join('') !== inner) throw new Error('an event card overlay holds only <text> and one <circle>');
  const card = (body: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${cardHeight}" viewBox="0 0 ${CARD_WIDTH} ` +
    `${cardHeight}"${fontFamily}>${body}</svg>`;
  const pieces: Piece[] = [];
  /** Draws `element` in the card's rectangle from (x0, y0) to (x1, y1), clipped to the card. */
  const draw = (element: string, x0: number, y0: number, x1: number, y1: number, image = new Resvg(card(element), drawOptions(fonts))) => {
    const box = image.innerBBox();
    if (!box) return;
    box.x = Math.max(0, x0);
    box.y = Math.max(0, y0);
    box.width = Math.min(CARD_WIDTH, x1) - box.x;
    box.height = Math.min(cardHeight, y1) - box.y;
    if (box.width <= 0 || box.height <= 0) return;
    const { x, y, width, height } = box;
    image.cropByBBox(box);
    const drawn = image.render();
    if (drawn.width !== width || drawn.height !== height) throw new Error('an event card overlay was not drawn at its size');
    pieces.push({ x, y, width, height, pixels: { width, height, data: drawn.pixels } });
  };
  for (const line of lines) {
    const image = new Resvg(card(line), drawOptions(fonts));
    const box = image.innerBBox();
    if (box)
      draw(
        line,
        Math.floor(box.x) - TEXT_MARGIN,
        Math.floor(box.y) - TEXT_MARGIN,
        Math.ceil(box.x + box.width) + TEXT_MARGIN,
        Math.ceil(box.y + box.height) + TEXT_MARGIN,
        image,
      );
  }
  if (ring) {
    const x = Math.floor(Number(ring[1])) - RING_HALF;
    const y = Math.floor(Number(ring[2])) - RING_HALF;
    draw(ring[0], x, y, x + 2 * RING_HALF, y + 2 * RING_HALF);
  }
  return { pieces };
}

/** Lays a drawn overlay over `out`, whose first row is row `y0` of the card. */
function layOverlay(out: Pixels, { pieces }: OverlayLayer, y0 = 0): void {
  for (const piece of pieces) compositeInto(out, piece.pixels, 0, 0, piece.width, piece.height, piece.x, piece.y - y0);
}

/** Whether `card` is `background` with something added at its end (an incident's card over its chart). */
const drawnOver = (card: string, background: string) =>
  card.length > background.length && card.startsWith(background.slice(0, -'</svg>'.length));

/**
 * A whole card that is a background with words added at its end (an incident's card,
 * src/lib/reach/card.ts cardSvg) as an overlay: the background's opening tag and the added
 * words; undefined when what was added is more than lines of text and a ring.
 */
export function overlayOver(background: string, card: string): string | undefined {
  const open = /^<svg\b[^>]*>/.exec(background)?.[0];
  const added = card.slice(background.length - '</svg>'.length, -'</svg>'.length);
  if (!open || !card.endsWith('</svg>')) return undefined;
  const rest = added.replace(/<text\b[^>]*>[^<]*<\/text>/g, '').replace(/<circle\b[^>]*\/>/, '');
  return rest === '' ? `${open}${added}</svg>` : undefined;
}

/** An event card's pixels: its overlay over its background's. */
export function drawEventCard(background: Pixels, overlay: string, fonts: readonly string[]): Pixels {
  const out = { width: background.width, height: background.height, data: Buffer.from(background.data) };
  layOverlay(out, drawOverlay(overlay, fonts, background.height));
  return out;
}

/** Rows of a card compressed together: a card reuses its background's bands where its overlay leaves them as they are. */
const ROWS_PER_BAND = 16;

interface CompressedBand {
  /** Raw deflate, ended by a full flush (byte-aligned, no reference to earlier bands), so that bands can be joined. */
  deflated: Buffer;
  adler: number;
  length: number;
}

/** A background ready for its event cards: its pixels, and each band of rows already compressed. */
export interface PreparedBackground {
  pixels: Pixels;
  bands: CompressedBand[];
}

const ADLER_BASE = 65521;

function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    const end = Math.min(i + 5552, data.length);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** The Adler-32 of two pieces joined, from theirs (zlib's adler32_combine). */
function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_BASE;
  let sum1 = first & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (second & 0xffff) + ADLER_BASE - 1;
  sum2 += (first >>> 16) + (second >>> 16) + ADLER_BASE - rem;
  sum1 %= ADLER_BASE;
  sum2 %= ADLER_BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/** Rows `y0` to `y1` of premultiplied pixels as PNG scanlines: a filter byte (none), then straight RGBA. */
function scanlines({ width, data }: Pixels, y0: number, y1: number): Buffer {
  const stride = width * 4;
  const rows = unpremultiply(data.subarray(y0 * stride, y1 * stride));
  const raw = Buffer.allocUnsafe((stride + 1) * (y1 - y0));
  for (let y = 0; y < y1 - y0; y++) {
    raw[y * (stride + 1)] = 0;
    rows.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return raw;
}

function compressBand(raw: Buffer): CompressedBand {
  return { deflated: deflateRawSync(raw, { level: 1, finishFlush: zlibConstants.Z_FULL_FLUSH }), adler: adler32(raw), length: raw.length };
}

export function prepareBackground(pixels: Pixels): PreparedBackground {
  const bands: CompressedBand[] = [];
  for (let y = 0; y < pixels.height; y += ROWS_PER_BAND)
    bands.push(compressBand(scanlines(pixels, y, Math.min(pixels.height, y + ROWS_PER_BAND))));
  return { pixels, bands };
}

/**
 * An event card's PNG: the bands of rows its overlay touches are laid over and compressed
 * afresh; every other band is its background's, compressed once for all its cards.
 */
export function eventCardPng(background: PreparedBackground, overlay: string, fonts: readonly string[]): Buffer {
  const { pixels } = background;
  const drawn = drawOverlay(overlay, fonts, pixels.height);
  const touched = (y0: number, y1: number) => drawn.pieces.some((piece) => piece.y < y1 && piece.y + piece.height > y0);
  const stride = pixels.width * 4;
  // Each run of touched bands is laid over and compressed as one (one compressor, not one per band).
  const bands: CompressedBand[] = [];
  for (let i = 0; i < background.bands.length; ) {
    const y0 = i * ROWS_PER_BAND;
    if (!touched(y0, Math.min(pixels.height, y0 + ROWS_PER_BAND))) {
      bands.push(background.bands[i++]);
      continue;
    }
    let j = i + 1;
    while (j < background.bands.length && touched(j * ROWS_PER_BAND, Math.min(pixels.height, (j + 1) * ROWS_PER_BAND))) j++;
    const y1 = Math.min(pixels.height, j * ROWS_PER_BAND);
    const rows = { width: pixels.width, height: y1 - y0, data: Buffer.from(pixels.data.subarray(y0 * stride, y1 * stride)) };
    layOverlay(rows, drawn, y0);
    bands.push(compressBand(scanlines(rows, 0, rows.height)));
    i = j;
  }
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(
    bands.reduce((sum, band, i) => (i === 0 ? band.adler : adler32Combine(sum, band.adler, band.length)), 1),
    0,
  );
  // zlib header (deflate, 32 KiB window, fastest), the bands, a final empty block, the checksum.
  const idat = Buffer.concat([Buffer.from([0x78, 0x01]), ...bands.map((band) => band.deflated), Buffer.from([0x03, 0x00]), adler]);
  return pngFile(pixels.width, pixels.height, idat);
}

/** Straight alpha from premultiplied (PNG stores straight alpha). */
function unpremultiply(data: Buffer): Buffer {
  let opaque = true;
  for (let i = 3; i < data.length; i += 4)
    if (data[i] !== 255) {
      opaque = false;
      break;
    }
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
export function encodePng(pixels: Pixels): Buffer {
  return pngFile(pixels.width, pixels.height, deflateSync(scanlines(pixels, 0, pixels.height), { level: 1 }));
}

/** A PNG file around its compressed image data (IDAT). */
function pngFile(width: number, height: number, idat: Buffer): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body, crc32(head.subarray(4))) >>> 0, 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An SVG's pixels (premultiplied), drawn with the bundled fonts. */
export function rasterize(svg: string): Pixels {
  return render(svg, fontFilesForCards());
}

export function svgToPng(svg: string): Buffer {
  return encodePng(rasterize(svg));
}

/** Changes whenever the drawing of a card would change for the same SVG: bump it with the drawing code. */
const DRAWING_VERSION = 'cards-5';

export interface RasterizeOptions {
  /**
   * A folder kept between builds (Astro's cacheDir): each PNG is stored there under a hash of
   * what it is drawn from (its SVG, its background's, the fonts, the resvg version, the
   * drawing code), and copied from there when nothing of that changed. The folder then holds
   * exactly the last build's cards. Cold builds (no folder yet, CI) draw every card.
   */
  cacheDir?: string;
  /** Child processes that draw the event cards, when there are many (default: one per CPU, at most 4). */
  processes?: number;
}

export interface Rasterized {
  count: number;
  /** Cards drawn; the others came from the cache. */
  drawn: number;
  ms: number;
}

/** One event card to draw: its overlay, where its PNG goes, and its background's raw pixels. */
export interface CardJob {
  svgFile: string;
  pngFile: string;
  cacheFile?: string;
  /** A file of the background's premultiplied RGBA pixels, CARD_WIDTH wide. */
  backgroundFile: string;
}

/** Below this many event cards to draw, starting child processes costs more than it saves. */
const MIN_JOBS_PER_PROCESS = 40;

/**
 * Draws event cards. Each Resvg object keeps its canvas and fonts outside the JavaScript heap
 * until a full garbage collection, which a big heap (the build's) rarely runs: drawn in the
 * build's own process, 1,000 cards held several GB. Child processes (run with --expose-gc)
 * collect every few cards, draw side by side, and give everything back when they exit.
 */
export function drawCardJobs(jobs: readonly CardJob[], fonts: readonly string[] = fontFilesForCards(), collect?: () => void): void {
  const backgrounds = new Map<string, PreparedBackground>();
  jobs.forEach((job, i) => {
    let background = backgrounds.get(job.backgroundFile);
    if (!background) {
      const data = readFileSync(job.backgroundFile);
      background = prepareBackground({ width: CARD_WIDTH, height: data.length / 4 / CARD_WIDTH, data });
      backgrounds.set(job.backgroundFile, background);
    }
    const png = eventCardPng(background, readFileSync(job.svgFile, 'utf8'), fonts);
    writeFileSync(job.pngFile, png);
    if (job.cacheFile) writeFileSync(job.cacheFile, png);
    if (i % 8 === 7) collect?.();
  });
}

/**
 * The drawing processes' memory in huge pages (2 MiB, where the system allows them, as Linux's
 * "madvise" setting does) for resvg's allocator (mimalloc) and Node's (glibc): every canvas and
 * pixel buffer is fresh memory, and on a virtual machine each 4 KiB page's first touch costs
 * tens of microseconds, more than drawing into it. Freed memory is kept for the next card.
 * Elsewhere these settings are ignored.
 */
const cardProcessEnv = () => ({
  ...process.env,
  MIMALLOC_ALLOW_LARGE_OS_PAGES: '1',
  MIMALLOC_PURGE_DELAY: '-1',
  GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, 'glibc.malloc.hugetlb=1'].filter(Boolean).join(':'),
});

function runCardProcesses(jobs: CardJob[], fonts: readonly string[], processes: number, scratch: string): Promise<void> {
  const worker = fileURLToPath(new URL('./cards-process.ts', import.meta.url));
  const shares = Array.from({ length: processes }, (_, p) => jobs.filter((_, i) => i % processes === p));
  return Promise.all(
    shares.map(
      (share, p) =>
        new Promise<void>((done, fail) => {
          const list = join(scratch, `jobs-${p}.json`);
          writeFileSync(list, JSON.stringify({ fonts, jobs: share }));
          const child = spawn(process.execPath, ['--expose-gc', worker, list], {
            stdio: ['ignore', 'inherit', 'inherit'],
            env: cardProcessEnv(),
          });
          child.on('error', fail);
          child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`social cards: a drawing process stopped (exit ${code})`))));
        }),
    ),
  ).then(() => undefined);
}

/** Writes <name>.png beside every <name>.svg under `dir`; returns how many, how many were drawn, and how long it took. */
export async function rasterizeCards(
  dir: string,
  { cacheDir, processes = Math.min(4, availableParallelism()) }: RasterizeOptions = {},
): Promise<Rasterized> {
  const started = performance.now();
  const wholeFonts = fontFilesForCards();
  const files = svgFiles(dir).map((file) => ({ file, key: relative(dir, file).split('\\').join('/'), svg: readFileSync(file, 'utf8') }));
  const bySvgKey = new Map(files.map((f) => [f.key, f]));
  const backgroundOf = (svg: string) => /^<svg[^>]*\sdata-card-background="([^"]+)"/.exec(svg)?.[1];
  const context = `${DRAWING_VERSION}\u0000${resvgVersion()}\u0000${wholeFonts.map((f) => `${basename(f)}:${statSync(f).size}`).join(',')}`;
  const hashOf = (...parts: string[]) =>
    createHash('sha256')
      .update([context, ...parts].join('\u0000'))
      .digest('hex')
      .slice(0, 40);
  const used = new Set<string>();
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'cards-'));
  let drawn = 0;
  /** The PNG's path and its place in the cache; copied from the cache (true) if it is there. */
  const lookUp = (file: string, hash: string) => {
    const png = file.replace(/\.svg$/, '.png');
    const cacheFile = cacheDir ? join(cacheDir, `${hash}.png`) : undefined;
    used.add(`${hash}.png`);
    if (cacheFile && existsSync(cacheFile)) {
      copyFileSync(cacheFile, png);
      return { png, cacheFile, copied: true };
    }
    drawn++;
    return { png, cacheFile, copied: false };
  };
  const write = (png: string, cacheFile: string | undefined, bytes: Buffer) => {
    writeFileSync(png, bytes);
    if (cacheFile) writeFileSync(cacheFile, bytes);
  };
  try {
    // The fonts cut down to the characters the cards hold (font-subset.ts), once something is to be drawn.
    let subset: string[] | undefined;
    const fonts = () => (subset ??= subsetFontFiles(wholeFonts, charactersOf(files.map((f) => f.svg)), scratch));
    // The backgrounds (the charts, the costly part): each hashed once, and drawn at most once, only if a card needs its pixels.
    // Those the event cards name, and any whole card that another whole card draws over (an incident's background).
    const whole = files.filter((f) => !backgroundOf(f.svg));
    const backgroundKeys = new Set(files.map((f) => backgroundOf(f.svg)).filter((key) => key !== undefined));
    for (const b of whole) if (whole.some((c) => drawnOver(c.svg, b.svg))) backgroundKeys.add(b.key);
    const backgrounds = new Map<string, { svg: string; hash: string; pixels?: PreparedBackground; file?: string }>();
    for (const key of backgroundKeys) {
      const background = bySvgKey.get(key);
      if (!background || backgroundOf(background.svg)) throw new Error(`${key}: no background for the event cards that name it`);
      backgrounds.set(key, { svg: background.svg, hash: hashOf(background.svg) });
    }
    const prepared = (key: string) => {
      const background = backgrounds.get(key)!;
      background.pixels ??= prepareBackground(render(background.svg, fonts()));
      return background.pixels;
    };
    let backgroundFiles = 0;
    const backgroundFile = (key: string) => {
      const background = backgrounds.get(key)!;
      if (!background.file) {
        // Numbered, not named after the key: "a/b" and "a.b" would share a file.
        background.file = join(scratch, `background-${backgroundFiles++}.rgba`);
        writeFileSync(background.file, prepared(key).pixels.data);
      }
      return background.file;
    };
    // Whole cards (the site's, the incidents', the backgrounds) here; event cards are jobs.
    for (const { file, key, svg } of whole) {
      const background = backgrounds.get(key);
      const { png, cacheFile, copied } = lookUp(file, background?.hash ?? hashOf(svg));
      if (copied) continue;
      if (background) {
        write(png, cacheFile, encodePng(prepared(key).pixels));
        continue;
      }
      // A card drawn over a background (an incident's): its words over the background's pixels, as an event card's are.
      const over = [...backgrounds].find(([, b]) => drawnOver(svg, b.svg));
      const overlay = over && overlayOver(over[1].svg, svg);
      write(png, cacheFile, overlay ? eventCardPng(prepared(over[0]), overlay, fonts()) : encodePng(render(svg, fonts())));
    }
    const jobs: CardJob[] = [];
    for (const { file, svg } of files.filter((f) => backgroundOf(f.svg))) {
      const key = backgroundOf(svg)!;
      const { png, cacheFile, copied } = lookUp(file, hashOf(backgrounds.get(key)!.hash, svg));
      if (!copied) jobs.push({ svgFile: file, pngFile: png, cacheFile, backgroundFile: backgroundFile(key) });
    }
    // Few cards (the real site's edits, the tests) are drawn here; many in child processes.
    if (jobs.length >= MIN_JOBS_PER_PROCESS)
      await runCardProcesses(jobs, fonts(), Math.max(1, Math.min(processes, Math.floor(jobs.length / MIN_JOBS_PER_PROCESS))), scratch);
    else drawCardJobs(jobs, fonts());
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (cacheDir)
    for (const name of readdirSync(cacheDir)) if (name.endsWith('.png') && !used.has(name)) rmSync(join(cacheDir, name), { force: true });
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
