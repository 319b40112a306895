/** Reads the drawing the build made: the chart's inputs (lanes, marks) and the elements the layout is applied to. */
import type { LaneInput, MarkInput } from '../../lib/timeline/layout.ts';
import type { EventKind, EventStatus } from '../../lib/vocabulary.ts';
import type { DenseLinks, EveryEventList } from './dense.ts';

export interface LaneDom {
  el: SVGGElement;
  rule: SVGLineElement;
  voteRule: SVGLineElement;
  title: SVGTextElement;
  clusters: SVGGElement;
  /** The hatching of the lane's campaign silences in view (bandHatchPath). */
  hatch: SVGPathElement;
}

export interface ChartDom {
  svg: SVGSVGElement;
  lanes: Map<string, LaneDom>;
  /** Each event's link (in a dense chart, made on first use from the chart's events data). */
  marks: Map<string, SVGAElement>;
  axis: SVGGElement;
  vote: SVGGElement;
  /** A dense chart: only the links in view are in the drawing; the others are made when shown, and leave when not. */
  dense: boolean;
  /** A dense chart's list of every event (its drawing holds only those in view and apart). */
  everyEvent?: EveryEventList;
}

export interface ChartData {
  lanes: LaneInput[];
  /** In time order (a dense chart's are made from its events data on first use). */
  readonly marks: MarkInput[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * `dense`: for a dense chart (its drawing marked data-dense), the links made from its events
 * data (./dense.ts), whose links the drawing mostly leaves out.
 */
export function readChart(svg: SVGSVGElement, dense?: DenseLinks): { dom: ChartDom; data: ChartData } {
  const dom: ChartDom = {
    svg,
    lanes: new Map(),
    marks: dense?.marks ?? new Map(),
    axis: svg.querySelector('.tl-axis')!,
    vote: svg.querySelector('.tl-vote')!,
    dense: Boolean(dense),
    everyEvent: dense?.everyEvent,
  };
  const data: ChartData = { lanes: [], marks: [] };
  for (const el of svg.querySelectorAll<SVGGElement>('.tl-lane')) {
    const id = el.dataset.incident!;
    // Clusters are redrawn on every change: they get a layer of their own, which starts with
    // those the build drew (a chart shown as drawn keeps them until it is laid out here).
    const clusters = document.createElementNS(SVG_NS, 'g');
    clusters.setAttribute('class', 'tl-clusters');
    clusters.append(...el.querySelectorAll('.tl-cluster'));
    el.append(clusters);
    dom.lanes.set(id, {
      el,
      clusters,
      rule: el.querySelector('.tl-lane-rule')!,
      voteRule: el.querySelector('.tl-lane-vote')!,
      title: el.querySelector('.tl-lane-title')!,
      hatch: el.querySelector('.tl-band-hatch')!,
    });
    data.lanes.push({ id, title: el.querySelector('.tl-lane-title')?.textContent ?? '', vote: Number(el.dataset.vote) });
    for (const a of el.querySelectorAll<SVGAElement>('a.tl-mark')) {
      a.setAttribute('tabindex', '-1');
      dom.marks.set(a.dataset.eventId!, a);
      if (dense) continue;
      data.marks.push({
        id: a.dataset.eventId!,
        laneId: id,
        kind: a.dataset.kind as EventKind,
        status: a.dataset.status as EventStatus,
        approximate: a.classList.contains('is-approximate'),
        start: Number(a.dataset.start),
        stop: Number(a.dataset.stop),
        title: a.dataset.title ?? '',
      });
    }
  }
  const inOrder = (marks: MarkInput[]) => marks.sort((a, b) => a.start - b.start || a.stop - b.stop);
  if (dense) {
    // Made from the events data when first asked for (see recordsOf in ./dense.ts).
    const lanes = new Set(data.lanes.map((l) => l.id));
    let marks: MarkInput[] | undefined;
    Object.defineProperty(data, 'marks', {
      get: () =>
        (marks ??= inOrder(
          dense
            .records()
            .filter((r) => lanes.has(r[1]))
            .map(([id, laneId, kind, status, approximate, start, stop, title]) => ({
              id,
              laneId,
              kind,
              status,
              approximate: approximate === 1,
              start,
              stop,
              title,
            })),
        )),
    });
  } else inOrder(data.marks);
  return { dom, data };
}
