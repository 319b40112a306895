/**
 * The zoom, in one dimension: a scale k ≥ 1 and an offset x on the base axis's positions
 * (d3-zoom's transform, read along the time axis whichever way it runs). Converts it to and
 * from the visible domain that `layoutTimeline` takes, keeping the chart's extent in view.
 */
import { axisValue, makeAxis, type Axis } from './axis.ts';
import {
  foldedAcross,
  kindShown,
  layoutTimeline,
  placedItem,
  shiftedItems,
  shiftedLayout,
  type LaneInput,
  type MarkInput,
  type PlacedBand,
  type PlacedMark,
  type TimelineLayout,
  type TimelineOptions,
} from './layout.ts';

/** A zoom along the time axis: scale k and shift x. */
export interface Zoom {
  k: number;
  x: number;
}

/** The largest zoom factor. */
export const MAX_ZOOM = 50_000;
/** No zoom. */
export const IDENTITY: Zoom = { k: 1, x: 0 };

/**
 * The same zoom: the same view of the same extent, to a millionth of a pixel (zooming in and
 * out again by the same factors ends a rounding error away from where it began).
 */
export function sameZoom(a: Zoom, b: Zoom): boolean {
  return Math.abs(a.k - b.k) <= 1e-9 * Math.max(a.k, b.k) && Math.abs(a.x - b.x) <= 1e-6;
}

/** A zoom that keeps the extent filling the view (no panning past the data). */
export function clampZoom(extent: Axis, k: number, x: number): Zoom {
  const [r0, r1] = extent.range;
  const scale = Math.max(1, Math.min(MAX_ZOOM, k));
  return { k: scale, x: Math.min(r0 - scale * r0, Math.max(r1 - scale * r1, x)) };
}

/** The axis values at the view's two ends. */
export function domainOf(extent: Axis, zoom: Zoom): [number, number] {
  const [r0, r1] = extent.range;
  return [extent.fromX((r0 - zoom.x) / zoom.k), extent.fromX((r1 - zoom.x) / zoom.k)];
}

/** The zoom that shows [v0, v1], centred on it (a range narrower than the deepest zoom stays in the middle). */
export function zoomFor(extent: Axis, [v0, v1]: readonly [number, number]): Zoom {
  const [r0, r1] = extent.range;
  const [x0, x1] = [extent.toX(v0), extent.toX(v1)];
  const k = Math.max(1, Math.min(MAX_ZOOM, (r1 - r0) / Math.max(1e-6, x1 - x0)));
  return clampZoom(extent, k, (r0 + r1) / 2 - (k * (x0 + x1)) / 2);
}

/** The visible domain of a zoom, or undefined at the whole extent. */
export function viewDomain(extent: Axis, zoom: Zoom): [number, number] | undefined {
  return zoom.k <= 1.0001 ? undefined : domainOf(extent, zoom);
}

/**
 * The zoom that opens a cluster: its members' positions on the base axis (`positions`, the
 * centres of their spans) spread over two thirds of the view, and at least twice as deep as
 * `from`, so that every activation shows more (a crowd of thousands opens in a few steps).
 */
export function clusterZoom(extent: Axis, positions: readonly number[], from: Zoom = IDENTITY): Zoom {
  if (!positions.length) return from;
  const [r0, r1] = extent.range;
  const lo = Math.min(...positions);
  const hi = Math.max(...positions);
  // Capped before the shift is computed: a shift for a deeper zoom than allowed would put the cluster off screen.
  const k = Math.min(MAX_ZOOM, Math.max(from.k * 2, (r1 - r0) / (1.5 * Math.max(hi - lo, 1e-6))));
  return clampZoom(extent, k, (r0 + r1) / 2 - (k * (lo + hi)) / 2);
}

/**
 * The zoom that centres a mark and spreads its lane until the mark stands apart from any
 * cluster (doubling the scale, at most to MAX_ZOOM). Lays out only the mark's lane. `extent`:
 * the whole view's axis (a layout's `extent` with the same options), when the caller has it;
 * otherwise it is laid out here.
 */
