import { describe, expect, it } from 'vitest';
import { dutchPublicHolidays, easterSunday, EQUATED_DAYS, equatedDays, isDutchPublicHoliday, isEquatedDay } from '../../../shared/law';

describe('Easter (anonymous Gregorian algorithm)', () => {
  it.each([
    [1943, '1943-04-25'], // latest possible date
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'], // earliest possible date
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('public holidays (Algemene termijnenwet art. 3 lid 1 en 2)', () => {
  it.each([
    [2025, [
      ['2025-01-01', 'Nieuwjaarsdag'], ['2025-04-18', 'Goede Vrijdag'], ['2025-04-20', 'Eerste Paasdag'],
      ['2025-04-21', 'Tweede Paasdag'], ['2025-04-26', 'Koningsdag'], ['2025-05-05', 'Bevrijdingsdag'],
      ['2025-05-29', 'Hemelvaartsdag'], ['2025-06-08', 'Eerste Pinksterdag'], ['2025-06-09', 'Tweede Pinksterdag'],
      ['2025-12-25', 'Eerste Kerstdag'], ['2025-12-26', 'Tweede Kerstdag'],
    ]],
    [2026, [
      ['2026-01-01', 'Nieuwjaarsdag'], ['2026-04-03', 'Goede Vrijdag'], ['2026-04-05', 'Eerste Paasdag'],
      ['2026-04-06', 'Tweede Paasdag'], ['2026-04-27', 'Koningsdag'], ['2026-05-05', 'Bevrijdingsdag'],
      ['2026-05-14', 'Hemelvaartsdag'], ['2026-05-24', 'Eerste Pinksterdag'], ['2026-05-25', 'Tweede Pinksterdag'],
      ['2026-12-25', 'Eerste Kerstdag'], ['2026-12-26', 'Tweede Kerstdag'],
    ]],
    [2027, [
      ['2027-01-01', 'Nieuwjaarsdag'], ['2027-03-26', 'Goede Vrijdag'], ['2027-03-28', 'Eerste Paasdag'],
      ['2027-03-29', 'Tweede Paasdag'], ['2027-04-27', 'Koningsdag'], ['2027-05-05', 'Bevrijdingsdag'],
      ['2027-05-06', 'Hemelvaartsdag'], ['2027-05-16', 'Eerste Pinksterdag'], ['2027-05-17', 'Tweede Pinksterdag'],
      ['2027-12-25', 'Eerste Kerstdag'], ['2027-12-26', 'Tweede Kerstdag'],
    ]],
  ])('%i, with their names, in date order', (year, expected) => {
    expect(dutchPublicHolidays(year).map((h) => [h.date, h.name])).toEqual(expected);
    for (const [date] of expected) expect(isDutchPublicHoliday(date)).toBe(true);
  });

  it('names the legal basis of each day', () => {
    const byName = Object.fromEntries(dutchPublicHolidays(2025).map((h) => [h.name, h.basis]));
    expect(byName['Goede Vrijdag']).toBe('Algemene termijnenwet art. 3 lid 2');
    expect(byName['Bevrijdingsdag']).toBe('Algemene termijnenwet art. 3 lid 1');
    expect(byName['Eerste Paasdag']).toMatch(/zondag/);
  });

  it('Koningsdag moves to 26 April when 27 April is a Sunday (2014, 2025, 2031)', () => {
    expect(isDutchPublicHoliday('2014-04-26')).toBe(true);
    expect(isDutchPublicHoliday('2014-04-27')).toBe(false);
    expect(isDutchPublicHoliday('2031-04-26')).toBe(true);
    expect(isDutchPublicHoliday('2025-04-27')).toBe(false);
  });

  it('before 2014 it was Koninginnedag on 30 April (29 April when the 30th is a Sunday)', () => {
    expect(dutchPublicHolidays(2013).find((h) => h.name === 'Koninginnedag')?.date).toBe('2013-04-30');
    expect(dutchPublicHolidays(2006).find((h) => h.name === 'Koninginnedag')?.date).toBe('2006-04-29');
  });

  it('5 May is a holiday every year, not only in lustrum years', () => {
    for (let year = 2020; year <= 2035; year++) expect(isDutchPublicHoliday(`${year}-05-05`)).toBe(true);
  });

  it('ordinary days, and days that are not in the Atw list, are no holiday', () => {
    for (const date of ['2025-03-12', '2025-12-24', '2025-12-31', '2025-05-04', '2025-11-11', '2025-02-14']) {
      expect(isDutchPublicHoliday(date)).toBe(false);
    }
  });

  it('refuses an invalid date or year', () => {
    expect(() => isDutchPublicHoliday('2025-02-29')).toThrow(/bestaat niet/);
    expect(() => dutchPublicHolidays(2025.5)).toThrow(/Ongeldig jaar/);
  });
});

describe('days equated by decree (Algemene termijnenwet art. 3 lid 3)', () => {
  it('lists the bridge days of the decrees for 2023–2025 and 2026–2028', () => {
    expect(EQUATED_DAYS.map((d) => d.date)).toEqual([
      '2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30',
      '2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26',
    ]);
    expect(equatedDays(2026).map((d) => d.name)).toEqual(['Vrijdag na Nieuwjaarsdag', 'Vrijdag na Hemelvaartsdag']);
    for (const d of EQUATED_DAYS) expect(d.verified).toBe(false);
  });

  it('are no public holiday themselves but are known as equated days', () => {
    expect(isEquatedDay('2025-05-30')).toBe(true);
    expect(isDutchPublicHoliday('2025-05-30')).toBe(false);
    expect(isEquatedDay('2025-05-29')).toBe(false);
  });
});
