/**
 * Collision avoidance within one lane: marks that would overlap go to separate rows;
 * a crowd too dense for the rows collapses into one cluster with a count, which comes
 * apart again when zooming spreads its members. Labels are shown only where they fit.
 */

export interface ArrangeItem {
  id: string;
  /** Centre of the mark, and the extent of its span (equal for points), in pixels. */
  x: number;
  x0: number;
  x1: number;
  /** Estimated width of its text label, 0 for none. */
  labelWidth: number;
  /**
   * Widths of the label's versions, longest first (the whole title, then shorter cuts):
   * the longest that fits is shown, so that zooming in gives labels their full text.
   */
  labelWidths?: number[];
  /** Lower is more important: in a crowd, the most important marks stay visible. */
  priority?: number;
}

/** How many rows a lane has and how wide marks and labels are. */
export interface ArrangeOptions {
  rows: number;
  /** Half the width of a mark's shape. */
  radius: number;
  /** Smallest free space between two marks in a row. */
  gap: number;
  /** Right edge labels must not cross. */
  maxX: number;
}

/** A mark placed in a row, with its label shown or not. */
export interface ArrangedItem {
  id: string;
  row: number;
  /** The cluster it is folded into, if any. */
  cluster?: string;
  labelVisible: boolean;
  /** Which of the label's versions is shown (index into labelWidths), -1 for none. */
  label?: number;
}

/** Marks too close to tell apart, drawn as one. */
export interface Cluster {
  id: string;
  x: number;
  ids: string[];
}

/** A lane's marks placed in rows, and its clusters. */
export interface Arrangement {
  items: Map<string, ArrangedItem>;
  clusters: Cluster[];
}

/** Pixels between a mark and its label. */
export const LABEL_GAP = 5;

const left = (item: ArrangeItem, o: ArrangeOptions) => Math.min(item.x0, item.x - o.radius);
const right = (item: ArrangeItem, o: ArrangeOptions) => Math.max(item.x1, item.x + o.radius);

/** Greedy rows for a group; undefined if the group needs more rows than there are. */
function assignRows(group: ArrangeItem[], o: ArrangeOptions): number[] | undefined {
  const rowEnds: number[] = Array(o.rows).fill(-Infinity);
  const rows: number[] = [];
  for (const item of group) {
    const row = rowEnds.findIndex((end) => end + o.gap <= left(item, o));
    if (row < 0) return undefined;
    rows.push(row);
    rowEnds[row] = right(item, o);
  }
  return rows;
}

/** Intervals sorted by their start, with the furthest end reached so far: any that meets (lo, hi) is found in O(log n). */
interface SortedIntervals {
  from: number[];
  reach: number[];
}

function sortIntervals(intervals: { from: number; to: number }[]): SortedIntervals {
  intervals.sort((x, y) => x.from - y.from);
  const reach: number[] = [];
  let far = -Infinity;
  for (const o of intervals) {
    far = Math.max(far, o.to);
    reach.push(far);
  }
  return { from: intervals.map((o) => o.from), reach };
}

function meets(sorted: SortedIntervals, lo: number, hi: number): boolean {
  // Those starting before hi: does any of them reach past lo?
  let a = 0;
  let b = sorted.from.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted.from[mid] < hi) a = mid + 1;
    else b = mid;
  }
  return a > 0 && sorted.reach[a - 1] > lo;
}

/**
 * A crowd of more than LONG_CROWD_MARKS marks, wider than LONG_CROWD clusters side by side,
 * folds where its marks stand, not into one count (a smaller crowd reads well as one count,
 * and leaves its few kept marks room for their labels).
 */
export const LONG_CROWD = 4;
/** How many marks a crowd needs to fold where its marks stand (see LONG_CROWD). */
export const LONG_CROWD_MARKS = 40;

/**
 * A long crowd: marks take rows 1… left to right wherever they fit (spans wider than the
 * crowd's clusters do not: zoomed in, one would fill a whole row); the others fold into
 * clusters on row 0, each gathering the folded marks within a cluster's width of its first,
 * clusters at least a cluster's width apart.
 */
function foldLocally(
  group: ArrangeItem[],
  o: ArrangeOptions,
  clusterHalfWidth: number,
  arranged: Map<string, ArrangedItem>,
  clusters: Cluster[],
) {
  const width = 2 * clusterHalfWidth + o.gap;
  const rowEnds: number[] = Array(o.rows).fill(-Infinity);
  const folded = new Set<ArrangeItem>();
  for (const item of group) {
    const row =
      right(item, o) - left(item, o) > LONG_CROWD * width ? -1 : rowEnds.findIndex((end, r) => r > 0 && end + o.gap <= left(item, o));
    if (row < 0) folded.add(item);
    else {
      rowEnds[row] = right(item, o);
      arranged.set(item.id, { id: item.id, row, labelVisible: false });
    }
  }
  let current: ArrangeItem[] = [];
  let previousX = -Infinity;
  const close = () => {
    if (!current.length) return;
    const mean = current.reduce((sum, item) => sum + item.x, 0) / current.length;
    const x = Math.max(mean, previousX + width);
    previousX = x;
    const id = `cluster-${current[0].id}`;
    clusters.push({ id, x, ids: current.map((item) => item.id) });
    for (const item of current) arranged.set(item.id, { id: item.id, row: 0, cluster: id, labelVisible: false });
    current = [];
  };
  for (const item of group) {
    if (!folded.has(item)) continue;
    if (current.length && item.x >= current[0].x + width) close();
    current.push(item);
  }
  close();
}

