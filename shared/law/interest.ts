// Wettelijke rente (art. 6:119 BW) and wettelijke handelsrente (art. 6:119a BW).
// - Interest runs from the day after the due date up to and including the day of payment
//   (6:119a lid 1; for 6:119 from the start of verzuim, which the caller expresses as `dueDate`).
// - "Telkens na afloop van een jaar" the year's interest is added to the base (6:119 lid 2,
//   6:119a lid 3): yearly compounding on each anniversary of the start date.
// - A new rate applies to interest already running from its start date (6:120 lid 1 and 2).
// - Payments go to costs first, then to interest, then to the principal (6:44 lid 1; HR 10-7-2015,
//   ECLI:NL:HR:2015:1868: BIK are "kosten" in the sense of 6:44).
// App decisions (docs/domain-nl.md "Decisions"): actual days / 365, also in leap years; the
// calculation is split at every rate change and every anniversary; each period's interest is
// rounded half-up to the cent once; a payment on day P counts at the end of day P.
// See shared/law/NOTES.md for the one refinement: a payment only starts a new period when it
// changes the interest base (otherwise the split would only add rounding noise).
import { addDays } from 'date-fns';
import { anniversary, daysBetween, parseIsoDate, toIsoDate } from './dates';
import { assertCents, divideHalfUp } from './money';
import { assertKind, normalizeRates, statutoryRates } from './rates';
import type { Cents, InterestKind, InterestPeriod, IsoDate, Payment, RatePeriod } from './types';

export type StatutoryInterestInput = {
  kind: InterestKind;
  principal: Cents;
  /** Last day to pay without interest; interest runs from the next day. */
  dueDate: IsoDate;
  /** Calculation date, inclusive. */
  until: IsoDate;
  /** Payments received (credit date). Payments after `until` are ignored. */
  payments?: Payment[];
  /** Collection costs owed; payments cover them first (6:44). */
  costs?: Cents;
  /**
   * First day on which the costs are owed (default: the day after the due date, as for the B2B
   * € 40 of 6:96 lid 4). Payments before this date do not go to the costs. For a consumer pass
   * the day after the veertiendagenbrief term expired.
   */
  costsDueFrom?: IsoDate;
  /** Rate table to use (default: the built-in table for `kind`). */
  rates?: RatePeriod[];
};

export type StatutoryInterestResult = {
  /** All interest accrued minus what payments covered. */
  interest: Cents;
  /** Principal still owed after the payments. */
  outstandingPrincipal: Cents;
  periods: InterestPeriod[];
  /** Collection costs still owed after the payments. */
  outstandingCosts: Cents;
  /** All interest accrued up to and including `until` (sum of the periods). */
  interestAccrued: Cents;
  /** Part of the payments that exceeded everything owed. */
  overpayment: Cents;
};

/** Interest of one period, exact until the single half-up rounding: base × percent × days / 365. */
function periodInterest(base: Cents, percentTenThousandths: number, days: number): Cents {
  if (base === 0 || days <= 0 || percentTenThousandths === 0) return 0;
  return Number(divideHalfUp(BigInt(base) * BigInt(percentTenThousandths) * BigInt(days), 365n * 100n * 10_000n));
}

