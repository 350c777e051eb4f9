// The schedule of a payment arrangement (shared/domain/arrangement.ts): split by a number of
// installments or by an amount, integer cents that add up exactly, the last installment taking the
// remainder, dates per week, two weeks or month (month ends included), and each installment's state
// from what was paid since the arrangement was agreed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSchedule, installmentDate, installmentStates, MAX_INSTALLMENTS, scheduleProblems, type ScheduleInput,
} from '../../../shared/domain/arrangement';

const TODAY = '2026-11-24';
const amounts = (input: ScheduleInput) => buildSchedule(input).map((i) => i.amount);
const dates = (input: ScheduleInput) => buildSchedule(input).map((i) => i.dueDate);

describe('arrangement schedule', () => {
  it('by count: equal installments rounded down, the last one takes the remainder', () => {
    expect(amounts({ total: 1_000_00, basis: { count: 3 }, firstDate: '2026-12-01', interval: 'month' })).toEqual([333_33, 333_33, 333_34]);
    expect(amounts({ total: 1_815_00, basis: { count: 4 }, firstDate: '2026-12-01', interval: 'month' })).toEqual([453_75, 453_75, 453_75, 453_75]);
    expect(amounts({ total: 100_01, basis: { count: 1 }, firstDate: '2026-12-01', interval: 'month' })).toEqual([100_01]);
    // 7 cents over 6 installments: the last one takes all 6 cents of the rounding.
    expect(amounts({ total: 6_07, basis: { count: 6 }, firstDate: '2026-12-01', interval: 'week' })).toEqual([1_01, 1_01, 1_01, 1_01, 1_01, 1_02]);
  });

  it('by amount: as many full installments as fit, the last one is what is left', () => {
    expect(amounts({ total: 1_000_00, basis: { amount: 300_00 }, firstDate: '2026-12-01', interval: 'month' })).toEqual([300_00, 300_00, 300_00, 100_00]);
    expect(amounts({ total: 900_00, basis: { amount: 300_00 }, firstDate: '2026-12-01', interval: 'month' })).toEqual([300_00, 300_00, 300_00]);
    // An amount above the total: one installment of the total.
    expect(amounts({ total: 250_00, basis: { amount: 300_00 }, firstDate: '2026-12-01', interval: 'month' })).toEqual([250_00]);
  });

  it('always adds up to the total in integer cents, last installment never below the others by count, never above by amount', () => {
    fc.assert(fc.property(fc.integer({ min: 1_00, max: 5_000_000_00 }), fc.integer({ min: 1, max: MAX_INSTALLMENTS }), (total, count) => {
      const input: ScheduleInput = { total, basis: { count }, firstDate: '2026-12-01', interval: 'month' };
      if (scheduleProblems(input).length) return;
      const a = amounts(input);
      expect(a).toHaveLength(count);
      expect(a.reduce((s, x) => s + x, 0)).toBe(total);
      expect(a.every((x) => Number.isSafeInteger(x) && x > 0)).toBe(true);
      expect(a[a.length - 1]! - a[0]!).toBeGreaterThanOrEqual(0);
      expect(a[a.length - 1]! - a[0]!).toBeLessThan(count);
    }));
    fc.assert(fc.property(fc.integer({ min: 1_00, max: 5_000_000_00 }), fc.integer({ min: 1_00, max: 1_000_000_00 }), (total, amount) => {
      const input: ScheduleInput = { total, basis: { amount }, firstDate: '2026-12-01', interval: 'week' };
      if (scheduleProblems(input).length) return;
      const a = amounts(input);
      expect(a.reduce((s, x) => s + x, 0)).toBe(total);
      expect(a.slice(0, -1).every((x) => x === amount)).toBe(true);
      expect(a[a.length - 1]!).toBeGreaterThan(0);
      expect(a[a.length - 1]!).toBeLessThanOrEqual(amount);
    }));
  });

  it('months count from the first date: 31 January → 28 February (29 in a leap year) → 31 March', () => {
    expect(dates({ total: 400_00, basis: { count: 4 }, firstDate: '2027-01-31', interval: 'month' })).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    expect(dates({ total: 300_00, basis: { count: 3 }, firstDate: '2028-01-31', interval: 'month' })).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
    expect(dates({ total: 300_00, basis: { count: 3 }, firstDate: '2026-11-30', interval: 'month' })).toEqual(['2026-11-30', '2026-12-30', '2027-01-30']);
    expect(installmentDate('2026-08-31', 'month', 6)).toBe('2027-02-28');
  });

  it('weeks and two weeks, across a year end and the change to winter time', () => {
    expect(dates({ total: 300_00, basis: { count: 3 }, firstDate: '2026-12-24', interval: 'week' })).toEqual(['2026-12-24', '2026-12-31', '2027-01-07']);
    expect(dates({ total: 300_00, basis: { count: 3 }, firstDate: '2026-10-18', interval: 'two-weeks' })).toEqual(['2026-10-18', '2026-11-01', '2026-11-15']);
  });

  it('refuses what cannot be an arrangement, with a Dutch and an English reason', () => {
    const problems = (input: ScheduleInput) => scheduleProblems(input).map((p) => [p.field, p.nl]);
    expect(problems({ total: 0, basis: { count: 3 }, firstDate: '2026-12-01', interval: 'month', today: TODAY })).toEqual([['total', 'Er staat niets open om in termijnen te betalen.']]);
    expect(problems({ total: 1_000_00, basis: { count: 61 }, firstDate: '2026-12-01', interval: 'month' })[0]![0]).toBe('count');
    expect(problems({ total: 1_000_00, basis: { count: 0 }, firstDate: '2026-12-01', interval: 'month' })[0]![0]).toBe('count');
    expect(problems({ total: 2_00, basis: { count: 3 }, firstDate: '2026-12-01', interval: 'month' })[0]![1]).toMatch(/kleiner dan € 1,00/);
    // € 10 a month for € 1.000: 100 installments, more than 60; at least € 16,67 is needed.
    const tooSmall = scheduleProblems({ total: 1_000_00, basis: { amount: 10_00 }, firstDate: '2026-12-01', interval: 'month' });
    expect(tooSmall.map((p) => p.field)).toEqual(['amount']);
    expect(tooSmall[0]!.nl).toBe('Met € 10,00 per termijn zijn 100 termijnen nodig; het maximum is 60. Kies minstens € 16,67 per termijn.');
    expect(tooSmall[0]!.en).toContain('at least €16.67');
    expect(problems({ total: 1_000_00, basis: { count: 3 }, firstDate: '2026-11-23', interval: 'month', today: TODAY })).toEqual([['firstDate', 'De eerste termijn kan niet in het verleden liggen (vandaag is 24-11-2026).']]);
    expect(problems({ total: 1_000_00, basis: { count: 3 }, firstDate: '2028-01-01', interval: 'month', today: TODAY })[0]![0]).toBe('firstDate');
    expect(problems({ total: 1_000_00, basis: { count: 3 }, firstDate: TODAY, interval: 'month', today: TODAY })).toEqual([]);
    expect(() => buildSchedule({ total: 1_000_00, basis: { count: 61 }, firstDate: '2026-12-01', interval: 'month' })).toThrow();
  });
});

