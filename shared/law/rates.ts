// Statutory interest rates as data.
// - Wettelijke rente (art. 6:119 BW) is set by AMvB (art. 6:120 lid 1 BW, Besluit vaststelling
//   wettelijke rente); a new rate applies from its start to interest already running.
// - Wettelijke handelsrente (art. 6:119a BW) is the ECB main refinancing rate of the last operation
//   before 1 January / 1 July plus 8 percentage points (art. 6:120 lid 2 BW), for that half year,
//   also for interest already running.
// Values and their status come from docs/domain-nl.md §3 (V = verified → verified: true;
// D = derived from the formula, U = unverified → verified: false). The app is offline: the user
// adds or corrects rows, merged over this table with mergeRates().
import { isIsoDate, parseIsoDate } from './dates';
import type { InterestKind, IsoDate, RatePeriod } from './types';

type Row = { from: IsoDate; consumer: number; commercial: number; consumerSource: string;
  commercialSource: string; consumerVerified: boolean; commercialVerified: boolean };

const zeroMroHalfYears: Row[] = [];
for (let year = 2016; year <= 2022; year++) {
  for (const half of ['01-01', '07-01']) {
    const from = `${year}-${half}`;
    if (from < '2016-07-01' || from > '2022-07-01') continue;
    zeroMroHalfYears.push({
      from,
      consumer: 2,
      commercial: 8,
      consumerSource: 'afgeleid: ECB-herfinancieringsrente 0 % (16-3-2016 tot 27-7-2022); 2 % volgens rijksoverheid.nl',
      commercialSource: 'afgeleid: ECB-herfinancieringsrente 0 % + 8 (art. 6:120 lid 2 BW); 8 % volgens watsonlaw.nl',
      consumerVerified: false,
      commercialVerified: false,
    });
  }
}

const ROWS: Row[] = [
  { from: '2015-01-01', consumer: 2, commercial: 8.05,
    consumerSource: 'Stb. 2014, 491', commercialSource: 'advocatenkantooroste.nl; ECB 0,05 % + 8',
    consumerVerified: true, commercialVerified: true },
  { from: '2015-07-01', consumer: 2, commercial: 8.05,
    consumerSource: 'afgeleid: ongewijzigd sinds Stb. 2014, 491', commercialSource: 'afgeleid: ECB-herfinancieringsrente 0,05 % + 8',
    consumerVerified: false, commercialVerified: false },
  { from: '2016-01-01', consumer: 2, commercial: 8.05,
    consumerSource: 'rechtnet.nl (wettelijke rente per 1 januari 2016)', commercialSource: 'rechtnet.nl (wettelijke rente per 1 januari 2016)',
    consumerVerified: true, commercialVerified: true },
  ...zeroMroHalfYears,
  { from: '2023-01-01', consumer: 4, commercial: 10.5,
    consumerSource: 'Besluit vaststelling wettelijke rente (tekst per 1-1-2023); abenslag.nl', commercialSource: 'abenslag.nl; boersadvocaten.nl',
    consumerVerified: true, commercialVerified: true },
  { from: '2023-07-01', consumer: 6, commercial: 12,
    consumerSource: 'Stb. 2023, 235', commercialSource: 'watsonlaw.nl; vfn.nl',
    consumerVerified: true, commercialVerified: true },
  { from: '2024-01-01', consumer: 7, commercial: 12.5,
    consumerSource: 'Stb. 2023, 484; e-justice.europa.eu', commercialSource: 'e-justice.europa.eu',
    consumerVerified: true, commercialVerified: true },
  { from: '2024-07-01', consumer: 7, commercial: 12.25,
    consumerSource: 'metaalunie.nl (wettelijke rente per 1 juli 2024)', commercialSource: 'metaalunie.nl (wettelijke rente per 1 juli 2024)',
    consumerVerified: true, commercialVerified: true },
  { from: '2025-01-01', consumer: 6, commercial: 11.15,
    consumerSource: 'niet bevestigd', commercialSource: 'afgeleid: ECB-herfinancieringsrente 3,15 % (18-12-2024) + 8',
    consumerVerified: false, commercialVerified: false },
  { from: '2025-07-01', consumer: 6, commercial: 10.15,
    consumerSource: 'één secundaire bron (vanlaarhovenenpartners.nl, 25-9-2025); de formule geeft 5 %',
    commercialSource: 'vanlaarhovenenpartners.nl (25-9-2025); ECB 2,15 % + 8',
    consumerVerified: false, commercialVerified: true },
  { from: '2026-01-01', consumer: 4, commercial: 10.15,
    consumerSource: 'niet bevestigd (afgeleid van ECB-herfinancieringsrente 2,15 %)',
    commercialSource: 'afgeleid: ECB-herfinancieringsrente 2,15 % + 8 (niet bevestigd)',
    consumerVerified: false, commercialVerified: false },
];

