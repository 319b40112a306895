/**
 * The cards' fonts cut down to the characters a build's cards hold (HarfBuzz's subsetter,
 * the harfbuzzjs package's WebAssembly build). resvg reads a font file again for every glyph
 * it shapes or draws, so each card read the two DejaVu files (670 KB each) a hundred times or
 * more; cut down, they weigh about 90 KB. Glyph numbers, outlines, metrics, names, and every
 * layout table and feature are kept as they are: the cards are drawn pixel for pixel as
 * with the whole fonts (tests/unit/reach/cards-png.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const require = createRequire(import.meta.url);

/** HarfBuzz's subsetter, as its WebAssembly module exports it (C functions, pointers as numbers). */
interface HarfBuzzSubset {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

// hb_subset_flags_t: keep glyph numbers, legacy names, unknown tables, .notdef's outline, glyph names, OS/2 ranges.
const FLAGS = 0x2 | 0x8 | 0x20 | 0x40 | 0x80 | 0x100;
// hb_subset_sets_t
const SETS = { dropTables: 3, nameIds: 4, nameLanguages: 5, layoutFeatures: 6, layoutScripts: 7 };
const HB_MEMORY_MODE_WRITABLE = 2;

let harfBuzz: HarfBuzzSubset | undefined;

function loadHarfBuzz(): HarfBuzzSubset {
  harfBuzz ??= new WebAssembly.Instance(new WebAssembly.Module(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))), {})
    .exports as unknown as HarfBuzzSubset;
  return harfBuzz;
}

/** `font` (TrueType bytes) with only the glyphs `codePoints` need (and what they need: ligatures, composites). */
export function subsetFont(font: Buffer, codePoints: Iterable<number>): Buffer {
  const hb = loadHarfBuzz();
  const at = hb.malloc(font.length);
  new Uint8Array(hb.memory.buffer).set(font, at);
  const blob = hb.hb_blob_create(at, font.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (!input) throw new Error('HarfBuzz: no subset input');
    hb.hb_subset_input_set_flags(input, FLAGS);
    // Drop no table; keep every name, name language, layout feature and script.
    hb.hb_set_clear(hb.hb_subset_input_set(input, SETS.dropTables));
    for (const which of [SETS.nameIds, SETS.nameLanguages, SETS.layoutFeatures, SETS.layoutScripts]) {
      const set = hb.hb_subset_input_set(input, which);
      hb.hb_set_clear(set);
      hb.hb_set_invert(set);
    }
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
    const subset = hb.hb_subset_or_fail(face, input);
    if (!subset) throw new Error('HarfBuzz: the font could not be cut down');
    const result = hb.hb_face_reference_blob(subset);
    const data = hb.hb_blob_get_data(result, 0);
    const bytes = Buffer.from(new Uint8Array(hb.memory.buffer, data, hb.hb_blob_get_length(result)));
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    return bytes;
  } finally {
    if (input) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(at);
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every character written in these SVG sources, markup and entities (&#8722;, &amp;) included. */
export function charactersOf(sources: Iterable<string>): Set<number> {
  const codePoints = new Set<number>();
  for (const source of sources) {
    const text = source.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return NAMED_ENTITIES[name] ?? whole;
      const codePoint = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
    });
    // The shaper composes "e" + U+0301 into "é" where the font has it, and may decompose too:
    // keep both forms, so that a title typed either way is drawn as with the whole font.
    for (const form of [text, text.normalize('NFC'), text.normalize('NFD')])
      for (const character of form) codePoints.add(character.codePointAt(0)!);
  }
  return codePoints;
}

/**
 * The font files cut down to `codePoints`, written into `dir` under their own names; the
 * files as they are if anything goes wrong (the cards are then only slower to draw).
 */
export function subsetFontFiles(fonts: readonly string[], codePoints: Set<number>, dir: string): string[] {
  try {
    return fonts.map((font) => {
      const file = join(dir, basename(font));
      writeFileSync(file, subsetFont(readFileSync(font), codePoints));
      return file;
    });
  } catch (error) {
    console.warn(`social cards: the fonts could not be cut down (${(error as Error).message}); drawing with the whole fonts, more slowly`);
    return [...fonts];
  }
}
