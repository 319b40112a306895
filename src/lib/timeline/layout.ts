/**
 * The comparison timeline, laid out: lanes (one per incident), marks placed on the time
 * axis, rows and clusters where marks crowd, spans and bands, ticks and the T−0 rule.
 * Pure: the build draws the SVG from it, and the browser applies what it returns when a
 * reader zooms or filters (never laying anything out itself). Two orientations: time
 * running across (lanes stacked as rows), or, on phones, time running down the page (each
 * lane a section of its own, marks in columns by the time axis, labels in full beside them).
 */
import type { EventKind, EventStatus } from '../vocabulary.ts';
import { KIND_PRIORITY, KIND_SHAPES, type MarkShape } from '../encoding.ts';
import { arrangeLane, type Cluster } from './arrange.ts';
import { axisDomain, axisKind, axisValue, makeAxis, type Align, type Axis, type AxisKind, type ScaleKind } from './axis.ts';
import { chooseTicks, tickCandidates, type Tick } from './ticks.ts';

/** A lane to draw: an incident's id, title and vote (T−0) instant. */
export interface LaneInput {
  id: string;
  title: string;
  /** T−0 of the lane, as a UTC instant. */
  vote: number;
  voteApproximate?: boolean;
}

/** An event to draw: its lane, kind, status, the instants it covers and its title. */
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

/** Time across (wide screens) or down (phones). */
export type Orientation = 'horizontal' | 'vertical';

/** How to lay the chart out: width, axis, the kinds and incidents shown, the range in view and the orientation. */
export interface TimelineOptions {
  width: number;
  align: Align;
  scale: ScaleKind;
  /** Kinds and incidents shown; all when undefined. */
  kinds?: readonly EventKind[];
  incidents?: readonly string[];
  /** The range of the active axis in view (a zoom); the whole extent of the marks when undefined. */
  domain?: readonly [number, number];
  /** Time across (the default) or down the page (phones). */
  orientation?: Orientation;
}

/** The chart's fixed sizes in pixels: margins, lanes, rows, marks and labels. */
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

/**
 * Time running down the page, for phones: every size is in CSS pixels, since the SVG is
 * drawn at its own width (no scaling), so marks are ≥ 24 px targets and text is ≥ 12 px.
 */
export const VERTICAL = {
  margin: { top: 6, right: 8, bottom: 12, left: 4 },
  laneHeader: 30,
  /** Room for the tick labels left of the time axis. */
  gutter: 44,
  columns: 3,
  columnWidth: 25,
  radius: 7,
  /** Half a mark's tap target: marks in a column stand at least twice this apart. */
  hit: 12,
  gap: 2,
  labelGap: 6,
  /** Height of one label line: labels closer than this give way. */
  labelLine: 17,
  /** From one line of a label to the next, as drawn (a <tspan>'s dy). */
  lineStep: 15,
  /** A label's first baseline below its mark's centre. */
  labelBaseline: 4.5,
  /** Most lines a label may take where the next one leaves room (titles run to about 120 characters). */
  maxLabelLines: 6,
  /** Average width of a character of the 13 px labels. */
  charWidth: 6.9,
  /** Length of a lane's time axis per event of the busiest lane, and its bounds. */
  perEvent: 40,
  minLength: 480,
  maxLength: 4000,
  lanePadding: 18,
  tickGap: 34,
} as const;

/** A mark's shape radius and its tap target's (the hit circle), across or down a phone. */
export function markRadii(vertical: boolean): { radius: number; hit: number } {
  return vertical ? { radius: VERTICAL.radius, hit: VERTICAL.hit + 1 } : { radius: GEOMETRY.radius, hit: 12 };
}

/** Width of the phone drawing the build makes (a 375 px screen less the page's margins); the browser redraws at the real width. */
export const PHONE_WIDTH = 343;

/** Where a piece of text or a rectangle goes. */
export interface Point {
  x: number;
  y: number;
}
/** A rectangle: top-left corner and size. */
export interface Box extends Point {
  width: number;
  height: number;
}
/** A line segment. */
export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
/** How far outside the view a clipped bar may still reach, in pixels (a bar zoomed far in would be huge). */
export const SLACK = 50;
/** Marks further than this outside the view (in pixels, across) are not arranged into rows and clusters. */
export const FAR = 400;
const FAR_AWAY = { row: 0, labelVisible: false, label: -1 } as const;

