/*
 * Inzicht (issue 10): learning from every case. The service behind insights.*: it runs the
 * statements of queries.ts and puts the figures together with the pure functions of compute.ts.
 */
import type {
  AgingSnapshot, CustomerInsight, DebtorInsights, InsightsPage, PaymentStep, Suggestion, SuggestionKind,
} from '../../../shared/contract/methods/insights';
import type { ParsedInputOf } from '../../../shared/contract';
import { addDaysIso, daysBetween } from '../../../shared/domain/dates';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { notFound } from '../errors';
import { addEvent } from '../ledger/events';
import { STATUTORY_TERM_DAYS } from '../ledger/invoices';
import {
  AgingAccumulator, dso, emptyStepCounts, mean1, monthsBefore, nudgeEffect, rate, snapshotDates, stepEffectsOf, stepOfEvent, suggestionsFor,
  usualStep,
} from './compute';
import {
  AGING_KEEP_SQL, AGING_KEPT_SQL, CREDITED_SINCE_SQL, DEBTORS_SQL, DISMISSALS_SQL, EVENT_COUNTS_SQL, HANDOVERS_SQL, NUDGED_SQL, OPEN_SQL,
  PAID_AFTER_STEP_SQL, PAID_DUE_IN_PERIOD_SQL, PAID_PER_DEBTOR_SQL, PAID_SINCE_SQL, PARTS_SQL, PLANS_SQL, PROMISES_SQL, RECEIVED_SQL, SALES_SQL,
  STEP_COLLECTED_SQL, STEP_EFFECTS_SQL, rows,
  type AgingKeptRow, type CreditedRow, type DebtorRow, type EventCountRow, type OpenRow, type PaidAfterStepRow, type PaidRow, type PaidSinceRow,
  type PartRow, type StepCollectedRow, type StepEffectRow,
} from './queries';

const byName = new Intl.Collator('nl', { sensitivity: 'base' });

/** The period of "what works" and of the nudge's effect: the last 12 months, (from, today]. */
const periodOf = (today: string) => ({ from: monthsBefore(today, 12), to: today });

function defaultTerm(ctx: Context): number {
  const row = ctx.sqlite.prepare('SELECT payment_term_days FROM business').pluck(true).get() as number | undefined;
  return row ?? STATUTORY_TERM_DAYS;
}

interface Collected {
  customers: CustomerInsight[];
  open: OpenRow[];
  paid: PaidRow[];
  dismissals: Map<number, Map<SuggestionKind, number>>;
}

