import { describe, expect, it } from 'vitest';
import { isDrawn, layoutTimeline, type TimelineLayout, type TimelineOptions } from '../../../src/lib/timeline/layout.ts';
import { timelineInputs } from '../../../src/lib/timeline/marks.ts';
import { previewItem, previewZoom, sameZoom, viewDomain, type Zoom } from '../../../src/lib/timeline/zoom.ts';
import { fixtureArchive } from '../../fixtures/timeline-fixture.ts';

// A crowded archive: some marks fold into clusters at zoom 1.
const { lanes, marks } = timelineInputs(fixtureArchive(40));
const options: TimelineOptions = { width: 1000, align: 'vote', scale: 'log' };
const base = layoutTimeline(lanes, marks, options);
const at = (zoom: Zoom): TimelineLayout => layoutTimeline(lanes, marks, { ...options, domain: viewDomain(base.extent, zoom) });
const round = (n: number) => Math.round(n * 1000) / 1000;

describe('previewZoom: the drawn view moved to another zoom while a gesture runs', () => {
  // From the whole extent to 1.6× around T−0 (x ≈ 457), where the crowd stands.
  const from: Zoom = { k: 1, x: 0 };
  const to: Zoom = { k: 1.6, x: -274 };
  const drawn = at(from);
  const preview = previewZoom(drawn, from, to)!;
  const full = at(to);

  it('puts every mark it moves exactly where laying the new view out puts it', () => {
    expect(preview.marks.length, 'the preview moves the marks drawn before').toBe(drawn.marks.filter(isDrawn).length);
    expect(preview.marks.length).toBeGreaterThanOrEqual(10);
    for (const mark of preview.marks) {
      const laid = full.marks.find((m) => m.id === mark.id)!;
      expect([mark.x, mark.x0, mark.x1].map(round), `${mark.id} along the axis`).toEqual([laid.x, laid.x0, laid.x1].map(round));
      expect({ ...mark.barBox, x: round(mark.barBox.x), width: round(mark.barBox.width) }, `${mark.id}'s bar`).toEqual({
        ...laid.barBox,
        x: round(laid.barBox.x),
        width: round(laid.barBox.width),
      });
      expect(mark.onScreen, `${mark.id} in view`).toBe(laid.onScreen);
    }
  });

  it('keeps rows and labels as drawn (arranging them is the full layout’s work)', () => {
    for (const mark of preview.marks) {
      const before = drawn.marks.find((m) => m.id === mark.id)!;
      expect([mark.row, mark.y, mark.label, mark.labelVisible], mark.id).toEqual([before.row, before.y, before.label, before.labelVisible]);
    }
  });

  it('draws the new view’s ticks and T−0 rule, and moves bands and clusters with the axis', () => {
    expect(preview.ticks.map((t) => [t.label, round(t.x)])).toEqual(full.ticks.map((t) => [t.label, round(t.x)]));
    expect(round(preview.vote!.line.x1)).toBe(round(full.vote!.line.x1));
    for (const band of preview.bands) {
      const laid = full.bands.find((b) => b.id === band.id)!;
      expect([band.box.x, band.box.width].map(round), band.id).toEqual([laid.box.x, laid.box.width].map(round));
    }
    const cluster = drawn.clusters.find((c) => c.onScreen)!;
    const moved = preview.clusters.find((c) => c.id === cluster.id)!;
    expect(round(moved.x), 'the cluster slides with its marks').toBe(round(1.6 * cluster.x - 274));
  });

  it('moves an event that is not drawn (previewItem): a mark or a band out of view, where the new view puts it', () => {
    // Zoomed far in on the left edge: most events, and the campaign silences near T−0, are out of view.
    const left: Zoom = { k: 8, x: 0 };
    const narrow = at(left);
    const outsideMark = narrow.marks.find((m) => !m.onScreen && !m.clustered)!;
    const outsideBand = narrow.bands.find((b) => !b.onScreen)!;
    expect(outsideMark, 'a mark out of view at zoom 8').toBeDefined();
    expect(outsideBand, 'a band out of view at zoom 8').toBeDefined();
    const whole = at(from);
    for (const item of [outsideMark, outsideBand]) {
      const back = previewItem(narrow, left, from, item.id);
      const laid = [...whole.marks, ...whole.bands].find((m) => m.id === item.id)!;
      const moved = [...back.marks, ...back.bands].find((m) => m.id === item.id);
      expect(back.marks.length + back.bands.length, `${item.id} alone`).toBe(1);
      expect(moved, `${item.id} is moved`).toBeDefined();
      expect(round(moved!.x0), `${item.id} along the axis`).toBe(round(laid.x0));
      expect(moved!.onScreen, `${item.id} in view once moved back`).toBe(true);
    }
  });

  it('leaves a phone’s drawing to the full layout', () => {
    const vertical = layoutTimeline(lanes, marks, { ...options, orientation: 'vertical', width: 343 });
    expect(previewZoom(vertical, from, to)).toBeUndefined();
  });
});

describe('sameZoom: a view reached again is the view already laid out', () => {
  it('takes zooming in and out by the same factors as coming back, and any real move as a move', () => {
    let zoom: Zoom = { k: 1, x: 0 };
    // In and out by √2 around a point, thirty times each, as a wheel does.
    for (let i = 0; i < 30; i++) zoom = { k: zoom.k * Math.SQRT2, x: 600 - (600 - zoom.x) * Math.SQRT2 };
    for (let i = 0; i < 30; i++) zoom = { k: zoom.k / Math.SQRT2, x: 600 - (600 - zoom.x) / Math.SQRT2 };
    expect(zoom.k === 1 && zoom.x === 0, 'the arithmetic does not come back exactly (the case this handles)').toBe(false);
    expect(sameZoom(zoom, { k: 1, x: 0 }), `${JSON.stringify(zoom)} is the whole view again`).toBe(true);
    expect(sameZoom({ k: 1, x: 0 }, { k: 1, x: 0.01 }), 'a hundredth of a pixel along is another view').toBe(false);
    expect(sameZoom({ k: 2, x: 0 }, { k: 2.0001, x: 0 }), 'a slightly deeper zoom is another view').toBe(false);
  });
});
