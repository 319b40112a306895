import { describe, expect, it } from 'vitest';
import { GEOMETRY, VERTICAL, layoutTimeline, shortLabel, wrapLabel } from '../../../src/lib/timeline/layout.ts';
import { timelineInputs, markAccessibleName } from '../../../src/lib/timeline/marks.ts';
import { fixtureArchive } from '../../fixtures/timeline-fixture.ts';

const archive = fixtureArchive();
const { lanes, marks } = timelineInputs(archive);
const layout = layoutTimeline(lanes, marks, { width: 1000, align: 'vote', scale: 'log' });
const mark = (id: string) => layout.marks.find((m) => m.id === id)!;

describe('layoutTimeline(lanes, marks, {align: vote})', () => {
  it('puts one lane per incident, in lane order', () => {
    expect(layout.lanes.map((l) => l.id)).toEqual(['paris', 'ny']);
    expect(layout.lanes[1].y).toBeGreaterThan(layout.lanes[0].y);
  });

  it('aligns both votes on one vertical rule', () => {
    expect(layout.lanes[0].voteX).toBeCloseTo(layout.lanes[1].voteX, 6);
  });

  it('places the Paris leak about two days before T−0 and the NY release months before', () => {
    const voteX = layout.lanes[0].voteX;
    expect(mark('paris/leak').x).toBeLessThan(voteX);
    expect(mark('ny/release').x).toBeLessThan(mark('paris/leak').x);
    expect(layout.ticks.find((t) => t.label === 'vote')!.x).toBeCloseTo(voteX, 6);
  });

  it('draws day and month precision as spans, and a timed point as a point', () => {
    expect(mark('paris/phishing').bar).toBe(true);
    expect(mark('paris/phishing').x1 - mark('paris/phishing').x0).toBeGreaterThan(GEOMETRY.minBarWidth);
    expect(mark('paris/leak').x1 - mark('paris/leak').x0).toBeLessThan(1);
    expect(mark('paris/leak').approximate).toBe(true);
  });

  it('shades the campaign silence as a band ending at T−0', () => {
    const band = layout.bands.find((b) => b.id === 'paris/silence')!;
    expect(band.x1).toBeCloseTo(layout.lanes[0].voteX, 0);
    expect(band.x0).toBeGreaterThan(mark('paris/leak').x);
    expect(layout.marks.find((m) => m.id === 'paris/silence')).toBeUndefined();
  });

  it('keeps the mark shapes and statuses for the renderer', () => {
    expect(mark('paris/report')).toMatchObject({ shape: 'diamond', status: 'reported' });
    expect(mark('ny/indictment')).toMatchObject({ shape: 'triangle-down', status: 'alleged' });
    expect(mark('paris/leak').shape).toBe('triangle');
  });

  it('gives a label its whole title where it has room, and the short cut where it has less', () => {
    const title = 'A long title of an event that says much more than thirty-four characters could';
    const one = [{ ...marks.find((m) => m.id === 'paris/leak')!, title }];
    const wide = layoutTimeline(lanes, one, { width: 2000, align: 'vote', scale: 'log' });
    expect(wide.marks[0]).toMatchObject({ label: title, labelVisible: true });
    const narrow = layoutTimeline(lanes, one, { width: 420, align: 'vote', scale: 'log' });
    expect(narrow.marks[0].label).toBe(shortLabel(title));
  });

  it('filters kinds and incidents, and the axis follows', () => {
    const leaks = layoutTimeline(lanes, marks, { width: 1000, align: 'vote', scale: 'log', kinds: ['leak'] });
    expect(leaks.marks.map((m) => m.id).sort()).toEqual(['ny/release', 'paris/leak']);
    const paris = layoutTimeline(lanes, marks, { width: 1000, align: 'vote', scale: 'log', incidents: ['paris'] });
    expect(paris.lanes.map((l) => l.id)).toEqual(['paris']);
    expect(paris.marks.filter((m) => m.laneId !== 'paris')).toEqual([]);
  });

  it('in calendar mode, puts each lane at its own date and its own vote', () => {
    const calendar = layoutTimeline(lanes, marks, { width: 1000, align: 'calendar', scale: 'log' });
    expect(calendar.axis.kind).toBe('calendar');
    const cal = (id: string) => calendar.marks.find((m) => m.id === id)!;
    expect(cal('ny/release').x).toBeLessThan(cal('paris/leak').x);
    expect(calendar.lanes[0].voteX).toBeGreaterThan(calendar.lanes[1].voteX);
    expect(calendar.ticks.map((t) => t.label)).toContain('2017');
  });

  it('stays inside its width', () => {
    for (const m of layout.marks) {
      expect(m.x).toBeGreaterThanOrEqual(GEOMETRY.margin.left);
      expect(m.x).toBeLessThanOrEqual(1000 - GEOMETRY.margin.right);
    }
  });
});