describe('installment states', () => {
  // 3 × € 100 on 26-10, 20-11 and 21-12-2026; 2 working days of grace.
  const schedule = [{ seq: 1, dueDate: '2026-10-26', amount: 100_00 }, { seq: 2, dueDate: '2026-11-20', amount: 100_00 }, { seq: 3, dueDate: '2026-12-21', amount: 100_00 }];
  const states = (paid: number, today = TODAY) => installmentStates(schedule, paid, today, 2).map((i) => [i.seq, i.status, i.paid, i.open]);

  it('fills the installments in order with what was paid', () => {
    expect(states(150_00)).toEqual([[1, 'paid', 100_00, 0], [2, 'due', 50_00, 50_00], [3, 'upcoming', 0, 100_00]]);
    expect(states(300_00)).toEqual([[1, 'paid', 100_00, 0], [2, 'paid', 100_00, 0], [3, 'paid', 100_00, 0]]);
    // Overpaid: no installment goes above its amount.
    expect(states(350_00).map((s) => s[2])).toEqual([100_00, 100_00, 100_00]);
  });

  it('an installment is due from its date up to and including the grace, missed after it', () => {
    // Friday 20-11 + 2 working days = Tuesday 24-11: still due today, missed tomorrow.
    expect(states(100_00)[1]).toEqual([2, 'due', 0, 100_00]);
    expect(states(100_00, '2026-11-25')[1]).toEqual([2, 'missed', 0, 100_00]);
    expect(installmentStates(schedule, 100_00, TODAY, 2)[1]!.graceEnd).toBe('2026-11-24');
    // Nothing paid at all: the first one was missed long ago.
    expect(states(0)[0]).toEqual([1, 'missed', 0, 100_00]);
  });
});
