/**
 * A dense chart (thousands of events, see DENSE_EVENTS): its drawing holds as links only what
 * its default view shows, and the events data (a script beside the page, src/site/chart-data.ts)
 * holds every event. This module makes an event's link from its
 * record the first time a view shows it. It is part of the chart's script: fetched apart,
 * it held a dense chart back by a frame or more.
 */
import { KIND_SHAPES, STATUS_STYLES, shapePath } from '../../lib/encoding.ts';
import { markRadii, type MarkInput } from '../../lib/timeline/layout.ts';
import { fillTemplate, markName } from '../../lib/timeline/names.ts';
import { tableRowHtml } from '../../lib/timeline/table-row.ts';
import type { EventKind, EventStatus } from '../../lib/vocabulary.ts';

/**
 * One event of a dense chart's data (Timeline.astro writes them): id, lane, kind, status,
 * approximate (1 or 0), start, stop, title, date as written, T− offset, first source's
 * publisher, date as recorded (ISO 8601, for the table's <time>). Its address and its
 * accessible name are made from these and the words beside the data (see dataWords).
 */
export type DenseRecord = [
  id: string,
  laneId: string,
  kind: EventKind,
  status: EventStatus,
  approximate: number,
  start: number,
  stop: number,
  title: string,
  when: string,
  offset: string,
  source: string,
  dateText: string,
];

/** The words a dense chart's data carries once for all its records (Timeline.astro's data-* on the data). */
export interface DataWords {
  /** An event's address, from its id. */
  href: (id: string) => string;
  kinds: Record<string, string>;
  statuses: Record<string, string>;
  colon: string;
}

