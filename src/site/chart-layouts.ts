/**
 * The chart's layouts, computed once per build for each archive, set of lanes, view and
 * language: the home page, the embed, the handouts and the ready-made pictures show the same
 * charts (in two editions), and each would otherwise lay out every event again, in both
 * orientations. layoutTimeline is pure, and its output is only read, so the pages share it.
 */
import type { Archive } from '../lib/archive.ts';
import type { Align, ScaleKind } from '../lib/timeline/axis.ts';
import { type LaneInput, type MarkInput, PHONE_WIDTH, type TimelineLayout, layoutTimeline } from '../lib/timeline/layout.ts';
import { timelineInputs } from '../lib/timeline/marks.ts';
import { type TickWords, setTickWords } from '../lib/timeline/ticks.ts';

export interface ChartLayouts {
  lanes: LaneInput[];
  marks: MarkInput[];
  /** Time across (desktop). */
  layout: TimelineLayout;
  /** Time down the page (phones). */
  vertical: () => TimelineLayout;
}

const byArchive = new WeakMap<Archive, Map<string, ChartLayouts>>();

/** The lanes, marks and both layouts of a chart of `incidents` (all when left out), axis ticks in `tickWords`. */
export function chartLayouts(
  archive: Archive,
  incidents: readonly string[] | undefined,
  view: { width: number; align: Align; scale: ScaleKind },
  tickWords: TickWords,
): ChartLayouts {
  let charts = byArchive.get(archive);
  if (!charts) {
    charts = new Map();
    byArchive.set(archive, charts);
  }
  const key = JSON.stringify([incidents ?? null, view.width, view.align, view.scale, tickWords]);
  let found = charts.get(key);
  if (!found) {
    const { lanes, marks } = timelineInputs(archive, incidents);
    // layoutTimeline reads the tick words synchronously.
    const laid = (orientation: 'horizontal' | 'vertical') => {
      setTickWords(tickWords);
      try {
        return orientation === 'vertical'
          ? layoutTimeline(lanes, marks, { width: PHONE_WIDTH, align: view.align, scale: view.scale, orientation })
          : layoutTimeline(lanes, marks, { width: view.width, align: view.align, scale: view.scale });
      } finally {
        setTickWords();
      }
    };
    let vertical: TimelineLayout | undefined;
    found = { lanes, marks, layout: laid('horizontal'), vertical: () => (vertical ??= laid('vertical')) };
    charts.set(key, found);
  }
  return found;
}
