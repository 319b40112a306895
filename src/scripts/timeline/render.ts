/**
 * Applies a layout (from layoutTimeline, the build's own function) to the drawing: keyed by
 * event id, writing only the attributes that change. Nothing here computes a position. In a
 * dense chart (see DENSE_EVENTS) only the links drawn are in the page.
 */
import type { Line, PlacedBand, PlacedMark, TimelineLayout } from '../../lib/timeline/layout.ts';
import { bandHatchPath } from '../../lib/timeline/hatch.ts';
import { GEOMETRY, VERTICAL } from '../../lib/timeline/layout.ts';
import { clusterAccessibleName } from '../../lib/timeline/names.ts';
import type { ChartDom, LaneDom } from './read.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const f = (n: number) => n.toFixed(1);

/** Writes an attribute only when it changes: most frames move few marks. */
function update(el: Element, name: string, value: string) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function setLine(el: Element, line: Line) {
  update(el, 'x1', f(line.x1));
  update(el, 'x2', f(line.x2));
  update(el, 'y1', f(line.y1));
  update(el, 'y2', f(line.y2));
}

function setBox(el: Element, box: { x: number; y: number; width: number; height: number }) {
  update(el, 'x', f(box.x));
  update(el, 'y', f(box.y));
  update(el, 'width', f(box.width));
  update(el, 'height', f(box.height));
}

function setAt(el: Element, at: { x: number; y: number }) {
  update(el, 'x', f(at.x));
  update(el, 'y', f(at.y));
}

function show(el: HTMLElement | SVGElement, shown: boolean) {
  if (el.hasAttribute('display')) el.removeAttribute('display');
  const value = shown ? '' : 'none';
  if (el.style.display !== value) el.style.display = value;
}

/** A dense chart: a link joins its lane when drawn, and leaves the page when not (made again from the data if need be). */
function place(el: SVGAElement, drawn: boolean, lane: LaneDom, before: Element) {
  if (drawn === (el.parentNode === lane.el)) return;
  if (drawn) lane.el.insertBefore(el, before);
  else el.remove();
}

export interface RenderContext {
  /** The chart's tab stop: always painted, never folded. */
  focused?: string;
  kindOf: (id: string) => string;
  kindNames: Record<string, string>;
  clusterTemplate: string;
  /** The filters changed: marks are shown or hidden anew. */
  refilter?: boolean;
}

/** What the reader can see of each mark after a render (the keyboard and reveals need it). */
export interface MarkState {
  /** Position along the time axis. */
  t: number;
  clustered: boolean;
  onScreen: boolean;
}

/** A label's text: one line, or lines as <tspan>s one below the other. */
function setLabel(label: Element, lines: string[], x: number) {
  const text = lines.join('\n');
  if (
    (label as SVGTextElement).dataset.text === text ||
    (lines.length === 1 && !(label as SVGTextElement).dataset.text && label.textContent === text)
  )
    return;
  (label as SVGTextElement).dataset.text = text;
  if (lines.length === 1) {
    label.textContent = text;
    return;
  }
  label.replaceChildren(
    ...lines.map((line, i) => {
      const span = document.createElementNS(SVG_NS, 'tspan');
      span.setAttribute('x', f(x));
      if (i) span.setAttribute('dy', String(VERTICAL.lineStep));
      span.textContent = line;
      return span;
    }),
  );
}

/** A band's label ("campaign silence"): made the first time it has room, hidden where it has none. */
function setBandLabel(el: SVGAElement, band: PlacedBand, context: RenderContext, vertical: boolean) {
  let label = el.querySelector<SVGTextElement>('.tl-band-label');
  if (!band.labelVisible) {
    if (label) show(label, false);
    return;
  }
  if (!label) {
    label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('class', 'tl-band-label');
    if (vertical) label.setAttribute('text-anchor', 'end');
    label.textContent = (context.kindNames.blackout ?? 'campaign silence').toLowerCase();
    el.append(label);
  }
  show(label, true);
  setAt(label, band.labelAt);
}