describe('accessible names and labels', () => {
  it('names a mark with kind, local time, offset and title', () => {
    const leak = archive.event('paris/leak')!;
    expect(markAccessibleName(leak, archive.incident('paris')!)).toBe('Leak, c. 5 May 2017, 20:35 Paris time, T−47 h: Event paris/leak');
    const report = archive.event('paris/report')!;
    expect(markAccessibleName(report, archive.incident('paris')!)).toBe(
      'Attribution (reported), 25 April 2017, T−12 d: Event paris/report',
    );
  });
  it('names a mark in French with a narrow no-break space before the colon', () => {
    const leak = archive.event('paris/leak')!;
    expect(markAccessibleName(leak, archive.incident('paris')!, 'fr-FR')).toBe(
      'Fuite, vers 5 mai 2017 à 20 h 35, heure de Paris, T−47 h\u202f: Event paris/leak',
    );
  });
  it('cuts long labels with an ellipsis', () => {
    expect(shortLabel('x'.repeat(50), 10)).toBe('xxxxxxxxx…');
    expect(shortLabel('short')).toBe('short');
    // Between words, so that what is shown is also in the accessible name.
    expect(shortLabel('FBI agent phones the DNC help desk about a compromised computer')).toBe('FBI agent phones the DNC help…');
    expect(shortLabel('Paris prosecutor opens an inquiry, on 5 May', 36)).toBe('Paris prosecutor opens an inquiry…');
  });
});

describe('layoutLane: the one lane layout the build and the browser share', () => {
  it('gives the build the same lane as layoutTimeline', async () => {
    const { layoutLane, timelineAxis } = await import('../../../src/lib/timeline/layout.ts');
    const axis = timelineAxis(lanes, marks, 'log', 1000);
    const paris = layoutLane(
      lanes[0],
      marks.filter((m) => m.laneId === 'paris'),
      'log',
      axis.toX,
      layout.lanes[0].y,
      1000,
    );
    expect(paris.marks).toEqual(layout.marks.filter((m) => m.laneId === 'paris'));
    expect(paris.bands).toEqual(layout.bands.filter((b) => b.laneId === 'paris'));
    expect(paris.voteX).toBeCloseTo(layout.lanes[0].voteX, 9);
  });

  it('zoomed in (as the browser calls it), spreads marks apart, unfolds clusters and gives labels room', async () => {
    const { layoutLane, timelineAxis } = await import('../../../src/lib/timeline/layout.ts');
    const axis = timelineAxis(lanes, marks, 'log', 1000);
    const lane = marks.filter((m) => m.laneId === 'paris');
    const base = layoutLane(lanes[0], lane, 'log', axis.toX, 34, 1000);
    const k = 8;
    const centre = axis.toX(0);
    const zoomed = layoutLane(lanes[0], lane, 'log', (v) => centre + (axis.toX(v) - centre) * k, 34, 1000);
    const gap = (l: typeof base, a: string, b: string) => Math.abs(l.marks.find((m) => m.id === a)!.x - l.marks.find((m) => m.id === b)!.x);
    expect(gap(zoomed, 'paris/leak', 'paris/vote')).toBeCloseTo(gap(base, 'paris/leak', 'paris/vote') * k, 6);
    expect(zoomed.clusters.length).toBeLessThanOrEqual(base.clusters.length);
    expect(zoomed.marks.filter((m) => m.labelVisible).length).toBeGreaterThanOrEqual(
      base.marks.filter((m) => m.labelVisible && m.x > 0 && m.x < 1000).length - 1,
    );
  });
});

