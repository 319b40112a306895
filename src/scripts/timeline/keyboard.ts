/**
 * Which mark a key leads to: along the lane in time order, or to the nearest mark of the
 * next or previous lane. Across, ← → follow time and ↑ ↓ change lanes; down a phone, ↑ ↓
 * follow time and ← → change lanes.
 */
import type { Orientation } from '../../lib/timeline/layout.ts';

export interface KeyMark {
  id: string;
  laneId: string;
  /** Position along the time axis, as drawn. */
  t: number;
}

/** `marks`: the marks shown, in time order; `lanes`: lane ids, top first. */
export function keyTarget(
  key: string,
  current: KeyMark,
  marks: readonly KeyMark[],
  lanes: readonly string[],
  orientation: Orientation,
): KeyMark | undefined {
  const inLane = marks.filter((m) => m.laneId === current.laneId);
  const i = inLane.findIndex((m) => m.id === current.id);
  const shownLanes = lanes.filter((lane) => marks.some((m) => m.laneId === lane));
  const laneIndex = shownLanes.indexOf(current.laneId);
  const nearestIn = (lane: string | undefined) => {
    let best: KeyMark | undefined;
    for (const m of marks) if (m.laneId === lane && (!best || Math.abs(m.t - current.t) < Math.abs(best.t - current.t))) best = m;
    return best;
  };
  const vertical = orientation === 'vertical';
  const next = vertical ? 'ArrowDown' : 'ArrowRight';
  const previous = vertical ? 'ArrowUp' : 'ArrowLeft';
  const laneDown = vertical ? 'ArrowRight' : 'ArrowDown';
  const laneUp = vertical ? 'ArrowLeft' : 'ArrowUp';
  switch (key) {
    case next:
      return inLane[i + 1];
    case previous:
      return inLane[i - 1];
    case laneDown:
      return nearestIn(shownLanes[laneIndex + 1]);
    case laneUp:
      return nearestIn(shownLanes[laneIndex - 1]);
    case 'Home':
      return inLane[0];
    case 'End':
      return inLane[inLane.length - 1];
    default:
      return undefined;
  }
}
