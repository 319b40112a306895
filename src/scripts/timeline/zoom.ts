/**
 * Zoom gestures: Ctrl/⌘ + wheel and drag (d3-zoom, time across only), two-finger pinch, and
 * zooms the chart asks for (buttons, keys, reveals). d3-zoom holds the transform; along the
 * time axis it is the one-dimensional Zoom of src/lib/timeline/zoom.ts.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { MAX_ZOOM, type Zoom } from '../../lib/timeline/zoom.ts';
import type { Orientation } from '../../lib/timeline/layout.ts';
import { attachPinch } from './pinch.ts';

export interface ZoomHooks {
  /** The transform moved (every frame of a gesture). */
  changed(zoom: Zoom): void;
  /** A gesture or a set zoom settled. */
  settled(zoom: Zoom): void;
}

export class ZoomControl {
  private behavior: ZoomBehavior<SVGSVGElement, unknown>;
  private orientation: Orientation = 'horizontal';
  private range: [number, number] = [0, 1];

  constructor(
    private svg: SVGSVGElement,
    hooks: ZoomHooks,
  ) {
    const read = (event: D3ZoomEvent<SVGSVGElement, unknown>): Zoom => ({ k: event.transform.k, x: event.transform.x });
    this.behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      // A plain wheel scrolls the page; Ctrl/⌘ + wheel (and trackpad pinch) zooms, as do buttons and keys.
      // Touches are left to the page (a swipe scrolls it); a two-finger pinch is handled below.
      // Down a phone, only buttons, keys and the pinch zoom (the page scrolls the way time runs).
      // The wheel is handled below (d3-zoom would ask the SVG where the pointer is on every event).
      .filter((event: Event) => {
        if (this.orientation === 'vertical' || event.type.startsWith('touch') || event.type === 'dblclick' || event.type === 'wheel')
          return false;
        return !(event as MouseEvent).button;
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => hooks.changed(read(event)))
      .on('end', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        // A wheel gesture settles once the wheel has been still for a moment, not at each step.
        if (!this.wheeling) hooks.settled(read(event));
      });
    select(svg).call(this.behavior);
    attachPinch(svg, (factor, client) => {
      const box = this.box();
      const scale = this.svg.viewBox.baseVal.width / box.width;
      this.scaleBy(factor, this.locate((client.x - box.left) * scale, (client.y - box.top) * scale));
    });
    // Ctrl/⌘ + wheel (and a trackpad's pinch) zooms around the pointer, as d3-zoom's wheel does,
    // but the pointer is found from the drawing's box as last measured: asking the SVG each time
    // (getScreenCTM) forced a layout of the whole drawing on every wheel event.
    svg.addEventListener(
      'wheel',
      (event) => {
        if (this.orientation === 'vertical' || !(event.ctrlKey || event.metaKey)) return;
        event.preventDefault();
        const delta = -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * (event.ctrlKey ? 10 : 1);
        const box = this.box();
        const scale = this.svg.viewBox.baseVal.width / box.width;
        this.wheeling = true;
        this.scaleBy(2 ** delta, this.locate((event.clientX - box.left) * scale, (event.clientY - box.top) * scale));
        clearTimeout(this.wheelTimer);
        this.wheelTimer = window.setTimeout(() => {
          this.wheeling = false;
          const t = (this.svg as unknown as { __zoom: { k: number; x: number } }).__zoom;
          hooks.settled({ k: t.k, x: t.x });
        }, 150);
      },
      { passive: false },
    );
    const forget = () => {
      this.measured = undefined;
    };
    addEventListener('scroll', forget, { capture: true, passive: true });
    addEventListener('resize', forget, { passive: true });
  }

  private wheeling = false;
  private wheelTimer = 0;
  private measured?: DOMRect;

  /** The drawing's box on the screen, measured again only after a scroll, a resize or a new axis. */
  private box(): DOMRect {
    this.measured ??= this.svg.getBoundingClientRect();
    return this.measured;
  }

  /** A point of the drawing, as a position on the time axis (down the page, in the lane it falls in). */
  private locate: (x: number, y: number) => number = (x) => x;

  /** The range the time axis spans, and how a point of the drawing maps onto it. */
  configure(orientation: Orientation, range: [number, number], locate: (x: number, y: number) => number) {
    this.orientation = orientation;
    this.range = range;
    this.measured = undefined;
    this.locate = locate;
    this.behavior
      .extent([
        [range[0], 0],
        [range[1], 100],
      ])
      .translateExtent([
        [range[0], -Infinity],
        [range[1], Infinity],
      ]);
  }

  /** Sets the zoom (as a gesture would: the hooks hear of it). */
  set(z: Zoom) {
    this.behavior.transform(select(this.svg), zoomIdentity.translate(z.x, 0).scale(z.k));
  }

  /** Sets the zoom silently (after a change of axis), so that the next gesture starts from it. */
  reset(z: Zoom) {
    select(this.svg).property('__zoom', zoomIdentity.translate(z.x, 0).scale(z.k));
  }

  /** Zooms by `factor` around a position on the time axis (the centre when none is given). */
  scaleBy(factor: number, at?: number) {
    const p = at ?? (this.range[0] + this.range[1]) / 2;
    this.behavior.scaleBy(select(this.svg), factor, [p, 0]);
  }
}
