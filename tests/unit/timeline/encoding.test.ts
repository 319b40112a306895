/**
 * Every kind can be told apart without colour vision: two kinds that share a shape must
 * still differ in lightness (contrast ≥ 3:1) after simulating protanopia, deuteranopia and
 * tritanopia on the palette in global.css, in both themes. Kinds readers confused before
 * (Leak/Amplification, Legal action/Election) have shapes of their own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_SHAPES, shapePath } from '../../../src/lib/encoding.ts';
import { EVENT_KINDS, type EventKind } from '../../../src/lib/vocabulary.ts';

const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');

function palette(theme: 0 | 1): Record<EventKind, string> {
  return Object.fromEntries(
    EVENT_KINDS.map((kind) => {
      const match = new RegExp(`--kind-${kind}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(css);
      if (!match) throw new Error(`no colour for ${kind}`);
      return [kind, match[1 + theme]];
    }),
  ) as Record<EventKind, string>;
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255));

// Machado, Oliveira & Fernandes (2009), severity 1, applied to linear RGB.
const DEFICIENCIES: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
  none: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
};

const simulate = (linear: number[], m: number[][]) =>
  m.map((row) => Math.min(1, Math.max(0, row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])));
const luminance = ([r, g, b]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const contrast = (a: number[], b: number[]) => {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};

describe('kind encoding under colour-vision deficiencies', () => {
  it('gives Leak and Amplification, Legal action and Election, different shapes', () => {
    expect(KIND_SHAPES.leak).not.toBe(KIND_SHAPES.amplification);
    expect(KIND_SHAPES.legal).not.toBe(KIND_SHAPES.election);
    expect(KIND_SHAPES.attribution).not.toBe(KIND_SHAPES.denial);
  });

  for (const theme of [0, 1] as const) {
    for (const [name, matrix] of Object.entries(DEFICIENCIES)) {
      it(`tells every pair of kinds apart with ${name} (${theme ? 'dark' : 'light'} theme): another shape, or contrast ≥ 3:1`, () => {
        const colours = palette(theme);
        const failures: string[] = [];
        for (const [i, a] of EVENT_KINDS.entries()) {
          for (const b of EVENT_KINDS.slice(i + 1)) {
            if (KIND_SHAPES[a] !== KIND_SHAPES[b]) continue;
            const ratio = contrast(simulate(rgb(colours[a]), matrix), simulate(rgb(colours[b]), matrix));
            if (ratio < 3) failures.push(`${a}/${b} ${ratio.toFixed(2)}:1`);
          }
        }
        expect(failures).toEqual([]);
      });
    }
  }

  it('draws every shape as a closed path of about the same size', () => {
    for (const shape of new Set(Object.values(KIND_SHAPES))) {
      const d = shapePath(shape, 6);
      expect(d).toMatch(/^M.*Z$/);
      const numbers = [...d.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Math.abs(Number(m[0])));
      expect(Math.max(...numbers), shape).toBeGreaterThan(4);
      expect(Math.max(...numbers), shape).toBeLessThan(13);
    }
  });
});

describe('the focus ring', () => {
  const cssVar = (name: string, theme: 0 | 1) => {
    const match = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(css)!;
    return match[1 + theme];
  };
  const timelineCss = readFileSync(new URL('../../../src/styles/timeline.css', import.meta.url), 'utf8');

  it('is drawn on the hit circle, clear of every shape', () => {
    expect(timelineCss).toMatch(/\.tl-mark:focus-visible \.tl-hit[^{]*\{[^}]*stroke: var\(--focus\)/);
    for (const shape of new Set(Object.values(KIND_SHAPES))) {
      // A circle's path holds its diameter (arc steps); polygons hold their corners.
      const extent =
        shape === 'circle' ? 6 : Math.max(...[...shapePath(shape, 6).matchAll(/-?\d+(\.\d+)?/g)].map((m) => Math.abs(Number(m[0]))));
      // Hit circle r = 12, ring 3 wide: its inner edge (10.5) leaves a gap of background around the shape's stroke (+1).
      expect(extent + 1, shape).toBeLessThan(10.5);
    }
  });

  for (const theme of [0, 1] as const) {
    it(`contrasts at least 3:1 with the background (${theme ? 'dark' : 'light'})`, () => {
      expect(contrast(rgb(cssVar('focus', theme)), rgb(cssVar('bg', theme)))).toBeGreaterThanOrEqual(3);
    });
  }
});
