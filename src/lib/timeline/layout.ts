/**
 * The comparison timeline, laid out: lanes (one per incident), marks placed on the time
 * axis, rows and clusters where marks crowd, spans and bands, ticks and the T−0 rule.
 * Pure: the build draws the SVG from it, and the browser re-runs the arrangement when a
 * reader zooms or filters.
 */
import type { EventKind, EventStatus } from '../vocabulary.ts';
import { KIND_PRIORITY, KIND_SHAPES, type MarkShape } from '../encoding.ts';
import { arrangeLane, type Cluster } from './arrange.ts';
import { axisDomain, axisKind, axisValue, makeAxis, type Align, type Axis, type AxisKind, type ScaleKind } from './axis.ts';
import { chooseTicks, tickCandidates, type Tick } from './ticks.ts';

export interface LaneInput {
  id: string;
  title: string;
  /** T−0 of the lane, as a UTC instant. */
  vote: number;
  voteApproximate?: boolean;
}

export interface MarkInput {
  id: string;
  laneId: string;
  kind: EventKind;
  status: EventStatus;
  approximate: boolean;
  /** The instants the event covers: [start, stop). A timed point covers one minute. */
  start: number;
  stop: number;
  title: string;
}

export interface TimelineOptions {
  width: number;
  align: Align;
  scale: ScaleKind;
  /** Kinds and incidents shown; all when undefined. */
  kinds?: readonly EventKind[];
  incidents?: readonly string[];
}

export const GEOMETRY = {
  margin: { top: 34, right: 20, bottom: 14, left: 20 },
  laneHeader: 22,
  rows: 4,
  rowHeight: 24,
  lanePadding: 12,
  radius: 6,
  gap: 3,
  /** Spans narrower than this are drawn as a shape alone. */
  minBarWidth: 4,
  tickGap: 56,
  labelChars: 34,
  charWidth: 6.4,
} as const;

export interface PlacedMark {
  id: string;
  laneId: string;
  kind: EventKind;
  status: EventStatus;
  shape: MarkShape;
  approximate: boolean;
  x: number;
  x0: number;
  x1: number;
  /** Drawn as a bar over its span (day/month precision, or a range). */
  bar: boolean;
  row: number;
  y: number;
  /** The label shown (the whole title where it has room), or the short one when none is. */
  label: string;
  labelVisible: boolean;
  clustered: boolean;
}

export interface PlacedBand {
  id: string;
  laneId: string;
  x0: number;
  x1: number;
  status: EventStatus;
  approximate: boolean;
}

export interface PlacedCluster extends Cluster {
  laneId: string;
  y: number;
}

export interface PlacedLane {
  id: string;
  title: string;
  y: number;
  height: number;
  /** Where the lane's own T−0 falls (the same for all lanes when aligned). */
  voteX: number;
  voteApproximate: boolean;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axis: Axis;
  lanes: PlacedLane[];
  marks: PlacedMark[];
  bands: PlacedBand[];
  clusters: PlacedCluster[];
  ticks: (Tick & { x: number })[];
}

