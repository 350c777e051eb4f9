import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, format, parseISO } from 'date-fns';
import { addDaysIso, dayNumber, daysBetween, daysBetweenDateFns, formatDate, isoOfDayNumber, parseDutchDate, toIsoDate } from '../../../shared/domain/dates';

describe('formatDate: the Dutch way of writing a date', () => {
  it('writes yyyy-MM-dd as dd-MM-yyyy', () => {
    expect(formatDate('2026-11-24')).toBe('24-11-2026');
    expect(formatDate('2026-01-05')).toBe('05-01-2026');
  });

  it('writes nothing for no date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
  });
});

describe('parseDutchDate: what a person types, to yyyy-MM-dd', () => {
  it.each([
    ['24-11-2026', '2026-11-24'],
    ['1-2-26', '2026-02-01'],
    ['01-02-2026', '2026-02-01'],
    ['24/11/2026', '2026-11-24'],
    ['24.11.2026', '2026-11-24'],
    ['24-11-26', '2026-11-24'],
    ['2026-11-24', '2026-11-24'],
    ['2026-2-3', '2026-02-03'],
    ['  24-11-2026  ', '2026-11-24'],
    ['29-02-2028', '2028-02-29'],
    ['31-12-2026', '2026-12-31'],
  ])('%j → %s', (text, iso) => {
    expect(parseDutchDate(text)).toBe(iso);
  });

  it.each([
    '2026-02-30', '30-02-2026', '29-02-2027', '31-04-2026', '00-01-2026', '01-00-2026', '32-01-2026', '1-13-2026',
    '', 'morgen', '24 november 2026', '24-11', '24-11-202', '24-11-20266', '2026/11/24', '24-11-2026x', '+24-11-2026',
  ])('%j is not a date → null', (text) => {
    expect(parseDutchDate(text)).toBeNull();
  });

  it('reads back what formatDate writes', () => {
    fc.assert(fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      expect(parseDutchDate(formatDate(iso))).toBe(iso);
    }));
  });
});

describe('daysBetween and toIsoDate', () => {
  it('counts calendar days, also across the switch to summer time', () => {
    expect(daysBetween('2026-11-24', '2026-11-24')).toBe(0);
    expect(daysBetween('2026-11-23', '2026-11-24')).toBe(1);
    expect(daysBetween('2026-11-24', '2026-11-23')).toBe(-1);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('writes a local calendar day as yyyy-MM-dd', () => {
    expect(toIsoDate(new Date(2026, 10, 24, 23, 59))).toBe('2026-11-24');
    expect(toIsoDate(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
  });
});

describe('the fast day-number arithmetic gives the same answers as date-fns (in Dutch local time)', () => {
  // date-fns works in local time; in Amsterdam a day around the summer-time switch has 23 or 25 hours.
  const savedTz = process.env.TZ;
  beforeAll(() => { process.env.TZ = 'Europe/Amsterdam'; });
  afterAll(() => { if (savedTz === undefined) delete process.env.TZ; else process.env.TZ = savedTz; });

  it('runs in Dutch local time', () => {
    expect(new Date(Date.UTC(2026, 6, 1, 12)).getTimezoneOffset()).toBe(-120);
  });

  const isoDate = fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('daysBetween = differenceInCalendarDays', () => {
    fc.assert(fc.property(isoDate, isoDate, (from, to) => {
      expect(daysBetween(from, to)).toBe(daysBetweenDateFns(from, to));
    }));
  });

  it('addDaysIso = addDays, also across months, leap days and summer time', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
      expect(addDaysIso(date, days)).toBe(format(addDays(parseISO(date), days), 'yyyy-MM-dd'));
    }));
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDaysIso('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('a day number turns back into the same date', () => {
    fc.assert(fc.property(isoDate, (date) => {
      expect(Number.isInteger(dayNumber(date))).toBe(true);
      expect(isoOfDayNumber(dayNumber(date))).toBe(date);
    }));
  });
});
