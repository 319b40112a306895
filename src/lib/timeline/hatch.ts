/**
 * The hatching of a lane's campaign silences, painted once as one path over the union of its
 * bands in view. Each band's own rectangle stays a link (outline and target); filling hundreds
 * of overlapping rectangles with a pattern, one by one, was most of a dense chart's frame time.
 */
import type { TimelineLayout } from './layout.ts';

const f = (n: number) => n.toFixed(1);

/** SVG path data covering the boxes of a lane's bands in view (one rectangle per run of overlapping bands). */
export function bandHatchPath({ bands, orientation }: Pick<TimelineLayout, 'bands' | 'orientation'>, laneId: string): string {
  const across = orientation === 'horizontal';
  // Bands of a lane share their extent across the time axis; runs merge along it.
  const runs = new Map<string, { from: number; to: number; at: number; size: number }[]>();
  const boxes = bands
    .filter((band) => band.laneId === laneId && band.onScreen)
    .map(({ box }) =>
      across
        ? { from: box.x, to: box.x + box.width, at: box.y, size: box.height }
        : { from: box.y, to: box.y + box.height, at: box.x, size: box.width },
    )
    .sort((a, b) => a.from - b.from);
  for (const box of boxes) {
    const key = `${box.at} ${box.size}`;
    const list = runs.get(key) ?? runs.set(key, []).get(key)!;
    const last = list.at(-1);
    if (last && box.from <= last.to) last.to = Math.max(last.to, box.to);
    else list.push({ ...box });
  }
  let d = '';
  for (const list of runs.values())
    for (const { from, to, at, size } of list)
      d += across
        ? `M${f(from)} ${f(at)}h${f(to - from)}v${f(size)}h${f(from - to)}Z`
        : `M${f(at)} ${f(from)}h${f(size)}v${f(to - from)}h${f(-size)}Z`;
  return d;
}
