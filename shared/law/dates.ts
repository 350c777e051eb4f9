// Date helpers for shared/law: dates are 'yyyy-MM-dd' strings, computed with date-fns on local
// calendar days (no time of day is ever used, so time zones and DST do not matter).
import { differenceInCalendarDays, format, getDaysInMonth, isValid, parseISO } from 'date-fns';
import type { IsoDate } from './types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a strict 'yyyy-MM-dd' date; throws a Dutch error for anything else (also 2025-02-30). */
export function parseIsoDate(value: IsoDate, label = 'datum'): Date {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    throw new Error(`Ongeldige ${label}: '${String(value)}' (verwacht jjjj-mm-dd).`);
  }
  const date = parseISO(value);
  if (!isValid(date) || format(date, 'yyyy-MM-dd') !== value) {
    throw new Error(`Ongeldige ${label}: '${value}' bestaat niet.`);
  }
  return date;
}

export function toIsoDate(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = parseISO(value);
  return isValid(date) && format(date, 'yyyy-MM-dd') === value;
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseIsoDate(to), parseIsoDate(from));
}

/**
 * The same calendar day `years` years after `start`. A start on 29 February has its anniversary on
 * 1 March in a year without 29 February, so that a "year" from 29 February 2024 runs up to and
 * including 28 February 2025 and the next year starts on 1 March 2025.
 */
export function anniversary(start: Date, years: number): Date {
  const year = start.getFullYear() + years;
  const month = start.getMonth();
  const day = start.getDate();
  if (day > getDaysInMonth(new Date(year, month, 1))) return new Date(year, month + 1, 1);
  return new Date(year, month, day);
}

/** ISO dates compare correctly as strings. */
export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