export function statutoryInterest(input: StatutoryInterestInput): StatutoryInterestResult {
  if (input === null || typeof input !== 'object') throw new Error('Geen gegevens voor de renteberekening.');
  assertKind(input.kind);
  assertCents(input.principal, 'hoofdsom');
  const costsOwed = input.costs ?? 0;
  assertCents(costsOwed, 'bedrag aan incassokosten');
  const due = parseIsoDate(input.dueDate, 'vervaldatum');
  const until = parseIsoDate(input.until, 'einddatum van de renteberekening');
  const start = addDays(due, 1);
  const startIso = toIsoDate(start);
  const untilIso = toIsoDate(until);
  const costsFrom = input.costsDueFrom === undefined ? startIso : toIsoDate(parseIsoDate(input.costsDueFrom, 'ingangsdatum van de kosten'));
  const rates = normalizeRates(input.rates ?? statutoryRates(input.kind));

  const payments = (input.payments ?? []).map((p, i) => {
    if (p === null || typeof p !== 'object') throw new Error(`Ongeldige betaling nr. ${i + 1}.`);
    parseIsoDate(p.date, `datum van betaling nr. ${i + 1}`);
    assertCents(p.amount, `bedrag van betaling nr. ${i + 1}`);
    return { date: p.date, amount: p.amount, order: i };
  }).filter((p) => p.date <= untilIso)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));

  let principal = input.principal;
  let costs = costsOwed;
  let capitalised = 0; // capitalised interest still owed (part of the base)
  let yearAccrued = 0; // interest of the closed periods of the current interest year
  let yearPaid = 0; // payments applied to the current year's not yet capitalised interest
  let overpayment = 0;
  const periods: InterestPeriod[] = [];

  const payCosts = (date: IsoDate, amount: Cents): Cents => {
    if (date < costsFrom) return amount;
    const part = Math.min(amount, costs);
    costs -= part;
    return amount - part;
  };

  // Payments on or before the due date (and all payments when `until` is before the start): no
  // interest yet, the principal goes down before interest starts (and costs only once owed).
  let next = 0;
  while (next < payments.length && payments[next].date < startIso) {
    const payment = payments[next++];
    let rest = payCosts(payment.date, payment.amount);
    const part = Math.min(rest, principal);
    principal -= part;
    rest -= part;
    overpayment += rest;
  }

  if (startIso <= untilIso) {
    // Period boundaries: the start, every rate change and every anniversary of the start.
    const anniversaries = new Set<IsoDate>();
    for (let k = 1; ; k++) {
      const a = toIsoDate(anniversary(start, k));
      if (a > untilIso) break;
      anniversaries.add(a);
    }
    const boundaries = new Set<IsoDate>([startIso, ...anniversaries]);
    for (const row of rates) if (row.from > startIso && row.from <= untilIso) boundaries.add(row.from);
    const starts = [...boundaries].sort();

    for (let s = 0; s < starts.length; s++) {
      const segStart = starts[s];
      const segEnd = s + 1 < starts.length ? toIsoDate(addDays(parseIsoDate(starts[s + 1]), -1)) : untilIso;
      if (anniversaries.has(segStart)) {
        // 6:119 lid 2 / 6:119a lid 3: the past year's unpaid interest joins the base.
        capitalised += yearAccrued - yearPaid;
        yearAccrued = 0;
        yearPaid = 0;
      }
      let row: RatePeriod | undefined;
      for (const r of rates) if (r.from <= segStart) row = r;
      if (!row) {
        throw new Error(`Geen rentepercentage bekend op ${segStart}; voeg het percentage voor die datum toe.`);
      }
      const percent = row.percent;
      const rate = Math.round(percent * 10_000);

      let periodStart = segStart;
      let base = principal + capitalised;
      const close = (to: IsoDate, interest: Cents) => {
        if (periodStart > to) return;
        if (base > 0) {
          periods.push({ from: periodStart, to, days: daysBetween(periodStart, to) + 1, percent, base, interest });
        }
        yearAccrued += interest;
      };

      while (next < payments.length && payments[next].date <= segEnd) {
        const payment = payments[next++];
        const day = payment.date;
        // Interest of the open period through the end of the payment day.
        const openInterest = periodStart <= day ? periodInterest(base, rate, daysBetween(periodStart, day) + 1) : 0;
        let rest = payCosts(day, payment.amount);
        const part = Math.min(rest, yearAccrued + openInterest - yearPaid);
        yearPaid += part;
        rest -= part;
        if (rest > 0 && base > 0) {
          // The payment reaches the base: close the period at the end of the payment day and
          // start a new one with the lower base from the next day.
          close(day, openInterest);
          const fromCapitalised = Math.min(rest, capitalised);
          capitalised -= fromCapitalised;
          rest -= fromCapitalised;
          const fromPrincipal = Math.min(rest, principal);
          principal -= fromPrincipal;
          rest -= fromPrincipal;
          periodStart = toIsoDate(addDays(parseIsoDate(day), 1));
          base = principal + capitalised;
        }
        overpayment += rest;
      }
      close(segEnd, periodStart <= segEnd ? periodInterest(base, rate, daysBetween(periodStart, segEnd) + 1) : 0);
    }
  }

  const interestAccrued = periods.reduce((sum, p) => sum + p.interest, 0);
  return {
    interest: capitalised + yearAccrued - yearPaid,
    outstandingPrincipal: principal,
    periods,
    outstandingCosts: costs,
    interestAccrued,
    overpayment,
  };
}