/** The per-customer figures (for all customers, or one). */
function collectCustomers(ctx: Context, debtorId: number | null): Collected {
  const today = ctx.today();
  const open = rows<OpenRow>(ctx, OPEN_SQL, debtorId);
  const paid = rows<PaidRow>(ctx, PAID_PER_DEBTOR_SQL, debtorId);
  const termDefault = defaultTerm(ctx);

  const figures = new Map<number, CustomerInsight>();
  const debtors = new Map(rows<DebtorRow>(ctx, DEBTORS_SQL, debtorId).map((d) => [d[0], d]));
  const get = (id: number): CustomerInsight => {
    let c = figures.get(id);
    if (!c) {
      const [, name, kind, term] = debtors.get(id)!;
      figures.set(id, c = {
        debtorId: id, name, kind, paidInvoices: 0, paidLate: 0, avgDaysLate: null, worstDaysLate: null,
        openInvoices: 0, openAmount: 0, overdueAmount: 0, oldestOverdueDays: 0,
        nudges: 0, reminders: 0, calls: 0, finalNotices: 0, handovers: 0, promisesKept: 0, promisesBroken: 0, arrangements: 0,
        stepCounts: emptyStepCounts(), usualStep: null, rating: { code: 'no-history', reasons: [] },
        termDays: term ?? termDefault, ownTerm: term !== null,
      });
    }
    return c;
  };

  for (const [id, paidCount, lateSum, lateMax, lateCount] of paid) {
    const c = get(id);
    c.paidInvoices = paidCount;
    c.paidLate = lateCount;
    c.avgDaysLate = mean1(lateSum, paidCount);
    c.worstDaysLate = Math.max(0, lateMax); // always paid early: 0 days late, not a negative "worst"
  }
  for (const [, id, , dueDate, , openCents] of open) {
    const c = get(id);
    c.openInvoices += 1;
    c.openAmount += openCents;
    if (dueDate < today) {
      const days = daysBetween(dueDate, today);
      c.overdueAmount += openCents;
      c.oldestOverdueDays = Math.max(c.oldestOverdueDays, days);
      // An open invoice counts as late until today for the worst case.
      c.worstDaysLate = c.worstDaysLate === null ? days : Math.max(c.worstDaysLate, days);
    }
  }
  // The step in force when each paid invoice was paid in full (kept by migration 006's triggers);
  // paid invoices without one: 'none' (below).
  for (const [id, step, n] of rows<PaidAfterStepRow>(ctx, PAID_AFTER_STEP_SQL, debtorId)) {
    const c = figures.get(id);
    if (c) c.stepCounts[step] = n;
  }

  const promiseRows = new Map<number, { kept: number; broken: number }>();
  for (const [id, status, n] of rows<[number, 'kept' | 'broken', number]>(ctx, PROMISES_SQL, debtorId)) {
    const p = promiseRows.get(id) ?? { kept: 0, broken: 0 };
    p[status] = n;
    promiseRows.set(id, p);
  }
  const handoverRows = new Map(rows<[number, number]>(ctx, HANDOVERS_SQL, debtorId));
  for (const [id, type, letter, n] of rows<EventCountRow>(ctx, EVENT_COUNTS_SQL, debtorId)) {
    const c = figures.get(id);
    if (!c) continue;
    switch (stepOfEvent(type, null, letter) ?? type) {
      case 'nudge': c.nudges += n; break;
      case 'reminder-1': c.reminders += n; break;
      case 'call': c.calls += n; break;
      case 'final-notice': c.finalNotices += n; break;
      case 'agency': c.handovers += n; break;
      case 'promise.kept': c.promisesKept += n; break;
      case 'promise.broken': c.promisesBroken += n; break;
    }
  }
  for (const [id, n] of rows<[number, number]>(ctx, PLANS_SQL, debtorId)) { const c = figures.get(id); if (c) c.arrangements = n; }
  for (const c of figures.values()) {
    // Promises and handovers are in the timeline and in their own tables; whichever has more counts.
    const p = promiseRows.get(c.debtorId);
    if (p) { c.promisesKept = Math.max(c.promisesKept, p.kept); c.promisesBroken = Math.max(c.promisesBroken, p.broken); }
    c.handovers = Math.max(c.handovers, handoverRows.get(c.debtorId) ?? 0);
    const stepped = Object.values(c.stepCounts).reduce((a, b) => a + b, 0);
    c.stepCounts.none += c.paidInvoices - stepped;
    c.usualStep = c.paidInvoices ? usualStep(c.stepCounts) : null;
    c.rating = rate(c, c.usualStep);
  }

  const dismissals = new Map<number, Map<SuggestionKind, number>>();
  for (const [id, kind, at] of rows<[number, SuggestionKind, number]>(ctx, DISMISSALS_SQL, debtorId)) {
    if (!dismissals.has(id)) dismissals.set(id, new Map());
    dismissals.get(id)!.set(kind, at);
  }

  const customers = [...figures.values()].sort((a, b) =>
    (b.avgDaysLate ?? -Infinity) - (a.avgDaysLate ?? -Infinity) || byName.compare(a.name, b.name));
  return { customers, open, paid, dismissals };
}

const suggestionsOf = (customers: CustomerInsight[], dismissals: Collected['dismissals']): Suggestion[] =>
  customers.flatMap((c) => suggestionsFor(c, dismissals.get(c.debtorId) ?? new Map()));

