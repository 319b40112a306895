/**
 * Axis ticks a person reads: "−1 y", "−3 mo", "−1 w", "−2 d", "vote", "+1 y" on aligned
 * axes; real dates on the calendar axis. Candidates carry a priority; `chooseTicks` keeps
 * the most important ones that fit, so that zooming reveals finer ticks.
 */
import { utcDay, utcHour, utcMonth, utcWeek, utcYear, type CountableTimeInterval } from 'd3-time';
import { HOUR } from '../time-units.ts';
import { MINUS } from '../words.ts';
import type { Axis } from './axis.ts';

/** A tick of the time axis: its value and its label. */
export interface Tick {
  value: number;
  label: string;
  /** 0 is most important (T−0); larger numbers give way first. */
  priority: number;
}

const YEAR_H = 365.25 * 24;
const MONTH_H = YEAR_H / 12;
const WEEK_H = 7 * 24;

/** Units for aligned ticks, largest first, with the priority of their multiples. */
const UNITS: { hours: number; suffix: string; priority: number; steps: number[] }[] = [
  { hours: YEAR_H, suffix: 'y', priority: 1, steps: [1, 2, 5, 10] },
  { hours: MONTH_H, suffix: 'mo', priority: 2, steps: [1, 3, 6] },
  { hours: WEEK_H, suffix: 'w', priority: 3, steps: [1, 2] },
  { hours: 24, suffix: 'd', priority: 3, steps: [1, 2, 3] },
  { hours: 1, suffix: 'h', priority: 4, steps: [1, 3, 6, 12] },
];

/**
 * The locale and words of tick labels: the dictionary's `units` (passed in, so that the browser's chart does not load
 * the dictionaries).
 */
export interface TickWords {
  locale: string;
  y: string;
  mo: string;
  w: string;
  d: string;
  h: string;
  tickVote: string;
}
const ENGLISH: TickWords = { locale: 'en-GB', y: 'y', mo: 'mo', w: 'w', d: 'd', h: 'h', tickVote: 'vote' };

/** The tick words when a caller gives none: the page's (set by the page and by the chart script). */
let defaultWords = ENGLISH;
/** Sets the words tick labels use (the page's language); English when called without. */
export function setTickWords(words = ENGLISH): void {
  defaultWords = words;
}

/** "−3 mo" in English, "−3 mois" in French. */
function alignedLabel(count: number, suffix: string, words: TickWords): string {
  return `${count < 0 ? MINUS : '+'}${Math.abs(count)} ${words[suffix as keyof TickWords]}`;
}

/**
 * Candidate ticks for an aligned axis between `from` and `to` (hours from T−0). For the
 * log axis: 1, 2, 3 … of each unit; for the linear axis: multiples of the step that gives
 * about `targetCount` ticks.
 */
export function alignedTickCandidates(
  kind: 'log' | 'linear',
  from: number,
  to: number,
  targetCount = 10,
  words: TickWords = defaultWords,
): Tick[] {
  const ticks: Tick[] = [];
  const seen = new Set<number>();
  const push = (value: number, label: string, priority: number) => {
    const key = Math.round(value * 1000);
    if (value < from || value > to || seen.has(key)) return;
    seen.add(key);
    ticks.push({ value, label, priority });
  };
  push(0, words.tickVote, 0);
  if (kind === 'log') {
    for (const unit of UNITS) {
      const limit = unit.suffix === 'y' ? 40 : unit.suffix === 'mo' ? 11 : unit.suffix === 'w' ? 3 : unit.suffix === 'd' ? 6 : 23;
      for (let n = 1; n <= limit; n++) {
        const priority = unit.priority + (unit.steps.includes(n) ? 0 : 2);
        push(-n * unit.hours, alignedLabel(-n, unit.suffix, words), priority);
        push(n * unit.hours, alignedLabel(n, unit.suffix, words), priority);
      }
    }
    return ticks;
  }
  // Linear: the smallest step (as a whole number of some unit) giving at most targetCount ticks.
  const span = to - from;
  const steps = UNITS.flatMap((unit) => unit.steps.map((n) => ({ hours: n * unit.hours, unit, n }))).sort((a, b) => a.hours - b.hours);
  const step = steps.find((s) => span / s.hours <= targetCount) ?? steps[steps.length - 1];
  const first = Math.ceil(from / step.hours);
  const last = Math.floor(to / step.hours);
  for (let i = first; i <= last && ticks.length < 400; i++) {
    if (i === 0) continue;
    push(i * step.hours, alignedLabel(i * step.n, step.unit.suffix, words), i % 2 === 0 ? 1 : 2);
  }
  return ticks;
}

const CALENDAR_INTERVALS: {
  interval: CountableTimeInterval;
  every: number;
  ms: number;
  format: Intl.DateTimeFormatOptions;
  priority: number;
}[] = [
  { interval: utcYear, every: 1, ms: 365.25 * 24 * HOUR, format: { year: 'numeric' }, priority: 1 },
  { interval: utcMonth, every: 3, ms: 91 * 24 * HOUR, format: { month: 'short', year: 'numeric' }, priority: 2 },
  { interval: utcMonth, every: 1, ms: 30.4 * 24 * HOUR, format: { month: 'short', year: 'numeric' }, priority: 3 },
  { interval: utcWeek, every: 1, ms: 7 * 24 * HOUR, format: { day: 'numeric', month: 'short' }, priority: 4 },
  { interval: utcDay, every: 1, ms: 24 * HOUR, format: { day: 'numeric', month: 'short' }, priority: 5 },
  {
    interval: utcHour,
    every: 6,
    ms: 6 * HOUR,
    format: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    priority: 6,
  },
];

/** Candidate ticks for the calendar axis: the coarsest intervals that give enough ticks, dated in UTC. */
export function calendarTickCandidates(from: number, to: number, targetCount = 10, locale = defaultWords.locale): Tick[] {
  const ticks: Tick[] = [];
  const seen = new Set<number>();
  for (const { interval, every, ms, format, priority } of CALENDAR_INTERVALS) {
    const count = (to - from) / (ms * every);
    if (count > targetCount * 4) continue;
    const formatter = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...format });
    const range = (interval.every(every) ?? interval).range(new Date(from), new Date(to));
    for (const date of range) {
      const value = date.getTime();
      if (seen.has(value)) continue;
      seen.add(value);
      ticks.push({ value, label: formatter.format(date), priority });
    }
    if (count >= targetCount) break;
  }
  return ticks;
}

/** Candidates for the visible part of an axis. */
export function tickCandidates(axis: Axis, from = axis.domain[0], to = axis.domain[1], targetCount = 10): Tick[] {
  return axis.kind === 'calendar'
    ? calendarTickCandidates(from, to, targetCount)
    : alignedTickCandidates(axis.kind, from, to, targetCount, defaultWords);
}

/** Keeps the most important ticks that are at least `minGap` pixels from each other, left to right. */
export function chooseTicks(ticks: Tick[], toX: (value: number) => number, minGap: number): (Tick & { x: number })[] {
  const kept: (Tick & { x: number })[] = [];
  const ordered = [...ticks].sort((a, b) => a.priority - b.priority || Math.abs(a.value) - Math.abs(b.value));
  for (const tick of ordered) {
    const x = toX(tick.value);
    if (kept.every((other) => Math.abs(other.x - x) >= minGap)) kept.push({ ...tick, x });
  }
  return kept.sort((a, b) => a.x - b.x);
}
