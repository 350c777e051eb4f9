// Verjaring (limitation) of a payment claim and its interruption (stuiting).
// - art. 3:307 lid 1 BW: a claim to performance of a contractual obligation to give or do is
//   time-barred after five years from the start of the day after the day it became due;
//   art. 3:308 BW: the same five years for interest.
// - art. 7:28 BW: in a consumentenkoop (sale of goods to a consumer) the claim for the price is
//   time-barred after two years. Services stay at five years.
// - art. 3:317 lid 1 BW: a written aanmaning, or a written notice that unambiguously reserves the
//   right to performance, interrupts; art. 3:318 BW: so does the debtor's acknowledgement
//   (a signed payment plan, a schuldbekentenis, a partial payment).
// - art. 3:319 BW: after an interruption a new period starts at the start of the next day, as long
//   as the original one but at most five years; the claim never becomes time-barred before the
//   original period (without interruption) would have ended.
// - The Algemene termijnenwet does not apply to terms in years (Atw art. 4 sub a): the date is not
//   moved off a weekend or holiday.
// Pass as interruption the date on which the letter reached the debtor (3:37 lid 3 BW) or the
// date of the acknowledgement. An interruption after the claim is already time-barred has no effect.
import { addDays } from 'date-fns';
import { anniversary, maxIso, parseIsoDate, toIsoDate } from './dates';
import type { IsoDate } from './types';

export type LimitationInput = {
  /** Last day to pay; the claim is due from the next day on. */
  dueDate: IsoDate;
  /** Sale of goods to a consumer (art. 7:28 BW, two years) instead of five years. */
  consumerSaleOfGoods: boolean;
  /** Dates of stuiting (3:317) and acknowledgement (3:318). */
  interruptions: IsoDate[];
};

/** Last day of a period of `years` years that starts at the start of `firstDay`. */
function lastDayOfPeriod(firstDay: Date, years: number): IsoDate {
  return toIsoDate(addDays(anniversary(firstDay, years), -1));
}

/**
 * The last day on which the claim is NOT yet time-barred: the limitation period ends at the end of
 * this day (the claim is time-barred from the start of the next day). Example: due 2024-03-31,
 * the period starts 2024-04-01 and the result is 2029-03-31.
 */
export function limitationDate(input: LimitationInput): IsoDate {
  if (input === null || typeof input !== 'object') throw new Error('Geen gegevens voor de verjaringsdatum.');
  const due = parseIsoDate(input.dueDate, 'vervaldatum');
  if (typeof input.consumerSaleOfGoods !== 'boolean') {
    throw new Error('Geef aan of het een consumentenkoop is (ja of nee).');
  }
  if (!Array.isArray(input.interruptions)) throw new Error('Stuitingsdata moeten een lijst zijn.');
  const years = input.consumerSaleOfGoods ? 2 : 5;
  const originalEnd = lastDayOfPeriod(addDays(due, 1), years);
  const interruptions = input.interruptions
    .map((d, i) => toIsoDate(parseIsoDate(d, `stuitingsdatum nr. ${i + 1}`)))
    .sort();
  let end = originalEnd;
  for (const date of interruptions) {
    if (date > end) break; // already time-barred: a later letter cannot revive the claim
    const renewed = lastDayOfPeriod(addDays(parseIsoDate(date), 1), Math.min(years, 5));
    end = maxIso(maxIso(end, renewed), originalEnd);
  }
  return end;
}