function readJson(text: string | undefined): Record<string, string> {
  try {
    return JSON.parse(text ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** The words beside a chart's events data (`root`: the chart, which carries the kinds' names). */
export function dataWords(root: HTMLElement, events: HTMLScriptElement): DataWords {
  const pattern = events.dataset.href ?? '/events/{id}/';
  return {
    href: (id) => pattern.replace('{id}', id),
    kinds: readJson(root.dataset.kindNames),
    statuses: readJson(events.dataset.statusNames),
    colon: events.dataset.colon ?? ': ',
  };
}

/** A record's accessible name, as the build names the links it draws (markAccessibleName). */
export function recordName(r: DenseRecord, words: DataWords): string {
  const [, , kind, status, , , , title, when, offset] = r;
  return markName({
    kind: words.kinds[kind] ?? kind,
    status: status === 'documented' ? undefined : (words.statuses[status] ?? status).toLowerCase(),
    when,
    offset,
    title,
    colon: words.colon,
  });
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl(name: string, attributes: Record<string, string | undefined>, parent: Element): SVGElement {
  const el = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) el.setAttribute(key, value);
  parent.append(el);
  return el;
}

/** The link of an event, as TimelineLinks.astro writes it for a dense chart (its place and label come with the next render). */
export function makeLink(r: DenseRecord, options: { vertical: boolean; target?: string; words: DataWords }): SVGAElement {
  const [id, , kind, status, approximate] = r;
  const a = document.createElementNS(SVG_NS, 'a') as SVGAElement;
  const band = kind === 'blackout';
  a.setAttribute(
    'class',
    band
      ? `tl-mark tl-band kind-blackout status-${status}`
      : `tl-mark kind-${kind} status-${status}${approximate ? ' is-approximate' : ''}`,
  );
  a.setAttribute('href', options.words.href(id));
  if (options.target) {
    a.setAttribute('target', options.target);
    a.setAttribute('rel', 'noopener noreferrer');
  }
  // Its date, offset and source stay in the record (eventDetails), as for the links the build drew.
  a.dataset.eventId = id;
  a.setAttribute('aria-label', recordName(r, options.words));
  a.setAttribute('tabindex', '-1');
  if (band) {
    // Its label comes with the render that gives it room (render.ts setBandLabel).
    // Its hatching is the lane's (render.ts, bandHatchPath): the rectangle is its outline and target.
    svgEl('rect', { class: 'tl-band-rect' }, a);
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

/** A map of links that makes a missing one from its record on first use (the records are read then too). */
class LazyLinks extends Map<string, SVGAElement> {
  constructor(
    private record: (id: string) => DenseRecord | undefined,
    private make: (r: DenseRecord) => SVGAElement,
  ) {
    super();
  }

  override get(id: string): SVGAElement | undefined {
    let el = super.get(id);
    if (!el) {
      const r = this.record(id);
      if (!r) return undefined;
      el = this.make(r);
      this.set(id, el);
    }
    return el;
  }
}

declare global {
  /** Dense charts' events data by key, each a JSON text: filed by the data scripts of src/site/chart-data.ts. */
  var timelineEvents: Record<string, string> | undefined;
}

/** Dispatched on the window by each data script once it has filed its data (src/site/chart-data.ts). */
export const DATA_EVENT = 'timeline:events';

/** Whether a chart's events data is in (true for a chart that has none to wait for). */
export function dataArrived(root: HTMLElement): boolean {
  const key = root.querySelector<HTMLScriptElement>('script.tl-events')?.dataset.key;
  return !key || globalThis.timelineEvents?.[key] !== undefined;
}

/**
 * The events data, read once (both drawings use it) and only when first needed: parsing a
 * megabyte of JSON is the largest part of a dense chart's start, and a chart shown as the
 * build drew it needs none of it until the reader does something. The data comes in a
 * script beside the page (its key on the placeholder `events`); until it has run, there are
 * no records and the chart keeps the links it has.
 */
const parsed = new WeakMap<HTMLScriptElement, DenseRecord[]>();
function recordsOf(events: HTMLScriptElement): DenseRecord[] {
  let records = parsed.get(events);
  if (records) return records;
  const key = events.dataset.key;
  const text = key ? globalThis.timelineEvents?.[key] : events.textContent;
  if (text === undefined) return [];
  try {
    const data: unknown = JSON.parse(text ?? '[]');
    records = Array.isArray(data) ? (data as DenseRecord[]) : [];
  } catch {
    // Written by the build: unreadable only if the page or its data was altered. The chart keeps the links it has.
    records = [];
  }
  parsed.set(events, records);
  return records;
}

/** Each record by event id, made once the data is in (both drawings' links and the tooltip look events up). */
const indexes = new WeakMap<HTMLScriptElement, Map<string, DenseRecord>>();
function recordOf(events: HTMLScriptElement, id: string): DenseRecord | undefined {
  let index = indexes.get(events);
  if (!index) {
    const records = recordsOf(events);
    if (!parsed.has(events)) return undefined;
    index = new Map(records.map((r) => [r[0], r]));
    indexes.set(events, index);
  }
  return index.get(id);
}

/** A dense drawing's events data (read on first call) and its links, made on first use. */
export interface DenseLinks {
  records: () => readonly DenseRecord[];
  marks: Map<string, SVGAElement>;
  /** Its list of every event, for screen readers (see EveryEventList). */
  everyEvent: EveryEventList;
}

/** The links of a dense drawing (undefined for a drawing that holds every link). */
export function denseLinks(svg: SVGSVGElement, events: HTMLScriptElement | null): DenseLinks | undefined {
  if (!events || !svg.hasAttribute('data-dense')) return undefined;
  const records = () => recordsOf(events);
  const vertical = svg.dataset.orientation === 'vertical';
  const root = svg.closest<HTMLElement>('[data-timeline]') ?? svg.parentElement!;
  const target = root.dataset.linkTarget;
  let words: DataWords | undefined;
  const wordsOf = () => (words ??= dataWords(root, events));
  const make = (r: DenseRecord) => makeLink(r, { vertical, target, words: wordsOf() });
  const everyEvent = new EveryEventList(root, svg, (id) => recordOf(events, id), wordsOf);
  return { records, marks: new LazyLinks((id) => recordOf(events, id), make), everyEvent };
}

/**
 * A dense chart's list of every event: a named group of links per lane, in time order. Its
 * drawing holds links only for the events in view and apart, so that these are what puts
 * every event in the accessibility tree at every zoom (an ordinary chart's drawing holds them
 * all). Named links with no text, far left of the page and outside the drawing's scroll box;
 * they never change as the chart zooms, only when the filters do, and are bare links (list
 * items cost the browser a walk over thousands of elements on every frame of a zoom). Made
 * when the chart is first idle; following one with a screen reader shows and focuses its mark.
 */
export class EveryEventList {
  private items = new Map<string, HTMLAnchorElement>();
  private filling = 0;
  /** The events the filters show (all until they change). */
  private shown?: ReadonlySet<string>;

  constructor(
    private root: HTMLElement,
    private svg: SVGSVGElement,
    private record: (id: string) => DenseRecord | undefined,
    private words: () => DataWords,
  ) {}

  /** The filters changed: only these events are listed. */
  showOnly(ids: ReadonlySet<string>) {
    this.shown = ids;
    for (const [id, item] of this.items) {
      const hidden = !ids.has(id);
      if (item.hidden !== hidden) item.hidden = hidden;
    }
  }

  /**
   * Makes the lists (`lanes`: id and title, top first; `marks`: the chart's events in time
   * order), a lane per idle moment; `done` once all are in. Once only, for this drawing.
   */
  fillWhenIdle(lanes: readonly { id: string; title: string }[], marks: () => readonly MarkInput[], done?: () => void) {
    if (this.filling++) return;
    const box = document.createElement('div');
    box.className = 'tl-every-event';
    const queue = [...lanes];
    // Safari has no requestIdleCallback: a timer then.
    const idle = (next: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(next, { timeout: 2000 }) : setTimeout(next, 50);
    const step = () => {
      const lane = queue.shift();
      if (!lane) {
        // After the drawing's scroll box, outside it: a change in the box (every frame of a zoom)
        // would otherwise have the browser walk thousands of items again before painting.
        // (The other orientation's drawing has its own lists, made when it is shown.)
        if (this.svg.isConnected) (this.svg.parentElement ?? this.svg).after(box);
        done?.();
        return;
      }
      box.append(this.list(lane, marks()));
      idle(step);
    };
    idle(step);
  }

  private list(lane: { id: string; title: string }, marks: readonly MarkInput[]): HTMLElement {
    // A group of links, one per event (list items would double the elements to keep up to date).
    const list = document.createElement('div');
    list.setAttribute('role', 'group');
    list.setAttribute('aria-label', fillTemplate(this.root.dataset.textEveryEvent ?? '{lane}', { lane: lane.title }));
    const words = this.words();
    const target = this.root.dataset.linkTarget;
    for (const m of marks) {
      if (m.laneId !== lane.id) continue;
      const r = this.record(m.id);
      if (!r) continue;
      const a = document.createElement('a');
      a.href = words.href(m.id);
      a.dataset.eventId = m.id;
      a.tabIndex = -1;
      if (target) {
        a.target = target;
        a.rel = 'noopener noreferrer';
      }
      // Named, with no text to lay out (thousands of lines of text would cost a long layout).
      a.setAttribute('aria-label', recordName(r, words));
      a.hidden = !(this.shown?.has(m.id) ?? true);
      this.items.set(m.id, a);
      list.append(a);
    }
    return list;
  }
}

/** What a table row needs besides its record: the words of the page, and whether rows name their incident. */
export interface RowWords extends DataWords {
  incidents: Record<string, string>;
  target?: string;
}

/** A record as a row of the events table (the build's own function writes the same rows for an ordinary chart). */
function tableRow(r: DenseRecord, words: RowWords, several: boolean): string {
  const [id, incident, kind, status, , start, , title, when, offset, , dateText] = r;
  return tableRowHtml({
    id,
    incident,
    kind,
    start,
    dateText,
    when,
    offset,
    incidentTitle: several ? (words.incidents[incident] ?? incident) : undefined,
    kindName: words.kinds[kind] ?? kind,
    statusName: words.statuses[status] ?? status,
    title,
    href: words.href(id),
    target: words.target,
  });
}

/** The rows of a dense chart's table, as HTML, from its events data (`several`: a column names each row's incident). */
export function denseTableRows(records: readonly DenseRecord[], words: RowWords, several: boolean): string {
  return records.map((r) => tableRow(r, words, several)).join('');
}

/**
 * A dense chart's table gets its rows from the events data the first time it is opened
 * (thousands of rows in the page would slow every visit, most of which never open it).
 * `filled`: called once the rows are in, so that the chart hides those its filters leave out.
 */
export function fillTableWhenOpened(root: HTMLElement, events: HTMLScriptElement | null, filled: () => void) {
  const details = root.querySelector<HTMLDetailsElement>('details.tl-table-toggle');
  const body = details?.querySelector<HTMLElement>('tbody[data-dense-rows]');
  if (!details || !body || !events) return;
  const fill = () => {
    if (!details.open || body.childElementCount) return;
    const words: RowWords = {
      ...dataWords(root, events),
      incidents: readJson(body.dataset.incidentTitles),
      target: root.dataset.linkTarget,
    };
    const several = body.closest('table')!.tHead!.rows[0].cells.length > 5;
    body.insertAdjacentHTML('beforeend', denseTableRows(recordsOf(events), words, several));
    body.closest('table')!.hidden = false;
    filled();
  };
  details.addEventListener('toggle', fill);
  fill();
}

/** What the tooltip shows of an event. */
export interface EventDetails {
  title: string;
  when: string;
  offset: string;
  source: string;
}

/** The tooltip's words for each event of a dense chart, from its events data (its links carry only id and name). */
export function eventDetails(events: HTMLScriptElement | null): ((id: string) => EventDetails | undefined) | undefined {
  if (!events) return undefined;
  return (id) => {
    const r = recordOf(events, id);
    return r && { title: r[7], when: r[8], offset: r[9], source: r[10] };
  };
}
