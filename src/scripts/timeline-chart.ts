/**
 * <timeline-chart>: enhances the timeline the build drew. It never lays anything out: on
 * every change it calls the build's own layoutTimeline (src/lib/timeline/layout.ts) with the
 * view (filters, mode, visible domain, orientation) and applies the result to the drawing.
 * The pieces live in ./timeline/: reading the drawing, applying a layout, zoom, keyboard,
 * controls, words, address, history, tooltips.
 */
import { DAY, HOUR } from '../lib/time-units.ts';
import { axisKind, axisValue } from '../lib/timeline/axis.ts';
import { firstStop } from '../lib/timeline/focus.ts';
import { acrossRange, layoutTimeline, placedItem, type MarkInput, type Orientation, type TimelineLayout } from '../lib/timeline/layout.ts';
import {
  IDENTITY,
  clusterZoom,
  previewItem,
  previewZoom,
  revealZoom,
  sameZoom,
  viewDomain,
  zoomFor,
  type Zoom,
} from '../lib/timeline/zoom.ts';
import { DEFAULT_VIEW, parseViewState, type ViewState } from '../lib/timeline/view-state.ts';
import { attachControls, syncControls } from './timeline/controls.ts';
import { describe, readTexts, syncFootnote, type DescribeTexts } from './timeline/describe.ts';
import { keyTarget, type KeyMark } from './timeline/keyboard.ts';
import * as dense from './timeline/dense.ts';
import { readChart, type ChartData, type ChartDom } from './timeline/read.ts';
import { applyLayout, type MarkState } from './timeline/render.ts';
import type { Tooltips } from './timeline/tooltip.ts';
import { dropPendingUrl, shareUrl, syncUrl, type HistoryMode } from './timeline/url.ts';
import { ZoomControl } from './timeline/zoom.ts';
import { setTickWords, type TickWords } from '../lib/timeline/ticks.ts';

/** The tick locale and words the build drew with; English when the page gives none. */
function readTickWords(json: string | undefined): TickWords | undefined {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as TickWords;
  } catch {
    return undefined;
  }
}

/**
 * A gesture (wheel, drag, pinch) over a dense chart whose last layout took longer than this, in
 * ms, slides the drawn view along (previewZoom) and lays it out once the gesture pauses:
 * a frame has about 16 ms, and laying out thousands of events takes more.
 */
const PREVIEW_ABOVE_MS = 8;
/** How long a gesture pauses before the view it shows is laid out. */
const LAY_OUT_AFTER_MS = 100;

/** Where the chart turns to run down the page (the CSS picks the same drawing without JavaScript). */
const PHONE_QUERY = 'screen and (max-width: 30rem)';

class TimelineChart extends HTMLElement {
  private dom!: ChartDom;
  private data!: ChartData;
  /** The other drawing (the orientation not shown), kept out of the page until the screen turns. */
  private spare?: SVGSVGElement;
  private orientation: Orientation = 'horizontal';
  private width = 1000;
  private view: ViewState = { ...DEFAULT_VIEW };
  private zoom: Zoom = IDENTITY;
  private zoomControl!: ZoomControl;
  /** The layout drawn, and what the reader can see of each mark (see the `layout` and `states` accessors). */
  private laid?: TimelineLayout;
  private markStates = new Map<string, MarkState>();
  /**
   * The drawing is still the build's own layout of the view (a dense chart as it loaded): the
   * chart is laid out here in the next idle moment, or at the first thing that needs it.
   */
  private layoutPending = false;
  /** The zoom last drawn. */
  private rendered: Zoom = IDENTITY;
  /** Each event by id, indexed when first asked for (a dense chart's data is read then). */
  private byId?: Map<string, MarkInput>;
  private tooltip!: HTMLElement;
  private tips?: Tooltips;
  private focused?: string;
  private frame = 0;
  /** The frame to come draws a gesture's step (a preview may do), not a zoom set at once. */
  private gestureFrame = false;
  /** How long the last full layout and drawing took (ms), and the timer of the layout a preview awaits. */
  private layoutMs = 0;
  private layOutTimer = 0;
  /** The frame that layout is drawn in: its script and the browser's rendering of it then share one frame. */
  private layOutFrame = 0;
  /** The last full layout and the zoom it was made for (it holds every event shown; see previewOf). */
  private full?: { layout: TimelineLayout; zoom: Zoom; options: string };
  /** The marks the keyboard moves among, made again when a layout gives new states. */
  private keyMarks?: { states: Map<string, MarkState>; marks: KeyMark[] };
  /** How the zoom under way goes into the history: a gesture or a button pushes, a reveal replaces. */
  private zoomHistory: HistoryMode = 'push';
  private kindNames: Record<string, string> = {};
  private texts!: DescribeTexts;
  /** [from, to) instants of a date range to show (an embed's ?from=&to=), if any. */
  private range?: [number, number];

