import { describe, expect, it } from 'vitest';
import { arrangeLane, type ArrangeItem } from '../../../src/lib/timeline/arrange.ts';

const options = { rows: 3, radius: 6, gap: 3, maxX: 1000 };
const point = (id: string, x: number, extra: Partial<ArrangeItem> = {}): ArrangeItem => ({ id, x, x0: x, x1: x, labelWidth: 0, ...extra });

describe('arrangeLane(items, options)', () => {
  it('keeps marks apart on one row when they do not touch', () => {
    const { items, clusters } = arrangeLane([point('a', 100), point('b', 200)], options);
    expect([items.get('a')!.row, items.get('b')!.row]).toEqual([0, 0]);
    expect(clusters).toEqual([]);
  });

  it('moves overlapping marks to separate rows', () => {
    const { items } = arrangeLane([point('a', 100), point('b', 105), point('c', 110)], options);
    expect(new Set(['a', 'b', 'c'].map((id) => items.get(id)!.row)).size).toBe(3);
  });

  it('never lets two marks of one row overlap', () => {
    const input = Array.from({ length: 40 }, (_, i) => point(`m${i}`, 50 + ((i * 37) % 400)));
    const { items } = arrangeLane(input, options);
    const byRow = new Map<number, number[]>();
    for (const item of input) {
      const placed = items.get(item.id)!;
      if (placed.cluster) continue;
      byRow.set(placed.row, [...(byRow.get(placed.row) ?? []), item.x]);
    }
    for (const xs of byRow.values()) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(2 * options.radius + options.gap);
    }
  });

  it('folds a crowd into one counted cluster, keeping the most important marks visible', () => {
    const crowd = [
      point('a', 100, { priority: 5 }),
      point('b', 101, { priority: 0 }),
      point('c', 102, { priority: 5 }),
      point('d', 103, { priority: 2 }),
      point('e', 104, { priority: 5 }),
    ];
    const { items, clusters } = arrangeLane(crowd, options);
    expect(clusters).toHaveLength(1);
    expect(clusters[0].ids.sort()).toEqual(['a', 'c', 'e']);
    expect(items.get('b')!.cluster).toBeUndefined();
    expect(items.get('d')!.cluster).toBeUndefined();
    expect(items.get('b')!.row).not.toBe(items.get('d')!.row);
  });

  it('lets a cluster come apart when zooming spreads its members', () => {
    const at = (k: number) =>
      arrangeLane(
        [100, 101, 102, 103, 104].map((x, i) => point(`m${i}`, x * k - 100 * (k - 1))),
        options,
      );
    expect(at(1).clusters).toHaveLength(1);
    expect(at(20).clusters).toHaveLength(0);
  });

  it('shows a label only where it fits before the next mark and the edge', () => {
    const { items } = arrangeLane(
      [point('a', 100, { labelWidth: 80 }), point('b', 150, { labelWidth: 80 }), point('c', 950, { labelWidth: 80 })],
      options,
    );
    expect(items.get('a')!.labelVisible).toBe(false);
    expect(items.get('b')!.labelVisible).toBe(true);
    expect(items.get('c')!.labelVisible).toBe(false);
  });

  it('treats spans by their extent', () => {
    const { items } = arrangeLane([point('span', 150, { x0: 100, x1: 200 }), point('inside', 160)], options);
    expect(items.get('span')!.row).not.toBe(items.get('inside')!.row);
  });

  it('folds a long crowd (a whole lane of overlapping spans) into counts where its marks stand, not into one', () => {
    // (A crowd of a few marks still folds into one count: see above.)
    // 1,000 points 0.5 px apart, each under a 40 px span: one chain from 0 to 540 px.
    const crowd = Array.from({ length: 1000 }, (_, i) => point(`m${i}`, 20 + i * 0.5, { x0: i * 0.5, x1: 40 + i * 0.5 }));
    const { items, clusters } = arrangeLane(crowd, options);
    expect(clusters.length).toBeGreaterThan(10);
    const width = 2 * (options.radius + 6) + options.gap;
    for (const [i, cluster] of clusters.entries()) {
      // Each count stands among its members, and counts never overlap.
      const xs = cluster.ids.map((id) => crowd.find((m) => m.id === id)!.x);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(width);
      if (i) expect(cluster.x - clusters[i - 1].x).toBeGreaterThanOrEqual(width - 1e-9);
    }
    // Every mark is either in a row above the counts or in exactly one count.
    const counted = clusters.flatMap((c) => c.ids);
    expect(new Set(counted).size).toBe(counted.length);
    for (const item of crowd) {
      const placed = items.get(item.id)!;
      if (placed.cluster) expect(placed.row).toBe(0);
      else expect(placed.row).toBeGreaterThan(0);
    }
    expect(counted.length + crowd.filter((m) => !items.get(m.id)!.cluster).length).toBe(crowd.length);
  });
});
