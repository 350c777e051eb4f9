// The pure arithmetic of Inzicht (electron/core/insights/compute.ts), from worked examples; and the
// rules of "what works" over one invoice's steps (tests/integration/insights/stepRules.ts), the
// reference the step facts of migration 006 are checked against.
import { describe, expect, it } from 'vitest';
import {
  AgingAccumulator, dso, emptyStepCounts, nudgeEffect, proposedTerm, rate, snapshotDates, stepOfEvent, suggestionsFor, usualStep, type CustomerFigures,
} from '../../../electron/core/insights/compute';
import { attributeCollected, sortSteps, stepBefore, stepEffects, type StepEvent } from '../../integration/insights/stepRules';
import type { CustomerInsight } from '../../../shared/contract';

describe('dso', () => {
  it('is open ÷ (invoiced − credited) × days over (today − n months, today]', () => {
    // 10,000 open; 30,000 invoiced and 0 credited in 92 days (24-08 → 24-11): 10000 / 30000 × 92 = 30.67 → 30.7
    expect(dso(3, '2026-11-24', 10_000_00, 30_000_00, 0)).toEqual({
      months: 3, from: '2026-08-24', to: '2026-11-24', days: 92, openAtEnd: 10_000_00, invoiced: 30_000_00, credited: 0, creditSales: 30_000_00, dso: 30.7,
    });
  });
  it('counts a leap day and clamps the 31st: 6 months before 2028-08-31 is 2028-02-29 (184 days)', () => {
    expect(dso(6, '2028-08-31', 1, 1, 0)).toMatchObject({ from: '2028-02-29', days: 184 });
  });
  it('has no value without net credit sales', () => {
    expect(dso(12, '2026-11-24', 500, 0, 0).dso).toBeNull();
    expect(dso(12, '2026-11-24', 500, 100, 100).dso).toBeNull();
  });
});

describe('snapshotDates', () => {
  it('are the 12 previous month ends and today', () => {
    const dates = snapshotDates('2026-03-15');
    expect(dates.map((d) => d.date)).toEqual([
      '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30',
      '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-15',
    ]);
    expect(dates.at(-1)!.kind).toBe('today');
  });
});

