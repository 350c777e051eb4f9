import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statutoryInterest } from '../../../shared/law';
import type { Payment } from '../../../shared/law';

const shift = (iso: string, days: number) => format(addDays(parseISO(iso), days), 'yyyy-MM-dd');

describe('wettelijke handelsrente (art. 6:119a BW): the worked example of the domain doc', () => {
  // € 3,000 due 2024-03-31, computed through 2025-06-30, actual/365, yearly compounding.
  const result = statutoryInterest({ kind: 'commercial', principal: 300_000, dueDate: '2024-03-31', until: '2025-06-30' });

  it('has exactly the four periods, days, rates and bases of the table', () => {
    expect(result.periods).toEqual([
      { from: '2024-04-01', to: '2024-06-30', days: 91, percent: 12.5, base: 300_000, interest: 9_349 },
      { from: '2024-07-01', to: '2024-12-31', days: 184, percent: 12.25, base: 300_000, interest: 18_526 },
      { from: '2025-01-01', to: '2025-03-31', days: 90, percent: 11.15, base: 300_000, interest: 8_248 },
      // capitalised on the anniversary 2025-04-01: 3,000.00 + 361.23
      { from: '2025-04-01', to: '2025-06-30', days: 91, percent: 11.15, base: 336_123, interest: 9_344 },
    ]);
  });

  it('totals € 454.67 of interest and leaves the principal untouched', () => {
    expect(result.interest).toBe(45_467);
    expect(result.interestAccrued).toBe(45_467);
    expect(result.outstandingPrincipal).toBe(300_000);
    expect(result.outstandingCosts).toBe(0);
    expect(result.overpayment).toBe(0);
  });

  it('is simple interest (€ 444.63) without the anniversary', () => {
    const simple = result.periods.slice(0, 3).reduce((s, p) => s + p.interest, 0) + Math.round(300_000 * 0.1115 * 91 / 365);
    expect(simple).toBe(44_463);
  });
});

describe('wettelijke rente (art. 6:119 BW) for a consumer', () => {
  it('€ 1,000 for calendar year 2025 at 6 %: split at the 1 July rate row, € 60.00 in total', () => {
    const r = statutoryInterest({ kind: 'consumer', principal: 100_000, dueDate: '2024-12-31', until: '2025-12-31' });
    expect(r.periods).toEqual([
      { from: '2025-01-01', to: '2025-06-30', days: 181, percent: 6, base: 100_000, interest: 2_975 }, // 2,975.34
      { from: '2025-07-01', to: '2025-12-31', days: 184, percent: 6, base: 100_000, interest: 3_025 }, // 3,024.66
    ]);
    expect(r.interest).toBe(6_000);
  });

  it('€ 500 from 2023-05-01 through 2023-08-31 crosses the 4 % → 6 % change', () => {
    const r = statutoryInterest({ kind: 'consumer', principal: 50_000, dueDate: '2023-04-30', until: '2023-08-31' });
    // 61 days at 4 %: 334.25 cents → 334; 62 days at 6 %: 509.59 → 510
    expect(r.periods.map((p) => [p.from, p.to, p.days, p.percent, p.interest])).toEqual([
      ['2023-05-01', '2023-06-30', 61, 4, 334],
      ['2023-07-01', '2023-08-31', 62, 6, 510],
    ]);
    expect(r.interest).toBe(844);
  });
});

