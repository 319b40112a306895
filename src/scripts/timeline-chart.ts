/**
 * <timeline-chart>: enhances the timeline the build drew. It never lays the chart out
 * differently from the build: positions, rows, clusters and ticks come from the same
 * pure modules (src/lib/timeline), re-run when the reader zooms, pans, filters or
 * changes the alignment. Adds keyboard navigation, tooltips, and the view in the URL.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { HOUR, axisKind, axisValue, type Axis } from '../lib/timeline/axis.ts';
import { GEOMETRY as G, laneHeight, layoutLane, timelineAxis, type LaneInput, type MarkInput } from '../lib/timeline/layout.ts';
import { clusterAccessibleName, fillTemplate } from '../lib/timeline/names.ts';
import { attachPinch } from './timeline/pinch.ts';
import type { Tooltips } from './timeline/tooltip.ts';
import { chooseTicks, setTickWords, tickCandidates } from '../lib/timeline/ticks.ts';
import { DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from '../lib/timeline/view-state.ts';
import type { EventKind, EventStatus } from '../lib/vocabulary.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const MAX_ZOOM = 50_000;
/** How far outside the view a clipped bar may still reach, in pixels. */
const SLACK = 50;

interface Lane {
  id: string;
  input: LaneInput;
  el: SVGGElement;
  vote: number;
  y: number;
  clusters: SVGGElement;
  voteRule: SVGLineElement;
}

interface Mark {
  id: string;
  /** What layoutLane needs to place it, read once from the SVG the build drew. */
  input: MarkInput;
  el: SVGAElement;
  lane: Lane;
  kind: EventKind;
  start: number;
  stop: number;
  band: boolean;
  x: number;
  clustered: boolean;
  visible: boolean;
  /** Drawn inside the view (marks outside it stay in the accessibility tree, undrawn). */
  onScreen: boolean;
  bar?: Element;
  label?: Element;
}

const attr = (el: Element, name: string, value: string | number) => el.setAttribute(name, String(value));

/** Writes an attribute only when it changes: most frames move few marks' every attribute. */
function update(el: Element, name: string, value: string) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function setDisplay(mark: Mark, shown: boolean) {
  const value = shown ? '' : 'none';
  if (mark.el.style.display !== value) mark.el.style.display = value;
}

/** Outside the view a mark is not painted but stays a link in the accessibility tree. */
function setOnScreen(mark: Mark, onScreen: boolean) {
  if (mark.onScreen === onScreen) return;
  mark.onScreen = onScreen;
  mark.el.classList.toggle('is-offscreen', !onScreen);
}

// What is drawn is clipped to the view (plus SLACK): zoomed far in, a month-long bar would be
// hundreds of thousands of pixels wide, and painting its dashed outline stalls frames.
function drawBand(mark: Mark, x0: number, x1: number, width: number) {
  const [v0, v1] = [Math.max(x0, -SLACK), Math.min(x1, width + SLACK)];
  const rect = mark.el.querySelector('rect')!;
  update(rect, 'x', v0.toFixed(1));
  update(rect, 'width', Math.max(2, v1 - v0).toFixed(1));
  update(mark.el.querySelector('text')!, 'x', (Math.max(x0, G.margin.left) + 4).toFixed(1));
}

function drawPoint(mark: Mark, x0: number, x1: number, bar: boolean, width: number) {
  const [v0, v1] = [Math.max(x0, -SLACK), Math.min(x1, width + SLACK)];
  const rect = (mark.bar ??= mark.el.querySelector('.tl-bar')!);
  update(rect, 'x', (v0 - mark.x).toFixed(1));
  update(rect, 'width', bar ? Math.max(0, v1 - v0).toFixed(1) : '0');
  update((mark.label ??= mark.el.querySelector('.tl-label')!), 'x', (Math.max(x1 - mark.x, 0) + G.radius + 5).toFixed(1));
}

function setLabel(mark: Mark, text: string) {
  const label = (mark.label ??= mark.el.querySelector('.tl-label')!);
  if (label.textContent !== text) label.textContent = text;
}

type HistoryMode = 'push' | 'replace';

