/** The chart's first tab stop, for the build (which draws its link in every drawing) and the browser (which makes it the tab stop). */
import type { LaneInput, MarkInput } from './layout.ts';

/**
 * The first event of the top lane: its earliest point (a blackout band only when the lane
 * has nothing else), lanes in order, among the marks `shown` (all when not given).
 */
export function firstStop(
  lanes: readonly Pick<LaneInput, 'id'>[],
  marks: readonly Pick<MarkInput, 'id' | 'laneId' | 'kind' | 'start' | 'stop'>[],
  shown: (id: string) => boolean = () => true,
): string | undefined {
  for (const lane of lanes) {
    let first: (typeof marks)[number] | undefined;
    let firstBand: (typeof marks)[number] | undefined;
    for (const m of marks) {
      if (m.laneId !== lane.id || !shown(m.id)) continue;
      const earlier = (than?: (typeof marks)[number]) => !than || m.start < than.start || (m.start === than.start && m.stop < than.stop);
      if (m.kind === 'blackout') {
        if (earlier(firstBand)) firstBand = m;
      } else if (earlier(first)) first = m;
    }
    const stop = first ?? firstBand;
    if (stop) return stop.id;
  }
  return undefined;
}
