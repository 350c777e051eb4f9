import { addDays, format, getDay, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isDutchPublicHoliday, isEquatedDay, isWorkingDay, nextWorkingDay, statutoryTermEnd } from '../../../shared/law';

const shift = (iso: string, days: number) => format(addDays(parseISO(iso), days), 'yyyy-MM-dd');

describe('working days (Algemene termijnenwet art. 1 and 3)', () => {
  it('a working day is not a Saturday, Sunday, public holiday or equated day', () => {
    expect(isWorkingDay('2025-03-05')).toBe(true); // Wednesday
    expect(isWorkingDay('2025-03-08')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-09')).toBe(false); // Sunday
    expect(isWorkingDay('2025-04-18')).toBe(false); // Goede Vrijdag
    expect(isWorkingDay('2025-05-05')).toBe(false); // Bevrijdingsdag (Monday)
    expect(isWorkingDay('2025-05-30')).toBe(false); // Friday after Hemelvaartsdag, equated by decree
  });

  it('nextWorkingDay keeps a working day and moves past weekends and holidays', () => {
    expect(nextWorkingDay('2025-03-05')).toBe('2025-03-05');
    expect(nextWorkingDay('2025-03-08')).toBe('2025-03-10');
    expect(nextWorkingDay('2025-12-25')).toBe('2025-12-29'); // Kerst Thu/Fri, then the weekend
    expect(nextWorkingDay('2025-05-29')).toBe('2025-06-02'); // Hemelvaart, equated Friday, weekend
    expect(nextWorkingDay('2025-04-18')).toBe('2025-04-22'); // Goede Vrijdag … Tweede Paasdag
    expect(nextWorkingDay('2026-01-01')).toBe('2026-01-05'); // Nieuwjaarsdag, equated 2 January
    expect(nextWorkingDay('2027-04-27')).toBe('2027-04-28'); // Koningsdag on a Tuesday
  });

  it('addWorkingDays counts working days only', () => {
    expect(addWorkingDays('2025-03-05', 1)).toBe('2025-03-06');
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-10'); // Friday + 1
    expect(addWorkingDays('2025-04-17', 1)).toBe('2025-04-22'); // over Easter
    expect(addWorkingDays('2025-12-22', 5)).toBe('2025-12-31'); // 23, 24, 29, 30, 31
    expect(addWorkingDays('2025-03-03', 10)).toBe('2025-03-17');
    expect(addWorkingDays('2025-03-08', 0)).toBe('2025-03-10'); // 0: the next working day
    expect(addWorkingDays('2025-12-29', -1)).toBe('2025-12-24'); // backwards over Christmas
  });

  it('refuses a non-integer number of days and an invalid date', () => {
    expect(() => addWorkingDays('2025-03-05', 1.5)).toThrow(/werkdagen/);
    expect(() => nextWorkingDay('2025-3-5')).toThrow(/jjjj-mm-dd/);
  });

  it('property: addWorkingDays never lands on a weekend, holiday or equated day, and moves the right way', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: -40, max: 40 }), (offset, n) => {
      const start = shift('2020-01-01', offset);
      const result = addWorkingDays(start, n);
      const weekday = getDay(parseISO(result));
      expect(weekday === 0 || weekday === 6).toBe(false);
      expect(isDutchPublicHoliday(result)).toBe(false);
      expect(isEquatedDay(result)).toBe(false);
      if (n > 0) expect(result > start).toBe(true);
      if (n < 0) expect(result < start).toBe(true);
      if (n === 0) expect(result >= start).toBe(true);
    }));
  });

  it('property: n working days later contains exactly n working days after the start', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
      const start = shift('2020-01-01', offset);
      const result = addWorkingDays(start, n);
      let count = 0;
      for (let d = shift(start, 1); d <= result; d = shift(d, 1)) if (isWorkingDay(d)) count++;
      expect(count).toBe(n);
    }));
  });
});

describe('end of a statutory term (Algemene termijnenwet art. 1 and 2)', () => {
  it('a term ending on a working day stays', () => {
    expect(statutoryTermEnd('2025-03-06', '2025-03-19')).toBe('2025-03-19');
  });

  it('a term ending on a Saturday, Sunday or holiday runs to the next working day (art. 1)', () => {
    expect(statutoryTermEnd('2025-03-09', '2025-03-22')).toBe('2025-03-24');
    expect(statutoryTermEnd('2025-04-21', '2025-05-05')).toBe('2025-05-06');
  });

  it('a term of three days or more contains at least two working days (art. 2)', () => {
    // Thursday 24 … Saturday 26 December 2026: only Thursday is a working day → extended to Monday 28.
    expect(statutoryTermEnd('2026-12-24', '2026-12-26')).toBe('2026-12-28');
    expect(statutoryTermEnd('2025-12-25', '2025-12-28')).toBe('2025-12-30');
  });
});
