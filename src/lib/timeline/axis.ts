/**
 * The time axis: maps a time value to an x position and back. Aligned modes measure hours
 * from T−0 (polls close); the calendar mode measures real instants in milliseconds. The
 * symmetric-log mode makes the last 48 hours and the years around them readable together.
 * Tiny on purpose: the browser enhancer uses the same functions as the build. The
 * transform is d3-scale's scaleSymlog (sign(v)·log1p(|v|/c)) written out: the same axis
 * without shipping d3-scale and its dependencies to the browser.
 */
import { DAY, HOUR } from '../time-units.ts';

/** The three axes: hours from T−0 on a symmetric log or linear scale, or calendar time. */
export type AxisKind = 'log' | 'linear' | 'calendar';
/** Lanes aligned on their vote (T−0) or on the calendar. */
export type Align = 'vote' | 'calendar';
/** How hours from T−0 are spread: symmetric log or linear. */
export type ScaleKind = 'log' | 'linear';

/** Width, in hours, of the linear core of the symmetric log: below it, time is nearly linear. */
export const SYMLOG_CONSTANT_HOURS = 6;

/** The axis a view uses: calendar time is always linear. */
export function axisKind(align: Align, scale: ScaleKind): AxisKind {
  return align === 'calendar' ? 'calendar' : scale;
}

/** The axis value of an instant: hours from the lane's vote, or the instant itself. */
export function axisValue(kind: AxisKind, instant: number, vote: number): number {
  return kind === 'calendar' ? instant : (instant - vote) / HOUR;
}

function symlog(v: number): number {
  return Math.sign(v) * Math.log1p(Math.abs(v) / SYMLOG_CONSTANT_HOURS);
}

function symexp(u: number): number {
  return Math.sign(u) * Math.expm1(Math.abs(u)) * SYMLOG_CONSTANT_HOURS;
}

/** A time axis: from time values to positions and back, and its domain and range. */
export interface Axis {
  kind: AxisKind;
  domain: [number, number];
  range: [number, number];
  toX(value: number): number;
  fromX(x: number): number;
}

/** An axis of a kind over a domain (hours or instants) and a range (pixels). */
export function makeAxis(kind: AxisKind, domain: [number, number], range: [number, number]): Axis {
  const forward = kind === 'log' ? symlog : (v: number) => v;
  const backward = kind === 'log' ? symexp : (u: number) => u;
  const [u0, u1] = [forward(domain[0]), forward(domain[1])];
  const span = u1 - u0 || 1;
  const [r0, r1] = range;
  return {
    kind,
    domain,
    range,
    toX: (value) => r0 + ((forward(value) - u0) / span) * (r1 - r0),
    fromX: (x) => backward(u0 + ((x - r0) / (r1 - r0)) * span),
  };
}

/**
 * A domain covering `values` (and T−0 in aligned modes), padded by a fraction of its
 * width in the axis's own space so that no mark sits on the edge.
 */
export function axisDomain(kind: AxisKind, values: number[], pad = 0.03): [number, number] {
  const all = kind === 'calendar' ? values : [...values, 0];
  if (all.length === 0) return kind === 'calendar' ? [0, DAY] : [-24, 24];
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (min === max) {
    min -= kind === 'calendar' ? DAY : 1;
    max += kind === 'calendar' ? DAY : 1;
  }
  const forward = kind === 'log' ? symlog : (v: number) => v;
  const backward = kind === 'log' ? symexp : (u: number) => u;
  const [u0, u1] = [forward(min), forward(max)];
  const extra = (u1 - u0) * pad;
  return [backward(u0 - extra), backward(u1 + extra)];
}
