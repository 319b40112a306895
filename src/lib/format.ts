/** Dates and offsets written out for readers: "5 May 2017, 20:35 Paris time", "T−47 h". */
import { calendarDaysBetween, dateSpan, wallClock, yearsAndMonths, type PartialDate } from './dates.ts';
import { dictionary } from './i18n/en.ts';
import { HOUR, MINUTE } from './time-units.ts';
import { MINUS } from './words.ts';

/** "Europe/Paris" → "Paris", "America/New_York" → "New York". */
export function zoneCity(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/** One Intl.DateTimeFormat per locale and options, made once: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** A time of day in the locale's way: "20:35", "20 h 35". */
function timeOfDay(locale: string, timeZone: string, instant: number): string {
  const parts = formatter(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return dictionary(locale).units.time(part('hour'), part('minute'));
}

/**
 * A date as a reader reads it, at the precision the editor wrote. Timed dates are shown
 * in `timeZone` ("5 May 2017, 20:35 Paris time"); others as written ("July 2016").
 */
export function formatPartialDate(
  date: PartialDate,
  timeZone: string,
  { approximate = false, locale = 'en-GB', withZone = true } = {},
): string {
  // The same event's date is written out on many pages (its own, its incident's, every chart's
  // accessible names and events data, the tables, in two editions): each form is made once.
  const forms = formsOf(date);
  const key = `${timeZone}\u0000${locale}\u0000${approximate ? 1 : 0}${withZone ? 1 : 0}`;
  let written = forms.get(key);
  if (written === undefined) {
    written = writePartialDate(date, timeZone, approximate, locale, withZone);
    forms.set(key, written);
  }
  return written;
}

/**
 * What formatPartialDate wrote for each date, by zone, locale and options. Keyed by the date's
 * text, which is all a date is made from (parsePartialDate): pages parse a review or
 * publication date afresh each time they write it, and an event's date object is shared.
 */
const writtenDates = new Map<string, Map<string, string>>();

/** The forms already written for a date. */
function formsOf(date: PartialDate): Map<string, string> {
  let forms = writtenDates.get(date.text);
  if (!forms) {
    forms = new Map();
    writtenDates.set(date.text, forms);
  }
  return forms;
}

function writePartialDate(date: PartialDate, timeZone: string, approximate: boolean, locale: string, withZone: boolean): string {
  const prefix = approximate ? dictionary(locale).units.circa : '';
  // Day-like precisions are calendar dates, not instants: format them in UTC so that the
  // written day never shifts.
  const calendar = Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1, 12);
  switch (date.precision) {
    case 'year':
      return prefix + String(date.year);
    case 'month':
      return prefix + formatter(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(calendar);
    case 'day':
      return prefix + formatter(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(calendar);
    default: {
      const { start } = dateSpan(date, timeZone);
      const day = formatter(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(start);
      return prefix + dictionary(locale).units.dateTime(day, timeOfDay(locale, timeZone, start), withZone ? zoneCity(timeZone) : undefined);
    }
  }
}

/** The UTC form of a timed date ("5 May 2017, 18:35 UTC"); undefined for day-like precisions. */
export function formatUtc(date: PartialDate, locale = 'en-GB'): string | undefined {
  if (date.offsetMinutes === undefined) return undefined;
  const { start } = dateSpan(date, 'UTC');
  const day = formatter(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(start);
  return dictionary(locale).units.utcDateTime(day, timeOfDay(locale, 'UTC', start));
}

/** How far a date lies from T−0: in milliseconds, as a label and in words. */
export interface TOffset {
  /** Signed distance from T−0 in milliseconds (negative: before the vote). */
  ms: number;
  /** Compact label: "T−47 h", "T−109 d", "T+7 y 11 mo", "vote day". */
  label: string;
  /** Words for screen readers and tables: "47 hours before the vote". */
  words: string;
}

type Units = ReturnType<typeof dictionary>['units'];
type UnitKey = 'minute' | 'hour' | 'day' | 'month' | 'year';
const SHORT: Record<UnitKey, 'min' | 'h' | 'd' | 'mo' | 'y'> = { minute: 'min', hour: 'h', day: 'd', month: 'mo', year: 'y' };

/** "2 hours", "1 an": a count with its unit's word (French: singular below 2). */
function unitWords(n: number, unit: UnitKey, units: Units, locale: string) {
  const [one, many] = units[unit];
  const singular = locale.startsWith('fr') ? n < 2 : n === 1;
  return `${n.toLocaleString(locale)} ${singular ? one : many}`;
}

/** A length of time in two forms: compact for labels, words for sentences. */
export interface Duration {
  /** "47 h", "109 d", "7 y 11 mo". */
  short: string;
  /** "47 hours", "109 days", "7 years 11 months". */
  long: string;
}

function unitDuration(n: number, unit: UnitKey, locale: string): Duration {
  const units = dictionary(locale).units;
  return { short: `${n.toLocaleString(locale)} ${units[SHORT[unit]]}`, long: unitWords(n, unit, units, locale) };
}

function yearsMonthsDuration({ years, months }: { years: number; months: number }, locale: string): Duration {
  const units = dictionary(locale).units;
  const short = [years ? `${years} ${units.y}` : '', months ? `${months} ${units.mo}` : ''].filter(Boolean).join(' ');
  const long = [years ? unitWords(years, 'year', units, locale) : '', months ? unitWords(months, 'month', units, locale) : '']
    .filter(Boolean)
    .join(' ');
  return { short: short || `0 ${units.mo}`, long: long || unitWords(0, 'month', units, locale) };
}

/**
 * The site's one duration formatter, shared by the chart's labels, the pages and the
 * comparison panel. Between two instants, read as wall-clock dates in `timeZone`:
 * minutes, then hours under three days (when both ends are timed), then calendar days,
 * then years and months from 730 days on ("7 y 11 mo", never a rounded "8 y").
 */
export function formatDuration(fromMs: number, toMs: number, timeZone: string, { timed = true, locale = 'en-GB' } = {}): Duration {
  const [a, b] = fromMs <= toMs ? [fromMs, toMs] : [toMs, fromMs];
  const ms = b - a;
  if (timed && ms < HOUR) return unitDuration(Math.floor(ms / MINUTE), 'minute', locale);
  if (timed && ms < 72 * HOUR) return unitDuration(Math.floor(ms / HOUR), 'hour', locale);
  const from = wallClock(a, timeZone);
  const to = wallClock(b, timeZone);
  const days = calendarDaysBetween(from, to);
  if (days < 730) return unitDuration(days, 'day', locale);
  return yearsMonthsDuration(yearsAndMonths(from, to), locale);
}

function spanText(sign: number, duration: Duration, locale: string): Omit<TOffset, 'ms'> {
  const units = dictionary(locale).units;
  return {
    label: `T${sign < 0 ? MINUS : '+'}${duration.short}`,
    words: `${duration.long} ${sign < 0 ? units.beforeVote : units.afterVote}`,
  };
}

function offsetText(sign: number, n: number, unit: UnitKey, locale: string): Omit<TOffset, 'ms'> {
  const units = dictionary(locale).units;
  if (n === 0) return { label: 'T\u00b10', words: units.atVote };
  return {
    label: `T${sign < 0 ? MINUS : '+'}${n.toLocaleString(locale)} ${units[SHORT[unit]]}`,
    words: `${unitWords(n, unit, units, locale)} ${sign < 0 ? units.beforeVote : units.afterVote}`,
  };
}

/**
 * How far a date lies from T−0 (polls close), in the unit its precision supports:
 * minutes or hours within three days for timed dates, then calendar days (read in the
 * incident's time zone), then years; months and years for month- and year-precision dates.
 */
export function tOffset(date: PartialDate, vote: PartialDate, timeZone: string, locale = 'en-GB'): TOffset {
  const units = dictionary(locale).units;
  const voteStart = dateSpan(vote, timeZone).start;
  const start = dateSpan(date, timeZone).start;
  const ms = start - voteStart;
  const sign = Math.sign(ms);
  const voteDay = wallClock(voteStart, timeZone);
  const timed = date.offsetMinutes !== undefined;

  if (timed && Math.abs(ms) < HOUR) {
    return { ms, ...offsetText(sign, Math.floor(Math.abs(ms) / MINUTE), 'minute', locale) };
  }
  if (timed && Math.abs(ms) < 72 * HOUR) {
    return { ms, ...offsetText(sign, Math.floor(Math.abs(ms) / HOUR), 'hour', locale) };
  }
  if (date.precision === 'year') {
    const years = date.year - voteDay.year;
    if (years === 0) return { ms, label: units.voteYear, words: units.inVoteYear };
    return { ms, ...offsetText(Math.sign(years), Math.abs(years), 'year', locale) };
  }
  if (date.precision === 'month') {
    const months = (date.year - voteDay.year) * 12 + (date.month! - voteDay.month);
    if (months === 0) return { ms, label: units.voteMonth, words: units.inVoteMonth };
    if (Math.abs(months) >= 24) {
      const whole = Math.abs(months);
      return {
        ms,
        ...spanText(Math.sign(months), yearsMonthsDuration({ years: Math.floor(whole / 12), months: whole % 12 }, locale), locale),
      };
    }
    return { ms, ...offsetText(Math.sign(months), Math.abs(months), 'month', locale) };
  }
  const local = timed ? wallClock(start, timeZone) : { year: date.year, month: date.month!, day: date.day! };
  const days = calendarDaysBetween(voteDay, local);
  if (days === 0) return { ms, label: units.voteDay, words: units.onVoteDay };
  if (Math.abs(days) >= 730) {
    const [from, to] = days < 0 ? [local, voteDay] : [voteDay, local];
    return { ms, ...spanText(Math.sign(days), yearsMonthsDuration(yearsAndMonths(from, to), locale), locale) };
  }
  return { ms, ...offsetText(Math.sign(days), Math.abs(days), 'day', locale) };
}
