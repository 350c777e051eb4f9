/*
 * Inzicht: the arithmetic, as small pure functions over rows the queries (queries.ts) read.
 * Nothing here touches the database, so every rule can be tested from a worked example.
 */
import { format, lastDayOfMonth, parseISO, subMonths } from 'date-fns';
import type {
  AgingSnapshot, CustomerInsight, DsoFigure, NudgeEffect, PaymentStep, Rating, RatingReason, StepEffect, Suggestion, SuggestionKind,
} from '../../../shared/contract/methods/insights';
import { paymentSteps } from '../../../shared/contract/methods/insights';
import { addDaysIso, daysBetween } from '../../../shared/domain/dates';
import type { AgingBuckets } from '../../../shared/domain/overview';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** `months` calendar months before `date` (the 31st becomes the month's last day when needed). */
export function monthsBefore(date: string, months: number): string {
  return iso(subMonths(parseISO(date), months));
}

// ---------------------------------------------------------------------------------------------
// DSO

/**
 * Days sales outstanding over the period (from, to], to = today:
 *
 *     DSO = (open receivables at the end of the period ÷ credit sales in the period) × days in the period
 *
 * - open receivables at the end: what is open today (amount − payments − credit notes) on every
 *   invoice dated on or before today, however old (one entered in advance is not a receivable yet);
 * - credit sales: the invoices dated in the period minus the credit notes dated in the period
 *   (a credit note corrects a sale, so it lowers the sales of the period it is dated in, even when
 *   it corrects an older invoice);
 * - days: calendar days in the period (3 months back from 24-11 is 24-08, so 92 days).
 * No (net) credit sales in the period: no DSO (null), rather than a division by zero.
 */
export function dso(months: DsoFigure['months'], today: string, openAtEnd: number, invoiced: number, credited: number): DsoFigure {
  const from = monthsBefore(today, months);
  const days = daysBetween(from, today);
  const creditSales = invoiced - credited;
  const value = creditSales > 0 ? Math.round((openAtEnd / creditSales) * days * 10) / 10 : null;
  return { months, from, to: today, days, openAtEnd, invoiced, credited, creditSales, dso: value };
}

// ---------------------------------------------------------------------------------------------
// Aging at past month ends

/** The last day of each of the 12 months before today's month, then today itself. */
export function snapshotDates(today: string): { date: string; kind: 'month-end' | 'today' }[] {
  const t = parseISO(today);
  const dates: { date: string; kind: 'month-end' | 'today' }[] = [];
  for (let m = 12; m >= 1; m--) dates.push({ date: iso(lastDayOfMonth(subMonths(t, m))), kind: 'month-end' });
  dates.push({ date: today, kind: 'today' });
  return dates;
}

const BUCKETS: (keyof AgingBuckets)[] = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'];

/**
 * Sums open amounts per age bucket at several days at once. The buckets are those of the
 * Debiteuren overview: not yet due (due date on or after the day), 1–30, 31–60, 61–90 and more
 * than 90 days past the due date.
 *
 * An invoice's open amount at day D is its amount minus the payments and credit notes dated on or
 * before D. Written the other way round, it is what is open today plus every reduction dated
 * after D; so each piece of money is added to the days D with invoice date ≤ D < `until`:
 *   - what is still open today, until forever;
 *   - each payment or credit note, until its own date (before that day it was still owed).
 * An invoice paid in one go is then simply its amount from its invoice date until its paid date.
 */
export class AgingAccumulator {
  private readonly days: string[];
  /** Per day: the due-date boundaries of the buckets (D, D−30, D−60, D−90). */
  private readonly bounds: [string, string, string, string][];
  private readonly sums: number[][];

  constructor(readonly dates: { date: string; kind: 'month-end' | 'today' }[]) {
    this.days = dates.map((d) => d.date);
    this.bounds = this.days.map((d) => [d, addDaysIso(d, -30), addDaysIso(d, -60), addDaysIso(d, -90)]);
    this.sums = this.days.map(() => [0, 0, 0, 0, 0]);
  }

  /** The first day this class looks at: money settled on or before it never shows. */
  get first(): string { return this.days[0]!; }

  /** `cents` was open on an invoice (invoiceDate, dueDate) on every day ≥ invoiceDate and < until (null: still open). */
  add(invoiceDate: string, dueDate: string, cents: number, until: string | null): void {
    if (cents === 0) return;
    const days = this.days;
    for (let k = days.length - 1; k >= 0; k--) {
      const d = days[k]!;
      if (until !== null && d >= until) continue;
      if (d < invoiceDate) break; // the days are ascending: earlier ones are before the invoice too
      const [b0, b30, b60, b90] = this.bounds[k]!;
      const bucket = dueDate >= b0 ? 0 : dueDate >= b30 ? 1 : dueDate >= b60 ? 2 : dueDate >= b90 ? 3 : 4;
      this.sums[k]![bucket]! += cents;
    }
  }

  result(): AgingSnapshot[] {
    return this.dates.map((d, k) => {
      const s = this.sums[k]!;
      const buckets = Object.fromEntries(BUCKETS.map((b, i) => [b, s[i]!])) as unknown as AgingBuckets;
      return { date: d.date, kind: d.kind, buckets, total: s.reduce((a, b) => a + b, 0) };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Steps

const RANK: Record<PaymentStep, number> = Object.fromEntries(paymentSteps.map((s, i) => [s, i])) as Record<PaymentStep, number>;

/**
 * The step an event on the timeline stands for, or null when it is not a step of the plan.
 * Migration 006 (db/migrations/006_step_facts.ts, STEP_OF_EVENT_SQL) keeps its facts with a copy of
 * this mapping in SQL, and of the order of paymentSteps: change them together, in a new migration
 * (tests/unit/insights/stepSql.test.ts compares them).
 */
export function stepOfEvent(type: string, step: unknown, letter: unknown): Exclude<PaymentStep, 'none'> | null {
  switch (type) {
    case 'nudge.sent': return 'nudge';
    case 'reminder.sent': return step === 'reminder-2' ? 'reminder-2' : 'reminder-1';
    case 'call.logged': return 'call';
    case 'letter.sent': return letter === 'final-notice' || letter === 'fourteen-day' ? 'final-notice' : null;
    case 'handover.created': return 'agency';
    default: return null;
  }
}

/** The most frequent step; a tie goes to the later step of the plan (the cautious reading). */
export function usualStep(counts: Record<PaymentStep, number>): PaymentStep | null {
  let best: PaymentStep | null = null;
  for (const s of paymentSteps) if (counts[s] > 0 && (best === null || counts[s] >= counts[best])) best = s;
  return best;
}

export const emptyStepCounts = (): Record<PaymentStep, number> => Object.fromEntries(paymentSteps.map((s) => [s, 0])) as Record<PaymentStep, number>;

// ---------------------------------------------------------------------------------------------
// Rating

/** Lateness within this many days counts as on time (a payment made on the due date often arrives a day or two later). */
export const ON_TIME_GRACE_DAYS = 3;
/** "Repeatedly late": at least this many paid invoices… */
export const REPEAT_MIN_PAID = 3;
/** …paid on average more than this many days after the due date. */
export const REPEAT_MIN_AVG_DAYS = 14;
/** An open invoice this many days overdue marks a late payer, whatever its history. */
export const LONG_OVERDUE_DAYS = 60;

export type CustomerFigures = Omit<CustomerInsight, 'rating' | 'usualStep'>;

const isRepeatedlyLate = (c: Pick<CustomerFigures, 'paidInvoices' | 'avgDaysLate'>) =>
  c.paidInvoices >= REPEAT_MIN_PAID && (c.avgDaysLate ?? 0) > REPEAT_MIN_AVG_DAYS;

/**
 * A simple, explained rating, checked in this order:
 * 1. late payer: repeatedly late (≥ 3 paid invoices, on average more than 14 days late), handed
 *    over to an agency, still overdue after a final notice, an invoice open more than 60 days past
 *    its due date, or one paid more than 60 days late;
 * 2. no history: nothing paid yet;
 * 3. by the step after which it usually pays: after a call / after the final notice or the agency,
 *    after reminder 2, after reminder 1;
 * 4. usually without a reminder (none, or only the friendly nudge before the due date): on time
 *    when on average at most 3 days late and nothing is more than 14 days overdue now, otherwise
 *    "often pays late".
 */
export function rate(c: CustomerFigures, usual: PaymentStep | null): Rating {
  const reasons: RatingReason[] = [];
  const average = (): RatingReason => ({ kind: 'average', paid: c.paidInvoices, avgDaysLate: c.avgDaysLate ?? 0 });
  const worstPaid = c.paidInvoices > 0 && (c.worstDaysLate ?? 0) > LONG_OVERDUE_DAYS && c.oldestOverdueDays < (c.worstDaysLate ?? 0);
  const noticeUnpaid = c.finalNotices > 0 && c.oldestOverdueDays > 0;
  if (isRepeatedlyLate(c) || c.handovers > 0 || noticeUnpaid || c.oldestOverdueDays > LONG_OVERDUE_DAYS || worstPaid) {
    if (isRepeatedlyLate(c)) reasons.push(average());
    if (c.handovers > 0) reasons.push({ kind: 'handed-over', times: c.handovers });
    else if (noticeUnpaid) reasons.push({ kind: 'final-notice', times: c.finalNotices });
    if (c.oldestOverdueDays > LONG_OVERDUE_DAYS) reasons.push({ kind: 'open-overdue', days: c.oldestOverdueDays });
    else if (worstPaid) reasons.push({ kind: 'worst-paid', days: c.worstDaysLate! });
    if (c.promisesBroken > 0) reasons.push({ kind: 'promises-broken', times: c.promisesBroken });
    return { code: 'late-payer', reasons };
  }
  if (c.paidInvoices === 0 || usual === null) {
    // The badge already says "no history"; what is overdue now is worth saying.
    reasons.push(c.oldestOverdueDays > 0 ? { kind: 'open-overdue', days: c.oldestOverdueDays } : { kind: 'no-paid-invoices' });
    return { code: 'no-history', reasons };
  }
  const stepReason: RatingReason = { kind: 'usual-step', step: usual, times: c.stepCounts[usual], paid: c.paidInvoices };
  const code = usual === 'call' ? 'after-call'
    : usual === 'final-notice' || usual === 'agency' ? 'after-final-notice'
      : usual === 'reminder-2' ? 'after-reminder-2'
        : usual === 'reminder-1' ? 'after-reminder-1'
          : (c.avgDaysLate ?? 0) <= ON_TIME_GRACE_DAYS ? 'on-time' : 'slightly-late';
  // "On time" does not fit a customer with an invoice well past its due date now.
  const overdueNow = c.oldestOverdueDays > REPEAT_MIN_AVG_DAYS;
  if (code === 'on-time' && !overdueNow) reasons.push({ kind: 'on-time-share', onTime: c.paidInvoices - c.paidLate, paid: c.paidInvoices }, average());
  else if (code === 'on-time' || code === 'slightly-late') {
    reasons.push(average(), stepReason);
    if (overdueNow) reasons.push({ kind: 'open-overdue', days: c.oldestOverdueDays });
    return { code: 'slightly-late', reasons: c.promisesBroken > 0 ? [...reasons, { kind: 'promises-broken', times: c.promisesBroken }] : reasons };
  } else reasons.push(stepReason, average());
  if (c.promisesBroken > 0) reasons.push({ kind: 'promises-broken', times: c.promisesBroken });
  return { code, reasons };
}

// ---------------------------------------------------------------------------------------------
// Suggestions

/** The term a repeatedly late customer is offered: 14 days, or 7 when it already has 14 or less. */
export function proposedTerm(termDays: number): number | null {
  if (termDays > 14) return 14;
  if (termDays > 7) return 7;
  return null;
}

/**
 * What to change before new work, each with the figures that led to it (seed: "after every case,
 * learn: a stricter credit check, shorter terms, an advance payment"):
 * - shorter term: repeatedly late (≥ 3 paid invoices, on average > 14 days late) and a term longer than 7 days;
 * - advance payment (voorschot): repeatedly late and on average more than 30 days late, or usually
 *   paying only after a call or later; or 2 or more broken promises;
 * - credit check before new work: it came to a final notice or an agency, or an invoice is open
 *   more than 60 days past its due date.
 * A dismissed suggestion stays away until the customer has 3 more paid invoices.
 */
export function suggestionsFor(c: CustomerInsight, dismissed: ReadonlyMap<SuggestionKind, number>): Suggestion[] {
  const kinds: SuggestionKind[] = [];
  const late = isRepeatedlyLate(c);
  const proposed = proposedTerm(c.termDays);
  if (late && proposed !== null) kinds.push('shorter-term');
  const afterCall = c.usualStep !== null && RANK[c.usualStep] >= RANK.call && c.paidInvoices >= 2;
  if ((late && ((c.avgDaysLate ?? 0) > 30 || afterCall)) || c.promisesBroken >= 2) kinds.push('advance-payment');
  if (c.finalNotices > 0 || c.handovers > 0 || c.oldestOverdueDays > LONG_OVERDUE_DAYS) kinds.push('credit-check');
  return kinds
    .filter((k) => { const at = dismissed.get(k); return at === undefined || c.paidInvoices >= at + 3; })
    .map((kind) => ({
      debtorId: c.debtorId, name: c.name, kind,
      figures: {
        paidInvoices: c.paidInvoices, avgDaysLate: c.avgDaysLate, worstDaysLate: c.worstDaysLate, termDays: c.termDays,
        proposedDays: kind === 'shorter-term' ? proposed : null, promisesBroken: c.promisesBroken, finalNotices: c.finalNotices,
        handovers: c.handovers, oldestOverdueDays: c.oldestOverdueDays, usualStep: c.usualStep,
      },
    }));
}

// ---------------------------------------------------------------------------------------------
// What works

/**
 * The step effects from the per-step sums of the facts migration 006 keeps: the invoices that
 * first received each step in the period while not yet paid and those of them paid in full within
 * 7 days, and the money received after each step (the step in force on its date). The rules over
 * one invoice's events are stated in tests/integration/insights/stepRules.ts, which the kept facts
 * are checked against. Returns them in the plan's order, with what
 * was attributed to a step in total.
 */
export function stepEffectsOf(
  effects: readonly (readonly [step: StepEffect['step'], invoices: number, paid: number])[],
  collected: readonly (readonly [step: StepEffect['step'], cents: number])[],
): { steps: StepEffect[]; attributed: number } {
  const counts = new Map(effects.map(([step, invoices, paid]) => [step, { invoices, paid }]));
  const money = new Map(collected);
  let attributed = 0;
  const steps = paymentSteps.filter((s): s is StepEffect['step'] => s !== 'none').map((step): StepEffect => {
    const { invoices, paid } = counts.get(step) ?? { invoices: 0, paid: 0 };
    const cents = money.get(step) ?? 0;
    attributed += cents;
    return { step, invoices, paidWithin7Days: paid, share: invoices ? paid / invoices : null, collected: cents };
  });
  return { steps, attributed };
}

/** Share paid on time (paid date ≤ due date) of invoices due in the period, with and without a pre-due nudge. */
export function nudgeEffect(all: { invoices: number; onTime: number }, nudged: { invoices: number; onTime: number }): NudgeEffect {
  const share = (x: { invoices: number; onTime: number }) => ({ ...x, share: x.invoices ? x.onTime / x.invoices : null });
  return { withNudge: share(nudged), withoutNudge: share({ invoices: all.invoices - nudged.invoices, onTime: all.onTime - nudged.onTime }) };
}

/** Mean with one decimal. */
export const mean1 = (sum: number, n: number) => (n ? Math.round((sum / n) * 10) / 10 : null);

export { RANK as STEP_RANK };