/** The built-in rate table for one regime, oldest first (a fresh copy on every call). */
export function statutoryRates(kind: InterestKind): RatePeriod[] {
  assertKind(kind);
  return ROWS.map((row) => kind === 'commercial'
    ? { from: row.from, percent: row.commercial, source: row.commercialSource, verified: row.commercialVerified }
    : { from: row.from, percent: row.consumer, source: row.consumerSource, verified: row.consumerVerified });
}

export function assertKind(kind: InterestKind): void {
  if (kind !== 'commercial' && kind !== 'consumer') {
    throw new Error(`Onbekende soort rente: '${String(kind)}' (verwacht 'commercial' of 'consumer').`);
  }
}

/** Checks one row; throws a Dutch error when the date or percentage is unusable. */
export function assertRatePeriod(row: RatePeriod): void {
  if (row === null || typeof row !== 'object') throw new Error('Ongeldige renteregel.');
  parseIsoDate(row.from, 'ingangsdatum van de rente');
  if (typeof row.percent !== 'number' || !Number.isFinite(row.percent) || row.percent < 0 || row.percent > 100) {
    throw new Error(`Ongeldig rentepercentage ${String(row.percent)} per ${row.from} (verwacht 0 tot 100).`);
  }
  if (Math.abs(row.percent * 10_000 - Math.round(row.percent * 10_000)) > 1e-6) {
    throw new Error(`Rentepercentage ${row.percent} per ${row.from} heeft meer dan vier decimalen.`);
  }
}

/** Sorts a rate table and checks it (valid rows, no two rows with the same start date). */
export function normalizeRates(rates: readonly RatePeriod[]): RatePeriod[] {
  if (!Array.isArray(rates)) throw new Error('Rentetabel moet een lijst zijn.');
  rates.forEach(assertRatePeriod);
  const sorted = [...rates].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].from === sorted[i - 1].from) {
      throw new Error(`Rentetabel bevat twee regels per ${sorted[i].from}.`);
    }
  }
  return sorted;
}

/**
 * The user's own rows merged over the built-in table: a user row replaces the built-in row with the
 * same start date, other user rows are added. The result is sorted by start date.
 */
export function mergeRates(builtIn: readonly RatePeriod[], userRows: readonly RatePeriod[]): RatePeriod[] {
  const user = normalizeRates(userRows);
  const byFrom = new Map<IsoDate, RatePeriod>();
  for (const row of normalizeRates(builtIn)) byFrom.set(row.from, { ...row });
  for (const row of user) byFrom.set(row.from, { ...row });
  return normalizeRates([...byFrom.values()]);
}

/** The rate row in force on `date` (the last row starting on or before it), or undefined. */
export function rateAt(kind: InterestKind, date: IsoDate, rates?: readonly RatePeriod[]): RatePeriod | undefined {
  assertKind(kind);
  if (!isIsoDate(date)) parseIsoDate(date);
  const table = rates ? normalizeRates(rates) : statutoryRates(kind);
  let found: RatePeriod | undefined;
  for (const row of table) {
    if (row.from <= date) found = row;
    else break;
  }
  return found ? { ...found } : undefined;
}
