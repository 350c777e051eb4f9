// Dutch public holidays for the computation of terms: Algemene termijnenwet (Atw, BWBR0002448).
// Art. 3 lid 1: "Algemeen erkende feestdagen in de zin van deze wet zijn: de Nieuwjaarsdag, de
//   Christelijke tweede Paas- en Pinksterdag, de beide Kerstdagen, de Hemelvaartsdag, de dag waarop
//   de verjaardag van de Koning wordt gevierd en de vijfde mei." (5 May every year, not only in
//   lustrum years.)
// Art. 3 lid 2: Goede Vrijdag is equated with these days.
// Art. 3 lid 3: further days can be equated by decree (published in the Staatscourant); those are
//   data, not computable: see EQUATED_DAYS below.
// Eerste Paasdag and Eerste Pinksterdag are not in the list because they are always Sundays (Atw
// art. 1 treats Sundays the same); they are listed here for the UI.
// Koningsdag: 27 April, or 26 April when the 27th is a Sunday (since 2014). For 1980–2013
// Koninginnedag: 30 April, or 29 April when the 30th is a Sunday; older years use the same rule.
// Easter is computed with the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
import { addDays, getDay } from 'date-fns';
import { parseIsoDate, toIsoDate } from './dates';
import type { IsoDate } from './types';

export type Holiday = { date: IsoDate; name: string; basis: string };

export type EquatedDay = { date: IsoDate; name: string; source: string; verified: boolean };

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new Error(`Ongeldig jaar: ${String(year)} (verwacht een jaartal vanaf 1583).`);
  }
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(new Date(year, month - 1, day));
}

function kingsDay(year: number): { date: Date; name: string } {
  if (year >= 2014) {
    const date = new Date(year, 3, 27);
    return { date: getDay(date) === 0 ? new Date(year, 3, 26) : date, name: 'Koningsdag' };
  }
  const date = new Date(year, 3, 30);
  return { date: getDay(date) === 0 ? new Date(year, 3, 29) : date, name: 'Koninginnedag' };
}

const cache = new Map<number, Holiday[]>();

/** The public holidays of a year, in date order, with their Dutch names and legal basis. */
export function dutchPublicHolidays(year: number): Holiday[] {
  assertYear(year);
  let list = cache.get(year);
  if (!list) {
    const easter = parseIsoDate(easterSunday(year));
    const atw = 'Algemene termijnenwet art. 3 lid 1';
    const king = kingsDay(year);
    list = [
      { date: toIsoDate(new Date(year, 0, 1)), name: 'Nieuwjaarsdag', basis: atw },
      { date: toIsoDate(addDays(easter, -2)), name: 'Goede Vrijdag', basis: 'Algemene termijnenwet art. 3 lid 2' },
      { date: toIsoDate(easter), name: 'Eerste Paasdag', basis: 'zondag (Algemene termijnenwet art. 1)' },
      { date: toIsoDate(addDays(easter, 1)), name: 'Tweede Paasdag', basis: atw },
      { date: toIsoDate(king.date), name: king.name, basis: atw },
      { date: toIsoDate(new Date(year, 4, 5)), name: 'Bevrijdingsdag', basis: atw },
      { date: toIsoDate(addDays(easter, 39)), name: 'Hemelvaartsdag', basis: atw },
      { date: toIsoDate(addDays(easter, 49)), name: 'Eerste Pinksterdag', basis: 'zondag (Algemene termijnenwet art. 1)' },
      { date: toIsoDate(addDays(easter, 50)), name: 'Tweede Pinksterdag', basis: atw },
      { date: toIsoDate(new Date(year, 11, 25)), name: 'Eerste Kerstdag', basis: atw },
      { date: toIsoDate(new Date(year, 11, 26)), name: 'Tweede Kerstdag', basis: atw },
    ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    cache.set(year, list);
  }
  return list.map((h) => ({ ...h }));
}

const dateSets = new Map<number, Set<IsoDate>>();

/** True when `date` is one of the holidays of Atw art. 3 lid 1–2 (or Eerste Paas-/Pinksterdag). */
export function isDutchPublicHoliday(date: IsoDate): boolean {
  const year = parseIsoDate(date).getFullYear();
  let set = dateSets.get(year);
  if (!set) {
    set = new Set(dutchPublicHolidays(year).map((h) => h.date));
    dateSets.set(year, set);
  }
  return set.has(date);
}

const DECREE_2023 = 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag (titel zoals geciteerd door sterfgeval.nl, 4-10-2025)';
const DECREE_2026 = 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag (titel zoals geciteerd door sterfgeval.nl, 4-10-2025)';

/**
 * Days equated with a public holiday by decree under Atw art. 3 lid 3 (the bridge days). Not
 * computable: each decree names its days. Only the two decrees found are listed; their titles
 * were seen in a secondary source, not in the Staatscourant itself (verified: false).
 */
export const EQUATED_DAYS: readonly EquatedDay[] = [
  { date: '2023-04-28', name: 'Vrijdag na Koningsdag', source: DECREE_2023, verified: false },
  { date: '2023-05-19', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2023, verified: false },
  { date: '2024-05-10', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2023, verified: false },
  { date: '2024-12-27', name: 'Vrijdag na Tweede Kerstdag', source: DECREE_2023, verified: false },
  { date: '2025-05-30', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2023, verified: false },
  { date: '2026-01-02', name: 'Vrijdag na Nieuwjaarsdag', source: DECREE_2026, verified: false },
  { date: '2026-05-15', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2026, verified: false },
  { date: '2027-05-07', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2026, verified: false },
  { date: '2028-04-28', name: 'Vrijdag na Koningsdag', source: DECREE_2026, verified: false },
  { date: '2028-05-26', name: 'Vrijdag na Hemelvaartsdag', source: DECREE_2026, verified: false },
];

const equatedSet = new Set(EQUATED_DAYS.map((d) => d.date));

/** True when `date` is equated with a public holiday by decree (Atw art. 3 lid 3). */
export function isEquatedDay(date: IsoDate): boolean {
  parseIsoDate(date);
  return equatedSet.has(date);
}

/** The equated days of one year (Atw art. 3 lid 3), in date order. */
export function equatedDays(year: number): EquatedDay[] {
  assertYear(year);
  return EQUATED_DAYS.filter((d) => d.date.startsWith(`${year}-`)).map((d) => ({ ...d }));
}
