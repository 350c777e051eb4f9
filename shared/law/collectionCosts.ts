// Buitengerechtelijke incassokosten (BIK).
// Source: art. 6:96 lid 2 sub c, lid 4–7 BW and Besluit vergoeding voor buitengerechtelijke
// incassokosten (Stb. 2012, 141), art. 2:
//   lid 1: 15 % over the first € 2,500 of the hoofdsom, 10 % over the next € 2,500, 5 % over the
//          next € 5,000, 1 % over the next € 190,000, 0.5 % over the rest, maximum € 6,775;
//   lid 2: at least € 40;
//   lid 3: raised by the VAT percentage of art. 9 lid 1 Wet OB 1968 (21 %) only when the creditor
//          uses a VAT-taxed collection service, cannot deduct that VAT and expressly declares both.
// The fee is computed over the hoofdsom only (not over interest). For a consumer with several
// overdue claims the hoofdsommen are added up first (6:96 lid 7): pass the sum.
import { assertCents, divideHalfUp } from './money';
import type { Cents } from './types';

export const BIK_MINIMUM: Cents = 4_000;
export const BIK_MAXIMUM: Cents = 677_500;
/** Art. 9 lid 1 Wet op de omzetbelasting 1968, the general rate since 1-1-2019. */
export const BIK_VAT_PERCENT = 21;

/** The staffel slices: [size of the slice in cents (null = the rest), rate in tenths of a percent]. */
const STAFFEL: readonly (readonly [Cents | null, number])[] = [
  [250_000, 150],
  [250_000, 100],
  [500_000, 50],
  [19_000_000, 10],
  [null, 5],
];

/**
 * BIK per the staffel over the (summed) principal, with the € 40 minimum and € 6,775 maximum,
 * rounded half-up to the cent once. With `vatSurcharge` the result is raised by 21 % (again rounded
 * half-up once). A principal of 0 means there is no claim and yields 0.
 */
export function collectionCosts(principal: Cents, opts: { vatSurcharge?: boolean } = {}): Cents {
  assertCents(principal, 'hoofdsom');
  if (principal === 0) return 0;
  // Sum of slice × rate in thousandths of a cent, exact.
  let rest = BigInt(principal);
  let milli = 0n;
  for (const [size, rate] of STAFFEL) {
    const slice = size === null || rest < BigInt(size) ? rest : BigInt(size);
    milli += slice * BigInt(rate);
    rest -= slice;
    if (rest === 0n) break;
  }
  const staffel = Number(divideHalfUp(milli, 1000n));
  const costs = Math.min(BIK_MAXIMUM, Math.max(BIK_MINIMUM, staffel));
  if (!opts.vatSurcharge) return costs;
  return Number(divideHalfUp(BigInt(costs) * BigInt(100 + BIK_VAT_PERCENT), 100n));
}
