/**
 * Zoom gestures: Ctrl/⌘ + wheel and drag (time across only), two-finger pinch, and zooms the
 * chart asks for (buttons, keys, reveals). The zoom is one-dimensional along the time axis
 * (the Zoom of src/lib/timeline/zoom.ts: scale k, shift x), kept so that the chart's extent
 * always fills the view. The pointer is found from the drawing's box as last measured
 * (asking the SVG on every event, as d3-zoom did, forced a layout of the whole drawing).
 */
import { IDENTITY, MAX_ZOOM, sameZoom, type Zoom } from '../../lib/timeline/zoom.ts';
import type { Orientation } from '../../lib/timeline/layout.ts';
import { attachPinch } from './pinch.ts';

export interface ZoomHooks {
  /** The transform moved: at every step of a gesture (`gesture`: wheel, drag, pinch), or once for a zoom set. */
  changed(zoom: Zoom, gesture: boolean): void;
  /** A gesture or a set zoom settled. */
  settled(zoom: Zoom): void;
}

/** A wheel gesture settles once the wheel has been still this long (d3-zoom's delay). */
const WHEEL_IDLE_MS = 150;

export class ZoomControl {
  private orientation: Orientation = 'horizontal';
  private range: [number, number] = [0, 1];
  private zoom: Zoom = IDENTITY;
  private wheelTimer = 0;
  private measured?: DOMRect;
  /** Ends every listener of this control (the chart binds a new one when its axis turns). */
  private listening = new AbortController();
  /** Ends the drag in progress, if any. */
  private endDrag?: () => void;

  constructor(
    private svg: SVGSVGElement,
    private hooks: ZoomHooks,
  ) {
    const signal = this.listening.signal;
    attachPinch(
      svg,
      (factor, client) => this.move(this.scaled(factor, this.at(client.x, client.y)), true),
      () => this.hooks.settled(this.zoom),
      signal,
    );
    // Ctrl/⌘ + wheel (and a trackpad's pinch) zooms around the pointer; a plain wheel scrolls the page.
    svg.addEventListener(
      'wheel',
      (event) => {
        if (this.orientation === 'vertical' || !(event.ctrlKey || event.metaKey)) return;
        event.preventDefault();
        const delta = -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * (event.ctrlKey ? 10 : 1);
        this.move(this.scaled(2 ** delta, this.at(event.clientX, event.clientY)), true);
        clearTimeout(this.wheelTimer);
        this.wheelTimer = window.setTimeout(() => this.hooks.settled(this.zoom), WHEEL_IDLE_MS);
      },
      { passive: false, signal },
    );
    // A drag pans (mouse events, as d3-zoom's: a pointer drag that starts on a link is cancelled
    // by the browser's own drag; touches are left to the page, a swipe scrolls it).
    svg.addEventListener(
      'mousedown',
      (event) => {
        if (this.orientation === 'vertical' || event.button) return;
        this.endDrag?.();
        this.startDrag(event);
      },
      { signal },
    );
    // A link or text dragged would start the browser's own drag instead of a pan.
    svg.addEventListener('dragstart', (event) => event.preventDefault(), { signal });
    const forget = () => {
      this.measured = undefined;
    };
    addEventListener('scroll', forget, { capture: true, passive: true, signal });
    addEventListener('resize', forget, { passive: true, signal });
    // The drawing can move or change size without a scroll or a resize (a notice above it, fonts).
    if (typeof ResizeObserver === 'function') {
      const observer = new ResizeObserver(forget);
      observer.observe(svg);
      signal.addEventListener('abort', () => observer.disconnect());
    }
  }

  /** Stops listening: the chart is bound to another drawing, or to this one again. */
  dispose() {
    this.endDrag?.();
    clearTimeout(this.wheelTimer);
    this.listening.abort();
  }

