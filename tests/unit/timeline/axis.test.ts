import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/lib/time-units.ts';
import { axisDomain, axisKind, axisValue, makeAxis } from '../../../src/lib/timeline/axis.ts';
import { alignedTickCandidates, calendarTickCandidates, chooseTicks } from '../../../src/lib/timeline/ticks.ts';
import { dateSpan, toPartialDate } from '../../../src/lib/dates.ts';
import { utc } from '../../helpers.ts';

describe('axisValue(kind, instant, vote)', () => {
  it('aligns a Paris and a New York event on their own votes, across daylight saving', () => {
    // Paris votes in summer time (UTC+2); New York after its clocks went back (UTC−5).
    const parisVote = dateSpan(toPartialDate('2017-05-07T20:00+02:00'), 'Europe/Paris').start;
    const usVote = dateSpan(toPartialDate('2016-11-08T20:00-05:00'), 'America/New_York').start;
    const parisLeak = dateSpan(toPartialDate('2017-05-05T20:35+02:00'), 'Europe/Paris').start;
    const usDay = dateSpan(toPartialDate('2016-11-06'), 'America/New_York');
    expect(axisValue('log', parisLeak, parisVote)).toBeCloseTo(-(47 + 25 / 60), 6);
    // 6 November 2016 began at 00:00 EDT (UTC−4) and the clocks went back that night: 25 hours that day.
    expect(axisValue('linear', usDay.start, usVote)).toBe(-(2 * 24 + 20 + 1));
    expect(axisValue('calendar', parisLeak, parisVote)).toBe(utc(2017, 5, 5, 18, 35));
  });
  it('uses the calendar axis for calendar alignment whatever the scale', () => {
    expect(axisKind('calendar', 'log')).toBe('calendar');
    expect(axisKind('vote', 'linear')).toBe('linear');
  });
});

describe('makeAxis(kind, domain, range)', () => {
  it('maps the domain onto the range and back, for every kind', () => {
    for (const kind of ['log', 'linear', 'calendar'] as const) {
      const axis = makeAxis(kind, [-20000, 70000], [20, 980]);
      expect(axis.toX(-20000)).toBeCloseTo(20, 6);
      expect(axis.toX(70000)).toBeCloseTo(980, 6);
      for (const v of [-5000, -48, 0, 3, 12345]) expect(axis.fromX(axis.toX(v))).toBeCloseTo(v, 3);
    }
  });
  it('gives the last 48 hours a readable share of a decade on the log scale, not on the linear one', () => {
    const domain: [number, number] = [-1.5 * 8766, 8 * 8766];
    const share = (kind: 'log' | 'linear') => {
      const axis = makeAxis(kind, domain, [0, 1000]);
      return axis.toX(0) - axis.toX(-48);
    };
    expect(share('log')).toBeGreaterThan(80);
    expect(share('linear')).toBeLessThan(1);
  });
});

describe('axisDomain(kind, values)', () => {
  it('always includes T−0 on aligned axes and pads both ends', () => {
    const [from, to] = axisDomain('linear', [-100, -10]);
    expect(from).toBeLessThan(-100);
    expect(to).toBeGreaterThan(0);
  });
  it('survives a single value or none', () => {
    expect(axisDomain('calendar', [5])[1]).toBeGreaterThan(5);
    const [from, to] = axisDomain('log', []);
    expect(from).toBeLessThan(0);
    expect(to).toBeGreaterThan(0);
  });
});

describe('ticks', () => {
  const labels = (ticks: { label: string }[]) => ticks.map((t) => t.label);
  it('labels symlog ticks as a person reads them', () => {
    const axis = makeAxis('log', [-2 * 8766, 9 * 8766], [0, 1000]);
    const chosen = chooseTicks(alignedTickCandidates('log', ...axis.domain), axis.toX, 56);
    expect(labels(chosen)).toEqual(expect.arrayContaining(['−1 y', '−3 mo', '−1 w', 'vote', '+1 y']));
    expect(chosen.map((t) => t.x)).toEqual([...chosen.map((t) => t.x)].sort((a, b) => a - b));
    for (let i = 1; i < chosen.length; i++) expect(chosen[i].x - chosen[i - 1].x).toBeGreaterThanOrEqual(56);
  });
  it('reveals finer ticks when zoomed in on the last days', () => {
    const axis = makeAxis('log', [-80, 10], [0, 1000]);
    expect(labels(chooseTicks(alignedTickCandidates('log', -80, 10), axis.toX, 56))).toEqual(
      expect.arrayContaining(['−2 d', '−1 d', 'vote']),
    );
  });
  it('steps linear aligned ticks in whole units', () => {
    expect(labels(alignedTickCandidates('linear', -24 * 30, 24, 10))).toEqual(['vote', '−4 w', '−3 w', '−2 w', '−1 w']);
    expect(labels(alignedTickCandidates('linear', -72, 12, 10))).toEqual([
      'vote',
      '−72 h',
      '−60 h',
      '−48 h',
      '−36 h',
      '−24 h',
      '−12 h',
      '+12 h',
    ]);
  });
  it('dates calendar ticks', () => {
    const ticks = calendarTickCandidates(utc(2015, 6, 1), utc(2025, 6, 1));
    expect(labels(ticks).slice(0, 3)).toEqual(['2016', '2017', '2018']);
    expect(labels(calendarTickCandidates(utc(2017, 5, 4), utc(2017, 5, 8)))).toContain('6 May');
  });
  it('stays finite and bounded for any domain', () => {
    expect(alignedTickCandidates('linear', -1e7, 1e7).length).toBeLessThanOrEqual(401);
    expect(calendarTickCandidates(utc(1990), utc(2030)).length).toBeLessThan(200);
    expect(HOUR).toBe(3_600_000);
  });
});
