import { describe, expect, it } from 'vitest';
import { toPartialDate } from '../../src/lib/dates.ts';
import { formatPartialDate, formatUtc, tOffset, zoneCity } from '../../src/lib/format.ts';

const PARIS_VOTE = toPartialDate('2017-05-07T20:00+02:00');
const US_VOTE = toPartialDate('2016-11-08T20:00-05:00');
const offset = (date: string, vote = PARIS_VOTE, zone = 'Europe/Paris') => tOffset(toPartialDate(date), vote, zone);

describe('formatPartialDate(date, zone)', () => {
  it('writes each precision as a reader reads it', () => {
    expect(formatPartialDate(toPartialDate('2016'), 'UTC')).toBe('2016');
    expect(formatPartialDate(toPartialDate('2016-07'), 'UTC')).toBe('July 2016');
    expect(formatPartialDate(toPartialDate('2016-07-22'), 'America/New_York')).toBe('22 July 2016');
  });
  it('shows a time in the incident zone, with "c." when approximate', () => {
    const date = toPartialDate('2017-05-05T18:35Z');
    expect(formatPartialDate(date, 'Europe/Paris')).toBe('5 May 2017, 20:35 Paris time');
    expect(formatPartialDate(date, 'Europe/Paris', { approximate: true })).toBe('c. 5 May 2017, 20:35 Paris time');
    expect(formatPartialDate(date, 'America/New_York')).toBe('5 May 2017, 14:35 New York time');
  });
  it('never shifts a written day, whatever the machine zone', () => {
    expect(formatPartialDate(toPartialDate('2016-01-01'), 'Pacific/Kiritimati')).toBe('1 January 2016');
  });
  it('writes one date in each zone, language and form asked for, whatever was asked before', () => {
    // The same date object is written out on many pages (the build keeps each form once).
    const date = toPartialDate('2017-05-05T18:35Z');
    const forms = () => [
      formatPartialDate(date, 'Europe/Paris'),
      formatPartialDate(date, 'Europe/Paris', { approximate: true }),
      formatPartialDate(date, 'Europe/Paris', { withZone: false }),
      formatPartialDate(date, 'America/New_York'),
      formatPartialDate(date, 'Europe/Paris', { locale: 'fr' }),
    ];
    const first = forms();
    expect(first.slice(0, 4)).toEqual([
      '5 May 2017, 20:35 Paris time',
      'c. 5 May 2017, 20:35 Paris time',
      '5 May 2017, 20:35',
      '5 May 2017, 14:35 New York time',
    ]);
    expect(new Set(first).size).toBe(first.length);
    expect(forms()).toEqual(first);
    expect(formatPartialDate(toPartialDate('2017-05-05T18:35Z'), 'Europe/Paris', { locale: 'fr' })).toBe(first[4]);
  });
});

describe('formatUtc(date)', () => {
  it('gives the UTC form of a timed date and nothing for a day', () => {
    expect(formatUtc(toPartialDate('2017-05-05T20:35+02:00'))).toBe('5 May 2017, 18:35 UTC');
    expect(formatUtc(toPartialDate('2017-05-05'))).toBeUndefined();
  });
});

describe('tOffset(date, vote, zone)', () => {
  it('counts the Macron dump as 47 hours before the vote', () => {
    expect(offset('2017-05-05T20:35+02:00')).toMatchObject({ label: 'T−47 h', words: '47 hours before the vote' });
  });
  it('counts the first WikiLeaks DNC release as 109 days before the vote', () => {
    expect(offset('2016-07-22', US_VOTE, 'America/New_York')).toMatchObject({ label: 'T−109 d', words: '109 days before the vote' });
  });
  it('counts calendar days across a daylight-saving change', () => {
    expect(offset('2016-11-06', US_VOTE, 'America/New_York').label).toBe('T−2 d');
    expect(offset('2017-03-25', PARIS_VOTE).label).toBe('T−43 d');
  });
  it('uses minutes under an hour, and marks the day of the vote', () => {
    expect(offset('2017-05-07T19:20+02:00').label).toBe('T−40 min');
    expect(offset('2017-05-07').label).toBe('vote day');
    expect(offset('2017-05-07T20:27+02:00').label).toBe('T+27 min');
  });
  it('switches to whole years and months after two years, never rounding up', () => {
    expect(offset('2025-04-29').label).toBe('T+7 y 11 mo');
    expect(offset('2025-04-29').words).toBe('7 years 11 months after the vote');
    expect(offset('2020-10-19').label).toBe('T+3 y 5 mo');
    expect(offset('2019-05-07').label).toBe('T+2 y');
  });
  it('counts months and years for month- and year-precision dates', () => {
    expect(offset('2016-12').label).toBe('T−5 mo');
    expect(offset('2015', US_VOTE, 'America/New_York').label).toBe('T−1 y');
    expect(offset('2019-06').label).toBe('T+2 y 1 mo');
  });
});

describe('zoneCity(zone)', () => {
  it('names the city of a zone', () => {
    expect(zoneCity('America/New_York')).toBe('New York');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});