describe('period boundaries', () => {
  it('uses actual/365 also in a leap year, and counts the due date itself as interest-free', () => {
    const r = statutoryInterest({ kind: 'commercial', principal: 100_000, dueDate: '2023-12-31', until: '2024-01-01',
      rates: [{ from: '2000-01-01', percent: 36.5, source: 'test', verified: true }] });
    expect(r.periods).toEqual([{ from: '2024-01-01', to: '2024-01-01', days: 1, percent: 36.5, base: 100_000, interest: 100 }]);
  });

  it('a start on 29 February has its anniversary on 1 March', () => {
    const r = statutoryInterest({ kind: 'commercial', principal: 100_000, dueDate: '2024-02-28', until: '2025-03-31' });
    expect(r.periods.map((p) => [p.from, p.to, p.days])).toEqual([
      ['2024-02-29', '2024-06-30', 123],
      ['2024-07-01', '2024-12-31', 184],
      ['2025-01-01', '2025-02-28', 59],
      ['2025-03-01', '2025-03-31', 31],
    ]);
    const firstYear = r.periods.slice(0, 3).reduce((s, p) => s + p.interest, 0);
    expect(r.periods[3].base).toBe(100_000 + firstYear);
  });

  it('compounds again after the second year', () => {
    const r = statutoryInterest({ kind: 'commercial', principal: 100_000, dueDate: '2022-12-31', until: '2025-01-31',
      rates: [{ from: '2000-01-01', percent: 10, source: 'contractueel', verified: true }] });
    // 2023: 10,000.00 → base 110,000; 2024 (366 days /365): 11,030.14 → base 121,030.14
    expect(r.periods.map((p) => [p.from, p.to, p.base, p.interest])).toEqual([
      ['2023-01-01', '2023-12-31', 100_000, 10_000],
      ['2024-01-01', '2024-12-31', 110_000, 11_030],
      ['2025-01-01', '2025-01-31', 121_030, 1_028], // 121,030 × 10 % × 31/365 = 1,027.92
    ]);
    expect(r.interest).toBe(22_058);
  });

  it('gives nothing when the calculation date is on or before the due date', () => {
    for (const until of ['2024-03-31', '2024-01-01']) {
      const r = statutoryInterest({ kind: 'commercial', principal: 300_000, dueDate: '2024-03-31', until });
      expect(r).toMatchObject({ interest: 0, periods: [], outstandingPrincipal: 300_000 });
    }
  });

  it('refuses a period for which no rate is known', () => {
    expect(() => statutoryInterest({ kind: 'commercial', principal: 100, dueDate: '2014-06-30', until: '2015-06-30' }))
      .toThrow(/Geen rentepercentage bekend op 2014-07-01/);
  });
});