/** A mark laid out: position, shape, row and label. */
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
  /** Its extent along the time axis (x in the horizontal layout, y in the vertical one). */
  t0: number;
  t1: number;
  /** Drawn: inside the view (with some slack). Marks outside stay links, unpainted. */
  onScreen: boolean;
  /** The label as drawn, line by line (one line across; one or two down a phone). */
  labelLines?: string[];
  /** The span's bar (clipped to the view) and the label's anchor, relative to (x, y). */
  barBox: Box;
  labelAt: Point;
}

/** A span (a blackout) laid out as a band. */
export interface PlacedBand {
  id: string;
  laneId: string;
  x0: number;
  x1: number;
  status: EventStatus;
  approximate: boolean;
  /** The band's rectangle (clipped to the view), its label's anchor, and whether it is in view. */
  box: Box;
  labelAt: Point;
  onScreen: boolean;
  /** Its label is shown: in view, and clear of the band label before it (and of the lane's title, across). */
  labelVisible: boolean;
  /** Centre along the time axis. */
  t: number;
}

/** A cluster laid out in its lane. */
export interface PlacedCluster extends Cluster {
  laneId: string;
  y: number;
  /** In view (with some slack): drawn. Clusters outside the view are not drawn (their marks are still links of the chart's data). */
  onScreen: boolean;
}

/** A lane laid out: its place, its title as drawn, and where its T−0 falls. */
export interface PlacedLane {
  id: string;
  title: string;
  y: number;
  height: number;
  /** Where the lane's own T−0 falls along the time axis (x across, y down; the same for all lanes when aligned across). */
  voteX: number;
  /** The title as drawn: whole across, cut to the width down a phone. */
  titleText: string;
  voteApproximate: boolean;
  titleAt: Point;
  /** Where the lane's time axis starts: 0 across (all lanes share it), its top down the page. */
  axisStart: number;
  /** The lane's top rule, and its own T−0 rule (drawn on the calendar, and in every vertical lane). */
  rule: Line;
  voteRule: Line;
}

/** An axis tick laid out. */
export interface PlacedTick extends Tick {
  /** Position along the time axis (x across, y down). */
  x: number;
  line: Line;
  labelAt: Point;
  anchor: 'middle' | 'end';
}

/** The whole chart laid out, ready to draw as SVG. */
export interface TimelineLayout {
  orientation: Orientation;
  width: number;
  height: number;
  /** The axis of the view (the zoomed domain), and the axis of the whole extent (zoom level 1). */
  axis: Axis;
  extent: Axis;
  lanes: PlacedLane[];
  marks: PlacedMark[];
  bands: PlacedBand[];
  clusters: PlacedCluster[];
  ticks: PlacedTick[];
  /** The T−0 rule shared by all lanes (aligned, horizontal), or null. */
  vote: { line: Line; labelAt: Point } | null;
  /** The rectangle that clips the lanes. */
  clip: Box;
}

/**
 * Above this many events (marks and bands) a chart is dense: its drawings hold as links only
 * what the view shows (marks in view and not folded into a cluster, bands in view), and the
 * script adds and removes the others as the view changes. Thousands of links, painted or
 * not, cost the browser style, layout and paint on every frame. The site's own chart (69
 * events) stays far below: every event is a link of the drawing, as before.
 */
export const DENSE_EVENTS = 400;

/** The mark or band a layout places for an event (a preview places only what it moves). */
export function placedItem(layout: TimelineLayout, id: string): PlacedMark | PlacedBand | undefined {
  return layout.marks.find((m) => m.id === id) ?? layout.bands.find((b) => b.id === id);
}