export function getInsights(ctx: Context): InsightsPage {
  const today = ctx.today();
  const period = periodOf(today);
  const { customers, open, dismissals } = collectCustomers(ctx, null);

  // Overview and DSO.
  let openTotal = 0, overdue = 0, openDatedLater = 0;
  for (const r of open) { openTotal += r[5]; if (r[3] < today) overdue += r[5]; if (r[2] > today) openDatedLater += r[5]; }
  // Receivables at the end of the period: an invoice dated after today is not one yet.
  const openAtEnd = openTotal - openDatedLater;
  // Sales per band of the period ((12, 6], (6, 3], (3, 0] months back), added up to 3, 6 and 12 months.
  const sales = { invoice: [0, 0, 0], 'credit-note': [0, 0, 0] };
  const edges = [period.from, monthsBefore(today, 6), monthsBefore(today, 3), today];
  for (let b = 0; b < 3; b++) {
    for (const [kind, cents] of rows<['invoice' | 'credit-note', number]>(ctx, SALES_SQL, null, { from: edges[b], to: edges[b + 1] })) sales[kind][b] = cents;
  }
  const [inv12, inv6, inv3] = [0, 1, 2].map((b) => sales.invoice.slice(b).reduce((x, y) => x + y, 0));
  const [cred12, cred6, cred3] = [0, 1, 2].map((b) => sales['credit-note'].slice(b).reduce((x, y) => x + y, 0));

  // Aging at each month end: what is open today, plus every payment made after that day. Month ends
  // computed before are kept (insight_aging) until something dated on or before them changes.
  const days = snapshotDates(today);
  const kept = new Map(rows<AgingKeptRow>(ctx, AGING_KEPT_SQL, null, { first: days[0]!.date }).map((r) => [r[0], r]));
  const aging = new AgingAccumulator(days.filter((d) => d.kind === 'today' || !kept.has(d.date)));
  const first = aging.first;
  const parted = new Map<number, [invoiceDate: string, dueDate: string]>();
  for (const [id, , invoiceDate, dueDate, amount, openCents] of open) {
    aging.add(invoiceDate, dueDate, openCents, null);
    if (openCents < amount) parted.set(id, [invoiceDate, dueDate]);
  }
  for (const [id, paidOn, firstPaidOn, invoiceDate, dueDate, amount] of rows<PaidSinceRow>(ctx, PAID_SINCE_SQL, null, { first })) {
    if (firstPaidOn === paidOn) aging.add(invoiceDate, dueDate, amount, paidOn);
    else parted.set(id, [invoiceDate, dueDate]);
  }
  for (const [id, invoiceDate, dueDate] of rows<CreditedRow>(ctx, CREDITED_SINCE_SQL, null, { first })) parted.set(id, [invoiceDate, dueDate]);
  if (parted.size) {
    for (const [id, date, cents] of rows<PartRow>(ctx, PARTS_SQL, null, { first, ids: JSON.stringify([...parted.keys()]) })) {
      const [invoiceDate, dueDate] = parted.get(id)!;
      aging.add(invoiceDate, dueDate, cents, date);
    }
  }
  const computed = new Map(aging.result().map((s) => [s.date, s]));
  try {
    const keep = ctx.sqlite.prepare(AGING_KEEP_SQL);
    ctx.sqlite.transaction(() => {
      for (const s of computed.values()) {
        if (s.kind === 'month-end') keep.run(s.date, s.buckets.notDue, s.buckets.days1to30, s.buckets.days31to60, s.buckets.days61to90, s.buckets.over90);
      }
    })();
  } catch {
    // Only a shortcut for next time (the ledger may be busy, e.g. a command line import): the figures stand.
  }
  const snapshots = days.map((d): AgingSnapshot => {
    const c = computed.get(d.date);
    if (c) return c;
    const [, notDue, days1to30, days31to60, days61to90, over90] = kept.get(d.date)!;
    return { date: d.date, kind: d.kind, buckets: { notDue, days1to30, days31to60, days61to90, over90 }, total: notDue + days1to30 + days31to60 + days61to90 + over90 };
  });

  // What works: from the facts migration 006 keeps (the rules: stepEffects and attributeCollected in tests/integration/insights/stepRules.ts).
  const { steps, attributed } = stepEffectsOf(
    rows<StepEffectRow>(ctx, STEP_EFFECTS_SQL, null, { from: period.from, until: addDaysIso(today, -7) }),
    rows<StepCollectedRow>(ctx, STEP_COLLECTED_SQL, null, { from: period.from, today }),
  );
  const received = ctx.sqlite.prepare(RECEIVED_SQL).pluck(true).get({ from: period.from, today }) as number;

  // The nudge: invoices due in the period, paid on or before the due date, with and without one.
  const [paidDue, paidOnTime] = ctx.sqlite.prepare(PAID_DUE_IN_PERIOD_SQL).raw(true).get({ from: period.from, today }) as [number, number];
  const all = { invoices: paidDue, onTime: paidOnTime };
  for (const r of open) if (r[3] > period.from && r[3] <= today) all.invoices += 1;
  const [nudgedCount, nudgedOnTime] = ctx.sqlite.prepare(NUDGED_SQL).raw(true).get({ from: period.from, today }) as [number, number];
  const nudged = { invoices: nudgedCount, onTime: nudgedOnTime };

  return {
    today,
    overview: {
      open: openTotal, overdue, openInvoices: open.length, openDatedLater,
      dso: [dso(3, today, openAtEnd, inv3, cred3), dso(6, today, openAtEnd, inv6, cred6), dso(12, today, openAtEnd, inv12, cred12)],
    },
    aging: snapshots,
    customers,
    period,
    collectedBeforeAnyStep: received - attributed,
    steps,
    nudge: nudgeEffect(all, nudged),
    suggestions: suggestionsOf(customers, dismissals),
  };
}