/** A mark's parts, found once. */
const partsOf = new WeakMap<SVGAElement, { bar: Element; label: Element }>();

function drawMark(el: SVGAElement, mark: PlacedMark) {
  update(el, 'transform', `translate(${f(mark.x)},${f(mark.y)})`);
  let parts = partsOf.get(el);
  if (!parts) {
    parts = { bar: el.querySelector('.tl-bar')!, label: el.querySelector('.tl-label')! };
    partsOf.set(el, parts);
  }
  setBox(parts.bar, mark.barBox);
  const label = parts.label;
  setAt(label, mark.labelAt);
  // A link made here starts without words: it gets its label once, so that focus shows it where it has no room.
  if (mark.labelVisible || !label.firstChild) setLabel(label, mark.labelLines ?? [mark.label], mark.labelAt.x);
}

/** The member list a cluster's group last showed. */
const membersOf = new WeakMap<SVGGElement, readonly string[]>();

/** A cluster group's key: its first member (the build's groups carry their members in data-ids). */
function clusterKey(group: SVGGElement): string {
  const members = membersOf.get(group);
  if (members) return members[0];
  const ids = group.dataset.ids ?? '';
  const space = ids.indexOf(' ');
  return space < 0 ? ids : ids.slice(0, space);
}

function clusterGroup(radius: number): SVGGElement {
  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', 'tl-cluster');
  group.setAttribute('role', 'button');
  group.setAttribute('tabindex', '-1');
  const circle = document.createElementNS(SVG_NS, 'circle');
  circle.setAttribute('r', String(radius + 6));
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('y', '4');
  text.setAttribute('text-anchor', 'middle');
  text.setAttribute('aria-hidden', 'true');
  group.append(circle, text);
  return group;
}

