import { describe, expect, it } from 'vitest';
import { dateSpan, endsBeforeStart, parsePartialDate, toPartialDate, widestSpan, zonedTimeToUtc } from '../../src/lib/dates.ts';
import { utc } from '../helpers.ts';

describe('parsePartialDate(text)', () => {
  it.each([
    ['2016', 'year'],
    ['2016-07', 'month'],
    ['2016-07-22', 'day'],
    ['2017-05-05T20:35+02:00', 'minute'],
    ['2017-05-05T20:35:10Z', 'second'],
    ['2016-02-29', 'day'],
    ['2016-11-08T20:00-05:00', 'minute'],
  ])('accepts %s at %s precision', (text, precision) => {
    const result = parsePartialDate(text);
    expect(result.ok && result.date.precision).toBe(precision);
    expect(result.ok && result.date.text).toBe(text);
  });

  it.each([
    ['2017-05-05T20:35', /no offset/],
    ['2017-02-29', /not a real date/],
    ['2016-13', /no month 13/],
    ['2016-00-10', /no month 00/],
    ['2017-05-05T24:00+02:00', /not a real time/],
    ['2017-05-05T20:61+02:00', /not a real time/],
    ['2017-05-05 20:35+02:00', /space/],
    ['5 May 2017', /not a date/],
    ['20170505', /not a date/],
    ['2017-05-05T20:35+15:00', /impossible offset/],
    ['', /not a date/],
  ])('refuses %j', (text, message) => {
    const result = parsePartialDate(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('keeps the offset the editor wrote', () => {
    expect(toPartialDate('2017-05-05T20:35+02:00').offsetMinutes).toBe(120);
    expect(toPartialDate('2016-07-22T18:00-04:00').offsetMinutes).toBe(-240);
    expect(toPartialDate('2016-07-22').offsetMinutes).toBeUndefined();
  });
});

describe('dateSpan(date, timeZone)', () => {
  it('places a timed date at its own offset, whatever the zone', () => {
    const span = dateSpan(toPartialDate('2017-05-05T20:35+02:00'), 'America/New_York');
    expect(span.start).toBe(utc(2017, 5, 5, 18, 35));
    expect(span.end - span.start).toBe(60_000);
  });

  it('reads a day in the incident zone, as a whole day', () => {
    const span = dateSpan(toPartialDate('2016-07-22'), 'America/New_York');
    expect(span.start).toBe(utc(2016, 7, 22, 4));
    expect(span.end).toBe(utc(2016, 7, 23, 4));
  });

  it('gives a day of 23 hours when clocks go forward, and 25 when they go back', () => {
    const spring = dateSpan(toPartialDate('2017-03-26'), 'Europe/Paris');
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    const autumn = dateSpan(toPartialDate('2016-11-06'), 'America/New_York');
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
  });

  it('spans a whole month and a whole year', () => {
    const month = dateSpan(toPartialDate('2016-12'), 'Europe/Paris');
    expect(month.start).toBe(utc(2016, 11, 30, 23));
    expect(month.end).toBe(utc(2016, 12, 31, 23));
    const year = dateSpan(toPartialDate('2015'), 'UTC');
    expect([year.start, year.end]).toEqual([utc(2015, 1, 1), utc(2016, 1, 1)]);
  });
});

describe('zonedTimeToUtc(y, m, d, h, min, zone)', () => {
  it('converts Paris summer and winter time', () => {
    expect(zonedTimeToUtc(2017, 5, 7, 20, 0, 'Europe/Paris')).toBe(utc(2017, 5, 7, 18));
    expect(zonedTimeToUtc(2017, 1, 7, 20, 0, 'Europe/Paris')).toBe(utc(2017, 1, 7, 19));
  });
  it('picks the earlier instant in the repeated hour when clocks go back', () => {
    expect(zonedTimeToUtc(2016, 11, 6, 1, 30, 'America/New_York')).toBe(utc(2016, 11, 6, 5, 30));
  });
});

describe('widestSpan(date)', () => {
  it('widens a floating day by every time zone on Earth', () => {
    const span = widestSpan(toPartialDate('2020-01-01'));
    expect(span.start).toBe(utc(2019, 12, 31, 10));
    expect(span.end).toBe(utc(2020, 1, 2, 12));
  });
});

describe('endsBeforeStart(start, end)', () => {
  const check = (a: string, b: string) => endsBeforeStart(toPartialDate(a), toPartialDate(b));
  it('compares two calendar dates as calendar dates', () => {
    expect(check('2017-05-05', '2017-05-04')).toBe(true);
    expect(check('2017-05-05', '2017-05-05')).toBe(false);
    expect(check('2017-05', '2017-04-30')).toBe(true);
  });
  it('compares timed dates exactly', () => {
    expect(check('2017-05-06T00:00+02:00', '2017-05-05T23:59+02:00')).toBe(true);
    expect(check('2017-05-06T00:00+02:00', '2017-05-07T20:00+02:00')).toBe(false);
  });
  it('gives a timed date against a calendar day the benefit of every time zone', () => {
    expect(check('2017-05-05T23:30-10:00', '2017-05-06')).toBe(false);
    expect(check('2017-05-08T12:00+02:00', '2017-05-06')).toBe(true);
  });
});

describe('endsBeforeStart(start, end, zone)', () => {
  it('reads both dates in the incident zone when it is known', () => {
    const start = toPartialDate('2020-02-29T00:00+01:00');
    const end = toPartialDate('2020-02-28');
    expect(endsBeforeStart(start, end)).toBe(false);
    expect(endsBeforeStart(start, end, 'Europe/Paris')).toBe(true);
  });
});
