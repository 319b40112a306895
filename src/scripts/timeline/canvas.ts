/**
 * A gesture over a dense chart paints its preview (the layout drawn, slid along: previewZoom)
 * on a canvas over the drawing, whose marks are hidden meanwhile: moving hundreds of SVG links
 * every frame costs more style, layout and paint than a frame has. The canvas paints what
 * the layout says, as the links would (shape, bar, label, bands, clusters), in the colours the
 * stylesheet gives them; when the gesture rests, the view is laid out and the links come back.
 * Nothing here computes a position.
 */
import { KIND_SHAPES, STATUS_STYLES, shapePath } from '../../lib/encoding.ts';
import { GEOMETRY, type PlacedBand, type PlacedCluster, type PlacedMark, type TimelineLayout } from '../../lib/timeline/layout.ts';
import type { EventKind } from '../../lib/vocabulary.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What the stylesheet paints, read from probes in the drawing (so light, dark and an embed's theme all apply). */
interface Paints {
  kinds: Map<string, string>;
  label: { fill: string; halo: string; font: string };
  band: { stroke: string; hatch: string; hatchOpacity: number; label: string; font: string };
  cluster: { fill: string; stroke: string; text: string; font: string };
}

function font(style: CSSStyleDeclaration): string {
  return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
}

/** Reads the paints from elements of the drawing's own classes, put in a lane for a moment. */
function readPaints(svg: SVGSVGElement, kinds: Iterable<string>): Paints {
  const lane = svg.querySelector('.tl-lane') ?? svg;
  const probe = document.createElementNS(SVG_NS, 'g');
  probe.setAttribute('visibility', 'hidden');
  lane.append(probe);
  const el = (name: string, className: string, parent: Element = probe) => {
    const node = document.createElementNS(SVG_NS, name);
    node.setAttribute('class', className);
    parent.append(node);
    return node;
  };
  const marks = [...kinds].map((kind) => [kind, el('a', `tl-mark kind-${kind}`)] as const);
  const label = el('text', 'tl-label', el('a', 'tl-mark has-label'));
  const band = el('rect', 'tl-band-rect', el('a', 'tl-mark tl-band kind-blackout'));
  const bandLabel = el('text', 'tl-band-label');
  const hatch = el('line', 'tl-hatch-line');
  const cluster = el('g', 'tl-cluster');
  const circle = el('circle', '', cluster);
  const count = el('text', '', cluster);
  const style = getComputedStyle;
  const paints: Paints = {
    kinds: new Map(marks.map(([kind, a]) => [kind, style(a).color])),
    label: { fill: style(label).fill, halo: style(label).stroke, font: font(style(label)) },
    band: {
      stroke: style(band).stroke,
      hatch: style(hatch).stroke,
      hatchOpacity: Number(style(hatch).opacity) || 1,
      label: style(bandLabel).fill,
      font: font(style(bandLabel)),
    },
    cluster: { fill: style(circle).fill, stroke: style(circle).stroke, text: style(count).fill, font: font(style(count)) },
  };
  probe.remove();
  return paints;
}

/** The campaign silences' hatching, as the drawing's <pattern>: lines 6 px apart, turned 45°. */
function hatchPattern(context: CanvasRenderingContext2D, colour: string, opacity: number): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return colour;
  t.globalAlpha = opacity;
  t.fillStyle = colour;
  // A 2 px line along x = 0, which the tile's edge cuts in two halves.
  t.fillRect(0, 0, 1, 6);
  t.fillRect(5, 0, 1, 6);
  const pattern = context.createPattern(tile, 'repeat');
  if (!pattern) return colour;
  pattern.setTransform(new DOMMatrix().rotate(45));
  return pattern;
}

export class PreviewCanvas {
  private canvas?: HTMLCanvasElement;
  private paints?: Paints;
  private hatch?: CanvasPattern | string;
  private shapes = new Map<string, Path2D>();
  private shown = false;

  constructor(
    private svg: SVGSVGElement,
    /** The words of a band's label ("campaign silence"), as the drawing writes it. */
    private bandWords: string,
  ) {}

  /** Whether the canvas shows a preview now. */
  get active(): boolean {
    return this.shown;
  }