describe('layoutTimeline with a visible domain: the zoom the browser asks for', () => {
  it('lays the view out exactly as zooming the whole extent would', async () => {
    const { clampZoom, domainOf, zoomFor } = await import('../../../src/lib/timeline/zoom.ts');
    const k = 8;
    const zoom = clampZoom(layout.extent, k, layout.extent.toX(0) * (1 - k));
    const zoomed = layoutTimeline(lanes, marks, { width: 1000, align: 'vote', scale: 'log', domain: domainOf(layout.extent, zoom) });
    for (const m of zoomed.marks) expect(m.x).toBeCloseTo(zoom.x + zoom.k * layout.extent.toX(layout.extent.fromX(mark(m.id).x)), 6);
    // And back: the zoom that shows that domain is the zoom.
    const back = zoomFor(layout.extent, domainOf(layout.extent, zoom));
    expect(back.k).toBeCloseTo(k, 6);
    expect(back.x).toBeCloseTo(zoom.x, 4);
  });

  it('marks outside the view stay in the layout (as links), but are not on screen', () => {
    const zoomed = layoutTimeline(lanes, marks, { width: 1000, align: 'vote', scale: 'log', domain: [-72, 6] });
    expect(zoomed.marks).toHaveLength(layout.marks.length);
    expect(zoomed.marks.find((m) => m.id === 'paris/leak')!.onScreen).toBe(true);
    const far = zoomed.marks.filter((m) => !m.onScreen);
    expect(far.length).toBeGreaterThan(0);
    // Outside the 0–1000 window: further than 500 from its middle.
    for (const m of far) expect(Math.abs(m.x - 500), `${m.id} at x = ${m.x}`).toBeGreaterThan(500);
    expect(zoomed.ticks.map((t) => t.label)).toContain('vote');
  });
});