export function getDebtorInsights(ctx: Context, debtorId: number): DebtorInsights {
  const exists = ctx.sqlite.prepare('SELECT 1 FROM debtors WHERE id = ?').get(debtorId);
  if (!exists) throw notFound('Deze klant', 'This customer');
  const { customers, dismissals } = collectCustomers(ctx, debtorId);
  const customer = customers[0] ?? null;
  return { customer, suggestions: customer ? suggestionsOf([customer], dismissals) : [] };
}

function paidCount(ctx: Context, debtorId: number): number {
  return (ctx.sqlite.prepare('SELECT COUNT(*) FROM invoices INDEXED BY invoices_paid WHERE debtor_id = ? AND paid_days_late IS NOT NULL').pluck(true).get(debtorId) as number);
}

function recordDismissal(ctx: Context, debtorId: number, kind: SuggestionKind) {
  ctx.sqlite.prepare(`INSERT INTO insight_dismissals (debtor_id, kind, paid_invoices, dismissed_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (debtor_id, kind) DO UPDATE SET paid_invoices = excluded.paid_invoices, dismissed_at = excluded.dismissed_at`)
    .run(debtorId, kind, paidCount(ctx, debtorId), ctx.now());
}

/**
 * Gives a customer a new payment term for new invoices (the suggestion "shorter term"), records it
 * on the customer's timeline with the figures that led to it, and puts the suggestion away.
 */
export async function applyTerm(ctx: Context, input: ParsedInputOf<'insights.applyTerm'>) {
  return transaction(ctx, async () => {
    const row = ctx.sqlite.prepare('SELECT payment_term_days FROM debtors WHERE id = ?').get(input.debtorId) as { payment_term_days: number | null } | undefined;
    if (!row) throw notFound('Deze klant', 'This customer');
    const before = row.payment_term_days ?? defaultTerm(ctx);
    const { customer } = getDebtorInsights(ctx, input.debtorId);
    ctx.sqlite.prepare('UPDATE debtors SET payment_term_days = ?, updated_at = ? WHERE id = ?').run(input.days, ctx.now(), input.debtorId);
    const why = customer && customer.paidInvoices > 0 && customer.avgDaysLate !== null
      ? ` (Inzicht: ${customer.paidInvoices} betaalde facturen, gemiddeld ${String(customer.avgDaysLate).replace('.', ',')} dagen na de vervaldatum)`
      : '';
    await addEvent(ctx, {
      debtorId: input.debtorId, type: 'terms.changed', occurredOn: ctx.today(),
      summary: `Betaaltermijn voor nieuwe facturen: ${input.days} dagen (was ${before}${row.payment_term_days === null ? ', de standaard' : ''})${why}`,
      data: { from: row.payment_term_days, to: input.days, source: 'insights', paidInvoices: customer?.paidInvoices ?? 0, avgDaysLate: customer?.avgDaysLate ?? null },
    });
    recordDismissal(ctx, input.debtorId, 'shorter-term');
    return { debtorId: input.debtorId, from: row.payment_term_days, to: input.days };
  });
}

export async function dismissSuggestion(ctx: Context, input: ParsedInputOf<'insights.dismiss'>) {
  return transaction(ctx, async () => {
    const exists = ctx.sqlite.prepare('SELECT 1 FROM debtors WHERE id = ?').get(input.debtorId);
    if (!exists) throw notFound('Deze klant', 'This customer');
    recordDismissal(ctx, input.debtorId, input.kind);
    return { dismissed: true as const };
  });
}

export type { PaymentStep };