describe('payments (art. 6:44 BW: costs, then interest, then principal)', () => {
  const base = { kind: 'commercial' as const, principal: 300_000, dueDate: '2024-03-31' };

  it('a payment on the last day of a period pays the interest, then lowers the principal from the next day', () => {
    const r = statutoryInterest({ ...base, until: '2024-12-31', payments: [{ date: '2024-06-30', amount: 100_000 }] });
    // 93.49 interest paid; 906.51 off the principal → 2,093.49
    expect(r.periods).toEqual([
      { from: '2024-04-01', to: '2024-06-30', days: 91, percent: 12.5, base: 300_000, interest: 9_349 },
      { from: '2024-07-01', to: '2024-12-31', days: 184, percent: 12.25, base: 209_349, interest: 12_928 }, // 12,928.02
    ]);
    expect(r.outstandingPrincipal).toBe(209_349);
    expect(r.interest).toBe(12_928);
    expect(r.interestAccrued).toBe(22_277);
  });

  it('a payment mid-period goes to the costs first, then the interest so far, then the principal', () => {
    const r = statutoryInterest({ ...base, until: '2024-06-30', costs: 42_500, payments: [{ date: '2024-05-15', amount: 50_000 }] });
    // 2024-04-01..05-15 = 45 days: 46.23; the rest 500 − 425 − 46.23 = 28.77 lowers the principal.
    expect(r.periods).toEqual([
      { from: '2024-04-01', to: '2024-05-15', days: 45, percent: 12.5, base: 300_000, interest: 4_623 },
      { from: '2024-05-16', to: '2024-06-30', days: 46, percent: 12.5, base: 297_123, interest: 4_681 }, // 4,680.70
    ]);
    expect(r).toMatchObject({ outstandingCosts: 0, outstandingPrincipal: 297_123, interest: 4_681 });
  });

  it('a payment that only covers part of the costs changes no interest and no period', () => {
    const r = statutoryInterest({ ...base, until: '2024-06-30', costs: 42_500, payments: [{ date: '2024-05-15', amount: 30_000 }] });
    expect(r.periods).toHaveLength(1);
    expect(r).toMatchObject({ outstandingCosts: 12_500, interest: 9_349, outstandingPrincipal: 300_000 });
  });

  it('a payment that covers only part of the interest accrued so far leaves the base alone', () => {
    const r = statutoryInterest({ ...base, until: '2024-06-30', payments: [{ date: '2024-05-15', amount: 2_000 }] });
    expect(r.periods).toEqual([{ from: '2024-04-01', to: '2024-06-30', days: 91, percent: 12.5, base: 300_000, interest: 9_349 }]);
    expect(r.interest).toBe(7_349);
  });

  it('a payment after the anniversary pays the new year\'s interest, then the capitalised interest, then principal', () => {
    const r = statutoryInterest({ ...base, until: '2025-06-30', payments: [{ date: '2025-05-01', amount: 40_000 }] });
    // 2025-04-01..05-01 (31 days) on 3,361.23: 31.83; capitalised 361.23; principal −6.94 → 2,993.06
    expect(r.periods.slice(3)).toEqual([
      { from: '2025-04-01', to: '2025-05-01', days: 31, percent: 11.15, base: 336_123, interest: 3_183 },
      { from: '2025-05-02', to: '2025-06-30', days: 60, percent: 11.15, base: 299_306, interest: 5_486 }, // 5,485.91
    ]);
    expect(r).toMatchObject({ outstandingPrincipal: 299_306, interest: 5_486 });
  });

  it('payments on or before the due date lower the principal before interest starts', () => {
    for (const date of ['2024-03-20', '2024-03-31']) {
      const r = statutoryInterest({ ...base, until: '2024-06-30', costs: 4_000, payments: [{ date, amount: 100_000 }] });
      // costs are not owed yet, so all of it goes to the principal; 2,000 × 12.5 % × 91/365 = 62.33
      expect(r).toMatchObject({ outstandingPrincipal: 200_000, interest: 6_233, outstandingCosts: 4_000 });
    }
  });

  it('costs owed from a later date (consumer: after the veertiendagenbrief) are not paid by earlier payments', () => {
    const r = statutoryInterest({ ...base, until: '2024-06-30', costs: 42_500, costsDueFrom: '2024-06-01',
      payments: [{ date: '2024-05-15', amount: 50_000 }] });
    expect(r.outstandingCosts).toBe(42_500);
    expect(r.outstandingPrincipal).toBe(300_000 - (50_000 - 4_623));
  });

  it('ignores payments after the calculation date', () => {
    const r = statutoryInterest({ ...base, until: '2024-06-30', payments: [{ date: '2024-07-01', amount: 300_000 }] });
    expect(r).toMatchObject({ interest: 9_349, outstandingPrincipal: 300_000, overpayment: 0 });
  });

  it('an overpayment pays everything, never goes negative and is reported', () => {
    const r = statutoryInterest({ ...base, until: '2024-12-31', costs: 42_500, payments: [{ date: '2024-05-15', amount: 500_000 }] });
    expect(r).toMatchObject({ interest: 0, outstandingPrincipal: 0, outstandingCosts: 0, overpayment: 500_000 - 42_500 - 4_623 - 300_000 });
    expect(r.periods).toHaveLength(1); // nothing accrues on a zero base
  });

  it('applies several payments on one day in the order given', () => {
    const r = statutoryInterest({ ...base, until: '2024-06-30', costs: 1_000,
      payments: [{ date: '2024-05-15', amount: 1_000 }, { date: '2024-05-15', amount: 10_000 }] });
    expect(r.periods.map((p) => [p.to, p.base])).toEqual([['2024-05-15', 300_000], ['2024-06-30', 300_000 - (10_000 - 4_623)]]);
  });

  it('refuses invalid input with a Dutch message', () => {
    expect(() => statutoryInterest({ ...base, principal: -1, until: '2024-06-30' })).toThrow(/negatief/);
    expect(() => statutoryInterest({ ...base, principal: 1.5, until: '2024-06-30' })).toThrow(/geheel aantal centen/);
    expect(() => statutoryInterest({ ...base, until: '2024-02-30' })).toThrow(/bestaat niet/);
    expect(() => statutoryInterest({ ...base, dueDate: '31-03-2024', until: '2024-06-30' })).toThrow(/jjjj-mm-dd/);
    expect(() => statutoryInterest({ ...base, until: '2024-06-30', payments: [{ date: '2024-05-01', amount: -5 }] })).toThrow(/betaling nr. 1/);
    expect(() => statutoryInterest({ ...base, until: '2024-06-30', costs: 0.5 })).toThrow(/incassokosten/);
    // @ts-expect-error an unknown kind
    expect(() => statutoryInterest({ ...base, kind: 'b2b', until: '2024-06-30' })).toThrow(/Onbekende soort rente/);
  });
});