class TimelineChart extends HTMLElement {
  private svg!: SVGSVGElement;
  private width = 1000;
  private lanes: Lane[] = [];
  private marks: Mark[] = [];
  private view: ViewState = { ...DEFAULT_VIEW };
  private axis!: Axis;
  private transform: ZoomTransform = zoomIdentity;
  private zoomBehavior!: ZoomBehavior<SVGSVGElement, unknown>;
  private tooltip!: HTMLElement;
  private tips?: Tooltips;
  private axisLayer!: SVGGElement;
  private focused?: Mark;
  private frame = 0;
  /** How the zoom that is under way goes into the history: a gesture or a button pushes, a reveal replaces. */
  private zoomHistory: HistoryMode = 'push';
  private kindNames: Record<string, string> = {};
  private byId = new Map<string, Mark>();

  static observedAttributes = ['data-defer'];

  /** [from, to) instants of a date range to show (an embed's ?from=&to=), if any. */
  private range?: [number, number];

  connectedCallback() {
    // An embed sets the view first (data-view, data-from, data-to), then removes data-defer.
    if (this.svg || this.hasAttribute('data-defer')) return;
    this.enhance();
  }

  attributeChangedCallback() {
    if (this.isConnected && !this.hasAttribute('data-defer')) this.connectedCallback();
  }