  static observedAttributes = ['data-defer'];

  connectedCallback() {
    // An embed sets the view first (data-view, data-from, data-to), then removes data-defer.
    if (this.dom || this.hasAttribute('data-defer')) return;
    // A dense chart's events data is a script beside the page, which runs just after this one: until it has, the
    // chart stays as the build drew it (and stays so if it never does).
    if (!dense.dataArrived(this)) {
      addEventListener(dense.DATA_EVENT, () => this.connectedCallback(), { once: true });
      return;
    }
    this.enhance();
  }

  attributeChangedCallback() {
    if (this.isConnected && !this.hasAttribute('data-defer')) this.connectedCallback();
  }

  private enhance() {
    // Marks for `npm run bench`, which reads them back from the Performance API.
    performance.mark('timeline:enhance:start');
    // Axis ticks in the page's language: every layoutTimeline call below (both orientations,
    // every zoom) reads them, as the build's did (data-ticks, from the page's dictionary).
    setTickWords(readTickWords(this.dataset.ticks));
    this.tooltip = this.querySelector('.tl-tooltip')!;
    try {
      this.kindNames = JSON.parse(this.dataset.kindNames ?? '{}') as Record<string, string>;
    } catch {
      this.kindNames = {};
    }
    this.texts = readTexts(this);
    const phone = matchMedia(PHONE_QUERY);
    this.bind(phone.matches ? 'vertical' : 'horizontal');
    const parsed = this.parseView(this.dataset.view ?? location.search);
    const day = (text: string | undefined, end: boolean) =>
      text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00Z`) + (end ? DAY : 0) : undefined;
    const from = day(this.dataset.from, false);
    const to = day(this.dataset.to, true);
    if (from !== undefined || to !== undefined) this.range = [from ?? -Infinity, to ?? Infinity];
    this.view = parsed.view;
    // Interface words come from the page (the server's dictionary), not from this script.
    if (parsed.invalid.length) this.notice(`${this.dataset.textInvalid ?? ''} ${parsed.invalid.join(', ')}.`);
    this.setUpControls();
    this.setUpKeyboard();
    this.setUpTooltips();
    this.setUpHistory();
    this.classList.add('is-enhanced');
    const asDrawn = this.drawnAsIs();
    this.rebase(asDrawn);
    this.selectFromView();
    if (asDrawn) {
      const later = () => this.layOutNow();
      if ('requestIdleCallback' in window) requestIdleCallback(later, { timeout: 1000 });
      else setTimeout(later, 100);
    }
    // A dense chart's table is made when opened, then shows the view's filters as the chart does.
    dense.fillTableWhenOpened(this, this.querySelector('script.tl-events'), () =>
      syncControls(this, this.view, (start) => this.inRange(start)),
    );
    // A phone turned (or a window narrowed): the other drawing takes over, with the same view.
    phone.addEventListener('change', () => {
      this.bind(phone.matches ? 'vertical' : 'horizontal');
      this.rebase();
      this.selectFromView();
    });
    performance.measure('timeline:enhance', 'timeline:enhance:start');
  }

  /** Takes the drawing of an orientation as the chart (the other one leaves the page, so that every event is one link). */
  private bind(orientation: Orientation) {
    const box = this.querySelector<HTMLElement>('.tl-scroll')!;
    // Both drawings, whether on the page or set aside, found before either leaves the page.
    const drawings = [...box.querySelectorAll<SVGSVGElement>('svg.tl-svg'), ...(this.spare ? [this.spare] : [])];
    const wanted = drawings.find((svg) => svg.dataset.orientation === orientation);
    if (!wanted) return;
    this.spare = drawings.find((svg) => svg !== wanted) ?? this.spare;
    for (const svg of box.querySelectorAll<SVGSVGElement>('svg.tl-svg')) if (svg !== wanted) svg.remove();
    // A dense chart's list of every event is the drawing's: the next is made for the drawing taking over.
    if (this.dom?.svg !== wanted) for (const list of box.querySelectorAll('.tl-every-event')) list.remove();
    if (!wanted.isConnected) box.prepend(wanted);
    if (this.dom?.svg === wanted) return;
    // The drawing the build laid out leaves: the chart is laid out anew for the other one.
    this.layoutPending = false;
    this.orientation = orientation;
    const { dom, data } = readChart(wanted, dense.denseLinks(wanted, box.querySelector<HTMLScriptElement>('script.tl-events')));
    this.dom = dom;
    this.data = data;
    this.byId = undefined;
    this.full = undefined;
    // Down a phone the drawing is laid out at the width it is shown at: 12 px text stays 12 px.
    this.width =
      orientation === 'vertical' ? Math.round(box.clientWidth) || Number(wanted.viewBox.baseVal.width) : Number(this.dataset.width) || 1000;
    this.zoomControl?.dispose();
    this.zoomControl = new ZoomControl(wanted, {
      changed: (zoom, gesture) => {
        this.zoom = zoom;
        // A zoom set by the chart itself has been drawn already.
        if (sameZoom(zoom, this.rendered)) return;
        this.scheduleRender(gesture);
        this.tips?.hide();
      },
      settled: (zoom) => this.settled(zoom),
    });
    this.setUpMarks(wanted);
    this.focused = undefined;
    this.setCurrent(this.firstStop());
  }

  /** An event of the chart. */
  private markOf(id: string): MarkInput | undefined {
    this.byId ??= new Map(this.data.marks.map((m) => [m.id, m]));
    return this.byId.get(id);
  }

  /** An event's lane. */
  private laneOf(id: string): string | undefined {
    return this.markOf(id)?.laneId;
  }

  /** An event's kind ('' for none). */
  private kindOf(id: string): string {
    return this.markOf(id)?.kind ?? '';
  }

  private parseView(search: string) {
    const knownIncidents = this.data.lanes.map((l) => l.id);
    // Events are looked up only if the address names one (a dense chart's data is read then).
    const parsed = parseViewState(search, { incidents: knownIncidents, events: { has: (id) => this.markOf(id) !== undefined } });
    if (parsed.view.incidents) parsed.view.incidents = parsed.view.incidents.filter((id) => knownIncidents.includes(id));
    return parsed;
  }

  private inRange(start: number) {
    return !this.range || (start >= this.range[0] && start < this.range[1]);
  }

  /** The marks the view can show (the embed's date range applied; kinds and incidents are the layout's options). */
  private marksInRange() {
    return this.range ? this.data.marks.filter((m) => this.inRange(m.start)) : this.data.marks;
  }

  private isShown(id: string) {
    return this.states.has(id);
  }

  private kind() {
    return axisKind(this.view.align, this.view.scale);
  }

  /** What the layout needs of the view: size, modes, filters and orientation. */
  private layoutOptions() {
    return {
      width: this.width,
      align: this.view.align,
      scale: this.view.scale,
      kinds: this.view.kinds ?? undefined,
      incidents: this.view.incidents ?? undefined,
      orientation: this.orientation,
    };
  }

  /** The layout of the view, the build's own function. */
  private laidOut(domain?: [number, number]) {
    return layoutTimeline(this.data.lanes, this.marksInRange(), { ...this.layoutOptions(), domain });
  }

  /** The layout drawn (made now if the drawing is still the build's). */
  private get layout(): TimelineLayout {
    this.layOutNow();
    return this.laid!;
  }

  private set layout(layout: TimelineLayout) {
    this.laid = layout;
  }

  /** What the reader can see of each mark after the last render (laid out now if need be). */
  private get states(): Map<string, MarkState> {
    this.layOutNow();
    return this.markStates;
  }

  private set states(states: Map<string, MarkState>) {
    this.markStates = states;
  }

  /** Lays out a drawing that is still the build's (see layoutPending). */
  private layOutNow() {
    if (!this.layoutPending) return;
    this.layoutPending = false;
    const started = performance.now();
    const base = this.laidOut();
    this.laid = base;
    this.render(true, base);
    performance.measure('timeline:layout-at-load', { start: started, end: performance.now() });
    this.listEveryEvent();
  }

  /**
   * Whether the drawing shows this very view as the build laid it out: a dense chart, across,
   * with the view the build drew (no filter, range, event or embed dates). It is then laid out
   * here later (layoutPending): links, tab stop and controls work at once, as drawn.
   */
  private drawnAsIs(): boolean {
    const v = this.view;
    return (
      this.dom.dense &&
      this.orientation === 'horizontal' &&
      !this.range &&
      v.align === this.dataset.align &&
      v.scale === this.dataset.scale &&
      !v.kinds &&
      !v.incidents &&
      !v.range &&
      !v.event
    );
  }

  /** A new base axis for the mode and filters; the visible range of the view is kept. `asDrawn`: see drawnAsIs. */
  private rebase(asDrawn = false) {
    this.layoutPending = asDrawn;
    let base: TimelineLayout | undefined;
    if (asDrawn) {
      this.zoom = IDENTITY;
      this.rendered = IDENTITY;
      this.zoomControl.configure(this.orientation, acrossRange(this.width), (x) => x);
      this.zoomControl.reset(this.zoom);
    } else {
      base = this.laidOut();
      this.layout = base;
      const placed = base.lanes;
      this.zoomControl.configure(this.orientation, base.extent.range, (x, y) => {
        const lane = [...placed].reverse().find((l) => l.y <= y) ?? placed[0];
        return this.orientation === 'vertical' ? y - (lane?.axisStart ?? 0) : x;
      });
      this.zoom = this.view.range ? zoomFor(base.extent, this.view.range) : IDENTITY;
      if (this.zoom.k <= 1.0001) this.view.range = null;
      this.zoomControl.reset(this.zoom);
    }
    syncControls(this, this.view, (start) => this.inRange(start));
    syncFootnote(this, this.dom.svg, this.view.incidents);
    // As drawn, the build's drawing, description and caption already show this view.
    if (base) {
      this.render(true, base);
      this.listEveryEvent();
      describe(this, this.texts, {
        axis: this.kind(),
        lanes: base.lanes.length,
        events: base.marks.length + base.bands.length,
        filtered: Boolean(this.view.kinds || this.view.incidents || this.range),
      });
    }
    this.dispatchEvent(new CustomEvent('timeline:view', { detail: { query: this.query() } }));
  }

  private query() {
    return shareUrl(this, this.view).slice((this.dataset.site ?? '/').length);
  }

  /**
   * Lays the view out and draws it. `base`: the layout of the whole extent, when the caller
   * has just made it (no need to lay it out twice at zoom 1). `gesture`: a step of a gesture,
   * which may slide the drawn view along instead when laying out costs more than a frame.
   */
  private render(refilter = false, base?: TimelineLayout, gesture = false) {
    const started = performance.now();
    clearTimeout(this.layOutTimer);
    cancelAnimationFrame(this.layOutFrame);
    // The getter lays a drawing still the build's out first: a preview moves a layout of this script's.
    const { extent } = this.layout;
    let reused = false;
    const preview = gesture && !refilter && this.dom.dense && this.layoutMs > PREVIEW_ABOVE_MS ? this.previewOf(this.focused) : undefined;
    if (preview) {
      this.layout = preview;
      // At the start of a frame: laid out in a timer mid-frame, the layout and its rendering took two.
      this.layOutTimer = window.setTimeout(() => {
        this.layOutFrame = requestAnimationFrame(() => this.render());
      }, LAY_OUT_AFTER_MS);
    } else {
      const domain = viewDomain(extent, this.zoom);
      const options = JSON.stringify([this.layoutOptions(), this.range]);
      // Back to the view last laid out (a gesture that ends where it began, "Reset" after one):
      // the layout is a function of the view, so it is the same.
      const again = !base && this.full && this.full.options === options && sameZoom(this.full.zoom, this.zoom);
      this.layout = again ? this.full!.layout : base && !domain ? base : this.laidOut(domain);
      this.full = { layout: this.layout, zoom: this.zoom, options };
      reused = Boolean(again);
    }
    this.rendered = this.zoom;
    const states = applyLayout(this.dom, this.layout, {
      refilter,
      focused: this.focused,
      kindOf: (id) => this.kindOf(id),
      kindNames: this.kindNames,
      clusterTemplate: this.dataset.textCluster ?? '{count}',
    });
    // A preview moves only what is drawn: the other marks keep their last state until the layout.
    if (preview) for (const [id, state] of states) this.states.set(id, state);
    else {
      this.states = states;
      if (!reused) this.layoutMs = performance.now() - started;
    }
    performance.measure('timeline:render', { start: started, end: performance.now() });
  }

  /** Every event a link: a dense chart's list of them all is made when the chart is next idle (once per drawing). */
  private listEveryEvent() {
    if (!this.dom.everyEvent) return;
    const filling = performance.now();
    this.dom.everyEvent.fillWhenIdle(
      this.data.lanes,
      () => this.data.marks,
      () => performance.measure('timeline:every-event', { start: filling, end: performance.now() }),
    );
  }

  /**
   * The view drawn, slid to the zoom asked for (see previewZoom): what was drawn moves along,
   * and `keep` (a key's target, the tab stop) joins it from the last full layout, where every
   * event shown stands, if it was not drawn. Each step moves only what the last one drew.
   */
  private previewOf(keep?: string): TimelineLayout | undefined {
    const slid = previewZoom(this.layout, this.rendered, this.zoom);
    if (!slid || !keep || !this.full || placedItem(slid, keep)) return slid;
    const moved = previewItem(this.full.layout, this.full.zoom, this.zoom, keep);
    return { ...slid, marks: [...slid.marks, ...moved.marks], bands: [...slid.bands, ...moved.bands] };
  }

  private scheduleRender(gesture = false) {
    // Several changes in one frame: a zoom set at once among them is laid out in full.
    this.gestureFrame = this.frame ? this.gestureFrame && gesture : gesture;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render(false, undefined, this.gestureFrame);
    });
  }

  /** A zoom settled: its range joins the view (pushed for a reader's gesture, replaced for a reveal). */
  private settled(zoom: Zoom) {
    this.zoom = zoom;
    const mode = this.zoomHistory;
    this.zoomHistory = 'push';
    const range = viewDomain(this.layout.extent, zoom) ?? null;
    const old = this.view.range;
    const same = range === old || (range && old && Math.abs(range[0] - old[0]) < 1e-9 && Math.abs(range[1] - old[1]) < 1e-9);
    if (same) return;
    this.view.range = range;
    syncUrl(this, this.view, mode);
  }

  /**
   * Sets a zoom at once (drawn now, not on the next frame), going into the history as `mode`.
   * `step`: drawn as a gesture's step would be (a preview on a dense chart, laid out when things pause).
   */
  private setZoom(zoom: Zoom, mode: HistoryMode, step = false) {
    this.zoomHistory = mode;
    this.zoom = zoom;
    this.render(false, undefined, step);
    this.zoomControl.set(zoom);
  }

  /**
   * Centres a mark and zooms in until it stands apart from any cluster. Like a gesture's
   * steps, a reveal on a dense chart may show a preview first: a key held down reveals an
   * event every frame, and the view is laid out in full once the keys pause.
   */
  private reveal(id: string) {
    if (!this.isShown(id)) return;
    const zoom = revealZoom(this.data.lanes, this.marksInRange(), this.layoutOptions(), id, this.zoom, this.layout.extent);
    this.setZoom(zoom, 'replace', true);
  }

  /** A cluster opens: the view zooms to its members (with a margin), and the first of them takes focus. */
  private openCluster(group: Element) {
    const ids = new Set((group.getAttribute('data-ids') ?? '').split(' '));
    const members = this.data.marks.filter((m) => ids.has(m.id));
    if (!members.length) return;
    const kind = this.kind();
    const extent = this.layout.extent;
    const votes = new Map(this.data.lanes.map((l) => [l.id, l.vote]));
    // Where each member stands on the base axis (the centre of its span, as the layout places it).
    const positions = members.map((m) => {
      const vote = votes.get(m.laneId)!;
      return (extent.toX(axisValue(kind, m.start, vote)) + extent.toX(axisValue(kind, m.stop, vote))) / 2;
    });
    this.setZoom(clusterZoom(extent, positions, this.zoom), 'push');
    // Focus goes to the first member now standing apart (a crowd of thousands may still fold some).
    const apart = members.find((m) => {
      const state = this.states.get(m.id);
      return state && !state.clustered && state.onScreen;
    });
    this.moveTo((apart ?? members[0]).id);
  }

  /** The event named in the view: highlighted, made the tab stop, and shown (zooming in only when no range is given). */
  private selectFromView() {
    this.dom.svg.querySelectorAll('.tl-mark.is-selected').forEach((el) => {
      el.classList.remove('is-selected');
    });
    const id = this.view.event;
    if (!id || !this.isShown(id)) return;
    this.dom.marks.get(id)!.classList.add('is-selected');
    this.setCurrent(id);
    if (!this.view.range) this.reveal(id);
  }

  /** The chart's first tab stop: the first event of the top lane shown (a point before a band). */
  private firstStop(): string | undefined {
    // Before any layout here, the one the build chose (the same function, on the same events).
    if (!this.markStates.size && this.dom.svg.dataset.tabStop) return this.dom.svg.dataset.tabStop;
    const states = this.states;
    return firstStop(this.data.lanes, this.data.marks, (id) => states.size === 0 || states.has(id));
  }

  /** Makes a mark the chart's single tab stop. */
  private setCurrent(id?: string) {
    if (!id) return;
    if (this.focused) this.dom.marks.get(this.focused)?.setAttribute('tabindex', '-1');
    this.focused = id;
    this.dom.marks.get(id)!.setAttribute('tabindex', '0');
  }

  /** Moves focus to a mark, showing it first if it is folded or outside the view (nothing is laid out otherwise). */
  private moveTo(id: string | undefined) {
    if (!id) return;
    const previous = this.focused;
    this.setCurrent(id);
    const el = this.dom.marks.get(id)!;
    if (previous && previous !== id)
      this.dom.marks.get(previous)?.classList.toggle('is-clustered', this.states.get(previous)?.clustered ?? false);
    const state = this.states.get(id);
    const [r0, r1] = this.layout.extent.range;
    const position = state ? state.t - (this.layout.lanes.find((l) => l.id === this.laneOf(id))?.axisStart ?? 0) : 0;
    // A mark the preview drawn did not place: its state is the last full layout's, not what is shown.
    const previewing = this.full !== undefined && this.layout !== this.full.layout;
    const stale = previewing && !placedItem(this.layout, id);
    if (state && (stale || state.clustered || position < r0 || position > r1)) this.reveal(id);
    else if (state && !state.onScreen) this.render();
    el.classList.remove('is-clustered', 'is-offscreen');
    el.focus({ preventScroll: this.orientation === 'horizontal' });
  }

  private setUpControls() {
    attachControls(this, {
      action: (name) => {
        if (name === 'zoom-in') this.zoomControl.scaleBy(2);
        else if (name === 'zoom-out') this.zoomControl.scaleBy(0.5);
        else if (name === 'reset') this.setZoom(IDENTITY, 'push');
        else if (name === 'last-72h') {
          const lane = this.data.lanes.find((l) => !this.view.incidents || this.view.incidents.includes(l.id));
          const domain: [number, number] =
            this.kind() === 'calendar' ? (lane ? [lane.vote - 72 * HOUR, lane.vote + 6 * HOUR] : [0, 1]) : [-72, 6];
          this.setZoom(zoomFor(this.layout.extent, domain), 'push');
        } else if (name === 'download-svg' || name === 'download-png') {
          void import('./timeline-download.ts').then(({ downloadView }) =>
            downloadView(this, name === 'download-svg' ? 'svg' : 'png', shareUrl(this, this.view), this.view.align),
          );
        }
      },
      mode: (key, value) => {
        (this.view as unknown as Record<string, string>)[key] = value;
        // A range is measured on the axis: hours from T−0 mean nothing on the calendar.
        if (key === 'align') this.view.range = null;
        this.rebase();
        syncUrl(this, this.view, 'push');
      },
      filters: (kinds, incidents) => {
        this.view.kinds = kinds;
        this.view.incidents = incidents;
        this.rebase();
        syncUrl(this, this.view, 'push');
        if (!this.focused || !this.isShown(this.focused)) this.setCurrent(this.firstStop());
      },
    });
  }

  /** Where a mark stands along the time axis as laid out now (x across, y down), drawn or not: for tests and tools. */
  markPosition(id: string): number | undefined {
    const item = this.layout && placedItem(this.layout, id);
    if (item && 'clustered' in item) return this.orientation === 'vertical' ? item.y : item.x;
    return item?.t;
  }

  /** The address of this view on the full site (for the PNG's credit, a copied link, the embed's link). */
  shareUrl(): string {
    return shareUrl(this, this.view);
  }

  /** Back and Forward restore the view they lead to (pages that keep the view in the address; not embeds). */
  private setUpHistory() {
    if (!this.hasAttribute('data-url-state')) return;
    void import('./timeline/history.ts').then(({ attachHistory }) =>
      attachHistory(this, {
        restore: () => {
          dropPendingUrl();
          this.view = this.parseView(location.search).view;
          this.rebase();
          this.selectFromView();
        },
        leaving: (id) => {
          this.view.event = id;
          syncUrl(this, this.view, 'replace', true);
        },
        focusSelected: () => {
          if (this.view.event && this.isShown(this.view.event)) this.moveTo(this.view.event);
        },
      }),
    );
  }

  private notice(text: string) {
    const el = this.querySelector<HTMLElement>('.tl-notice');
    if (!el) return;
    el.textContent = text;
    el.hidden = false;
  }

  /** Listeners on the drawing itself (it changes when the screen turns). */
  private setUpMarks(svg: SVGSVGElement) {
    svg.addEventListener('click', (event) => {
      const cluster = (event.target as Element).closest('.tl-cluster');
      if (cluster) this.openCluster(cluster);
    });
    svg.addEventListener('keydown', (event) => {
      const cluster = (event.target as Element).closest('.tl-cluster');
      if (cluster && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        this.openCluster(cluster);
        return;
      }
      const id = (event.target as Element).closest<SVGAElement>('a.tl-mark')?.dataset.eventId;
      const state = id ? this.states.get(id) : undefined;
      if (!id || !state) return;
      let handled = true;
      switch (event.key) {
        case '+':
        case '=':
          this.zoomAroundMark(2, id);
          break;
        case '-':
        case '_':
        case '\u2212':
          this.zoomAroundMark(0.5, id);
          break;
        case 'Escape':
          this.tips?.hide();
          break;
        default: {
          const target = keyTarget(
            event.key,
            { id, laneId: this.laneOf(id) ?? '', t: state.t },
            this.shownKeyMarks(),
            this.data.lanes.map((l) => l.id),
            this.orientation,
          );
          handled = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key);
          this.moveTo(target?.id);
        }
      }
      if (handled) event.preventDefault();
    });
  }

  /** The marks shown, in time order, as the keyboard moves among them (positions read when asked: a preview moves some). */
  private shownKeyMarks(): KeyMark[] {
    const states = this.states;
    if (this.keyMarks?.states !== states) {
      const marks = this.data.marks
        .filter((m) => states.has(m.id))
        .map((m) => ({
          id: m.id,
          laneId: m.laneId,
          get t() {
            return states.get(m.id)!.t;
          },
        }));
      this.keyMarks = { states, marks };
    }
    return this.keyMarks.marks;
  }

  private zoomAroundMark(factor: number, id: string) {
    const lane = this.layout.lanes.find((l) => l.id === this.laneOf(id));
    this.zoomControl.scaleBy(factor, (this.states.get(id)?.t ?? 0) - (lane?.axisStart ?? 0));
    this.render();
    this.moveTo(id);
  }

  private setUpKeyboard() {
    // A skip link to the plot lands on the chart's tab stop, the first event of the top lane.
    const plot = this.querySelector<HTMLElement>('.tl-scroll');
    document.addEventListener('click', (event) => {
      const link = (event.target as Element).closest?.('a[href^="#"]');
      if (!plot?.id || !link || link.getAttribute('href') !== `#${plot.id}` || !this.focused) return;
      event.preventDefault();
      plot.scrollIntoView({ block: 'start' });
      this.moveTo(this.focused);
    });
    // On the chart, not the <svg> (see setUpTooltips): a dense chart's list of every event is beside the drawing.
    this.addEventListener('focusin', (event) => {
      // A screen reader's cursor can reach a mark that is folded or outside the view (in a dense
      // chart, its link in the list of every event): show it, and focus its mark.
      const link = (event.target as Element).closest<HTMLElement | SVGAElement>('a[data-event-id]');
      const id = link?.dataset.eventId;
      const state = id ? this.states.get(id) : undefined;
      const listed = link instanceof HTMLElement;
      if (id && state && (listed || (id !== this.focused && (state.clustered || !state.onScreen)))) this.moveTo(id);
      else if (id) this.setCurrent(id);
    });
  }

  /** Tooltips load on the first hover, focus or touch in the chart (most visits need them late or never). */
  private setUpTooltips() {
    const frame = this.querySelector<HTMLElement>('.tl-scroll') ?? this;
    let loading = false;
    let touch = false;
    let pending: SVGAElement | undefined;
    const load = (event: Event) => {
      if (loading) return;
      loading = true;
      void import('./timeline/tooltip.ts').then(({ Tooltips }) => {
        this.tips = new Tooltips(
          frame,
          this.tooltip,
          { source: this.dataset.textSource ?? '', open: this.dataset.textOpen ?? '→' },
          this.dom.dense ? dense.eventDetails(this.querySelector('script.tl-events')) : undefined,
        );
        this.tips.replay(event);
        if (pending) this.tips.card(pending);
      });
    };
    for (const type of ['pointerover', 'pointerdown', 'focusin']) frame.addEventListener(type, load, { capture: true });
    // A first tap that comes before the card's code: the link waits, the card follows.
    frame.addEventListener('pointerdown', (event) => (touch = event.pointerType === 'touch'));
    frame.addEventListener('click', (event) => {
      const el = (event.target as Element).closest<SVGAElement>('a.tl-mark');
      if (this.tips || !touch || !el) return;
      event.preventDefault();
      pending = el;
    });
  }
}

customElements.define('timeline-chart', TimelineChart);
