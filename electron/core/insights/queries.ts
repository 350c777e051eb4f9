/*
 * Inzicht: the SQL. Each statement reads through an index (migration 003 adds the ones it needs;
 * tests/integration/insights/queryPlans.test.ts checks the plans) and returns raw arrays, not
 * objects: on a ledger of 100,000 invoices most of the time goes into making rows for JavaScript,
 * so everything that can be summed is summed in SQLite.
 *
 * Every statement can run for all customers or for one (`scoped`), so that the debtor page runs the
 * same figures for one customer through the customer's indexes.
 */
import { paymentSteps, type PaymentStep } from '../../../shared/contract/methods/insights';
import type { Context } from '../context';

/** Where a statement says `AND ${forDebtor('x.debtor_id')}`, one customer's run filters on it (through the index). */
const forDebtor = (col: string) => `/*debtor*/ ${col} = @debtorId /*end*/`;
/** The statement for all customers (the filter taken out) or for one (`@debtorId`). */
export function scoped(sql: string, debtorId: number | null): string {
  return debtorId === null ? sql.replace(/(AND|WHERE) \/\*debtor\*\/.*?\/\*end\*\//g, (_m, kw: string) => (kw === 'WHERE' ? 'WHERE 1' : '')) : sql;
}

/** Open invoices now: for the totals, aging (they count on every day since their invoice date) and the customer figures (from the index alone, migration 006). */
export const OPEN_SQL = `
  SELECT i.id, i.debtor_id, i.invoice_date, i.due_date, i.amount_cents, i.open_cents
  FROM invoices i INDEXED BY invoices_open
  WHERE i.open_cents > 0 AND ${forDebtor('i.debtor_id')}`;
export type OpenRow = [id: number, debtorId: number, invoiceDate: string, dueDate: string, amount: number, open: number];

/** Per customer, over its paid invoices: how many, how late in total, the latest, and how many late. */
export const PAID_PER_DEBTOR_SQL = `
  SELECT debtor_id, COUNT(*), SUM(paid_days_late), MAX(paid_days_late), SUM(paid_days_late > 0)
  FROM invoices INDEXED BY invoices_paid WHERE paid_days_late IS NOT NULL AND ${forDebtor('debtor_id')}
  GROUP BY debtor_id`;
export type PaidRow = [debtorId: number, paid: number, lateSum: number, lateMax: number, lateCount: number];

/** Paid invoices due in (@from, @today], and how many of them were paid on or before the due date. */
export const PAID_DUE_IN_PERIOD_SQL = `
  SELECT COUNT(*), COALESCE(SUM(paid_days_late <= 0), 0)
  FROM invoices INDEXED BY invoices_paid_due WHERE paid_days_late IS NOT NULL AND due_date > @from AND due_date <= @today`;

/** Invoices paid in full after @first (the first aging day): their money was open for a while in the period. */
export const PAID_SINCE_SQL = `
  SELECT id, paid_on, first_paid_on, invoice_date, due_date, amount_cents
  FROM invoices INDEXED BY invoices_paid_on WHERE paid_on > @first`;
export type PaidSinceRow = [id: number, paidOn: string, firstPaidOn: string, invoiceDate: string, dueDate: string, amount: number];

/** Invoices only credited (no money, no paid date) by a credit note dated after @first. */
export const CREDITED_SINCE_SQL = `
  SELECT DISTINCT i.id, i.invoice_date, i.due_date
  FROM invoices c INDEXED BY invoices_corrects JOIN invoices i ON i.id = c.corrects_invoice_id
  WHERE c.corrects_invoice_id IS NOT NULL AND c.kind = 'credit-note' AND c.invoice_date > @first AND i.open_cents = 0 AND i.paid_on IS NULL`;
export type CreditedRow = [id: number, invoiceDate: string, dueDate: string];

/**
 * The payments and credit notes dated after @first of the few invoices (@ids, a JSON array) whose
 * money did not go in one go: paid in parts, partly paid and still open, or only credited. For
 * those, each part was open until its own date.
 */
export const PARTS_SQL = `
  SELECT a.invoice_id, p.date, a.amount_cents
    FROM json_each(@ids) j
    CROSS JOIN payment_allocations a INDEXED BY payment_allocations_invoice ON a.invoice_id = j.value
    JOIN payments p ON p.id = a.payment_id
    WHERE p.date > @first
  UNION ALL
  SELECT c.corrects_invoice_id, c.invoice_date, c.amount_cents
    FROM json_each(@ids) j CROSS JOIN invoices c INDEXED BY invoices_corrects ON c.corrects_invoice_id = j.value
    WHERE c.kind = 'credit-note' AND c.invoice_date > @first`;
export type PartRow = [invoiceId: number, date: string, cents: number];

/** Month ends computed before (migration 003: insight_aging, cleared by any change dated on or before one). */
export const AGING_KEPT_SQL = `
  SELECT month_end, not_due, d1_30, d31_60, d61_90, over90 FROM insight_aging WHERE month_end >= @first`;
export type AgingKeptRow = [monthEnd: string, notDue: number, d1to30: number, d31to60: number, d61to90: number, over90: number];
export const AGING_KEEP_SQL = `
  INSERT OR REPLACE INTO insight_aging (month_end, not_due, d1_30, d31_60, d61_90, over90) VALUES (?, ?, ?, ?, ?, ?)`;

/** Invoiced and credited (credit notes) with invoice dates in (@from, @to] (DSO). */
export const SALES_SQL = `
  SELECT kind, SUM(amount_cents) FROM invoices INDEXED BY invoices_date WHERE invoice_date > @from AND invoice_date <= @to GROUP BY kind`;

/*
 * What works: the facts of migration 006, kept by triggers on every write (the first day of each
 * step per invoice, the step in force when an invoice was paid, and when each payment came in),
 * summed here instead of reading every step event into JavaScript.
 */

/** (Each step read as a range of its own: summing rows in index order is cheaper than grouping them.) */
const PLAN_STEPS = paymentSteps.filter((p) => p !== 'none');

/** Per customer: its paid invoices by the step in force when they were paid (none before: not counted here). */
export const PAID_AFTER_STEP_SQL = `
  SELECT debtor_id, step, invoices FROM debtor_paid_steps WHERE ${forDebtor('debtor_id')}`;
export type PaidAfterStepRow = [debtorId: number, step: Exclude<PaymentStep, 'none'>, n: number];

/**
 * Per step: the invoices that first received it in (@from, @until] while not yet paid, and how
 * many of them were paid in full within 7 days after it (stepEffects in tests/integration/insights/stepRules.ts).
 */
export const STEP_EFFECTS_SQL = PLAN_STEPS.map((step) => `
  SELECT '${step}', COUNT(*), COALESCE(SUM(paid_after_days <= 7), 0) FROM invoice_steps INDEXED BY invoice_steps_step
  WHERE step = '${step}' AND first_on > @from AND first_on <= @until AND (paid_after_days IS NULL OR paid_after_days >= 0)`).join('\n  UNION ALL');
export type StepEffectRow = [step: Exclude<PaymentStep, 'none'>, invoices: number, paid: number];

/** Per step: the money received in (@from, @today] on invoices after that step (attributeCollected in tests/integration/insights/stepRules.ts). */
export const STEP_COLLECTED_SQL = PLAN_STEPS.map((step) => `
  SELECT '${step}', COALESCE(SUM(amount_cents), 0) FROM allocation_steps INDEXED BY allocation_steps_step
  WHERE step = '${step}' AND payment_date > @from AND payment_date <= @today`).join('\n  UNION ALL');
export type StepCollectedRow = [step: Exclude<PaymentStep, 'none'>, cents: number];

/**
 * Invoices due in (@from, @today] that received the nudge on or before their due date, and how many
 * of them were paid on or before it; not those only credited (neither paid nor open: not in the
 * population of PAID_DUE_IN_PERIOD_SQL + the open ones either).
 */
export const NUDGED_SQL = `
  SELECT COUNT(*), COALESCE(SUM(i.paid_on IS NOT NULL AND i.paid_on <= i.due_date), 0)
  FROM invoice_steps s INDEXED BY invoice_steps_step CROSS JOIN invoices i ON i.id = s.invoice_id
  WHERE s.step = 'nudge' AND s.first_on <= @today
    AND i.due_date > @from AND i.due_date <= @today AND s.first_on <= i.due_date AND NOT (i.paid_on IS NULL AND i.open_cents = 0)`;

/** All money received in (@from, @today] (what no step can claim was received "before any step"). */
export const RECEIVED_SQL = `
  SELECT COALESCE(SUM(amount_cents), 0) FROM payments INDEXED BY payments_date WHERE date > @from AND date <= @today`;

/**
 * Per customer: step and promise events (counted per event, not per invoice), from the index alone;
 * only letters are read to tell a final notice from other letters.
 */
export const EVENT_COUNTS_SQL = `
  SELECT debtor_id, type, NULL, COUNT(*) FROM events INDEXED BY events_type
  WHERE type IN ('nudge.sent', 'reminder.sent', 'call.logged', 'handover.created', 'promise.kept', 'promise.broken') AND ${forDebtor('debtor_id')}
  GROUP BY type, debtor_id
  UNION ALL
  SELECT debtor_id, type, json_extract(data_json, '$.letter') AS letter, COUNT(*) FROM events INDEXED BY events_type
  WHERE type = 'letter.sent' AND ${forDebtor('debtor_id')}
  GROUP BY debtor_id, letter`;
export type EventCountRow = [debtorId: number, type: string, letter: unknown, n: number];

/** Per customer: promises by outcome (for ledgers whose promises are resolved in the table only). */
export const PROMISES_SQL = `
  SELECT debtor_id, status, COUNT(*) FROM promises INDEXED BY promises_debtor
  WHERE status IN ('kept', 'broken') AND ${forDebtor('debtor_id')} GROUP BY debtor_id, status`;

export const PLANS_SQL = `
  SELECT debtor_id, COUNT(*) FROM payment_plans INDEXED BY payment_plans_debtor WHERE ${forDebtor('debtor_id')} GROUP BY debtor_id`;

export const HANDOVERS_SQL = `
  SELECT debtor_id, COUNT(*) FROM handovers INDEXED BY handovers_debtor WHERE ${forDebtor('debtor_id')} GROUP BY debtor_id`;

export const DEBTORS_SQL = `
  SELECT id, name, kind, payment_term_days FROM debtors WHERE ${forDebtor('id')}`;
export type DebtorRow = [id: number, name: string, kind: 'business' | 'consumer', termDays: number | null];

export const DISMISSALS_SQL = `
  SELECT debtor_id, kind, paid_invoices FROM insight_dismissals WHERE ${forDebtor('debtor_id')}`;

/** Runs a statement in raw mode (rows as arrays), with the named parameters it uses. */
export function rows<T>(ctx: Context, sql: string, debtorId: number | null, params: Record<string, unknown> = {}): T[] {
  return ctx.sqlite.prepare(scoped(sql, debtorId)).raw(true).all(debtorId === null ? params : { ...params, debtorId }) as T[];
}