  /** Paints a preview; `skip`: the mark the drawing keeps (the focused one, with its focus ring). */
  paint(layout: TimelineLayout, skip?: string) {
    const box = this.svg.parentElement;
    if (!box) return;
    const canvas = (this.canvas ??= this.make(box));
    const context = canvas.getContext('2d');
    if (!context) return;
    if (!this.shown) {
      // Read once a gesture: the reader may have switched between light and dark since the last.
      this.paints = readPaints(this.svg, Object.keys(KIND_SHAPES));
      this.hatch = hatchPattern(context, this.paints.band.hatch, this.paints.band.hatchOpacity);
      this.svg.classList.add('is-previewing');
      canvas.hidden = false;
      this.shown = true;
    }
    // The canvas covers the drawing exactly, in device pixels, in the drawing's own units.
    const svgBox = this.svg.getBoundingClientRect();
    const frame = box.getBoundingClientRect();
    const ratio = devicePixelRatio || 1;
    const width = Math.round(svgBox.width * ratio);
    const height = Math.round(svgBox.height * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${svgBox.width}px`;
      canvas.style.height = `${svgBox.height}px`;
    }
    canvas.style.left = `${svgBox.left - frame.left + box.scrollLeft}px`;
    canvas.style.top = `${svgBox.top - frame.top + box.scrollTop}px`;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    context.setTransform((ratio * svgBox.width) / layout.width, 0, 0, (ratio * svgBox.height) / layout.height, 0, 0);
    context.save();
    const { clip } = layout;
    context.beginPath();
    context.rect(clip.x, clip.y, clip.width, clip.height);
    context.clip();
    const paints = this.paints!;
    for (const band of layout.bands) if (band.onScreen && band.id !== skip) this.band(context, band, paints);
    for (const mark of layout.marks) if (mark.onScreen && !mark.clustered && mark.id !== skip) this.mark(context, mark, paints);
    for (const cluster of layout.clusters) if (cluster.onScreen) this.cluster(context, cluster, paints);
    context.restore();
  }

  /** The gesture rested: the drawing's links show again. */
  hide() {
    if (!this.shown) return;
    this.shown = false;
    this.svg.classList.remove('is-previewing');
    if (this.canvas) this.canvas.hidden = true;
  }

  private make(box: HTMLElement): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.className = 'tl-preview';
    canvas.setAttribute('aria-hidden', 'true');
    canvas.hidden = true;
    box.append(canvas);
    return canvas;
  }

  private shape(kind: EventKind): Path2D {
    let path = this.shapes.get(kind);
    if (!path) {
      path = new Path2D(shapePath(KIND_SHAPES[kind], GEOMETRY.radius));
      this.shapes.set(kind, path);
    }
    return path;
  }

  private band(c: CanvasRenderingContext2D, band: PlacedBand, paints: Paints) {
    const { x, y, width, height } = band.box;
    c.fillStyle = this.hatch ?? paints.band.hatch;
    c.fillRect(x, y, width, height);
    c.strokeStyle = paints.band.stroke;
    c.lineWidth = 1;
    c.setLineDash([]);
    c.strokeRect(x, y, width, height);
    if (band.labelVisible) {
      c.font = paints.band.font;
      c.fillStyle = paints.band.label;
      c.textAlign = 'start';
      c.fillText(this.bandWords, band.labelAt.x, band.labelAt.y);
    }
  }

  private mark(c: CanvasRenderingContext2D, mark: PlacedMark, paints: Paints) {
    const colour = paints.kinds.get(mark.kind) ?? paints.label.fill;
    const style = STATUS_STYLES[mark.status];
    c.save();
    c.translate(mark.x, mark.y);
    const bar = mark.barBox;
    if (bar.width > 0) {
      // A span: filled at 45 % when documented or reported, dashed outline when alleged or disputed.
      if (mark.status === 'alleged' || mark.status === 'disputed') {
        c.strokeStyle = colour;
        c.lineWidth = 1;
        c.setLineDash([3, 2]);
        c.strokeRect(bar.x, bar.y, bar.width, bar.height);
      } else {
        c.globalAlpha = 0.45;
        c.fillStyle = colour;
        c.fillRect(bar.x, bar.y, bar.width, bar.height);
        c.globalAlpha = 1;
      }
    }
    if (mark.approximate) {
      c.strokeStyle = colour;
      c.lineWidth = 1;
      c.setLineDash([1.5, 2.5]);
      c.globalAlpha = 0.9;
      c.beginPath();
      c.arc(0, 0, GEOMETRY.radius + 4, 0, 2 * Math.PI);
      c.stroke();
      c.globalAlpha = 1;
    }
    const path = this.shape(mark.kind);
    c.setLineDash(style.dashed ? [3, 2] : []);
    c.fillStyle = colour;
    c.globalAlpha = style.fillOpacity;
    c.fill(path);
    c.globalAlpha = 1;
    c.strokeStyle = colour;
    c.lineWidth = 2;
    c.stroke(path);
    if (mark.labelVisible) {
      c.setLineDash([]);
      c.font = paints.label.font;
      c.textAlign = 'start';
      c.lineJoin = 'round';
      c.lineWidth = 4;
      c.strokeStyle = paints.label.halo;
      c.fillStyle = paints.label.fill;
      (mark.labelLines ?? [mark.label]).forEach((line, i) => {
        const y = mark.labelAt.y + 15 * i;
        c.strokeText(line, mark.labelAt.x, y);
        c.fillText(line, mark.labelAt.x, y);
      });
    }
    c.restore();
  }

  private cluster(c: CanvasRenderingContext2D, cluster: PlacedCluster, paints: Paints) {
    c.setLineDash([]);
    c.beginPath();
    c.arc(cluster.x, cluster.y, GEOMETRY.radius + 6, 0, 2 * Math.PI);
    c.fillStyle = paints.cluster.fill;
    c.fill();
    c.strokeStyle = paints.cluster.stroke;
    c.lineWidth = 1.5;
    c.stroke();
    c.font = paints.cluster.font;
    c.fillStyle = paints.cluster.text;
    c.textAlign = 'center';
    c.fillText(String(cluster.ids.length), cluster.x, cluster.y + 4);
  }
}
