/**
 * Social cards, SVG → PNG, with resvg and the fonts bundled in src/assets/fonts (no system
 * fonts, no network). Used by the build (integration.ts) and by `npm run bench`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAsync } from '@resvg/resvg-js';

export const CARD_FONT_DIR = fileURLToPath(new URL('../assets/fonts/', import.meta.url));
export const CARD_FONT_FAMILY = 'DejaVu Sans';

/** Every *.svg under `dir`, as absolute paths. */
function svgFiles(dir: string): string[] {
  const out: string[] = [];
  let entries;
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
  return out;
}

export async function svgToPng(svg: string): Promise<Buffer> {
  const fonts = readdirSync(CARD_FONT_DIR).filter((f) => f.endsWith('.ttf')).map((f) => join(CARD_FONT_DIR, f));
  const image = await renderAsync(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: CARD_FONT_FAMILY, sansSerifFamily: CARD_FONT_FAMILY },
  });
  return image.asPng();
}

/** Writes <name>.png beside every <name>.svg under `dir`; returns how many and how long it took. */
export async function rasterizeCards(dir: string): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  const files = svgFiles(dir);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      writeFileSync(file.replace(/\.svg$/, '.png'), await svgToPng(readFileSync(file, 'utf8')));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, worker));
  return { count: files.length, ms: performance.now() - started };
}
