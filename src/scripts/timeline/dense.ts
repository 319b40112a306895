/**
 * A dense chart (thousands of events, see DENSE_EVENTS): its drawing holds as links only what
 * its default view shows, and the events data (a <script type="application/json"> that
 * Timeline.astro writes) holds every event. This module, loaded only for such a chart, makes
 * an event's link from its record the first time a view shows it.
 */
import { KIND_SHAPES, STATUS_STYLES, shapePath } from '../../lib/encoding.ts';
import { markRadii } from '../../lib/timeline/layout.ts';
import type { EventKind, EventStatus } from '../../lib/vocabulary.ts';

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
    band
      ? `tl-mark tl-band kind-blackout status-${status}`
      : `tl-mark kind-${kind} status-${status}${approximate ? ' is-approximate' : ''}`,
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
  const { radius, hit } = markRadii(options.vertical);
  const style = STATUS_STYLES[status];
  svgEl('circle', { class: 'tl-hit', r: String(hit) }, a);
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

/** A dense drawing's events data and its links, made on first use. */
export interface DenseLinks {
  records: DenseRecord[];
  marks: Map<string, SVGAElement>;
}

/** The links of a dense drawing (undefined for a drawing that holds every link, or unreadable data). */
export function denseLinks(svg: SVGSVGElement, events: HTMLScriptElement | null): DenseLinks | undefined {
  if (!events || !svg.hasAttribute('data-dense')) return undefined;
  const records = recordsOf(events);
  if (!records) return undefined;
  const vertical = svg.dataset.orientation === 'vertical';
  const hatch = svg.querySelector('pattern')?.id ?? '';
  const target = svg.closest<HTMLElement>('[data-timeline]')?.dataset.linkTarget;
  const blackout = events.dataset.blackout ?? 'blackout';
  return {
    records,
    marks: new LazyLinks(new Map(records.map((r) => [r[0], r])), (r) => makeLink(r, { vertical, hatch, blackout, target })),
  };
}
