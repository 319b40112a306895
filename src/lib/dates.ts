/**
 * Partial ISO 8601 dates as editors write them ("2016", "2016-07", "2016-07-22",
 * "2017-05-05T20:35+02:00"), kept at the precision and offset written, and turned
 * into UTC instants only when a time zone says what "that day" means.
 */
import { DAY, HOUR, MINUTE } from './time-units.ts';

/** The precisions a date can be written at, widest first. */
export const DATE_PRECISIONS = ['year', 'month', 'day', 'minute', 'second'] as const;
/** How precisely a date is written: a year, a month, a day, a time to the minute or to the second. */
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** A date at the precision written, with its offset when it has a time. */
export interface PartialDate {
  /** The date exactly as written, e.g. "2017-05-05T20:35+02:00". */
  text: string;
  precision: DatePrecision;
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Offset east of UTC in minutes, only for dates with a time. */
  offsetMinutes?: number;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** A parsed partial date, or why the text is not one. */
export type DateParseResult = { ok: true; date: PartialDate } | { ok: false; message: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a partial ISO 8601 date; explains in plain words why a date is refused. */
export function parsePartialDate(input: string): DateParseResult {
  const text = input.trim();
  const m = PARTIAL_DATE.exec(text);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(text)) {
      return { ok: false, message: `"${text}" separates date and time with a space; write a "T", e.g. 2017-05-05T20:35+02:00` };
    }
    return {
      ok: false,
      message: `"${text}" is not a date; write 2016, 2016-07, 2016-07-22 or 2017-05-05T20:35+02:00`,
    };
  }
  const [, y, mo, d, h, mi, s, off] = m;
  const year = Number(y);
  const date: PartialDate = { text, precision: 'year', year };
  if (mo !== undefined) {
    date.month = Number(mo);
    if (date.month < 1 || date.month > 12) return { ok: false, message: `"${text}" has no month ${mo}` };
    date.precision = 'month';
  }
  if (d !== undefined) {
    date.day = Number(d);
    if (date.day < 1 || date.day > daysInMonth(year, date.month!)) {
      return { ok: false, message: `"${text}" is not a real date (${y}-${mo} has no day ${d})` };
    }
    date.precision = 'day';
  }
  if (h !== undefined) {
    if (off === undefined) {
      return {
        ok: false,
        message:
          `"${text}" has a time but no offset; add one, e.g. ${text}+02:00 (Paris summer), ${text}-04:00 (US ` +
          `Eastern summer) or ${text}Z`,
      };
    }
    date.hour = Number(h);
    date.minute = Number(mi);
    if (date.hour > 23 || date.minute > 59) return { ok: false, message: `"${text}" is not a real time of day` };
    date.precision = 'minute';
    if (s !== undefined) {
      date.second = Number(s);
      if (date.second > 59) return { ok: false, message: `"${text}" is not a real time of day` };
      date.precision = 'second';
    }
    if (off === 'Z') {
      date.offsetMinutes = 0;
    } else {
      const sign = off[0] === '-' ? -1 : 1;
      const oh = Number(off.slice(1, 3));
      const om = Number(off.slice(4, 6));
      if (oh > 14 || om > 59) return { ok: false, message: `"${text}" has an impossible offset ${off}` };
      date.offsetMinutes = sign * (oh * 60 + om);
    }
  }
  return { ok: true, date };
}

/** Like parsePartialDate, for values already validated by the schema. */
export function toPartialDate(input: string): PartialDate {
  const result = parsePartialDate(input);
  if (!result.ok) throw new Error(result.message);
  return result.date;
}

/** A day of the calendar, months and days from 1. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** Calendar days from one day to another (negative when `to` is earlier), whatever the clock changes between. */
export function calendarDaysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY);
}

/** Whole years and months from one calendar day to a later one (a month counts once its day is reached). */
export function yearsAndMonths(from: CalendarDay, to: CalendarDay): { years: number; months: number } {
  const total = (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
  return { years: Math.floor(total / 12), months: total % 12 };
}

/** One formatter per zone: creating an Intl.DateTimeFormat costs far more than using one. */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** Calendar fields of an instant as seen in `timeZone`. */
export function wallClock(utcMs: number, timeZone: string) {
  if (timeZone === 'UTC') {
    const d = new Date(utcMs);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Offset of `timeZone` from UTC, in minutes, at the instant `utcMs`. */
export function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const w = wallClock(utcMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / MINUTE);
}

/** The UTC instant of a wall-clock time in `timeZone` (the earlier one when clocks go back). */
export function zonedTimeToUtc(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - zoneOffsetMinutes(naive, timeZone) * MINUTE;
  const second = naive - zoneOffsetMinutes(first, timeZone) * MINUTE;
  return Math.min(first, second);
}

/** The span of instants [start, end) a partial date covers, with day-like precisions read in `timeZone`. */
export function dateSpan(date: PartialDate, timeZone: string): { start: number; end: number } {
  if (date.offsetMinutes !== undefined) {
    const start = Date.UTC(date.year, date.month! - 1, date.day!, date.hour!, date.minute!, date.second ?? 0) - date.offsetMinutes * MINUTE;
    return { start, end: start + (date.precision === 'second' ? 1000 : MINUTE) };
  }
  const { year } = date;
  if (date.precision === 'year') {
    return { start: zonedTimeToUtc(year, 1, 1, 0, 0, timeZone), end: zonedTimeToUtc(year + 1, 1, 1, 0, 0, timeZone) };
  }
  const month = date.month!;
  if (date.precision === 'month') {
    const next = month === 12 ? [year + 1, 1] : [year, month + 1];
    return {
      start: zonedTimeToUtc(year, month, 1, 0, 0, timeZone),
      end: zonedTimeToUtc(next[0], next[1], 1, 0, 0, timeZone),
    };
  }
  const day = date.day!;
  const nextDay = new Date(Date.UTC(year, month - 1, day + 1));
  return {
    start: zonedTimeToUtc(year, month, day, 0, 0, timeZone),
    end: zonedTimeToUtc(nextDay.getUTCFullYear(), nextDay.getUTCMonth() + 1, nextDay.getUTCDate(), 0, 0, timeZone),
  };
}

// Time zones on Earth run from UTC−12 to UTC+14: a floating date (no offset) could start
// 14 h before its UTC midnight and end 12 h after its UTC end, wherever it is read.
const EARLIEST_ZONE_MS = 14 * HOUR;
const LATEST_ZONE_MS = 12 * HOUR;

/** The widest span a date could mean in any time zone, for checks made without one. */
export function widestSpan(date: PartialDate): { start: number; end: number } {
  if (date.offsetMinutes !== undefined) return dateSpan(date, 'UTC');
  const utc = dateSpan(date, 'UTC');
  return { start: utc.start - EARLIEST_ZONE_MS, end: utc.end + LATEST_ZONE_MS };
}

/**
 * Whether `end` finishes before `start` begins. Two dates without offsets are read in the
 * same zone, so they compare as calendar dates; a timed date against a floating one gets
 * the benefit of the doubt of every time zone, unless the zone (the incident's) is known.
 */
export function endsBeforeStart(start: PartialDate, end: PartialDate, timeZone?: string): boolean {
  const floating = start.offsetMinutes === undefined && end.offsetMinutes === undefined;
  const span = (date: PartialDate) => (timeZone ? dateSpan(date, timeZone) : floating ? dateSpan(date, 'UTC') : widestSpan(date));
  return span(end).end <= span(start).start;
}
