import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { IsoDate } from './primitives';

/** `2026-11-24` → `24-11-2026`, the Dutch way of writing a date. */
export function formatDate(date: IsoDate | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${d}-${m}-${y}`;
}

/*
 * Calendar-day arithmetic on `yyyy-MM-dd` through UTC day numbers. The same answers as date-fns'
 * differenceInCalendarDays/addDays (tests/unit/foundation checks them against each other), but
 * without parsing into local time: the overview calls these for thousands of rows at a time.
 */
const DAY_MS = 86_400_000;
export function dayNumber(date: IsoDate): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function isoOfDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The same as daysBetween, the slow way; kept for the equivalence test. */
export function daysBetweenDateFns(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** A JS Date (local calendar day) as `yyyy-MM-dd`. */
export function toIsoDate(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

/** Parses `24-11-2026`, `24-11-26`, `2026-11-24`, `24/11/2026` into `yyyy-MM-dd`, or null. */
export function parseDutchDate(text: string): IsoDate | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) { y = +match[1]!; m = +match[2]!; d = +match[3]!; }
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s))) {
    d = +match[1]!; m = +match[2]!; y = +match[3]!;
    if (match[3]!.length === 2) y += 2000;
  } else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
