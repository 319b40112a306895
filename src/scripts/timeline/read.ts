/** Reads the drawing the build made: the chart's inputs (lanes, marks) and the elements the layout is applied to. */
import { KIND_SHAPES, STATUS_STYLES, shapePath } from '../../lib/encoding.ts';
import { GEOMETRY, VERTICAL, type LaneInput, type MarkInput } from '../../lib/timeline/layout.ts';
import type { EventKind, EventStatus } from '../../lib/vocabulary.ts';

export interface LaneDom {
  el: SVGGElement;
  rule: SVGLineElement;
  voteRule: SVGLineElement;
  title: SVGTextElement;
  clusters: SVGGElement;
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
}

export interface ChartData {
  lanes: LaneInput[];
  /** In time order. */
  marks: MarkInput[];
}

/**
 * One event of a dense chart's data (Timeline.astro writes them): id, lane, kind, status,
 * approximate (1 or 0), start, stop, title, address, date as written, T− offset, first
 * source's publisher, accessible name.
 */
export type DenseRecord = [string, string, EventKind, EventStatus, number, number, number, string, string, string, string, string, string];

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl(name: string, attributes: Record<string, string | undefined>, parent: Element): SVGElement {
  const el = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) el.setAttribute(key, value);
  parent.append(el);
  return el;
}

/** The link of an event, as TimelineLinks.astro writes it (its place and label come with the next render). */
export function makeLink(r: DenseRecord, options: { vertical: boolean; hatch: string; blackout: string; target?: string }): SVGAElement {
  const [id, , kind, status, approximate, start, stop, title, href, when, offset, source, name] = r;
  const a = document.createElementNS(SVG_NS, 'a') as SVGAElement;
  const band = kind === 'blackout';
  a.setAttribute(
    'class',
    band ? `tl-mark tl-band kind-blackout status-${status}` : `tl-mark kind-${kind} status-${status}${approximate ? ' is-approximate' : ''}`,
  );
  a.setAttribute('href', href);
  if (options.target) {
    a.setAttribute('target', options.target);
    a.setAttribute('rel', 'noopener noreferrer');
  }
  const data = { eventId: id, kind, status, start: String(start), stop: String(stop), title, when, offset, source };
  for (const [key, value] of Object.entries(data)) if (value) a.dataset[key] = value;
  a.setAttribute('aria-label', name);
  a.setAttribute('tabindex', '-1');
  if (band) {
    svgEl('rect', { class: 'tl-band-rect', fill: `url(#${options.hatch})` }, a);
    svgEl('text', { class: 'tl-band-label', 'text-anchor': options.vertical ? 'end' : undefined }, a).textContent = options.blackout;
    return a;
  }
  const radius = options.vertical ? VERTICAL.radius : GEOMETRY.radius;
  const style = STATUS_STYLES[status];
  svgEl('circle', { class: 'tl-hit', r: String(options.vertical ? VERTICAL.hit + 1 : 12) }, a);
  svgEl('rect', { class: 'tl-bar', rx: '2' }, a);
  if (approximate) svgEl('circle', { class: 'tl-uncertain', r: String(radius + 4) }, a);
  svgEl(
    'path',
    {
      class: 'tl-shape',
      d: shapePath(KIND_SHAPES[kind], radius),
      'fill-opacity': String(style.fillOpacity),
      'stroke-dasharray': style.dashed ? '3 2' : undefined,
    },
    a,
  );
  svgEl('text', { class: 'tl-label' }, a);
  return a;
}

/** A map of links that makes a missing one from its record on first use. */
class LazyLinks extends Map<string, SVGAElement> {
  constructor(
    private records: Map<string, DenseRecord>,
    private make: (r: DenseRecord) => SVGAElement,
  ) {
    super();
  }

  override get(id: string): SVGAElement | undefined {
    let el = super.get(id);
    if (!el) {
      const r = this.records.get(id);
      if (!r) return undefined;
      el = this.make(r);
      this.set(id, el);
    }
    return el;
  }
}

/** The events data, read once (both drawings use it). */
const parsed = new WeakMap<HTMLScriptElement, DenseRecord[] | undefined>();
function recordsOf(events: HTMLScriptElement): DenseRecord[] | undefined {
  if (!parsed.has(events)) {
    try {
      parsed.set(events, JSON.parse(events.textContent ?? '[]') as DenseRecord[]);
    } catch {
      parsed.set(events, undefined);
    }
  }
  return parsed.get(events);
}

/** `events`: a dense chart's events data (a <script type="application/json">), whose links the drawing mostly leaves out. */
export function readChart(svg: SVGSVGElement, events?: HTMLScriptElement | null): { dom: ChartDom; data: ChartData } {
  const records = events && svg.hasAttribute('data-dense') ? recordsOf(events) : undefined;
  const vertical = svg.dataset.orientation === 'vertical';
  const hatch = svg.querySelector('pattern')?.id ?? '';
  const host = svg.closest<HTMLElement>('[data-timeline]');
  const dom: ChartDom = {
    svg,
    lanes: new Map(),
    marks: records
      ? new LazyLinks(new Map(records.map((r) => [r[0], r])), (r) =>
          makeLink(r, { vertical, hatch, blackout: events?.dataset.blackout ?? 'blackout', target: host?.dataset.linkTarget }),
        )
      : new Map(),
    axis: svg.querySelector('.tl-axis')!,
    vote: svg.querySelector('.tl-vote')!,
    dense: Boolean(records),
  };
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
      rule: el.querySelector('.tl-lane-rule')!,
      voteRule: el.querySelector('.tl-lane-vote')!,
      title: el.querySelector('.tl-lane-title')!,
    });
    data.lanes.push({ id, title: el.querySelector('.tl-lane-title')?.textContent ?? '', vote: Number(el.dataset.vote) });
    for (const a of el.querySelectorAll<SVGAElement>('a.tl-mark')) {
      a.setAttribute('tabindex', '-1');
      dom.marks.set(a.dataset.eventId!, a);
      if (records) continue;
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
  if (records) {
    const lanes = new Set(data.lanes.map((l) => l.id));
    for (const [id, laneId, kind, status, approximate, start, stop, title] of records)
      if (lanes.has(laneId)) data.marks.push({ id, laneId, kind, status, approximate: approximate === 1, start, stop, title });
  }
  data.marks.sort((a, b) => a.start - b.start || a.stop - b.stop);
  return { dom, data };
}
