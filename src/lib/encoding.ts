/**
 * How kinds and statuses look, shared by badges, the legend and the chart: the operation
 * (hack, detection, leak, amplification) as circles, responses as diamonds or squares,
 * colour telling the kind within a family, and never colour alone.
 */
import type { EventKind, EventStatus } from './vocabulary.ts';

export type MarkShape = 'circle' | 'diamond' | 'square' | 'band';

export const KIND_SHAPES: Record<EventKind, MarkShape> = {
  hack: 'circle',
  detection: 'circle',
  leak: 'circle',
  amplification: 'circle',
  blackout: 'band',
  statement: 'square',
  attribution: 'diamond',
  denial: 'diamond',
  legal: 'square',
  election: 'square',
};

/** Status drawn as fill and stroke: documented solid, reported lighter, alleged outlined, disputed dashed. */
export const STATUS_STYLES: Record<EventStatus, { fillOpacity: number; dashed: boolean }> = {
  documented: { fillOpacity: 1, dashed: false },
  reported: { fillOpacity: 0.55, dashed: false },
  alleged: { fillOpacity: 0, dashed: false },
  disputed: { fillOpacity: 0, dashed: true },
};

/** SVG path of a shape centred on (0, 0) with radius r. */
export function shapePath(shape: MarkShape, r: number): string {
  switch (shape) {
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