describe('layoutTimeline({orientation: vertical}): time running down a phone', () => {
  const down = layoutTimeline(lanes, marks, { width: 343, align: 'vote', scale: 'log', orientation: 'vertical' });
  const at = (id: string) => down.marks.find((m) => m.id === id)!;

  it('stacks one section per incident, each with its own time axis running down', () => {
    expect(down.orientation).toBe('vertical');
    expect(down.lanes.map((l) => l.id)).toEqual(['paris', 'ny']);
    const [paris, ny] = down.lanes;
    expect(ny.y).toBeGreaterThanOrEqual(paris.y + paris.height);
    // Earlier events stand higher; T−0 falls between the leak (T−47 h) and later events.
    expect(at('paris/leak').y).toBeLessThan(paris.voteX);
    expect(at('paris/leak').y).toBeGreaterThan(paris.y);
    expect(at('paris/leak').y).toBeLessThan(paris.y + paris.height);
    expect(down.height).toBeGreaterThanOrEqual(ny.y + ny.height);
  });

  it('keeps every mark a 24 px target apart from the next in its column, inside the width', () => {
    for (const lane of down.lanes) {
      const columns = new Map<number, number[]>();
      for (const m of down.marks.filter((m) => m.laneId === lane.id && !m.clustered)) columns.set(m.x, [...(columns.get(m.x) ?? []), m.y]);
      for (const ys of columns.values()) {
        ys.sort((a, b) => a - b);
        for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(2 * VERTICAL.hit);
      }
    }
    for (const m of down.marks) {
      expect(m.x - VERTICAL.hit).toBeGreaterThanOrEqual(0);
      expect(m.x + m.labelAt.x + m.label.length * VERTICAL.charWidth).toBeLessThanOrEqual(343);
    }
  });

  it('gives labels a line each, whole titles where they fit', () => {
    const labelled = down.marks.filter((m) => m.labelVisible).sort((a, b) => a.y - b.y);
    expect(labelled.length).toBeGreaterThan(3);
    for (let i = 1; i < labelled.length; i++)
      if (labelled[i].laneId === labelled[i - 1].laneId)
        expect(labelled[i].y - labelled[i - 1].y).toBeGreaterThanOrEqual(VERTICAL.labelLine);
    expect(at('paris/leak').label).toBe('Event paris/leak');
  });

  it('gives a long title in full, on as many lines as the next label leaves room for, each within the width', () => {
    const title = 'Campaign files posted on 4chan and Pastebin, hours before the legal campaign silence';
    const one = [{ ...marks.find((m) => m.id === 'paris/leak')!, title }];
    const laid = layoutTimeline(lanes, one, { width: 343, align: 'vote', scale: 'log', orientation: 'vertical' }).marks[0];
    expect(laid.labelLines!.join(' ')).toBe(title);
    expect(title.slice(0, laid.labelLines![0].length), 'the first line starts the title').toBe(laid.labelLines![0]);
    for (const line of laid.labelLines!) expect(laid.x + laid.labelAt.x + line.length * VERTICAL.charWidth).toBeLessThanOrEqual(343);
  });

  it('never lets a label run into the next one in its lane', () => {
    const labelled = down.marks.filter((m) => m.labelVisible).sort((a, b) => a.y - b.y);
    for (let i = 1; i < labelled.length; i++) {
      const [above, below] = [labelled[i - 1], labelled[i]];
      if (above.laneId !== below.laneId) continue;
      // labelAt.y: 4.5 below the mark, more where the label moved off a line across the lane.
      const bottom = above.y + above.labelAt.y - 4.5 + above.labelLines!.length * VERTICAL.labelLine;
      expect(bottom, `label of ${above.id} (${above.labelLines!.length} lines) ends below the label of ${below.id}`).toBeLessThanOrEqual(
        below.y + below.labelAt.y - 4.5,
      );
    }
  });

  it('never strikes a label through with T−0 or a campaign silence’s edge: the label moves just below the line', () => {
    const struck = (laid: ReturnType<typeof layoutTimeline>) => {
      const found: string[] = [];
      for (const m of laid.marks.filter((m) => m.labelVisible)) {
        const lane = laid.lanes.find((l) => l.id === m.laneId)!;
        const edges = laid.bands.filter((b) => b.laneId === m.laneId).flatMap((b) => [b.box.y, b.box.y + b.box.height]);
        const top = m.y + m.labelAt.y - 10;
        const bottom = m.y + m.labelAt.y + 15 * (m.labelLines!.length - 1) + 3;
        for (const r of [lane.voteX, ...edges]) if (r > top && r < bottom) found.push(`${m.id}: text ${top}–${bottom}, line at ${r}`);
      }
      return found;
    };
    // The fixture's leak stands just above the edge of the campaign silence that follows it.
    expect(struck(down)).toEqual([]);
    expect(at('paris/leak').labelAt.y, 'the leak’s label moved below the silence’s edge').toBeGreaterThan(4.5);
    // An event at T−0 itself (a run-off, say), beside the silence.
    const vote = lanes.find((l) => l.id === 'paris')!.vote;
    const silence = marks.find((m) => m.id === 'paris/silence')!;
    const atVote = { ...marks.find((m) => m.id === 'paris/leak')!, id: 'paris/at-vote', title: 'An event at T−0', start: vote, stop: vote };
    const alone = layoutTimeline(lanes, [silence, atVote], { width: 343, align: 'vote', scale: 'log', orientation: 'vertical' });
    expect(struck(alone)).toEqual([]);
    const moved = alone.marks.find((m) => m.id === 'paris/at-vote')!;
    expect(moved.labelVisible).toBe(true);
    expect(moved.labelAt.y, 'the label of the event at T−0 sits below the T−0 line').toBeGreaterThan(4.5);
  });

  it('wraps a title between words into at most the lines asked for', () => {
    expect(wrapLabel('one two three four five six', 9, 6)).toEqual(['one two', 'three', 'four five', 'six']);
    expect(wrapLabel('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapLabel('short', 9, 3)).toEqual(['short']);
  });

  it('draws bars and ticks along y, and a T−0 rule across each lane', () => {
    for (const m of down.marks.filter((m) => m.bar)) expect(m.barBox.height).toBeGreaterThan(0);
    for (const m of down.marks) expect(m.barBox.width).toBeLessThanOrEqual(6);
    const votes = down.ticks.filter((t) => t.label === 'vote');
    expect(votes).toHaveLength(2);
    for (const [i, lane] of down.lanes.entries()) {
      expect(votes[i].line.y1).toBeCloseTo(lane.voteX, 6);
      expect(lane.voteRule.y1).toBe(lane.voteRule.y2);
    }
    expect(down.vote).toBeNull();
  });

  it('zooms along the time axis like the horizontal layout', async () => {
    const { clampZoom, domainOf } = await import('../../../src/lib/timeline/zoom.ts');
    const zoom = clampZoom(down.extent, 4, down.extent.toX(0) * -3);
    const zoomed = layoutTimeline(lanes, marks, {
      width: 343,
      align: 'vote',
      scale: 'log',
      orientation: 'vertical',
      domain: domainOf(down.extent, zoom),
    });
    const rel = (l: typeof down, id: string) => l.marks.find((m) => m.id === id)!.y - l.lanes[0].axisStart;
    expect(rel(zoomed, 'paris/leak')).toBeCloseTo(zoom.x + zoom.k * rel(down, 'paris/leak'), 4);
    expect(zoomed.height).toBe(down.height);
  });

  it('leaves room left of the axis for French tick labels ("−6 mois", "−2 sem."), and keeps the English gutter', async () => {
    const { setTickWords } = await import('../../../src/lib/timeline/ticks.ts');
    setTickWords({ locale: 'fr-FR', y: 'a', mo: 'mois', w: 'sem.', d: 'j', h: 'h', tickVote: 'vote' });
    let french: ReturnType<typeof layoutTimeline>;
    try {
      french = layoutTimeline(lanes, marks, { width: 343, align: 'vote', scale: 'log', orientation: 'vertical' });
    } finally {
      setTickWords();
    }
    expect(french.ticks.map((t) => t.label)).toContainEqual(expect.stringMatching(/mois|sem\./));
    // 12 px labels, end-anchored at labelAt.x: about 7 px a character must fit left of it.
    for (const tick of french.ticks) expect(tick.labelAt.x - tick.label.length * 7).toBeGreaterThanOrEqual(0);
    expect(down.ticks[0].labelAt.x).toBe(VERTICAL.margin.left + VERTICAL.gutter - 4);
  });
});

describe('revealZoom: the zoom that shows a folded mark on its own', async () => {
  const { revealZoom, viewDomain } = await import('../../../src/lib/timeline/zoom.ts');
  it('zooms in until the mark is out of its cluster, centred', () => {
    // Eight events an hour apart, two days before the vote: too many for four rows at full view.
    const leak = marks.find((m) => m.id === 'paris/leak')!;
    const crowd = Array.from({ length: 8 }, (_, i) => ({
      ...leak,
      id: `paris/crowd-${i}`,
      start: leak.start + i * 3_600_000,
      stop: leak.start + i * 3_600_000 + 60_000,
    }));
    const all = [...marks, ...crowd];
    const options = { width: 1000, align: 'vote' as const, scale: 'log' as const };
    const full = layoutTimeline(lanes, all, options);
    const folded = full.marks.find((m) => m.clustered)!;
    expect(folded).toBeDefined();
    const zoom = revealZoom(lanes, all, options, folded.id, { k: 1, x: 0 });
    expect(zoom.k).toBeGreaterThan(1);
    const shown = layoutTimeline(lanes, all, { ...options, domain: viewDomain(full.extent, zoom) });
    const now = shown.marks.find((m) => m.id === folded.id)!;
    expect(now.clustered).toBe(false);
    expect(now.onScreen).toBe(true);
    expect(Math.abs(now.x - 500)).toBeLessThan(50);
    // The chart passes the extent it already has: the same zoom, without laying the whole view out again.
    expect(revealZoom(lanes, all, options, folded.id, { k: 1, x: 0 }, full.extent)).toEqual(zoom);
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const laid = layoutTimeline(lanes, all, { ...options, orientation });
      for (const id of [folded.id, 'paris/silence', 'ny/release']) {
        const o = { ...options, orientation };
        expect(revealZoom(lanes, all, o, id, { k: 1, x: 0 }, laid.extent)).toEqual(revealZoom(lanes, all, o, id, { k: 1, x: 0 }));
      }
    }
  });
});

describe('clusterZoom: what activating a cluster shows', () => {
  it('spreads the members over the view, and goes at least twice as deep as the zoom it starts from', async () => {
    const { clusterZoom, domainOf } = await import('../../../src/lib/timeline/zoom.ts');
    const { lanes, marks } = timelineInputs(fixtureArchive());
    const { extent } = layoutTimeline(lanes, marks, { width: 1000, align: 'vote', scale: 'log' });
    const zoom = clusterZoom(extent, [500, 502, 505]);
    expect(zoom.k).toBeGreaterThan(50);
    // The members are in view, spread apart: 5 px at zoom 1 become hundreds.
    const [v0, v1] = domainOf(extent, zoom);
    expect(extent.toX(v0)).toBeLessThan(500);
    expect(extent.toX(v1)).toBeGreaterThan(505);
    expect(clusterZoom(extent, [100, 900], { k: 1, x: 0 }).k).toBe(2);
    expect(clusterZoom(extent, [100, 900], { k: 8, x: 0 }).k).toBe(16);
  });

  it('keeps the cluster in view when the zoom is already at its deepest (members on one date)', async () => {
    const { clusterZoom, MAX_ZOOM } = await import('../../../src/lib/timeline/zoom.ts');
    const { lanes, marks } = timelineInputs(fixtureArchive());
    const { extent } = layoutTimeline(lanes, marks, { width: 1000, align: 'vote', scale: 'log' });
    const first = clusterZoom(extent, [400, 400]);
    const second = clusterZoom(extent, [400, 400], first);
    for (const zoom of [first, second]) {
      expect(zoom.k).toBeLessThanOrEqual(MAX_ZOOM);
      // Where the cluster lands on screen: x + k · position, inside the drawing.
      const onScreen = zoom.x + zoom.k * 400;
      expect(onScreen, `cluster drawn at ${onScreen} px at zoom ${zoom.k}`).toBeGreaterThanOrEqual(extent.range[0]);
      expect(onScreen).toBeLessThanOrEqual(extent.range[1]);
    }
  });
});

describe('campaign-silence bands: labels only where they have room', () => {
  const HOUR = 3_600_000;
  const vote = Date.UTC(2017, 4, 7, 18);
  const lanes = [{ id: 'lane', title: 'A lane', vote }];
  const band = (id: string, hoursBefore: number) => ({
    id,
    laneId: 'lane',
    kind: 'blackout' as const,
    status: 'documented' as const,
    approximate: false,
    start: vote - hoursBefore * HOUR,
    stop: vote - (hoursBefore - 1) * HOUR,
    title: id,
  });
  const marks = [band('lane/a', 2000), band('lane/b', 30), band('lane/c', 29), band('lane/d', 28)];

  it('across: each label shown is clear of the one before and of the lane title, the first band of a crowd keeps its label', () => {
    const laid = layoutTimeline(lanes, marks, { width: 1000, align: 'vote', scale: 'log' });
    const shown = laid.bands.filter((b) => b.labelVisible).sort((a, b) => a.labelAt.x - b.labelAt.x);
    const a = laid.bands.find((b) => b.id === 'lane/a')!;
    expect(a.labelAt.x, 'the earliest band starts under the lane title').toBeLessThan(GEOMETRY.margin.left + 'A lane'.length * 7.6);
    expect(a.labelVisible, 'so its words would cover the title').toBe(false);
    expect(shown.map((b) => b.id)).toContain('lane/b');
    expect(
      shown.map((b) => b.id),
      'the bands an hour after b have no room for their words',
    ).not.toContain('lane/c');
    for (const [i, b] of shown.entries())
      if (i) expect(b.labelAt.x - shown[i - 1].labelAt.x, b.id).toBeGreaterThanOrEqual(18 * GEOMETRY.charWidth);
  });

  it('down a phone: labels at least a line apart', () => {
    const laid = layoutTimeline(lanes, marks, { width: 343, align: 'vote', scale: 'log', orientation: 'vertical' });
    const shown = laid.bands.filter((b) => b.labelVisible).sort((a, b) => a.labelAt.y - b.labelAt.y);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(marks.length);
    for (const [i, b] of shown.entries())
      if (i) expect(b.labelAt.y - shown[i - 1].labelAt.y, b.id).toBeGreaterThanOrEqual(VERTICAL.labelLine);
  });
});