describe('AgingAccumulator', () => {
  const at = (dates: string[]) => new AgingAccumulator(dates.map((date, i) => ({ date, kind: i === dates.length - 1 ? 'today' : 'month-end' })));

  it('adds money to the days from its invoice date until (not on) the day it was paid, in the bucket of that day', () => {
    const a = at(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    a.add('2026-01-10', '2026-02-09', 100, '2026-03-31'); // open 31-01 (not due), 28-02 (19 days), paid on 31-03
    expect(a.result().map((s) => s.buckets)).toEqual([
      { notDue: 100, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 },
      { notDue: 0, days1to30: 100, days31to60: 0, days61to90: 0, over90: 0 },
      { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 },
      { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 },
    ]);
  });

  it('uses the overview\'s boundaries: due that day = not due; 30 days = 1–30; 31 = 31–60; 90 = 61–90; 91 = over 90', () => {
    const a = at(['2026-06-30']);
    a.add('2026-01-01', '2026-06-30', 1, null);
    a.add('2026-01-01', '2026-05-31', 10, null); // 30 days
    a.add('2026-01-01', '2026-05-30', 100, null); // 31 days
    a.add('2026-01-01', '2026-04-01', 1000, null); // 90 days
    a.add('2026-01-01', '2026-03-31', 10000, null); // 91 days
    expect(a.result()[0]).toEqual({ date: '2026-06-30', kind: 'today', buckets: { notDue: 1, days1to30: 10, days31to60: 100, days61to90: 1000, over90: 10000 }, total: 11111 });
  });

  it('an invoice paid in parts: each part counts until its own date', () => {
    const a = at(['2026-01-31', '2026-02-28', '2026-03-31']);
    // 100 invoiced 05-01, due 04-02; 40 paid 20-02, 60 paid 15-03: open 100, 60, 0.
    a.add('2026-01-05', '2026-02-04', 40, '2026-02-20');
    a.add('2026-01-05', '2026-02-04', 60, '2026-03-15');
    expect(a.result().map((s) => s.total)).toEqual([100, 60, 0]);
  });
});

describe('steps', () => {
  it('reads the step from an event', () => {
    expect(stepOfEvent('nudge.sent', null, null)).toBe('nudge');
    expect(stepOfEvent('reminder.sent', 'reminder-2', null)).toBe('reminder-2');
    expect(stepOfEvent('reminder.sent', undefined, null)).toBe('reminder-1');
    expect(stepOfEvent('call.logged', null, null)).toBe('call');
    expect(stepOfEvent('letter.sent', null, 'fourteen-day')).toBe('final-notice');
    expect(stepOfEvent('letter.sent', null, 'final-notice')).toBe('final-notice');
    expect(stepOfEvent('letter.sent', null, 'confirmation')).toBeNull();
    expect(stepOfEvent('handover.created', null, null)).toBe('agency');
    expect(stepOfEvent('invoice.created', null, null)).toBeNull();
  });

  it('the step before a payment: the last on or before its day; on the same day the later step of the plan', () => {
    const steps = sortSteps([{ step: 'call', date: '2026-03-10' }, { step: 'reminder-2', date: '2026-03-10' }, { step: 'reminder-1', date: '2026-03-01' }]);
    expect(steps.map((s) => s.step)).toEqual(['reminder-1', 'reminder-2', 'call']);
    expect(stepBefore(steps, '2026-02-28')).toBe('none');
    expect(stepBefore(steps, '2026-03-01')).toBe('reminder-1');
    expect(stepBefore(steps, '2026-03-10')).toBe('call');
  });

  it('the usual step is the most frequent; a tie goes to the later step', () => {
    expect(usualStep({ ...emptyStepCounts(), none: 2, 'reminder-1': 2 })).toBe('reminder-1');
    expect(usualStep({ ...emptyStepCounts(), none: 3, 'reminder-1': 2 })).toBe('none');
    expect(usualStep(emptyStepCounts())).toBeNull();
  });

  it('step effects: judged 7 days after, only while still open, first time per invoice; payments to the step before them', () => {
    const s = (step: StepEvent['step'], date: string): StepEvent => ({ step, date });
    const invoices = [
      { steps: [s('reminder-1', '2026-10-01'), s('reminder-1', '2026-10-20')], paidOn: '2026-10-08', dueDate: '2026-09-20' }, // ✓ (7 days)
      { steps: [s('reminder-1', '2026-10-01')], paidOn: '2026-10-09', dueDate: '2026-09-20' }, // ✗ (8 days)
      { steps: [s('reminder-1', '2026-11-20')], paidOn: null, dueDate: '2026-11-10' }, // too recent to judge (after 17-11)
      { steps: [s('reminder-1', '2025-11-01')], paidOn: null, dueDate: '2025-10-20' }, // before the period
      { steps: [s('call', '2026-10-05')], paidOn: '2026-10-01', dueDate: '2026-09-01' }, // paid before the call: not counted
    ];
    const effects = stepEffects(invoices, '2025-11-24', '2026-11-24');
    expect(effects.find((e) => e.step === 'reminder-1')).toEqual({ step: 'reminder-1', invoices: 2, paidWithin7Days: 1, share: 0.5, collected: 0 });
    expect(effects.find((e) => e.step === 'call')).toMatchObject({ invoices: 0, share: null });
    const attributed = attributeCollected(effects, [
      { steps: invoices[0]!.steps, date: '2026-10-08', cents: 500 },
      { steps: invoices[0]!.steps, date: '2026-09-30', cents: 7 }, // before any step
    ]);
    expect(attributed).toBe(500);
    expect(effects.find((e) => e.step === 'reminder-1')!.collected).toBe(500);
  });

  it('the nudge: without = all − with', () => {
    expect(nudgeEffect({ invoices: 10, onTime: 4 }, { invoices: 4, onTime: 3 })).toEqual({
      withNudge: { invoices: 4, onTime: 3, share: 0.75 }, withoutNudge: { invoices: 6, onTime: 1, share: 1 / 6 },
    });
  });
});

const figures = (over: Partial<CustomerFigures> = {}): CustomerFigures => ({
  debtorId: 1, name: 'Klant', kind: 'business', paidInvoices: 0, paidLate: 0, avgDaysLate: null, worstDaysLate: null, openInvoices: 0,
  openAmount: 0, overdueAmount: 0, oldestOverdueDays: 0, nudges: 0, reminders: 0, calls: 0, finalNotices: 0, handovers: 0,
  promisesKept: 0, promisesBroken: 0, arrangements: 0, stepCounts: emptyStepCounts(), termDays: 30, ownTerm: false, ...over,
});

describe('rate', () => {
  it('late payer: ≥ 3 paid and more than 14 days late on average (14.0 is not)', () => {
    expect(rate(figures({ paidInvoices: 3, avgDaysLate: 14.1, worstDaysLate: 20 }), 'reminder-1').code).toBe('late-payer');
    expect(rate(figures({ paidInvoices: 3, avgDaysLate: 14, worstDaysLate: 20, stepCounts: { ...emptyStepCounts(), 'reminder-1': 3 } }), 'reminder-1').code).toBe('after-reminder-1');
    expect(rate(figures({ paidInvoices: 2, avgDaysLate: 30, worstDaysLate: 40 }), 'none').code).toBe('slightly-late');
  });
  it('by usual step', () => {
    const c = (step: keyof ReturnType<typeof emptyStepCounts>) => rate(figures({ paidInvoices: 2, avgDaysLate: 5, worstDaysLate: 6, stepCounts: { ...emptyStepCounts(), [step]: 2 } }), step).code;
    expect([c('reminder-1'), c('reminder-2'), c('call'), c('final-notice'), c('agency')]).toEqual(['after-reminder-1', 'after-reminder-2', 'after-call', 'after-final-notice', 'after-final-notice']);
  });
  it('on time within 3 days on average, with or without the nudge', () => {
    expect(rate(figures({ paidInvoices: 4, paidLate: 1, avgDaysLate: 3, worstDaysLate: 5 }), 'nudge')).toEqual({
      code: 'on-time', reasons: [{ kind: 'on-time-share', onTime: 3, paid: 4 }, { kind: 'average', paid: 4, avgDaysLate: 3 }],
    });
  });
  it('late payer when still overdue after a final notice', () => {
    expect(rate(figures({ finalNotices: 1, oldestOverdueDays: 45, worstDaysLate: 45 }), null)).toEqual({
      code: 'late-payer', reasons: [{ kind: 'final-notice', times: 1 }],
    });
  });
  it('not "on time" with an invoice more than 14 days overdue now', () => {
    expect(rate(figures({ paidInvoices: 1, avgDaysLate: 2, worstDaysLate: 35, oldestOverdueDays: 35, stepCounts: { ...emptyStepCounts(), none: 1 } }), 'none')).toEqual({
      code: 'slightly-late', reasons: [{ kind: 'average', paid: 1, avgDaysLate: 2 }, { kind: 'usual-step', step: 'none', times: 1, paid: 1 }, { kind: 'open-overdue', days: 35 }],
    });
  });
  it('no history without paid invoices', () => {
    expect(rate(figures({ oldestOverdueDays: 12 }), null)).toEqual({ code: 'no-history', reasons: [{ kind: 'open-overdue', days: 12 }] });
    expect(rate(figures(), null)).toEqual({ code: 'no-history', reasons: [{ kind: 'no-paid-invoices' }] });
  });
});

describe('suggestions', () => {
  const customer = (over: Partial<CustomerInsight> = {}): CustomerInsight => ({ ...figures(), usualStep: null, rating: { code: 'no-history', reasons: [] }, ...over });
  const late = { paidInvoices: 4, avgDaysLate: 20, worstDaysLate: 30 };

  it('the term: 14 days, or 7 when it is already 14 or less; none at 7', () => {
    expect([proposedTerm(30), proposedTerm(15), proposedTerm(14), proposedTerm(8), proposedTerm(7)]).toEqual([14, 14, 7, 7, null]);
    expect(suggestionsFor(customer({ ...late, termDays: 7 }), new Map())).toEqual([]);
  });

  it('an advance payment when more than 30 days late, or usually only after a call, or 2 broken promises', () => {
    expect(suggestionsFor(customer({ ...late, avgDaysLate: 31 }), new Map()).map((s) => s.kind)).toEqual(['shorter-term', 'advance-payment']);
    expect(suggestionsFor(customer({ ...late, usualStep: 'call' }), new Map()).map((s) => s.kind)).toEqual(['shorter-term', 'advance-payment']);
    expect(suggestionsFor(customer({ promisesBroken: 2 }), new Map()).map((s) => s.kind)).toEqual(['advance-payment']);
  });

  it('a credit check after a final notice, an agency, or more than 60 days overdue', () => {
    expect(suggestionsFor(customer({ finalNotices: 1 }), new Map()).map((s) => s.kind)).toEqual(['credit-check']);
    expect(suggestionsFor(customer({ oldestOverdueDays: 61 }), new Map()).map((s) => s.kind)).toEqual(['credit-check']);
    expect(suggestionsFor(customer({ oldestOverdueDays: 60 }), new Map())).toEqual([]);
  });

  it('a dismissed one returns after 3 more paid invoices', () => {
    expect(suggestionsFor(customer({ ...late }), new Map([['shorter-term', 2]]))).toEqual([]);
    expect(suggestionsFor(customer({ ...late, paidInvoices: 5 }), new Map([['shorter-term', 2]])).map((s) => s.kind)).toEqual(['shorter-term']);
  });
});