describe('invariants (property tests)', () => {
  // Due dates from 2015-01-01 (the first rate row) over ten years; periods up to four years.
  const dueOffset = fc.integer({ min: 0, max: 3_650 });
  const kind = fc.constantFrom('commercial' as const, 'consumer' as const);
  const principal = fc.integer({ min: 0, max: 100_000_000 });
  const payments = fc.array(fc.record({ offset: fc.integer({ min: -60, max: 1_500 }), amount: fc.integer({ min: 1, max: 20_000_000 }) }), { maxLength: 6 });

  it('interest is never negative and never decreases when the calculation date moves on', () => {
    fc.assert(fc.property(kind, principal, dueOffset, fc.integer({ min: -5, max: 1_500 }), fc.integer({ min: 0, max: 400 }),
      (k, p, d, u, more) => {
        const dueDate = shift('2015-01-01', d);
        const a = statutoryInterest({ kind: k, principal: p, dueDate, until: shift(dueDate, u) });
        const b = statutoryInterest({ kind: k, principal: p, dueDate, until: shift(dueDate, u + more) });
        expect(a.interest).toBeGreaterThanOrEqual(0);
        expect(b.interest).toBeGreaterThanOrEqual(a.interest);
      }));
  });

  it('a payment never makes the interest go up compared with no payment', () => {
    fc.assert(fc.property(kind, principal, dueOffset, fc.integer({ min: 0, max: 1_500 }), payments, fc.integer({ min: 0, max: 100_000 }),
      (k, p, d, u, pays, costs) => {
        const dueDate = shift('2015-01-01', d);
        const until = shift(dueDate, u);
        const list: Payment[] = pays.map((x) => ({ date: shift(dueDate, x.offset), amount: x.amount }));
        const without = statutoryInterest({ kind: k, principal: p, dueDate, until, costs });
        const withPay = statutoryInterest({ kind: k, principal: p, dueDate, until, costs, payments: list });
        expect(withPay.interest).toBeLessThanOrEqual(without.interest);
        expect(withPay.interest).toBeGreaterThanOrEqual(0);
        expect(withPay.outstandingPrincipal).toBeGreaterThanOrEqual(0);
        expect(withPay.outstandingPrincipal).toBeLessThanOrEqual(p);
        expect(withPay.outstandingCosts).toBeGreaterThanOrEqual(0);
        expect(withPay.overpayment).toBeGreaterThanOrEqual(0);
        // Money is conserved: what was paid (up to `until`) went to costs, interest, principal or overpayment.
        const paid = list.filter((x) => x.date <= until).reduce((s, x) => s + x.amount, 0);
        const applied = (costs - withPay.outstandingCosts) + (withPay.interestAccrued - withPay.interest)
          + (p - withPay.outstandingPrincipal) + withPay.overpayment;
        expect(applied).toBe(paid);
      }));
  });

  it('the periods tile the interest time without gaps and the result adds up', () => {
    fc.assert(fc.property(kind, fc.integer({ min: 1, max: 100_000_000 }), dueOffset, fc.integer({ min: 1, max: 1_500 }), (k, p, d, u) => {
      const dueDate = shift('2015-01-01', d);
      const until = shift(dueDate, u);
      const r = statutoryInterest({ kind: k, principal: p, dueDate, until });
      expect(r.periods[0].from).toBe(shift(dueDate, 1));
      expect(r.periods[r.periods.length - 1].to).toBe(until);
      for (let i = 1; i < r.periods.length; i++) expect(r.periods[i].from).toBe(shift(r.periods[i - 1].to, 1));
      expect(r.periods.reduce((s, x) => s + x.days, 0)).toBe(u);
      expect(r.periods.reduce((s, x) => s + x.interest, 0)).toBe(r.interest);
    }));
  });
});