export function applyLayout(dom: ChartDom, layout: TimelineLayout, context: RenderContext): Map<string, MarkState> {
  const states = new Map<string, MarkState>();
  const shownLanes = new Set(layout.lanes.map((l) => l.id));
  for (const [id, lane] of dom.lanes) show(lane.el, shownLanes.has(id));
  for (const lane of layout.lanes) {
    const el = dom.lanes.get(lane.id)!;
    setLine(el.rule, lane.rule);
    setLine(el.voteRule, lane.voteRule);
    // Each lane's own T−0 rule: on the calendar, and in every lane down a phone.
    show(el.voteRule, !layout.vote);
    setAt(el.title, lane.titleAt);
  }
  for (const lane of layout.lanes) update(dom.lanes.get(lane.id)!.hatch, 'd', bandHatchPath(layout, lane.id));
  // Only a change of filters asks which marks are in the layout at all.
  const placed = context.refilter ? new Set<string>() : undefined;
  // A dense chart makes a link only when it is drawn: the others are not looked at.
  const existing = (id: string, drawn: boolean) => (drawn || !dom.dense ? dom.marks.get(id) : Map.prototype.get.call(dom.marks, id));
  for (const band of layout.bands) {
    placed?.add(band.id);
    states.set(band.id, { t: band.t, clustered: false, onScreen: band.onScreen });
    const drawn = band.onScreen || band.id === context.focused;
    const el = existing(band.id, drawn);
    if (!el) continue;
    if (el.classList.contains('is-offscreen') !== !drawn) el.classList.toggle('is-offscreen', !drawn);
    if (dom.dense) {
      const lane = dom.lanes.get(band.laneId)!;
      place(el, drawn, lane, lane.title);
    }
    if (!band.onScreen) continue;
    setBox(el.querySelector('rect')!, band.box);
    setBandLabel(el, band, context, layout.orientation === 'vertical');
  }
  for (const mark of layout.marks) {
    placed?.add(mark.id);
    states.set(mark.id, { t: (mark.t0 + mark.t1) / 2, clustered: mark.clustered, onScreen: mark.onScreen });
    const focused = mark.id === context.focused;
    const onScreen = mark.onScreen || focused;
    const folded = mark.clustered && !focused;
    const el = existing(mark.id, onScreen && !folded);
    if (!el) continue;
    const wasOnScreen = !el.classList.contains('is-offscreen');
    if (onScreen !== wasOnScreen) el.classList.toggle('is-offscreen', !onScreen);
    if (folded !== el.classList.contains('is-clustered')) el.classList.toggle('is-clustered', folded);
    if (dom.dense) {
      const lane = dom.lanes.get(mark.laneId)!;
      place(el, onScreen && !folded, lane, lane.clusters);
    }
    // Outside the view or folded into a cluster: not painted, yet in the accessibility tree.
    // Moving it would cost DOM writes and a layout of the SVG every frame: it moves when it shows.
    if (!onScreen || folded) continue;
    drawMark(el, mark);
    if (mark.labelVisible !== el.classList.contains('has-label')) el.classList.toggle('has-label', mark.labelVisible);
  }
  // Filtered out: not drawn, and out of the accessibility tree (only filters change this, not a zoom).
  if (placed) {
    for (const [id, el] of dom.marks) show(el, placed.has(id));
    dom.everyEvent?.showOnly(placed);
  }

  const radius = layout.orientation === 'vertical' ? VERTICAL.radius : GEOMETRY.radius;
  for (const lane of layout.lanes) {
    const layer = dom.lanes.get(lane.id)!.clusters;
    // Only those in view: zoomed in, a lane can fold hundreds of marks outside it.
    const clusters = layout.clusters.filter((c) => c.laneId === lane.id && c.onScreen);
    // Keyed by first member: a zoom step moves most clusters, changes few and drops those that
    // leave the view, and a group keeps its name (thousands of members are not named again).
    const byKey = new Map<string, SVGGElement>();
    for (const group of layer.children as HTMLCollectionOf<SVGGElement>) byKey.set(clusterKey(group), group);
    const groups = clusters.map((cluster) => {
      const group = byKey.get(cluster.ids[0]);
      byKey.delete(cluster.ids[0]);
      return group;
    });
    const spare = [...byKey.values()];
    const ordered = groups.map((group) => group ?? spare.pop() ?? clusterGroup(radius));
    for (const group of spare) group.remove();
    if (ordered.some((group, i) => layer.children[i] !== group)) layer.append(...ordered);
    clusters.forEach((cluster, i) => {
      const group = ordered[i];
      // The same members as drawn (a preview keeps the layout's lists): thousands of ids are not joined again.
      if (membersOf.get(group) !== cluster.ids) {
        membersOf.set(group, cluster.ids);
        const ids = cluster.ids.join(' ');
        if (group.dataset.ids !== ids) {
          group.dataset.ids = ids;
          group.setAttribute(
            'aria-label',
            clusterAccessibleName(cluster.ids.map(context.kindOf), context.kindNames, context.clusterTemplate),
          );
          group.lastElementChild!.textContent = String(cluster.ids.length);
        }
      }
      update(group, 'transform', `translate(${f(cluster.x)},${f(cluster.y)})`);
      update(group.firstElementChild!, 'r', String(radius + 6));
    });
  }

  dom.axis.replaceChildren(
    ...layout.ticks.map((tick) => {
      const group = document.createElementNS(SVG_NS, 'g');
      group.setAttribute('class', 'tl-tick');
      const line = document.createElementNS(SVG_NS, 'line');
      setLine(line, tick.line);
      const text = document.createElementNS(SVG_NS, 'text');
      text.setAttribute('x', f(tick.labelAt.x));
      text.setAttribute('y', f(tick.labelAt.y));
      text.setAttribute('text-anchor', tick.anchor);
      text.textContent = tick.label;
      group.append(line, text);
      return group;
    }),
  );
  show(dom.vote, Boolean(layout.vote));
  if (layout.vote) {
    setLine(dom.vote.querySelector('line')!, layout.vote.line);
    setAt(dom.vote.querySelector('text')!, layout.vote.labelAt);
  }
  update(dom.svg, 'viewBox', `0 0 ${layout.width} ${layout.height}`);
  update(dom.svg, 'width', String(layout.width));
  update(dom.svg, 'height', String(layout.height));
  return states;
}