/** Places a lane's marks in rows so that labels do not overlap, clustering marks too close to draw apart. */
export function arrangeLane(input: ArrangeItem[], options: ArrangeOptions): Arrangement {
  // Ties by id in code-unit order (localeCompare would cost thousands of ICU calls per frame).
  const items = [...input].sort((a, b) => a.x - b.x || a.x1 - b.x1 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const arranged = new Map<string, ArrangedItem>();
  const clusters: Cluster[] = [];

  // Chains of marks that touch (closer than the gap) form groups.
  const groups: ArrangeItem[][] = [];
  let reach = -Infinity;
  for (const item of items) {
    if (groups.length && left(item, options) < reach + options.gap) groups[groups.length - 1].push(item);
    else groups.push([item]);
    reach = Math.max(reach, right(item, options));
  }

  const clusterHalfWidth = options.radius + 6;
  for (const group of groups) {
    const rows = assignRows(group, options);
    if (rows) {
      group.forEach((item, i) => {
        arranged.set(item.id, { id: item.id, row: rows[i], labelVisible: false });
      });
      continue;
    }
    // A long chain (thousands of marks, spans overlapping across a whole lane): one count
    // for all of it would say nothing of where they are. The marks that fit keep the upper
    // rows, and the rest fold into counts where they stand, a cluster's width apart.
    if (
      group.length > LONG_CROWD_MARKS &&
      right(group[group.length - 1], options) - left(group[0], options) > LONG_CROWD * (2 * clusterHalfWidth + options.gap)
    ) {
      foldLocally(group, options, clusterHalfWidth, arranged, clusters);
      continue;
    }
    // Too crowded: the most important marks keep the upper rows, the rest fold into a count on row 0.
    const ranked = [...group].sort((a, b) => (a.priority ?? 99) - (b.priority ?? 99) || a.x - b.x);
    const kept = new Set(ranked.slice(0, options.rows - 1));
    const folded = group.filter((item) => !kept.has(item));
    const x = folded.reduce((sum, item) => sum + item.x, 0) / folded.length;
    const id = `cluster-${folded[0].id}`;
    clusters.push({ id, x, ids: folded.map((item) => item.id) });
    for (const item of folded) arranged.set(item.id, { id: item.id, row: 0, cluster: id, labelVisible: false });
    [...kept]
      .sort((a, b) => a.x - b.x)
      .forEach((item, i) => {
        arranged.set(item.id, { id: item.id, row: i + 1, labelVisible: false });
      });
  }

  // Labels, left to right in each row, where they reach neither the next mark nor the edge.
  // Occupied intervals are kept per row; labels only ever lie inside the view, so a row holds few.
  const marksInRow: { from: number; to: number }[][] = Array.from({ length: options.rows }, () => []);
  const labelsInRow: { from: number; to: number }[][] = Array.from({ length: options.rows }, () => []);
  for (const item of items) {
    const placed = arranged.get(item.id)!;
    if (!placed.cluster) marksInRow[placed.row].push({ from: left(item, options), to: right(item, options) });
  }
  for (const cluster of clusters) marksInRow[0].push({ from: cluster.x - clusterHalfWidth, to: cluster.x + clusterHalfWidth });
  // Sorted, so that a label looks only at the marks near it (thousands of marks in a lane).
  const marksSorted = marksInRow.map(sortIntervals);
  for (const item of items) {
    const placed = arranged.get(item.id)!;
    placed.label = -1;
    if (placed.cluster) continue;
    const widths = item.labelWidths ?? [item.labelWidth];
    const from = right(item, options) + LABEL_GAP;
    // Outside the view (zoomed in), a label is never seen: no need to place it.
    if (from > options.maxX || from + Math.max(...widths) < 0) continue;
    const row = placed.row;
    for (const [i, width] of widths.entries()) {
      if (width <= 0) continue;
      const to = from + width;
      if (to > options.maxX) continue;
      const overlaps = (o: { from: number; to: number }) => o.to > from - options.gap && o.from < to + options.gap;
      if (labelsInRow[row].some(overlaps) || meets(marksSorted[row], from - options.gap, to + options.gap)) continue;
      placed.labelVisible = true;
      placed.label = i;
      labelsInRow[row].push({ from, to });
      break;
    }
  }
  return { items: arranged, clusters };
}
