/** Reads the drawing the build made: the chart's inputs (lanes, marks) and the elements the layout is applied to. */
import type { LaneInput, MarkInput } from '../../lib/timeline/layout.ts';
import type { EventKind, EventStatus } from '../../lib/vocabulary.ts';

export interface LaneDom {
  el: SVGGElement;
  rule: SVGLineElement;
  voteRule: SVGLineElement;
  title: SVGTextElement;
  clusters: SVGGElement;
  /** A dense chart: where the lane's links wait while they are not drawn (in the drawing's <template>). */
  parked?: Element;
}

export interface ChartDom {
  svg: SVGSVGElement;
  lanes: Map<string, LaneDom>;
  marks: Map<string, SVGAElement>;
  axis: SVGGElement;
  vote: SVGGElement;
  /** A dense chart: only the links in view are in the drawing; the others wait outside the page. */
  dense: boolean;
}

export interface ChartData {
  lanes: LaneInput[];
  /** In time order. */
  marks: MarkInput[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** `parked`: a dense chart's <template> of the links the build left out of the drawing. */
export function readChart(svg: SVGSVGElement, parked?: HTMLTemplateElement | null): { dom: ChartDom; data: ChartData } {
  const dom: ChartDom = {
    svg,
    lanes: new Map(),
    marks: new Map(),
    axis: svg.querySelector('.tl-axis')!,
    vote: svg.querySelector('.tl-vote')!,
    dense: Boolean(parked),
  };
  const waiting = new Map<string, Element>();
  for (const g of parked?.content.querySelectorAll('g[data-incident]') ?? []) waiting.set(g.getAttribute('data-incident')!, g);
  const data: ChartData = { lanes: [], marks: [] };
  for (const el of svg.querySelectorAll<SVGGElement>('.tl-lane')) {
    const id = el.dataset.incident!;
    // Clusters are redrawn on every change: they get a layer of their own.
    const clusters = document.createElementNS(SVG_NS, 'g');
    clusters.setAttribute('class', 'tl-clusters');
    el.querySelectorAll('.tl-cluster').forEach((c) => {
      c.remove();
    });
    el.append(clusters);
    dom.lanes.set(id, {
      el,
      clusters,
      parked: waiting.get(id),
      rule: el.querySelector('.tl-lane-rule')!,
      voteRule: el.querySelector('.tl-lane-vote')!,
      title: el.querySelector('.tl-lane-title')!,
    });
    data.lanes.push({ id, title: el.querySelector('.tl-lane-title')?.textContent ?? '', vote: Number(el.dataset.vote) });
    for (const a of [
      ...el.querySelectorAll<SVGAElement>('a.tl-mark'),
      ...(waiting.get(id)?.querySelectorAll<SVGAElement>('a.tl-mark') ?? []),
    ]) {
      a.setAttribute('tabindex', '-1');
      dom.marks.set(a.dataset.eventId!, a);
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
  data.marks.sort((a, b) => a.start - b.start || a.stop - b.stop);
  return { dom, data };
}
