// Working days and the end of statutory terms, Algemene termijnenwet (Atw):
// - art. 1 lid 1: a statutory term that ends on a Saturday, Sunday or public holiday is extended
//   up to and including the next day that is none of these;
// - art. 2: a statutory term of at least three days is extended, if needed, so that it contains at
//   least two days that are not a Saturday, Sunday or public holiday;
// - art. 3: the public holidays (holidays.ts), including the days equated by decree (lid 3);
// - art. 4: the Atw does not apply to terms of more than 90 days, in months of more than three,
//   or in years (so not to limitation periods, see limitation.ts).
import { addDays, getDay } from 'date-fns';
import { parseIsoDate, toIsoDate } from './dates';
import { isDutchPublicHoliday, isEquatedDay } from './holidays';
import type { IsoDate } from './types';

function isWorkingDate(date: Date): boolean {
  const weekday = getDay(date);
  if (weekday === 0 || weekday === 6) return false;
  const iso = toIsoDate(date);
  return !isDutchPublicHoliday(iso) && !isEquatedDay(iso);
}

/** Not a Saturday, Sunday, public holiday or equated day (Atw art. 1 and 3). */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDate(parseIsoDate(date));
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let d = parseIsoDate(date);
  while (!isWorkingDate(d)) d = addDays(d, 1);
  return toIsoDate(d);
}

/**
 * The `days`-th working day after `date` (before it, for a negative number). With 0 it returns
 * nextWorkingDay(date), so the result is always a working day.
 */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new Error(`Ongeldig aantal werkdagen: ${String(days)}.`);
  if (days === 0) return nextWorkingDay(date);
  const step = days > 0 ? 1 : -1;
  let d = parseIsoDate(date);
  for (let left = Math.abs(days); left > 0; ) {
    d = addDays(d, step);
    if (isWorkingDate(d)) left--;
  }
  return toIsoDate(d);
}

/**
 * The last day of a statutory term that runs from `firstDay` through `lastDay` (both inclusive),
 * after Atw art. 2 (at least two working days in a term of three days or more) and art. 1 (never
 * ending on a Saturday, Sunday or public holiday).
 */
export function statutoryTermEnd(firstDay: IsoDate, lastDay: IsoDate): IsoDate {
  const first = parseIsoDate(firstDay, 'eerste dag van de termijn');
  let last = parseIsoDate(lastDay, 'laatste dag van de termijn');
  if (last < first) throw new Error('De termijn eindigt vóór de eerste dag.');
  let length = 0;
  let working = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    length++;
    if (isWorkingDate(d)) working++;
  }
  if (length >= 3) {
    while (working < 2) {
      last = addDays(last, 1);
      if (isWorkingDate(last)) working++;
    }
  }
  while (!isWorkingDate(last)) last = addDays(last, 1);
  return toIsoDate(last);
}
