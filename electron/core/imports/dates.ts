// Calendar dates as `yyyy-MM-dd` strings. Only real dates pass (no 2026-02-30).
import type { IsoDate } from './types';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The ISO date for year/month/day, or null when that day does not exist. */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const dt = new Date(Date.UTC(year, month - 1, day));
  if (dt.getUTCFullYear() !== year || dt.getUTCMonth() !== month - 1 || dt.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years: 00–79 are 2000–2079, 80–99 are 1980–1999. */
export const fullYear = (yy: number) => (yy < 80 ? 2000 + yy : 1900 + yy);

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!m && isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/** `2026-03-01`, and `2026-03-01T10:00:00+01:00` (the date as written, not converted to UTC). */
export function isoDatePrefix(text: string): IsoDate | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  return m ? isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** MT940 `YYMMDD`. */
export function fromYYMMDD(text: string): IsoDate | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  return m ? isoFromParts(fullYear(Number(m[1])), Number(m[2]), Number(m[3])) : null;
}

/** `YYYYMMDD` (bank CSV exports). */
export function fromYYYYMMDD(text: string): IsoDate | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  return m ? isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * The MT940 entry date `MMDD` next to a value date: the year is the value date's, moved one year
 * when the two straddle New Year (value 31 Dec, booked 2 Jan, or the other way round).
 */
export function entryDateNear(valueDate: IsoDate, mmdd: string): IsoDate | null {
  const m = /^(\d{2})(\d{2})$/.exec(mmdd);
  if (!m) return null;
  const vy = Number(valueDate.slice(0, 4)), vm = Number(valueDate.slice(5, 7));
  const em = Number(m[1]), ed = Number(m[2]);
  let year = vy;
  if (vm === 12 && em === 1) year = vy + 1;
  else if (vm === 1 && em === 12) year = vy - 1;
  return isoFromParts(year, em, ed);
}

/**
 * A date as Dutch software and people write it: `31-12-2026`, `31-12-26`, `1-2-26`, `31/12/2026`,
 * `31.12.2026`, `2026-12-31`, `2026/12/31`, `20261231`; a time after it is ignored. Day before
 * month (never the American order). Null when it is not a real date.
 */
export function parseDutchDate(text: string): IsoDate | null {
  const s = text.trim().replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const y = m[4]!.length === 2 ? fullYear(Number(m[4])) : Number(m[4]);
    return isoFromParts(y, Number(m[3]), Number(m[1]));
  }
  if (/^\d{8}$/.test(s)) return fromYYYYMMDD(s);
  return null;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}