/** A title cut to fit a chart label. */
export function shortLabel(title: string, max: number = GEOMETRY.labelChars): string {
  if (title.length <= max) return title;
  // Cut between words, so that every word shown is also a word of the mark's accessible
  // name (WCAG 2.5.3, label in name): speech users say what they see.
  const cut = title.slice(0, max - 1);
  const space = /\s/.test(title[max - 1]) ? cut.length : cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd().replace(/[\s,;:–—-]+$/, '')}…`;
}

/** A mark's label versions, longest first: the whole title, then the title cut to fit. */
export function labelVersions(title: string): string[] {
  const short = shortLabel(title);
  return short === title ? [title] : [title, short];
}

export function labelWidth(text: string): number {
  return text.length * GEOMETRY.charWidth;
}

export function laneHeight(): number {
  return GEOMETRY.laneHeader + GEOMETRY.rows * GEOMETRY.rowHeight + GEOMETRY.lanePadding;
}

export function rowY(laneY: number, row: number): number {
  return laneY + GEOMETRY.laneHeader + row * GEOMETRY.rowHeight + GEOMETRY.rowHeight / 2;
}

/** x extent of an event on an axis: [x0, x1] and its centre. */
export function markExtent(axis: Axis, mark: MarkInput, vote: number) {
  const kind = axis.kind;
  const x0 = axis.toX(axisValue(kind, mark.start, vote));
  const x1 = axis.toX(axisValue(kind, mark.stop, vote));
  return { x0, x1, x: (x0 + x1) / 2 };
}

/** The base axis of a view: its domain covers the marks shown (and the votes, on the calendar). */
export function timelineAxis(lanes: readonly LaneInput[], marks: readonly MarkInput[], kind: AxisKind, width: number): Axis {
  const voteOf = new Map(lanes.map((lane) => [lane.id, lane.vote]));
  const values: number[] = [];
  for (const m of marks) {
    const vote = voteOf.get(m.laneId);
    if (vote === undefined) continue;
    values.push(axisValue(kind, m.start, vote), axisValue(kind, m.stop, vote));
  }
  if (kind === 'calendar') values.push(...lanes.map((lane) => lane.vote));
  return makeAxis(kind, axisDomain(kind, values), [GEOMETRY.margin.left, width - GEOMETRY.margin.right]);
}

export interface LaneLayout {
  marks: PlacedMark[];
  bands: PlacedBand[];
  clusters: PlacedCluster[];
  voteX: number;
}

const labelCache = new Map<string, { versions: string[]; widths: number[] }>();
function labelsOf(title: string) {
  let entry = labelCache.get(title);
  if (!entry) {
    const versions = labelVersions(title);
    entry = { versions, widths: versions.map(labelWidth) };
    labelCache.set(title, entry);
  }
  return entry;
}

/**
 * One lane laid out along an x mapping (the base axis, or the base axis zoomed and panned):
 * where each mark goes, in which row, with which label, and which fold into clusters. The
 * build and the browser both call it; the browser only applies the result to the DOM.
 */
export function layoutLane(lane: LaneInput, laneMarks: readonly MarkInput[], kind: AxisKind, toX: (value: number) => number, y: number, width: number): LaneLayout {
  const g = GEOMETRY;
  const bands: PlacedBand[] = [];
  const points: { m: MarkInput; x0: number; x1: number; x: number; bar: boolean }[] = [];
  for (const m of laneMarks) {
    const x0 = toX(axisValue(kind, m.start, lane.vote));
    const x1 = toX(axisValue(kind, m.stop, lane.vote));
    if (KIND_SHAPES[m.kind] === 'band') bands.push({ id: m.id, laneId: lane.id, x0, x1, status: m.status, approximate: m.approximate });
    else points.push({ m, x0, x1, x: (x0 + x1) / 2, bar: x1 - x0 >= g.minBarWidth });
  }
  const arrangement = arrangeLane(
    points.map(({ m, x0, x1, x, bar }) => {
      const { widths } = labelsOf(m.title);
      return { id: m.id, x, x0: bar ? x0 : x, x1: bar ? x1 : x, labelWidth: widths[widths.length - 1], labelWidths: widths, priority: KIND_PRIORITY[m.kind] };
    }),
    { rows: g.rows, radius: g.radius, gap: g.gap, maxX: width - g.margin.right },
  );
  const marks: PlacedMark[] = points.map(({ m, x0, x1, x, bar }) => {
    const placed = arrangement.items.get(m.id)!;
    const { versions } = labelsOf(m.title);
    return {
      id: m.id,
      laneId: lane.id,
      kind: m.kind,
      status: m.status,
      shape: KIND_SHAPES[m.kind],
      approximate: m.approximate,
      x,
      x0,
      x1,
      bar,
      row: placed.row,
      y: rowY(y, placed.row),
      label: versions[Math.max(0, placed.label ?? -1)] ?? versions[versions.length - 1],
      labelVisible: placed.labelVisible,
      clustered: placed.cluster !== undefined,
    };
  });
  const clusters = arrangement.clusters.map((cluster) => ({ ...cluster, laneId: lane.id, y: rowY(y, 0) }));
  return { marks, bands, clusters, voteX: toX(axisValue(kind, lane.vote, lane.vote)) };
}

export function layoutTimeline(lanesIn: LaneInput[], marksIn: MarkInput[], options: TimelineOptions): TimelineLayout {
  const g = GEOMETRY;
  const kind = axisKind(options.align, options.scale);
  const lanes = lanesIn.filter((lane) => !options.incidents || options.incidents.includes(lane.id));
  const laneIds = new Set(lanes.map((lane) => lane.id));
  const marks = marksIn.filter((m) => laneIds.has(m.laneId) && (!options.kinds || options.kinds.includes(m.kind)));
  const axis = timelineAxis(lanes, marks, kind, options.width);

  const placedLanes: PlacedLane[] = [];
  const placedMarks: PlacedMark[] = [];
  const bands: PlacedBand[] = [];
  const clusters: PlacedCluster[] = [];
  let y = g.margin.top;
  for (const lane of lanes) {
    const laid = layoutLane(lane, marks.filter((m) => m.laneId === lane.id), kind, axis.toX, y, options.width);
    placedMarks.push(...laid.marks);
    bands.push(...laid.bands);
    clusters.push(...laid.clusters);
    placedLanes.push({ id: lane.id, title: lane.title, y, height: laneHeight(), voteX: laid.voteX, voteApproximate: lane.voteApproximate ?? false });
    y += laneHeight();
  }
  const ticks = chooseTicks(tickCandidates(axis), axis.toX, g.tickGap);
  return { width: options.width, height: y + g.margin.bottom, axis, lanes: placedLanes, marks: placedMarks, bands, clusters, ticks };
}