  /** Pans with the mouse until its button is released. */
  private startDrag(event: MouseEvent) {
    const start = { client: event.clientX, x: this.zoom.x };
    const box = this.box();
    if (!box.width) return;
    const scale = this.svg.viewBox.baseVal.width / box.width;
    let moved = false;
    const onMove = (e: MouseEvent) => {
      // The button was released where no mouseup reached us (another window, a dialog).
      if (!(e.buttons & 1)) return onUp();
      if (e.clientX === start.client && !moved) return;
      moved = true;
      e.preventDefault();
      this.move(this.clamp(this.zoom.k, start.x + (e.clientX - start.client) * scale), true);
    };
    // No text selection while dragging.
    const noSelect = (e: Event) => e.preventDefault();
    const onUp = () => {
      this.endDrag = undefined;
      removeEventListener('selectstart', noSelect, true);
      removeEventListener('mousemove', onMove, true);
      removeEventListener('mouseup', onUp, true);
      if (!moved) return;
      this.hooks.settled(this.zoom);
      // The click that ends a drag does not follow the link under it.
      const swallow = (e: Event) => {
        e.preventDefault();
        e.stopImmediatePropagation();
      };
      addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => removeEventListener('click', swallow, true), 0);
    };
    addEventListener('selectstart', noSelect, true);
    addEventListener('mousemove', onMove, true);
    addEventListener('mouseup', onUp, true);
    this.endDrag = onUp;
  }

  /** The drawing's box on the screen, measured again only after a scroll, a resize or a new axis. */
  private box(): DOMRect {
    this.measured ??= this.svg.getBoundingClientRect();
    return this.measured;
  }

  /** A point of the screen, as a position on the time axis (down the page, in the lane it falls in). */
  private at(clientX: number, clientY: number): number {
    const box = this.box();
    // A hidden drawing has no box: zoom about the centre rather than about NaN.
    if (!box.width) return (this.range[0] + this.range[1]) / 2;
    const scale = this.svg.viewBox.baseVal.width / box.width;
    return this.locate((clientX - box.left) * scale, (clientY - box.top) * scale);
  }

  /** A point of the drawing, as a position on the time axis. */
  private locate: (x: number, y: number) => number = (x) => x;

  /** The range the time axis spans, and how a point of the drawing maps onto it. */
  configure(orientation: Orientation, range: [number, number], locate: (x: number, y: number) => number) {
    this.orientation = orientation;
    this.range = range;
    this.locate = locate;
    this.measured = undefined;
  }

  /** A zoom within bounds: k in [1, MAX_ZOOM], the extent filling the view. */
  private clamp(k: number, x: number): Zoom {
    const [r0, r1] = this.range;
    const scale = Math.max(1, Math.min(MAX_ZOOM, k));
    return { k: scale, x: Math.min(r0 - scale * r0, Math.max(r1 - scale * r1, x)) };
  }

  /** The zoom scaled by `factor`, the position `at` staying where it is. */
  private scaled(factor: number, at: number): Zoom {
    const { k, x } = this.zoom;
    const next = Math.max(1, Math.min(MAX_ZOOM, k * factor));
    return this.clamp(next, at - ((at - x) / k) * next);
  }

  private move(zoom: Zoom, gesture: boolean) {
    if (sameZoom(zoom, this.zoom)) return;
    this.zoom = zoom;
    this.hooks.changed(zoom, gesture);
  }

  /** Sets the zoom (as a gesture would: the hooks hear of it). */
  set(z: Zoom) {
    this.move(this.clamp(z.k, z.x), false);
    this.hooks.settled(this.zoom);
  }

  /** Sets the zoom silently (after a change of axis), so that the next gesture starts from it. */
  reset(z: Zoom) {
    this.zoom = { k: z.k, x: z.x };
  }

  /** Zooms by `factor` around a position on the time axis (the centre when none is given). */
  scaleBy(factor: number, at?: number) {
    this.set(this.scaled(factor, at ?? (this.range[0] + this.range[1]) / 2));
  }
}
