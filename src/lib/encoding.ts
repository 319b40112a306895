/**
 * How kinds and statuses look, shared by badges, the legend and the chart: every kind has a
 * shape of its own, so that no two kinds depend on colour to be told apart (under any
 * colour-vision deficiency, see tests/unit/encoding.test.ts), and colour adds to it.
 */
import type { EventKind, EventStatus } from './vocabulary.ts';

/** The shape of a mark on the chart (the blackout is a band, not a mark). */
export type MarkShape = 'circle' | 'hexagon' | 'triangle' | 'star' | 'square' | 'diamond' | 'cross' | 'triangle-down' | 'pentagon' | 'band';

/** Each kind of event drawn with a shape of its own, so that no kind is told apart by colour alone. */
export const KIND_SHAPES: Record<EventKind, MarkShape> = {
  hack: 'circle',
  detection: 'hexagon',
  leak: 'triangle',
  amplification: 'star',
  blackout: 'band',
  statement: 'square',
  attribution: 'diamond',
  denial: 'cross',
  legal: 'triangle-down',
  election: 'pentagon',
};

/** Status drawn as fill and stroke: documented solid, reported lighter, alleged outlined, disputed dashed. */
export const STATUS_STYLES: Record<EventStatus, { fillOpacity: number; dashed: boolean }> = {
  documented: { fillOpacity: 1, dashed: false },
  reported: { fillOpacity: 0.55, dashed: false },
  alleged: { fillOpacity: 0, dashed: false },
  disputed: { fillOpacity: 0, dashed: true },
};

const round = (n: number) => (Math.sign(n) * Math.round(Math.abs(n) * 100)) / 100 + 0;

/** A closed polygon through points given as [angle in turns from straight up, radius]. */
function polygon(points: [number, number][]): string {
  return `${points
    .map(
      ([turn, radius], i) =>
        `${i ? 'L' : 'M'}${round(radius * Math.sin(turn * 2 * Math.PI))},${round(-radius * Math.cos(turn * 2 * Math.PI))}`,
    )
    .join('')}Z`;
}

const regular = (n: number, radius: number, offset = 0): [number, number][] =>
  Array.from({ length: n }, (_, i) => [offset + i / n, radius]);

/** SVG path of a shape centred on (0, 0) with radius r (shapes of equal visual weight). */
export function shapePath(shape: MarkShape, r: number): string {
  switch (shape) {
    case 'hexagon':
      return polygon(regular(6, r * 1.08, 1 / 12));
    case 'triangle':
      return polygon(regular(3, r * 1.3));
    case 'triangle-down':
      return polygon(regular(3, r * 1.3, 1 / 6));
    case 'pentagon':
      return polygon(regular(5, r * 1.12));
    case 'star':
      return polygon(Array.from({ length: 10 }, (_, i) => [i / 10, i % 2 ? r * 0.6 : r * 1.4] as [number, number]));
    case 'cross': {
      // An upright plus whose arms are a third of its width: reads as "no" without being an X.
      const a = r * 1.1;
      const t = r * 0.42;
      return `M${-t},${-a}H${t}V${-t}H${a}V${t}H${t}V${a}H${-t}V${t}H${-a}V${-t}H${-t}Z`;
    }
    case 'circle':
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'diamond': {
      const d = r * 1.25;
      return `M0,${-d}L${d},0L0,${d}L${-d},0Z`;
    }
    case 'square':
    case 'band': {
      const s = r * 0.9;
      return `M${-s},${-s}H${s}V${s}H${-s}Z`;
    }
  }
}

/** Which marks stay visible when a crowd folds into a count: the leak first, then the vote and attributions. */
export const KIND_PRIORITY: Record<EventKind, number> = {
  leak: 0,
  election: 1,
  attribution: 2,
  blackout: 3,
  legal: 4,
  statement: 5,
  denial: 6,
  hack: 7,
  detection: 8,
  amplification: 9,
};
