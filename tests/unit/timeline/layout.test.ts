import { describe, expect, it } from 'vitest';
import { GEOMETRY, layoutTimeline, shortLabel } from '../../../src/lib/timeline/layout.ts';
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
    expect(paris.marks.every((m) => m.laneId === 'paris')).toBe(true);
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
    expect(markAccessibleName(report, archive.incident('paris')!)).toBe('Attribution (reported), 25 April 2017, T−12 d: Event paris/report');
  });
  it('cuts long labels with an ellipsis', () => {
    expect(shortLabel('x'.repeat(50), 10)).toBe('xxxxxxxxx…');
    expect(shortLabel('short')).toBe('short');
    // Between words, so that what is shown is also in the accessible name.
    expect(shortLabel('FBI agent phones the DNC help desk about a compromised computer')).toBe('FBI agent phones the DNC help…');
    expect(shortLabel('Paris prosecutor opens an inquiry, on 5 May', 36)).toBe('Paris prosecutor opens an inquiry…');
  });
});
