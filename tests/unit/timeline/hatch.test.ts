import { describe, expect, it } from 'vitest';
import { bandHatchPath } from '../../../src/lib/timeline/hatch.ts';
import { layoutTimeline, type Box, type PlacedBand } from '../../../src/lib/timeline/layout.ts';
import { timelineInputs } from '../../../src/lib/timeline/marks.ts';
import { fixtureArchive } from '../../fixtures/timeline-fixture.ts';

const band = (id: string, box: Box, onScreen = true): PlacedBand => ({
  id,
  laneId: 'lane',
  x0: box.x,
  x1: box.x + box.width,
  status: 'documented',
  approximate: false,
  box,
  labelAt: { x: 0, y: 0 },
  onScreen,
  labelVisible: false,
  t: 0,
});

/** The rectangles a hatch path draws, read back from its data. */
function rectangles(d: string): Box[] {
  const found = [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h(-?[\d.]+)Z/g)];
  expect(found.map((m) => m[0]).join(''), 'the path is made of closed rectangles only').toBe(d);
  return found.map(([, x, y, w, h, back]) => {
    expect(Number(back), 'each rectangle closes on its start').toBeCloseTo(-Number(w), 1);
    return { x: Number(x), y: Number(y), width: Number(w), height: Number(h) };
  });
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.06 &&
  inner.y >= outer.y - 0.06 &&
  inner.x + inner.width <= outer.x + outer.width + 0.06 &&
  inner.y + inner.height <= outer.y + outer.height + 0.06;

describe('bandHatchPath: campaign silences hatched once, over their union', () => {
  it('merges overlapping and touching bands into one rectangle, keeps apart those that are apart', () => {
    const bands = [
      band('a', { x: 10, y: 3, width: 40, height: 50 }),
      band('b', { x: 30, y: 3, width: 40, height: 50 }),
      band('c', { x: 70, y: 3, width: 5, height: 50 }),
      band('d', { x: 200, y: 3, width: 20, height: 50 }),
      band('e', { x: 15, y: 3, width: 5, height: 50 }),
    ];
    const drawn = rectangles(bandHatchPath({ bands, orientation: 'horizontal' }, 'lane'));
    expect(drawn, 'a–c and e form one run, d another').toEqual([
      { x: 10, y: 3, width: 65, height: 50 },
      { x: 200, y: 3, width: 20, height: 50 },
    ]);
  });

  it('hatches only the bands in view, and nothing when none is', () => {
    const bands = [band('in', { x: 10, y: 3, width: 40, height: 50 }), band('out', { x: 600, y: 3, width: 40, height: 50 }, false)];
    expect(rectangles(bandHatchPath({ bands, orientation: 'horizontal' }, 'lane'))).toEqual([{ x: 10, y: 3, width: 40, height: 50 }]);
    expect(bandHatchPath({ bands: [], orientation: 'horizontal' }, 'lane'), 'no band: an empty path').toBe('');
    expect(bandHatchPath({ bands: [bands[1]], orientation: 'horizontal' }, 'lane'), 'no band in view: an empty path').toBe('');
    expect(bandHatchPath({ bands, orientation: 'horizontal' }, 'another lane'), 'another lane’s bands: an empty path').toBe('');
  });

  it('merges along the time axis down a phone (bands across the lane, time downwards)', () => {
    const bands = [band('a', { x: 40, y: 100, width: 200, height: 30 }), band('b', { x: 40, y: 120, width: 200, height: 30 })];
    expect(rectangles(bandHatchPath({ bands, orientation: 'vertical' }, 'lane'))).toEqual([{ x: 40, y: 100, width: 200, height: 50 }]);
  });

  it('covers every band a laid-out chart shows, in both orientations', () => {
    const { lanes, marks } = timelineInputs(fixtureArchive(40));
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const layout = layoutTimeline(lanes, marks, {
        width: orientation === 'vertical' ? 360 : 1000,
        align: 'vote',
        scale: 'log',
        orientation,
      });
      const shown = layout.bands.filter((b) => b.onScreen);
      expect(shown.length, `${orientation}: the fixture shows a campaign silence`).toBeGreaterThan(0);
      for (const lane of layout.lanes) {
        const own = layout.bands.filter((b) => b.laneId === lane.id);
        const drawn = rectangles(bandHatchPath(layout, lane.id));
        for (const b of own.filter((x) => x.onScreen))
          expect(
            drawn.some((r) => inside(b.box, r)),
            `${orientation}: ${b.id}'s box ${JSON.stringify(b.box)} is hatched (${JSON.stringify(drawn)})`,
          ).toBe(true);
      }
    }
  });
});