  private enhance() {
    // Marks for `npm run bench`, which reads them back from the Performance API.
    performance.mark('timeline:enhance:start');
    this.svg = this.querySelector('svg.tl-svg')!;
    this.width = Number(this.dataset.width) || 1000;
    setTickWords(JSON.parse(this.dataset.ticks!));
    this.tooltip = this.querySelector('.tl-tooltip')!;
    this.axisLayer = this.svg.querySelector('.tl-axis')!;
    try {
      this.kindNames = JSON.parse(this.dataset.kindNames ?? '{}') as Record<string, string>;
    } catch {
      this.kindNames = {};
    }
    this.readChart();
    const parsed = this.parseView(this.dataset.view ?? location.search);
    const day = (text: string | undefined, end: boolean) => (text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00Z`) + (end ? 86_400_000 : 0) : undefined);
    const from = day(this.dataset.from, false);
    const to = day(this.dataset.to, true);
    if (from !== undefined || to !== undefined) this.range = [from ?? -Infinity, to ?? Infinity];
    this.view = parsed.view;
    // Interface words come from the page (the server's dictionary), not from this script.
    if (parsed.invalid.length) this.notice(`${this.dataset.textInvalid ?? ''} ${parsed.invalid.join(', ')}.`);
    this.setUpControls();
    this.setUpZoom();
    this.setUpKeyboard();
    this.setUpTooltips();
    this.setUpHistory();
    this.classList.add('is-enhanced');
    this.rebase();
    this.selectFromView();
    this.scrollToVote();
    performance.measure('timeline:enhance', 'timeline:enhance:start');
  }

  /** In a box narrower than the chart (phones), open on the days around T−0 (or the selected event). */
  private scrollToVote() {
    const box = this.svg.parentElement!;
    // Only where the chart can be wider than its box (the phone layout): reading sizes forces a layout.
    if (!matchMedia('screen and (max-width: 47.99rem)').matches) return;
    if (box.scrollWidth <= box.clientWidth + 1) return;
    const scale = this.svg.getBoundingClientRect().width / this.width;
    const target = this.focused && this.view.event ? this.focused.x : this.kind() === 'calendar' ? this.width / 2 : this.x(0);
    box.scrollLeft = Math.max(0, target * scale - box.clientWidth * 0.7);
    // Lane titles follow the box's left edge, so that each lane stays named while it scrolls.
    const titles = [...this.svg.querySelectorAll<SVGTextElement>('.tl-lane-title')];
    const follow = () => {
      const x = (G.margin.left + box.scrollLeft / scale).toFixed(1);
      titles.forEach((title) => update(title, 'x', x));
    };
    box.addEventListener('scroll', follow, { passive: true });
    follow();
  }

  private parseView(search: string) {
    const knownIncidents = this.lanes.map((l) => l.id);
    const parsed = parseViewState(search, { incidents: knownIncidents, events: new Set(this.marks.map((m) => m.id)) });
    if (parsed.view.incidents) parsed.view.incidents = parsed.view.incidents.filter((id) => knownIncidents.includes(id));
    return parsed;
  }

  /** The event named in the view: highlighted, made the tab stop, and shown (zooming in only when no range is given). */
  private selectFromView() {
    this.svg.querySelectorAll('.tl-mark.is-selected').forEach((el) => el.classList.remove('is-selected'));
    const selected = this.view.event ? this.marks.find((m) => m.id === this.view.event) : undefined;
    if (!selected || !this.isShown(selected)) return;
    selected.el.classList.add('is-selected');
    this.setCurrent(selected);
    if (!this.view.range) this.reveal(selected);
  }

  /** Reads lanes and marks from the SVG the build drew. */
  private readChart() {
    for (const el of this.svg.querySelectorAll<SVGGElement>('.tl-lane')) {
      const clusters = document.createElementNS(SVG_NS, 'g');
      clusters.setAttribute('class', 'tl-clusters');
      el.querySelectorAll('.tl-cluster').forEach((c) => c.remove());
      el.append(clusters);
      const voteRule = document.createElementNS(SVG_NS, 'line');
      voteRule.setAttribute('class', 'tl-lane-vote');
      el.prepend(voteRule);
      const id = el.dataset.incident!;
      const vote = Number(el.dataset.vote);
      this.lanes.push({ id, input: { id, title: '', vote }, el, vote, y: Number(el.dataset.y), clusters, voteRule });
    }
    for (const lane of this.lanes) {
      for (const el of lane.el.querySelectorAll<SVGAElement>('a.tl-mark')) {
        el.setAttribute('tabindex', '-1');
        const input: MarkInput = {
          id: el.dataset.eventId!,
          laneId: lane.id,
          kind: el.dataset.kind as EventKind,
          status: el.dataset.status as EventStatus,
          approximate: el.classList.contains('is-approximate'),
          start: Number(el.dataset.start),
          stop: Number(el.dataset.stop),
          title: el.dataset.title ?? '',
        };
        this.marks.push({
          id: input.id,
          input,
          el,
          lane,
          kind: input.kind,
          start: input.start,
          stop: input.stop,
          band: el.classList.contains('tl-band'),
          x: 0,
          clustered: false,
          visible: true,
          onScreen: true,
        });
      }
    }
    this.marks.sort((a, b) => a.start - b.start || a.stop - b.stop);
    this.byId = new Map(this.marks.map((m) => [m.id, m]));
    this.setCurrent(this.firstStop());
  }

  /** The chart's first tab stop: the first event of the top lane shown (a point before a band). */
  private firstStop(): Mark | undefined {
    for (const lane of this.lanes) {
      const inLane = this.marks.filter((m) => m.lane === lane && this.isShown(m));
      const first = inLane.find((m) => !m.band) ?? inLane[0];
      if (first) return first;
    }
    return undefined;
  }

  private inRange(start: number) {
    return !this.range || (start >= this.range[0] && start < this.range[1]);
  }

  private isShown(mark: Mark) {
    return this.inRange(mark.start) && (!this.view.kinds || this.view.kinds.includes(mark.kind)) && (!this.view.incidents || this.view.incidents.includes(mark.lane.id));
  }

  private kind() {
    return axisKind(this.view.align, this.view.scale);
  }

  /** New base axis for the current mode and filters; the visible range of the view is kept. */
  private rebase() {
    const kind = this.kind();
    const scaleControl = this.querySelector<HTMLSelectElement>('select[data-control="scale"]');
    // Calendar time is always linear; the scale choice applies to the aligned view.
    if (scaleControl) scaleControl.disabled = kind === 'calendar';
    const shown = this.marks.filter((m) => this.isShown(m));
    const lanes = this.lanes.filter((l) => !this.view.incidents || this.view.incidents.includes(l.id)).map((l) => l.input);
    this.axis = timelineAxis(lanes, shown.map((m) => m.input), kind, this.width);
    this.transform = this.view.range ? this.transformFor(this.view.range) : zoomIdentity;
    if (this.transform.k <= 1.0001) this.view.range = null;
    select(this.svg).property('__zoom', this.transform);
    this.syncFootnote();
    this.describe(shown);
    this.render();
  }

  /** Heading words that count: the description and the table caption say what the filters leave. */
  private describe(shown: Mark[]) {
    const lanes = new Set(shown.map((m) => m.lane.id)).size;
    const description = this.querySelector('.tl-description');
    const template = lanes === 1 ? this.dataset.textDescriptionOne : this.dataset.textDescriptionMany;
    if (description && template) description.textContent = fillTemplate(template, { lanes, events: shown.length });
    const caption = this.querySelector('.tl-table-caption');
    const filtered = Boolean(this.view.kinds || this.view.incidents || this.range);
    const captionTemplate = filtered ? this.dataset.textCaptionSome : this.dataset.textCaptionAll;
    if (caption && captionTemplate) caption.textContent = fillTemplate(captionTemplate, { rows: shown.length });
    this.dispatchEvent(new CustomEvent('timeline:view', { detail: { query: serializeViewState(this.view), lanes, events: shown.length } }));
  }

  /** The T−0 footnote (and the asterisk that points to it) only while a lane it concerns is shown. */
  private syncFootnote() {
    const footnote = this.querySelector<HTMLElement>('.tl-footnote[data-incidents]');
    if (!footnote) return;
    const concerned = (footnote.dataset.incidents ?? '').split(' ').filter(Boolean);
    const shown = concerned.some((id) => !this.view.incidents || this.view.incidents.includes(id));
    footnote.hidden = !shown;
    const label = this.svg.querySelector('.tl-vote text');
    if (label) label.textContent = `${(label.textContent ?? '').replace(/\*$/, '')}${shown ? '*' : ''}`;
  }

  private x(value: number) {
    return this.transform.applyX(this.axis.toX(value));
  }

  private render() {
    const started = performance.now();
    this.draw();
    performance.measure('timeline:render', { start: started, end: performance.now() });
  }

  private draw() {
    const kind = this.kind();
    let y = G.margin.top;
    for (const lane of this.lanes) {
      const laneShown = !this.view.incidents || this.view.incidents.includes(lane.id);
      lane.el.style.display = laneShown ? '' : 'none';
      if (!laneShown) continue;
      attr(lane.el, 'transform', `translate(0,${y - lane.y})`);

      const shown: MarkInput[] = [];
      for (const mark of this.marks) {
        if (mark.lane !== lane) continue;
        mark.visible = this.isShown(mark);
        setDisplay(mark, mark.visible);
        if (mark.visible) shown.push(mark.input);
      }
      // The layout is the build's own (layoutLane); what follows only applies it to the DOM.
      const laid = layoutLane(lane.input, shown, kind, (v) => this.x(v), lane.y, this.width);
      for (const band of laid.bands) {
        const mark = this.byId.get(band.id)!;
        mark.x = (band.x0 + band.x1) / 2;
        const onScreen = band.x1 >= -SLACK && band.x0 <= this.width + SLACK;
        setOnScreen(mark, onScreen);
        if (onScreen) drawBand(mark, band.x0, band.x1, this.width);
      }
      for (const placed of laid.marks) {
        const mark = this.byId.get(placed.id)!;
        mark.x = placed.x;
        mark.clustered = placed.clustered;
        // Positions are always kept true (the keyboard and clusters need them), but marks
        // outside the view are not drawn: at 5,000 events most DOM writes would be wasted.
        const onScreen = placed.x1 >= -SLACK && placed.x0 <= this.width + SLACK;
        const wasOnScreen = mark.onScreen;
        setOnScreen(mark, onScreen || mark === this.focused);
        const position = `translate(${placed.x.toFixed(1)},${placed.y})`;
        if (!mark.onScreen && !wasOnScreen) {
          // Unpainted, yet in the accessibility tree: moving it would cost a layout of the SVG
          // every frame. Its position is kept in data-x (for tests and tools) and applied when it returns.
          mark.el.dataset.x = placed.x.toFixed(1);
          continue;
        }
        update(mark.el, 'transform', position);
        if (mark.el.dataset.x !== undefined) delete mark.el.dataset.x;
        drawPoint(mark, placed.x0, placed.x1, placed.bar, this.width);
        mark.el.classList.toggle('is-clustered', mark.clustered && mark !== this.focused);
        mark.el.classList.toggle('has-label', placed.labelVisible);
        if (placed.labelVisible) setLabel(mark, placed.label);
      }
      const rule = lane.voteRule;
      attr(rule, 'x1', laid.voteX);
      attr(rule, 'x2', laid.voteX);
      attr(rule, 'y1', lane.y + 4);
      attr(rule, 'y2', lane.y + laneHeight());
      rule.style.display = kind === 'calendar' ? '' : 'none';
      const arrangement = laid;
      lane.clusters.replaceChildren(
        ...arrangement.clusters.map((cluster) => {
          const group = document.createElementNS(SVG_NS, 'g');
          group.setAttribute('class', 'tl-cluster');
          group.setAttribute('role', 'button');
          group.setAttribute('tabindex', '-1');
          const kinds = cluster.ids.map((id) => this.byId.get(id)?.kind ?? '');
          group.setAttribute('aria-label', clusterAccessibleName(kinds, this.kindNames, this.dataset.textCluster ?? '{count}'));
          group.dataset.ids = cluster.ids.join(' ');
          attr(group, 'transform', `translate(${cluster.x.toFixed(1)},${cluster.y})`);
          const circle = document.createElementNS(SVG_NS, 'circle');
          attr(circle, 'r', G.radius + 6);
          const text = document.createElementNS(SVG_NS, 'text');
          attr(text, 'y', 4);
          attr(text, 'text-anchor', 'middle');
          text.setAttribute('aria-hidden', 'true');
          text.textContent = String(cluster.ids.length);
          group.append(circle, text);
          group.dataset.x = String(cluster.x);
          return group;
        }),
      );
      y += laneHeight();
    }
    const height = y + G.margin.bottom;
    attr(this.svg, 'viewBox', `0 0 ${this.width} ${height}`);
    attr(this.svg, 'height', height);
    this.renderAxis(height - G.margin.bottom);
  }

  private renderAxis(bottom: number) {
    const aligned = this.kind() !== 'calendar';
    const [from, to] = this.visibleDomain();
    const ticks = chooseTicks(tickCandidates(this.axis, from, to), (v) => this.x(v), G.tickGap);
    this.axisLayer.replaceChildren(
      ...ticks.map((tick) => {
        const group = document.createElementNS(SVG_NS, 'g');
        group.setAttribute('class', 'tl-tick');
        attr(group, 'transform', `translate(${tick.x.toFixed(1)},0)`);
        const line = document.createElementNS(SVG_NS, 'line');
        attr(line, 'y1', G.margin.top - 8);
        attr(line, 'y2', bottom);
        const text = document.createElementNS(SVG_NS, 'text');
        attr(text, 'y', G.margin.top - 14);
        attr(text, 'text-anchor', 'middle');
        text.textContent = tick.label;
        group.append(line, text);
        return group;
      }),
    );
    const vote = this.svg.querySelector<SVGGElement>('.tl-vote')!;
    vote.style.display = aligned ? '' : 'none';
    if (aligned) {
      const x = this.x(0).toFixed(1);
      const line = vote.querySelector('line')!;
      attr(line, 'x1', x);
      attr(line, 'x2', x);
      attr(line, 'y2', bottom);
      attr(vote.querySelector('text')!, 'x', (Number(x) + 4).toFixed(1));
      attr(vote.querySelector('text')!, 'y', bottom - 2);
    }
  }

  /** The axis values at the plot's left and right edges. */
  private visibleDomain(): [number, number] {
    return [this.axis.fromX(this.transform.invertX(G.margin.left)), this.axis.fromX(this.transform.invertX(this.width - G.margin.right))];
  }

  /** The zoom that shows [v0, v1] of the base axis, kept within the chart's extent. */
  private transformFor([v0, v1]: [number, number]): ZoomTransform {
    const [r0, r1] = [G.margin.left, this.width - G.margin.right];
    const [x0, x1] = [this.axis.toX(v0), this.axis.toX(v1)];
    const k = Math.max(1, Math.min(MAX_ZOOM, (r1 - r0) / Math.max(1e-6, x1 - x0)));
    // Centred on the range, so that a range narrower than the deepest zoom stays in the middle.
    return this.clamped(k, (r0 + r1) / 2 - (k * (x0 + x1)) / 2);
  }

  private scheduleRender() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private setUpZoom() {
    const svg = this.svg;
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .extent([
        [G.margin.left, 0],
        [this.width - G.margin.right, 100],
      ])
      .translateExtent([
        [G.margin.left, -Infinity],
        [this.width - G.margin.right, Infinity],
      ])
      // A plain wheel scrolls the page; Ctrl/⌘ + wheel (and trackpad pinch) zooms, as do buttons and keys.
      // Touches are left to the page (a swipe scrolls it); a two-finger pinch is handled below.
      .filter((event: Event) => {
        if (event.type.startsWith('touch')) return false;
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if (event.type === 'dblclick') return false;
        return !(event as MouseEvent).button;
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = event.transform;
        this.scheduleRender();
        this.hideTooltip();
      })
      .on('end', () => {
        // A zoom settled: its range joins the view (pushed for a reader's gesture, replaced for a reveal).
        const mode = this.zoomHistory;
        this.zoomHistory = 'push';
        const range = this.transform.k <= 1.0001 ? null : this.visibleDomain();
        const same = range === this.view.range || (range && this.view.range && Math.abs(range[0] - this.view.range[0]) < 1e-9 && Math.abs(range[1] - this.view.range[1]) < 1e-9);
        if (same) return;
        this.view.range = range;
        this.syncUrl(mode);
      });
    select(svg).call(this.zoomBehavior);
    attachPinch(this.svg, (factor, clientX) => {
      const box = this.svg.getBoundingClientRect();
      this.zoomBehavior.scaleBy(select(this.svg), factor, [(clientX - box.left) * (this.width / box.width), 0]);
    });
  }

  /** Zooms by `factor` around an x position (the focused mark, or the centre). */
  private zoomBy(factor: number, aroundX?: number) {
    const x = aroundX ?? (G.margin.left + this.width - G.margin.right) / 2;
    this.zoomBehavior.scaleBy(select(this.svg), factor, [x, 0]);
  }

  /** A zoom that keeps the chart's own extent filling the view (no panning past the data). */
  private clamped(k: number, tx: number): ZoomTransform {
    const [r0, r1] = [G.margin.left, this.width - G.margin.right];
    const scale = Math.max(1, Math.min(MAX_ZOOM, k));
    return zoomIdentity.translate(Math.min(r0 - scale * r0, Math.max(r1 - scale * r1, tx)), 0).scale(scale);
  }

  private zoomToRange(v0: number, v1: number) {
    this.zoomBehavior.transform(select(this.svg), this.transformFor([v0, v1]));
  }

  /** Centres a mark and zooms in until it stands apart from any cluster. */
  private reveal(mark: Mark) {
    if (!mark.visible) return;
    const base = (mark.x - this.transform.x) / this.transform.k;
    let k = this.transform.k;
    const centre = (G.margin.left + this.width - G.margin.right) / 2;
    for (let i = 0; i < 24; i++) {
      this.transform = this.clamped(k, centre - k * base);
      this.render();
      if (!mark.clustered || k >= MAX_ZOOM) break;
      k = Math.min(MAX_ZOOM, k * 2);
    }
    this.zoomHistory = 'replace';
    this.zoomBehavior.transform(select(this.svg), this.transform);
  }

  /** A cluster opens: the view zooms to its members (with a margin), and the first of them takes focus. */
  private openCluster(group: Element) {
    const ids = (group.getAttribute('data-ids') ?? '').split(' ');
    const members = this.marks.filter((m) => ids.includes(m.id));
    if (!members.length) return;
    const kind = this.kind();
    const values = members.flatMap((m) => [axisValue(kind, m.start, m.lane.vote), axisValue(kind, m.stop, m.lane.vote)]);
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    const [x0, x1] = [this.axis.toX(lo), this.axis.toX(hi)];
    const pad = Math.max((x1 - x0) * 0.6, 1e-3);
    this.zoomBehavior.transform(select(this.svg), this.transformFor([this.axis.fromX(x0 - pad), this.axis.fromX(x1 + pad)]));
    this.render();
    const first = members.sort((a, b) => a.start - b.start)[0];
    this.moveTo(first);
  }

  private setUpControls() {
    const controls = this.querySelector<HTMLElement>('.tl-controls');
    if (controls) controls.hidden = false;
    this.querySelectorAll<HTMLElement>('.tl-js-only').forEach((el) => (el.hidden = false));
    this.querySelector('[data-action="zoom-in"]')?.addEventListener('click', () => this.zoomBy(2));
    this.querySelector('[data-action="zoom-out"]')?.addEventListener('click', () => this.zoomBy(0.5));
    this.querySelector('[data-action="reset"]')?.addEventListener('click', () => this.zoomBehavior.transform(select(this.svg), zoomIdentity));
    for (const format of ['svg', 'png'] as const) {
      this.querySelector(`[data-action="download-${format}"]`)?.addEventListener('click', async () => {
        const { downloadView } = await import('./timeline-download.ts');
        await downloadView(this, format, this.shareUrl());
      });
    }
    this.querySelector('[data-action="last-72h"]')?.addEventListener('click', () => {
      if (this.kind() === 'calendar') {
        const lane = this.lanes.find((l) => !this.view.incidents || this.view.incidents.includes(l.id));
        if (lane) this.zoomToRange(lane.vote - 72 * HOUR, lane.vote + 6 * HOUR);
      } else this.zoomToRange(-72, 6);
    });
    for (const control of this.querySelectorAll<HTMLSelectElement>('select[data-control]')) {
      const key = control.dataset.control as 'align' | 'scale';
      control.addEventListener('change', () => {
        (this.view as unknown as Record<string, string>)[key] = control.value;
        // A range is measured on the axis: hours from T−0 mean nothing on the calendar.
        if (key === 'align') this.view.range = null;
        this.rebase();
        this.syncUrl('push');
      });
    }
    for (const button of this.querySelectorAll<HTMLButtonElement>('.tl-legend-item')) {
      button.disabled = false;
      button.addEventListener('click', () => {
        button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
        this.readFilters();
      });
    }
    this.syncControls();
  }

  /** Controls show the view (after a load or Back). */
  private syncControls() {
    for (const control of this.querySelectorAll<HTMLSelectElement>('select[data-control]')) {
      control.value = this.view[control.dataset.control as 'align' | 'scale'];
    }
    for (const button of this.querySelectorAll<HTMLButtonElement>('.tl-legend-item')) {
      const kind = button.dataset.filterKind as EventKind | undefined;
      const incident = button.dataset.filterIncident;
      const pressed = kind ? !this.view.kinds || this.view.kinds.includes(kind) : !this.view.incidents || this.view.incidents.includes(incident!);
      button.setAttribute('aria-pressed', String(pressed));
    }
    this.filterTable();
  }

  private readFilters() {
    const pressed = (selector: string, key: string) => {
      const buttons = [...this.querySelectorAll<HTMLButtonElement>(selector)];
      const on = buttons.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset[key]!);
      return on.length === buttons.length ? null : on;
    };
    this.view.kinds = pressed('[data-filter-kind]', 'filterKind') as EventKind[] | null;
    this.view.incidents = pressed('[data-filter-incident]', 'filterIncident');
    this.filterTable();
    this.rebase();
    this.syncUrl('push');
    if (!this.focused || !this.isShown(this.focused)) this.setCurrent(this.firstStop());
  }

  private filterTable() {
    for (const row of this.querySelectorAll<HTMLTableRowElement>('.tl-table tbody tr')) {
      const shown = this.inRange(Number(row.dataset.start)) && (!this.view.kinds || this.view.kinds.includes(row.dataset.rowKind as EventKind)) && (!this.view.incidents || this.view.incidents.includes(row.dataset.rowIncident!));
      row.hidden = !shown;
    }
  }

  /** The address of this view on the full site (for the PNG's credit, a copied link, the embed's link). */
  shareUrl(): string {
    return `${this.dataset.site ?? '/'}${serializeViewState(this.view)}`;
  }

  /** The view goes into the address; deliberate changes push a history entry so that Back undoes them. */
  private syncUrl(mode: HistoryMode) {
    const query = serializeViewState(this.view);
    this.dispatchEvent(new CustomEvent('timeline:view', { detail: { query } }));
    if (!this.hasAttribute('data-url-state')) return;
    const url = `${location.pathname}${query}${location.hash}`;
    if (mode === 'push' && query !== location.search) history.pushState({ timeline: true }, '', url);
    else history.replaceState(history.state, '', url);
  }

  /** Back and Forward restore the view they lead to (pages that keep the view in the address; not embeds). */
  private setUpHistory() {
    if (!this.hasAttribute('data-url-state')) return;
    void import('./timeline/history.ts').then(({ attachHistory }) =>
      attachHistory(this.svg, {
        restore: () => {
          this.view = this.parseView(location.search).view;
          this.syncControls();
          this.rebase();
          this.selectFromView();
        },
        leaving: (id) => {
          this.view.event = id;
          this.syncUrl('replace');
        },
        focusSelected: () => {
          const mark = this.view.event ? this.byId.get(this.view.event) : undefined;
          if (mark && mark.visible) this.moveTo(mark);
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

  /** Makes a mark the chart's single tab stop. */
  private setCurrent(mark?: Mark) {
    if (!mark) return;
    if (this.focused) this.focused.el.setAttribute('tabindex', '-1');
    this.focused = mark;
    mark.el.setAttribute('tabindex', '0');
  }

  private moveTo(mark: Mark | undefined) {
    if (!mark) return;
    const previous = this.focused;
    this.setCurrent(mark);
    previous?.el.classList.toggle('is-clustered', previous.clustered);
    const left = G.margin.left;
    const right = this.width - G.margin.right;
    if (mark.clustered || mark.x < left || mark.x > right) this.reveal(mark);
    mark.el.classList.remove('is-clustered');
    if (!mark.onScreen) this.render();
    mark.el.focus({ preventScroll: true });
  }

  private setUpKeyboard() {
    // A skip link to the plot lands on the chart's tab stop, the first event of the top lane.
    const plot = this.svg.parentElement;
    document.addEventListener('click', (event) => {
      const link = (event.target as Element).closest?.('a[href^="#"]');
      if (!plot?.id || !link || link.getAttribute('href') !== `#${plot.id}` || !this.focused) return;
      event.preventDefault();
      plot.scrollIntoView({ block: 'start' });
      this.moveTo(this.focused);
    });
    this.svg.addEventListener('click', (event) => {
      const cluster = (event.target as Element).closest('.tl-cluster');
      if (cluster) this.openCluster(cluster);
    });
    // On the wrapper, not the <svg> (see setUpTooltips).
    plot?.addEventListener('focusin', (event) => {
      // A screen reader's cursor can reach a mark that is folded or outside the view: show it.
      const mark = this.marks.find((m) => m.el === (event.target as Element).closest('a.tl-mark'));
      if (mark && mark !== this.focused && (mark.clustered || !mark.onScreen)) this.moveTo(mark);
      else if (mark) this.setCurrent(mark);
    });
    this.svg.addEventListener('keydown', (event) => {
      const cluster = (event.target as Element).closest('.tl-cluster');
      if (cluster && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        this.openCluster(cluster);
        return;
      }
      const mark = this.marks.find((m) => m.el === (event.target as Element).closest('a.tl-mark'));
      if (!mark) return;
      const visible = this.marks.filter((m) => m.visible);
      const inLane = visible.filter((m) => m.lane === mark.lane);
      const i = inLane.indexOf(mark);
      const lanes = this.lanes.filter((l) => visible.some((m) => m.lane === l));
      const laneIndex = lanes.indexOf(mark.lane);
      const nearestIn = (lane?: Lane) => {
        const candidates = visible.filter((m) => m.lane === lane);
        return candidates.reduce<Mark | undefined>((best, m) => (!best || Math.abs(m.x - mark.x) < Math.abs(best.x - mark.x) ? m : best), undefined);
      };
      let handled = true;
      switch (event.key) {
        case 'ArrowRight': this.moveTo(inLane[i + 1]); break;
        case 'ArrowLeft': this.moveTo(inLane[i - 1]); break;
        case 'ArrowDown': this.moveTo(nearestIn(lanes[laneIndex + 1])); break;
        case 'ArrowUp': this.moveTo(nearestIn(lanes[laneIndex - 1])); break;
        case 'Home': this.moveTo(inLane[0]); break;
        case 'End': this.moveTo(inLane[inLane.length - 1]); break;
        case '+': case '=': this.zoomBy(2, mark.x); this.moveTo(mark); break;
        case '-': case '_': case '\u2212': this.zoomBy(0.5, mark.x); this.moveTo(mark); break;
        case 'Escape': this.hideTooltip(); break;
        default: handled = false;
      }
      if (handled) event.preventDefault();
    });
  }

  /** Tooltips load on the first hover, focus or touch in the chart (most visits need them late or never). */
  private setUpTooltips() {
    const frame = this.svg.parentElement ?? this;
    let loading = false;
    let touch = false;
    let pending: SVGAElement | undefined;
    const load = (event: Event) => {
      if (loading) return;
      loading = true;
      void import('./timeline/tooltip.ts').then(({ Tooltips }) => {
        this.tips = new Tooltips(this.svg, this.tooltip, { source: this.dataset.textSource ?? '', open: this.dataset.textOpen ?? '→' });
        this.tips.replay(event);
        if (pending) this.tips.card(pending);
      });
    };
    for (const type of ['pointerover', 'pointerdown', 'focusin']) frame.addEventListener(type, load, { capture: true });
    // A first tap that comes before the card's code: the link waits, the card follows.
    this.svg.addEventListener('pointerdown', (event) => (touch = event.pointerType === 'touch'));
    this.svg.addEventListener('click', (event) => {
      const el = (event.target as Element).closest<SVGAElement>('a.tl-mark');
      if (this.tips || !touch || !el) return;
      event.preventDefault();
      pending = el;
    });
  }

  private hideTooltip() {
    this.tips?.hide();
  }
}

customElements.define('timeline-chart', TimelineChart);
