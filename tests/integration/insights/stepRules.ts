// The rules of Inzicht's "what works" over one invoice's step events, as the page computed them
// until migration 006: the reference the kept step facts (invoice_steps, invoices.paid_after_step,
// allocation_steps) and the SQL that sums them (core/insights/queries.ts) are checked against, in
// stepFacts.test.ts on whole ledgers and in tests/unit/insights/compute.test.ts on worked examples.
// They live with the tests because the app no longer runs them.
import { STEP_RANK } from '../../../electron/core/insights/compute';
import { paymentSteps, type PaymentStep, type StepEffect } from '../../../shared/contract/methods/insights';
import { addDaysIso, daysBetween } from '../../../shared/domain/dates';

export interface StepEvent { step: Exclude<PaymentStep, 'none'>; date: string }

/** Sorts one invoice's step events by date; on the same day the later step of the plan counts as the later event. */
export function sortSteps(steps: StepEvent[]): StepEvent[] {
  return steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : STEP_RANK[a.step] - STEP_RANK[b.step]));
}

/**
 * The last step taken on or before `date` (a payment on the day of a step counts as after it),
 * or 'none'. `steps` sorted by sortSteps.
 */
export function stepBefore(steps: readonly StepEvent[], date: string): PaymentStep {
  let found: PaymentStep = 'none';
  for (const s of steps) {
    if (s.date > date) break;
    found = s.step;
  }
  return found;
}

export interface SteppedInvoice {
  steps: StepEvent[];
  paidOn: string | null;
  dueDate: string;
}

/**
 * For each step: of the invoices that received it in the period (from, judgedUntil] while still
 * open (not paid before that day), how many were paid in full within 7 days after it (paid date ≤
 * step date + 7). judgedUntil is today − 7: a step of the last week cannot be judged yet. When an
 * invoice received the same step twice, the first time counts.
 * `collected` per step is filled in by attributeCollected.
 */
export function stepEffects(invoices: Iterable<SteppedInvoice>, from: string, today: string): StepEffect[] {
  const judgedUntil = addDaysIso(today, -7);
  const effects = new Map(paymentSteps.filter((s) => s !== 'none').map((s) => [s, { invoices: 0, paid: 0 }]));
  for (const inv of invoices) {
    const seen = new Set<string>();
    for (const s of inv.steps) {
      if (seen.has(s.step)) continue;
      seen.add(s.step);
      if (s.date <= from || s.date > judgedUntil) continue;
      if (inv.paidOn !== null && inv.paidOn < s.date) continue;
      const e = effects.get(s.step)!;
      e.invoices += 1;
      if (inv.paidOn !== null && daysBetween(s.date, inv.paidOn) <= 7) e.paid += 1;
    }
  }
  return [...effects].map(([step, e]) => ({
    step: step as StepEffect['step'], invoices: e.invoices, paidWithin7Days: e.paid, share: e.invoices ? e.paid / e.invoices : null, collected: 0,
  }));
}

/**
 * Adds each payment on a stepped invoice to the step in force on its date (the last step on or
 * before it, so "after this step and before the next"); returns what it attributed to a step.
 */
export function attributeCollected(effects: StepEffect[], payments: Iterable<{ steps: readonly StepEvent[]; date: string; cents: number }>): number {
  const byStep = new Map(effects.map((e) => [e.step as PaymentStep, e]));
  let attributed = 0;
  for (const p of payments) {
    const step = stepBefore(p.steps, p.date);
    if (step === 'none') continue;
    byStep.get(step)!.collected += p.cents;
    attributed += p.cents;
  }
  return attributed;
}