/** Whether a laid-out mark or band is drawn in its view: in view, and (a mark) not folded into a cluster. */
export function isDrawn(item: PlacedMark | PlacedBand): boolean {
  return item.onScreen && !('clustered' in item && item.clustered);
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

/** The width a label takes, estimated from its length. */
export function labelWidth(text: string): number {
  return text.length * GEOMETRY.charWidth;
}

/** The height of one lane. */
export function laneHeight(): number {
  return GEOMETRY.laneHeader + GEOMETRY.rows * GEOMETRY.rowHeight + GEOMETRY.lanePadding;
}

/** The y of a row inside a lane at laneY. */
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

/** The values (on the active axis) that the marks shown cover, and the votes on the calendar. */
function axisValues(lanes: readonly LaneInput[], marks: readonly MarkInput[], kind: AxisKind): number[] {
  const voteOf = new Map(lanes.map((lane) => [lane.id, lane.vote]));
  const values: number[] = [];
  for (const m of marks) {
    const vote = voteOf.get(m.laneId);
    if (vote === undefined) continue;
    values.push(axisValue(kind, m.start, vote), axisValue(kind, m.stop, vote));
  }
  if (kind === 'calendar') values.push(...lanes.map((lane) => lane.vote));
  return values;
}

/** The base axis of a view: its domain covers the marks shown (and the votes, on the calendar). */
export function timelineAxis(lanes: readonly LaneInput[], marks: readonly MarkInput[], kind: AxisKind, width: number): Axis {
  return makeAxis(kind, axisDomain(kind, axisValues(lanes, marks, kind)), [GEOMETRY.margin.left, width - GEOMETRY.margin.right]);
}

/** One lane's marks, bands and clusters laid out. */
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

const inView = (t0: number, t1: number, r0: number, r1: number) => t1 >= r0 - SLACK && t0 <= r1 + SLACK;
const clip = (t0: number, t1: number, r0: number, r1: number): [number, number] => [Math.max(t0, r0 - SLACK), Math.min(t1, r1 + SLACK)];

/** A lane's marks along its time axis: bands apart, points with their extent and whether they are drawn as a bar. */
function spans(lane: LaneInput, laneMarks: readonly MarkInput[], kind: AxisKind, toT: (value: number) => number) {
  const bands: { m: MarkInput; t0: number; t1: number }[] = [];
  const points: { m: MarkInput; t0: number; t1: number; t: number; bar: boolean }[] = [];
  for (const m of laneMarks) {
    const t0 = toT(axisValue(kind, m.start, lane.vote));
    const t1 = toT(axisValue(kind, m.stop, lane.vote));
    if (KIND_SHAPES[m.kind] === 'band') bands.push({ m, t0, t1 });
    else points.push({ m, t0, t1, t: (t0 + t1) / 2, bar: t1 - t0 >= GEOMETRY.minBarWidth });
  }
  return { bands, points, voteT: toT(axisValue(kind, lane.vote, lane.vote)) };
}

/** What a mark carries whatever the orientation. */
function markBase(m: MarkInput, placed: { row: number; cluster?: string }) {
  return {
    id: m.id,
    laneId: m.laneId,
    kind: m.kind,
    status: m.status,
    shape: KIND_SHAPES[m.kind],
    approximate: m.approximate,
    row: placed.row,
    clustered: placed.cluster !== undefined,
  };
}

/** Sets where a mark's parts go with time across, from its extent [x0, x1] and centre x: bar, label, and whether it is in view. */
function placeAcross(mark: PlacedMark, x0: number, x1: number, x: number, width: number): PlacedMark {
  mark.x = x;
  mark.x0 = x0;
  mark.x1 = x1;
  mark.t0 = x0;
  mark.t1 = x1;
  mark.onScreen = inView(x0, x1, 0, width);
  if (!mark.onScreen) {
    // Not drawn: no bar or label to place (zoomed in, that is thousands of marks on every step).
    mark.barBox = NO_BOX;
    mark.labelAt = NO_POINT;
    return mark;
  }
  const [v0, v1] = clip(x0, x1, 0, width);
  mark.barBox = { x: v0 - x, y: -3, width: mark.bar ? Math.max(0, v1 - v0) : 0, height: 6 };
  mark.labelAt = { x: Math.max(x1 - x, 0) + GEOMETRY.radius + 5, y: 4 };
  return mark;
}
const NO_BOX: Box = Object.freeze({ x: 0, y: 0, width: 0, height: 0 });
const NO_POINT: Point = Object.freeze({ x: 0, y: 0 });

/** Where a band (a blackout over [x0, x1]) goes with time across, in the lane at y. */
function bandAcross(x0: number, x1: number, y: number, width: number) {
  const g = GEOMETRY;
  const onScreen = inView(x0, x1, 0, width);
  // Outside the view: not drawn, so nothing to place.
  if (!onScreen) return { x0, x1, t: (x0 + x1) / 2, box: NO_BOX, labelAt: NO_POINT, onScreen };
  const [v0, v1] = clip(x0, x1, 0, width);
  return {
    x0,
    x1,
    t: (x0 + x1) / 2,
    box: { x: v0, y: y + 3, width: Math.max(2, v1 - v0), height: g.laneHeader + g.rows * g.rowHeight - 3 },
    labelAt: { x: Math.max(x0, g.margin.left) + 4, y: y + 15 },
    onScreen,
  };
}

/** A lane's points, with time across, in rows and clusters: what layoutLane draws, and what revealZoom asks of a zoom. */
function arrangeAcross(split: ReturnType<typeof spans>, width: number) {
  const g = GEOMETRY;
  // Marks far outside the view are not arranged (zoomed in, that is most of them): they are
  // neither drawn nor labelled, and a reveal lays them out again once they are in view.
  const near = (p: { t0: number; t1: number; bar: boolean; t: number }) =>
    (p.bar ? p.t1 : p.t) >= -FAR && (p.bar ? p.t0 : p.t) <= width + FAR;
  return arrangeLane(
    split.points.filter(near).map(({ m, t0: x0, t1: x1, t: x, bar }) => {
      const { widths } = labelsOf(m.title);
      return {
        id: m.id,
        x,
        x0: bar ? x0 : x,
        x1: bar ? x1 : x,
        labelWidth: widths[widths.length - 1],
        labelWidths: widths,
        priority: KIND_PRIORITY[m.kind],
      };
    }),
    { rows: g.rows, radius: g.radius, gap: g.gap, maxX: width - g.margin.right },
  );
}

/**
 * Whether a mark is folded into a cluster when its lane is laid out along `toX` with time
 * across (layoutLane's own arrangement, without drawing anything): each try of a reveal.
 */
export function foldedAcross(
  lane: LaneInput,
  laneMarks: readonly MarkInput[],
  kind: AxisKind,
  toX: (value: number) => number,
  width: number,
  id: string,
): boolean {
  return arrangeAcross(spans(lane, laneMarks, kind, toX), width).items.get(id)?.cluster !== undefined;
}

/** Average width of a character of a lane title (13 px bold), for the room it takes. */
const TITLE_CHAR_WIDTH = 7.6;

/** Room a band's label takes with time across: "campaign silence" (or the French words) in 12 px text. */
const BAND_LABEL_ROOM = 18 * GEOMETRY.charWidth;

/**
 * Which bands of a lane show their label: those in view, each clear of the one shown before
 * it along `along` (from `from`). Overlapping labels would only be unreadable ink.
 */
function labelBands(bands: PlacedBand[], along: (band: PlacedBand) => number, room: number, from = -Infinity): PlacedBand[] {
  let free = from;
  for (const band of [...bands].sort((a, b) => along(a) - along(b))) {
    band.labelVisible = band.onScreen && along(band) >= free;
    if (band.labelVisible) free = along(band) + room;
  }
  return bands;
}

/**
 * One lane laid out along an x mapping (the base axis, or the base axis zoomed and panned):
 * where each mark goes, in which row, with which label, and which fold into clusters.
 */
export function layoutLane(
  lane: LaneInput,
  laneMarks: readonly MarkInput[],
  kind: AxisKind,
  toX: (value: number) => number,
  y: number,
  width: number,
): LaneLayout {
  const split = spans(lane, laneMarks, kind, toX);
  const bands: PlacedBand[] = split.bands.map(({ m, t0: x0, t1: x1 }) => ({
    id: m.id,
    laneId: lane.id,
    status: m.status,
    approximate: m.approximate,
    labelVisible: false,
    ...bandAcross(x0, x1, y, width),
  }));
  // Band labels share the lane's top line with its title.
  labelBands(bands, (band) => band.labelAt.x, BAND_LABEL_ROOM, GEOMETRY.margin.left + lane.title.length * TITLE_CHAR_WIDTH + GEOMETRY.gap);
  const arrangement = arrangeAcross(split, width);
  const marks: PlacedMark[] = split.points.map(({ m, t0: x0, t1: x1, t: x, bar }) => {
    const placed = arrangement.items.get(m.id) ?? FAR_AWAY;
    const { versions } = labelsOf(m.title);
    // Positions are set in place (one object a mark: thousands are laid out on every zoom step).
    const mark = {
      ...markBase(m, placed),
      bar,
      y: rowY(y, placed.row),
      // Where no version fits, the short one: what focus shows of a mark that has no room.
      label: versions[placed.label ?? -1] ?? versions[versions.length - 1],
      labelVisible: placed.labelVisible,
    } as PlacedMark;
    return placeAcross(mark, x0, x1, x, width);
  });
  const clusters = arrangement.clusters.map((cluster) => ({
    ...cluster,
    laneId: lane.id,
    y: rowY(y, 0),
    onScreen: inView(cluster.x, cluster.x, 0, width),
  }));
  return { marks, bands, clusters, voteX: split.voteT };
}

/** A title that fits `chars` characters: whole, or cut between words. */
export function fitLabel(title: string, chars: number): string {
  return title.length <= chars ? title : shortLabel(title, Math.max(8, chars));
}

/**
 * A title in at most `maxLines` lines of `chars` characters, each ending between words;
 * the last is cut if the title needs more.
 */
export function wrapLabel(title: string, chars: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let rest = title.trim();
  while (rest.length > chars && lines.length < maxLines - 1) {
    const cut = rest.lastIndexOf(' ', chars);
    // A first word longer than half a line: cut it rather than leave a short stub.
    if (cut < chars / 2) break;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  lines.push(fitLabel(rest, chars));
  return lines;
}

/** Width left of the vertical time axis for its tick labels (12 px text): at least VERTICAL.gutter. */
export function verticalGutter(labels: readonly string[]): number {
  return Math.max(VERTICAL.gutter, Math.ceil(Math.max(0, ...labels.map((label) => label.length)) * 7.3));
}

/** Length of each lane's time axis in the vertical layout: room for the busiest lane's events. */
export function verticalLength(counts: readonly number[]): number {
  const v = VERTICAL;
  return Math.round(Math.min(v.maxLength, Math.max(v.minLength, Math.max(0, ...counts) * v.perEvent)));
}

/**
 * One lane with time running down: marks in columns beside the axis (crowds fold into a
 * cluster in the first column), labels in full to their right, one per line of text.
 * `toT` maps an axis value to a position along the lane's time axis (0 at its top).
 */
export function layoutLaneVertical(
  lane: LaneInput,
  laneMarks: readonly MarkInput[],
  kind: AxisKind,
  toT: (value: number) => number,
  top: number,
  length: number,
  width: number,
  gutter: number = VERTICAL.gutter,
): LaneLayout {
  const v = VERTICAL;
  const axisX = v.margin.left + gutter;
  const columnX = (column: number) => axisX + v.hit + column * v.columnWidth;
  const labelX = columnX(v.columns - 1) + v.hit + v.labelGap;
  const chars = Math.floor((width - v.margin.right - labelX) / v.charWidth);
  const split = spans(lane, laneMarks, kind, toT);
  const bands: PlacedBand[] = split.bands.map(({ m, t0, t1 }) => {
    const [v0, v1] = clip(Math.max(t0, 0), Math.min(t1, length), 0, length);
    return {
      id: m.id,
      laneId: lane.id,
      x0: t0,
      x1: t1,
      status: m.status,
      approximate: m.approximate,
      t: top + (t0 + t1) / 2,
      box: { x: axisX, y: top + v0, width: width - v.margin.right - axisX, height: Math.max(2, v1 - v0) },
      // At its lower end, right-aligned: its upper end is where the labels of the days before crowd.
      labelAt: { x: width - v.margin.right - 4, y: top + Math.max(v0 + 14, v1 - 6) },
      onScreen: t1 >= 0 && t0 <= length,
      labelVisible: false,
    };
  });
  labelBands(bands, (band) => band.labelAt.y, v.labelLine);
  const arrangement = arrangeLane(
    split.points.map(({ m, t0, t1, t, bar }) => ({
      id: m.id,
      x: t,
      x0: bar ? t0 : t,
      x1: bar ? t1 : t,
      labelWidth: 0,
      priority: KIND_PRIORITY[m.kind],
    })),
    { rows: v.columns, radius: v.hit, gap: v.gap, maxX: length },
  );
  // Labels, top to bottom, for marks in view and not folded: the whole title, on as many
  // lines as it needs up to the next label (up to VERTICAL.maxLabelLines), cut only where
  // the next label leaves too little room.
  const candidates = [...split.points]
    .filter(({ m, t }) => !arrangement.items.get(m.id)!.cluster && t >= 0 && t <= length)
    .sort((a, b) => a.t - b.t);
  const lines = new Map<string, string[]>();
  const shifts = new Map<string, number>();
  // Lines across the lane: T−0 and the edges of its campaign silences.
  const rules = [split.voteT, ...split.bands.flatMap(({ t0, t1 }) => [t0, t1])];
  let free = -Infinity;
  for (const [i, { m, t }] of candidates.entries()) {
    if (t < free) continue;
    let next: (typeof candidates)[number] | undefined;
    for (let j = i + 1; j < candidates.length && !next; j++) if (candidates[j].t >= t + v.labelLine) next = candidates[j];
    // The last label of a lane stops at the lane's end (the next lane's title is below).
    const end = next ? next.t : length + v.lanePadding;
    const room = Math.floor((end - t) / v.labelLine);
    const wrapped = wrapLabel(m.title, chars, Math.max(1, Math.min(room, v.maxLabelLines)));
    const shift = labelShift(t, wrapped.length, rules, end);
    lines.set(m.id, wrapped);
    shifts.set(m.id, shift);
    free = t + shift + wrapped.length * v.labelLine;
  }
  const marks: PlacedMark[] = split.points.map(({ m, t0, t1, t, bar }) => {
    const placed = arrangement.items.get(m.id)!;
    const x = columnX(placed.row);
    const [v0, v1] = clip(t0, t1, 0, length);
    return {
      ...markBase(m, placed),
      x,
      x0: x,
      x1: x,
      bar,
      y: top + t,
      label: (lines.get(m.id) ?? [fitLabel(m.title, chars)]).join(' '),
      labelLines: lines.get(m.id) ?? [fitLabel(m.title, chars)],
      labelVisible: lines.has(m.id),
      t0: top + t0,
      t1: top + t1,
      onScreen: inView(t0, t1, 0, length),
      barBox: { x: -3, y: v0 - t, width: 6, height: bar ? Math.max(0, v1 - v0) : 0 },
      labelAt: { x: labelX - x, y: v.labelBaseline + (shifts.get(m.id) ?? 0) },
    };
  });
  const clusters = arrangement.clusters.map((cluster) => ({
    ...cluster,
    laneId: lane.id,
    y: top + cluster.x,
    x: columnX(0),
    onScreen: inView(cluster.x, cluster.x, 0, length),
  }));
  return { marks, bands, clusters, voteX: top + split.voteT };
}

/** How far a label's text reaches above its first baseline and below its last, down a phone (13 px text). */
const LABEL_ASCENT = 10;
const LABEL_DESCENT = 3;

/**
 * How far down (in px) a label of `lines` lines beside a mark at `t` moves so that no line
 * across the lane (`rules`: T−0, a campaign silence's edges) strikes through its text: just
 * below the lowest such line, if the label still ends before `end` (the next label, or the
 * lane's end); else 0, where it was.
 */
export function labelShift(t: number, lines: number, rules: readonly number[], end: number): number {
  const v = VERTICAL;
  let shift = 0;
  // A move below one line may bring the text onto the next: a few tries at most.
  for (let tries = 0; tries < 4; tries++) {
    const top = t + shift + v.labelBaseline - LABEL_ASCENT;
    const bottom = t + shift + v.labelBaseline + v.lineStep * (lines - 1) + LABEL_DESCENT;
    const crossing = rules.filter((r) => r > top && r < bottom);
    if (!crossing.length) return t + shift + lines * v.labelLine <= end ? shift : 0;
    shift = Math.max(...crossing) - t - v.labelBaseline + LABEL_ASCENT + 2;
  }
  return 0;
}

/**
 * The domains of the whole extent laid out so far, by the lanes and marks given (the same
 * arrays) and what filters them: each zoom step lays out the same extent again, and finding
 * it means reading every event. The arrays are never changed once laid out.
 */
const domains = new WeakMap<readonly MarkInput[], WeakMap<readonly LaneInput[], Map<string, [number, number]>>>();
function extentDomain(
  lanes: readonly LaneInput[],
  marks: readonly MarkInput[],
  kind: AxisKind,
  options: TimelineOptions,
  find: () => [number, number],
): [number, number] {
  const byLanes = domains.get(marks) ?? new WeakMap<readonly LaneInput[], Map<string, [number, number]>>();
  domains.set(marks, byLanes);
  const byFilter = byLanes.get(lanes) ?? new Map<string, [number, number]>();
  byLanes.set(lanes, byFilter);
  const key = `${kind}|${options.incidents?.join(' ') ?? '*'}|${options.kinds?.join(' ') ?? '*'}`;
  const domain = byFilter.get(key) ?? find();
  byFilter.set(key, domain);
  return domain;
}

/** Whether the view's filters show events of this kind (all kinds when it names none). */
export function kindShown(options: Pick<TimelineOptions, 'kinds'>, kind: EventKind): boolean {
  return !options.kinds || options.kinds.includes(kind);
}

/** Lays out the chart: lanes, marks, bands, clusters and ticks for an axis, width and orientation. */
export function layoutTimeline(lanesIn: readonly LaneInput[], marksIn: readonly MarkInput[], options: TimelineOptions): TimelineLayout {
  const kind = axisKind(options.align, options.scale);
  const lanes = lanesIn.filter((lane) => !options.incidents || options.incidents.includes(lane.id));
  const laneIds = new Set(lanes.map((lane) => lane.id));
  const marks = marksIn.filter((m) => laneIds.has(m.laneId) && kindShown(options, m.kind));
  const byLane = new Map<string, MarkInput[]>(lanes.map((lane) => [lane.id, []]));
  for (const m of marks) byLane.get(m.laneId)!.push(m);
  const domain = extentDomain(lanesIn, marksIn, kind, options, () => axisDomain(kind, axisValues(lanes, marks, kind)));
  return options.orientation === 'vertical'
    ? layoutVertical({ lanes, byLane, kind, domain, options })
    : layoutHorizontal({ lanes, byLane, kind, domain, options });
}

/** The axis of the whole extent, and the axis of the view (zoomed to the domain asked for). */
function axes(kind: AxisKind, domain: [number, number], range: [number, number], options: TimelineOptions) {
  const extent = makeAxis(kind, domain, range);
  return { extent, axis: options.domain ? makeAxis(kind, [options.domain[0], options.domain[1]], range) : extent };
}

/** What either orientation lays out: the lanes shown, their marks by lane, the axis and the options. */
interface Chart {
  lanes: readonly LaneInput[];
  byLane: Map<string, MarkInput[]>;
  kind: AxisKind;
  domain: [number, number];
  options: TimelineOptions;
}

/** What a lane's placement decides; `stack` adds what every lane takes from its input (id, title, T−0). */
type LaneGeometry = Omit<PlacedLane, 'id' | 'title' | 'y' | 'voteX' | 'voteApproximate'>;

/** Lanes one below the other from `y`: each laid out by `place`, everything gathered. */
function stack(
  lanes: readonly LaneInput[],
  y: number,
  place: (lane: LaneInput, y: number) => { laid: LaneLayout; lane: LaneGeometry; ticks?: PlacedTick[] },
) {
  const drawn = {
    lanes: [] as PlacedLane[],
    marks: [] as PlacedMark[],
    bands: [] as PlacedBand[],
    clusters: [] as PlacedCluster[],
  };
  const ticks: PlacedTick[] = [];
  let bottom = y;
  for (const lane of lanes) {
    const placed = place(lane, bottom);
    drawn.marks.push(...placed.laid.marks);
    drawn.bands.push(...placed.laid.bands);
    drawn.clusters.push(...placed.laid.clusters);
    ticks.push(...(placed.ticks ?? []));
    const { titleText, height, ...rest } = placed.lane;
    const voteApproximate = lane.voteApproximate ?? false;
    drawn.lanes.push({ id: lane.id, title: lane.title, titleText, y: bottom, height, voteX: placed.laid.voteX, voteApproximate, ...rest });
    bottom += height;
  }
  return { drawn, ticks, bottom };
}

/** The axis ticks of a view with time across, down to the lanes' bottom. */
function ticksAcross(axis: Axis, bottom: number): PlacedTick[] {
  const g = GEOMETRY;
  return chooseTicks(tickCandidates(axis, axis.domain[0], axis.domain[1]), axis.toX, g.tickGap).map((tick) => ({
    ...tick,
    line: { x1: tick.x, x2: tick.x, y1: g.margin.top - 8, y2: bottom },
    labelAt: { x: tick.x, y: g.margin.top - 14 },
    anchor: 'middle' as const,
  }));
}

/** The T−0 rule shared by all lanes with time across (none on the calendar, where each lane has its own). */
function voteAcross(axis: Axis, bottom: number): TimelineLayout['vote'] {
  if (axis.kind === 'calendar') return null;
  const x = axis.toX(0);
  return { line: { x1: x, x2: x, y1: GEOMETRY.margin.top - 6, y2: bottom }, labelAt: { x: x + 4, y: bottom - 2 } };
}

/** The pixels the time axis spans with time across, in a chart `width` wide (the extent's range at every zoom). */
export function acrossRange(width: number): [number, number] {
  return [GEOMETRY.margin.left, width - GEOMETRY.margin.right];
}

function layoutHorizontal({ lanes, byLane, kind, domain, options }: Chart): TimelineLayout {
  const g = GEOMETRY;
  const { width } = options;
  const { extent, axis } = axes(kind, domain, acrossRange(width), options);
  const laid = stack(lanes, g.margin.top, (lane, y) => {
    const one = layoutLane(lane, byLane.get(lane.id)!, kind, axis.toX, y, width);
    return {
      laid: one,
      lane: {
        titleText: lane.title,
        height: laneHeight(),
        titleAt: { x: g.margin.left, y: y + 15 },
        axisStart: 0,
        rule: { x1: g.margin.left, x2: width - g.margin.right, y1: y, y2: y },
        voteRule: { x1: one.voteX, x2: one.voteX, y1: y + 4, y2: y + laneHeight() },
      },
    };
  });
  const bottom = laid.bottom;
  return {
    orientation: 'horizontal',
    width,
    height: bottom + g.margin.bottom,
    axis,
    extent,
    ...laid.drawn,
    ticks: ticksAcross(axis, bottom),
    vote: voteAcross(axis, bottom),
    clip: {
      x: g.margin.left - g.radius * 2,
      y: 0,
      width: width - g.margin.left - g.margin.right + g.radius * 4,
      height: bottom + g.margin.bottom,
    },
  };
}

/**
 * A layout with time across, moved along its axis without arranging it again (`axis`: the
 * new view's): what it draws (marks, bands and clusters in view) slides
 * and stretches with the zoom, while rows, clusters and labels stay as they were. Positions
 * map linearly (p ↦ scale·p + shift: a zoom is linear on the base axis). While a gesture
 * runs over thousands of events, the chart draws this, and lays the view out when it stops.
 * Undefined down a phone (the chart lays that out every time).
 */
export function shiftedLayout(layout: TimelineLayout, axis: Axis, scale: number, shift: number): TimelineLayout | undefined {
  if (layout.orientation !== 'horizontal') return undefined;
  const map = (p: number) => scale * p + shift;
  const { width } = layout;
  const bottom = layout.height - GEOMETRY.margin.bottom;
  return {
    ...layout,
    axis,
    lanes: layout.lanes.map((lane) => {
      const voteX = map(lane.voteX);
      return { ...lane, voteX, voteRule: { ...lane.voteRule, x1: voteX, x2: voteX } };
    }),
    ...shiftedItems(layout, isDrawn, scale, shift),
    clusters: layout.clusters
      .filter((c) => c.onScreen)
      .map((c) => {
        const x = map(c.x);
        return { ...c, x, onScreen: inView(x, x, 0, width) };
      }),
    ticks: ticksAcross(axis, bottom),
    vote: voteAcross(axis, bottom),
  };
}

/**
 * The marks and bands of a layout with time across that `pick` keeps, moved along the axis
 * (p ↦ scale·p + shift) without arranging them again: what shiftedLayout draws, or one event
 * alone (a key's target that the drawing does not hold).
 */
export function shiftedItems(
  layout: TimelineLayout,
  pick: (item: PlacedMark | PlacedBand) => boolean,
  scale: number,
  shift: number,
): { marks: PlacedMark[]; bands: PlacedBand[] } {
  const map = (p: number) => scale * p + shift;
  const { width } = layout;
  return {
    marks: layout.marks.filter(pick).map((m) => placeAcross({ ...m }, map(m.x0), map(m.x1), map(m.x), width)),
    bands: layout.bands.filter(pick).map((b) => ({ ...b, ...bandAcross(map(b.x0), map(b.x1), b.box.y - 3, width) })),
  };
}

function layoutVertical({ lanes, byLane, kind, domain, options }: Chart): TimelineLayout {
  const v = VERTICAL;
  const { width } = options;
  const length = verticalLength([...byLane.values()].map((m) => m.length));
  const { extent, axis } = axes(kind, domain, [0, length], options);
  const candidates = chooseTicks(tickCandidates(axis, axis.domain[0], axis.domain[1]), axis.toX, v.tickGap);
  // Room for the longest tick label (French "−6 mois", "−2 sem." are longer than "−6 mo").
  const gutter = verticalGutter(candidates.map((tick) => tick.label));
  const axisX = v.margin.left + gutter;
  const right = width - v.margin.right;
  const laid = stack(lanes, v.margin.top, (lane, y) => {
    const top = y + v.laneHeader;
    const one = layoutLaneVertical(lane, byLane.get(lane.id)!, kind, axis.toX, top, length, width, gutter);
    return {
      laid: one,
      lane: {
        titleText: fitLabel(lane.title, Math.floor((right - v.margin.left) / TITLE_CHAR_WIDTH)),
        height: v.laneHeader + length + v.lanePadding,
        titleAt: { x: v.margin.left, y: y + 20 },
        axisStart: top,
        rule: { x1: v.margin.left, x2: right, y1: y, y2: y },
        voteRule: { x1: axisX, x2: right, y1: one.voteX, y2: one.voteX },
      },
      // Each lane has its own time axis: its ticks run down its left side.
      ticks: candidates.map((tick) => ({
        ...tick,
        x: top + tick.x,
        line: { x1: axisX, x2: right, y1: top + tick.x, y2: top + tick.x },
        labelAt: { x: axisX - 4, y: top + tick.x + 4 },
        anchor: 'end' as const,
      })),
    };
  });
  const height = laid.bottom + v.margin.bottom;
  return {
    orientation: 'vertical',
    width,
    height,
    axis,
    extent,
    ...laid.drawn,
    ticks: laid.ticks,
    vote: null,
    clip: { x: 0, y: 0, width, height },
  };
}