export function revealZoom(
  lanes: readonly LaneInput[],
  marks: readonly MarkInput[],
  options: TimelineOptions,
  id: string,
  from: Zoom,
  extent?: Axis,
): Zoom {
  const mark = marks.find((m) => m.id === id);
  const lane = lanes.find((l) => l.id === mark?.laneId);
  if (!mark || !lane) return from;
  let position: number | undefined;
  if (extent) {
    // Where the layout puts it at zoom 1 (the centre of its span along the lane's time axis).
    position = (extent.toX(axisValue(extent.kind, mark.start, lane.vote)) + extent.toX(axisValue(extent.kind, mark.stop, lane.vote))) / 2;
  } else {
    // The extent is the whole view's; each try lays out the mark's lane alone, on that extent's domain.
    const base = layoutTimeline(lanes, marks, { ...options, domain: undefined });
    position = basePosition(base, id);
    extent = base.extent;
  }
  if (position === undefined) return from;
  const centre = (extent.range[0] + extent.range[1]) / 2;
  // With time across, each try arranges the mark's lane alone (no drawing); down a phone the
  // lanes' length depends on all lanes shown, so each try lays them all out.
  const laneMarks = options.orientation === 'vertical' ? [] : marks.filter((m) => m.laneId === lane.id && kindShown(options, m.kind));
  const folded = (zoom: Zoom) => {
    const domain = domainOf(extent, zoom);
    if (options.orientation !== 'vertical') {
      return foldedAcross(lane, laneMarks, extent.kind, makeAxis(extent.kind, domain, extent.range).toX, options.width, id);
    }
    return layoutTimeline(lanes, marks, { ...options, domain }).marks.find((m) => m.id === id)?.clustered ?? false;
  };
  let k = from.k;
  let zoom = clampZoom(extent, k, centre - k * position);
  for (let i = 0; i < 24; i++) {
    zoom = clampZoom(extent, k, centre - k * position);
    if (!folded(zoom) || k >= MAX_ZOOM) break;
    k = Math.min(MAX_ZOOM, k * 2);
  }
  return zoom;
}

/** A mark's position on the base axis (along its lane's time axis). */
export function basePosition(layout: TimelineLayout, id: string): number | undefined {
  const item = placedItem(layout, id);
  const lane = layout.lanes.find((l) => l.id === item?.laneId);
  if (!item || !lane) return undefined;
  return ('clustered' in item ? (item.t0 + item.t1) / 2 : item.t) - lane.axisStart;
}

/** How positions on the base axis drawn at zoom `from` move at zoom `to` (p ↦ scale·p + shift: a zoom is linear). */
function zoomShift(from: Zoom, to: Zoom): { scale: number; shift: number } {
  const scale = to.k / from.k;
  return { scale, shift: to.x - scale * from.x };
}

/** One event of a layout with time across (`id`: a mark or a band), moved from zoom `from` to zoom `to` as previewZoom moves it. */
export function previewItem(layout: TimelineLayout, from: Zoom, to: Zoom, id: string): { marks: PlacedMark[]; bands: PlacedBand[] } {
  const { scale, shift } = zoomShift(from, to);
  return shiftedItems(layout, (item) => item.id === id, scale, shift);
}

/**
 * The layout drawn at zoom `from`, moved to zoom `to` without arranging it again (see
 * shiftedLayout): what a gesture over thousands of events shows until it stops (an event it
 * does not draw joins it with previewItem). Undefined down a phone.
 */
export function previewZoom(layout: TimelineLayout, from: Zoom, to: Zoom): TimelineLayout | undefined {
  const { extent } = layout;
  const domain = viewDomain(extent, to);
  const axis = domain ? makeAxis(extent.kind, domain, extent.range) : extent;
  const { scale, shift } = zoomShift(from, to);
  return shiftedLayout(layout, axis, scale, shift);
}
