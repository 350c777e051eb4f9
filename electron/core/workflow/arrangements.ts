// Payment arrangements (betalingsregeling, docs/domain-nl.md §11): propose one from the open claim,
// agree it (the plan and its installments), follow it (each installment paid, due, upcoming or
// missed), and after a missed installment either end it under the vervalbeding or give room and
// continue. The schedule math lives in shared/domain/arrangement.ts, the escalation pause in the
// workflow engine (an active plan pauses the customer until an installment is missed).
//
// Decisions:
// - What the customer paid since the arrangement was agreed fills the installments in order, manual
//   payments and bank payments alike: the same rule as the engine (load.ts) and the bank import's
//   installment matching (importing/ledgerView.ts), so all three agree on what is paid.
// - The agreement day is the 'arrangement.created' event's date (the type load.ts, ledgerView.ts,
//   the letters and the verjaring already read).
// - Continuing after a miss moves the missed installment(s) to a new date, no later than the next
//   installment. The change is an event; letters and mails already sent are never changed.
// - A missed installment is recorded once per installment and date ('arrangement.missed'), like a
//   broken promise; a fully paid arrangement once as completed. Both happen when Vandaag or the
//   customer's arrangements are read (settleArrangements).
import type { ParsedInputOf } from '../../../shared/contract';
import {
  buildSchedule, installmentStates, scheduleProblems, type ArrangementInterval, type ArrangementProposal, type ArrangementView, type ArrangementWorkItem,
  type InstallmentState, type ScheduleBasis,
} from '../../../shared/domain/arrangement';
import { addDaysIso } from '../../../shared/domain/dates';
import { mergeLadder, type Ladder } from '../../../shared/domain/workflow';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { buildClaim } from '../handover/claim';
import { invoicesOfDebtor } from '../ledger/balances';
import { getDebtorRow } from '../ledger/debtors';
import { addEvent } from '../ledger/events';
import { day, money } from './common';
import { loadWorkflowSettings } from './load';
import { overrideOf } from './settings';

interface PlanRow {
  id: number; debtor_id: number; principal_cents: number; interest_cents: number; costs_cents: number; total_cents: number;
  first_date: string; interval: ArrangementInterval; status: 'active' | 'completed' | 'ended'; acceleration_clause: number;
  ended_on: string | null; created_at: string; agreed_on: string;
}

/** The plan's columns plus the day it was agreed (its 'arrangement.created' event, else its creation). */
const PLAN_SQL = `SELECT pp.*,
    COALESCE((SELECT MIN(e.occurred_on) FROM events e WHERE e.debtor_id = pp.debtor_id AND e.type = 'arrangement.created'
      AND json_extract(e.data_json, '$.planId') = pp.id), substr(pp.created_at, 1, 10)) AS agreed_on
  FROM payment_plans pp`;

const INTERVAL_NL: Record<ArrangementInterval, string> = { week: 'wekelijkse', 'two-weeks': 'tweewekelijkse', month: 'maandelijkse' };
const EN = (nl: string, en: string) => ({ nl, en });

function planRow(ctx: Context, planId: number): PlanRow {
  const row = ctx.sqlite.prepare(`${PLAN_SQL} WHERE pp.id = ?`).get(planId) as PlanRow | undefined;
  if (!row) throw notFound('Deze betalingsregeling', 'This payment arrangement');
  return row;
}

function activePlanOf(ctx: Context, debtorId: number): PlanRow | undefined {
  return ctx.sqlite.prepare(`${PLAN_SQL} WHERE pp.debtor_id = ? AND pp.status = 'active' ORDER BY pp.id DESC LIMIT 1`).get(debtorId) as PlanRow | undefined;
}

/** The customer's ladder: the grace after an installment date and the reminder days come from it. */
function ladderOf(ctx: Context, debtorId: number, base = loadWorkflowSettings(ctx).ladder): Ladder {
  const row = ctx.sqlite.prepare('SELECT ladder_json FROM debtors WHERE id = ?').get(debtorId) as { ladder_json: string | null } | undefined;
  return mergeLadder(base, overrideOf(row?.ladder_json ?? null));
}

/** The invoices the arrangement is about: those linked to the event that recorded it. */
function planInvoiceIds(ctx: Context, plan: Pick<PlanRow, 'id' | 'debtor_id'>): number[] {
  return (ctx.sqlite.prepare(`SELECT DISTINCT ei.invoice_id AS id FROM events e JOIN event_invoices ei ON ei.event_id = e.id
    WHERE e.debtor_id = ? AND e.type = 'arrangement.created' AND json_extract(e.data_json, '$.planId') = ? ORDER BY ei.invoice_id`)
    .all(plan.debtor_id, plan.id) as { id: number }[]).map((r) => r.id);
}

/** An arrangement as the debtor page, Vandaag and the drafts see it, on `ctx.today()`. */
export function viewOf(ctx: Context, plan: PlanRow, ladder = ladderOf(ctx, plan.debtor_id)): ArrangementView {
  const s = ctx.sqlite;
  const today = ctx.today();
  const paid = s.prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE debtor_id = ? AND date >= ?').pluck().get(plan.debtor_id, plan.agreed_on) as number;
  const rows = s.prepare('SELECT seq, due_date AS dueDate, amount_cents AS amount FROM installments WHERE plan_id = ? ORDER BY seq').all(plan.id) as { seq: number; dueDate: string; amount: number }[];
  const planEvents = s.prepare(`SELECT type, json_extract(data_json, '$.seq') AS seq, json_extract(data_json, '$.dueDate') AS due FROM events
    WHERE debtor_id = ? AND type IN ('arrangement.reminder-sent', 'arrangement.confirmation-sent', 'letter.sent') AND json_extract(data_json, '$.planId') = ?`)
    .all(plan.debtor_id, plan.id) as { type: string; seq: number | null; due: string | null }[];
  const reminded = new Set(planEvents.filter((e) => e.type === 'arrangement.reminder-sent').map((e) => `${e.seq}|${e.due}`));
  const states = installmentStates(rows, paid, today, ladder.promiseGraceWorkingDays);
  const ids = planInvoiceIds(ctx, plan);
  const numbers = ids.length
    ? (s.prepare('SELECT number FROM invoices WHERE id IN (SELECT value FROM json_each(?)) ORDER BY due_date, id').all(JSON.stringify(ids)) as { number: string }[]).map((r) => r.number)
    : [];
  return {
    planId: plan.id, debtorId: plan.debtor_id, status: plan.status, agreedOn: plan.agreed_on, endedOn: plan.ended_on,
    principal: plan.principal_cents, interest: plan.interest_cents, costs: plan.costs_cents, total: plan.total_cents,
    firstDate: plan.first_date, interval: plan.interval, accelerationClause: plan.acceleration_clause === 1,
    paid: Math.min(paid, plan.total_cents), remaining: Math.max(0, plan.total_cents - paid),
    installments: states.map((i) => ({ ...i, reminderSent: reminded.has(`${i.seq}|${i.dueDate}`) })),
    missed: states.find((i) => i.status === 'missed') ?? null,
    next: states.find((i) => i.open > 0) ?? null,
    invoiceNumbers: numbers,
    confirmedByMail: planEvents.some((e) => e.type === 'arrangement.confirmation-sent'),
    confirmedByLetter: planEvents.some((e) => e.type === 'letter.sent'),
  };
}

// ---------------------------------------------------------------------------------------------
// Propose and create

type ProposeInput = ParsedInputOf<'arrangements.propose'>;

function basisOf(input: { count?: number; amount?: number }): ScheduleBasis | null {
  if (input.count !== undefined) return { count: input.count };
  if (input.amount !== undefined) return { amount: input.amount };
  return null;
}

/** The claim today (principal, interest and costs so far) and the schedule asked for. Writes nothing. */
export async function proposeArrangement(ctx: Context, input: ProposeInput): Promise<ArrangementProposal> {
  const today = ctx.today();
  const debtor = await getDebtorRow(ctx, input.debtorId);
  const open = invoicesOfDebtor(ctx, debtor.id).filter((i) => i.kind === 'invoice' && i.open > 0);
  // The interest and costs as the letters and the agency dossier compute them (handover/claim.ts).
  const claim = await buildClaim(ctx, debtor.id);
  const gross = open.reduce((s, i) => s + i.open, 0);
  const credit = Math.min(claim.credit, gross);
  const principal = gross - credit;
  const interestSoFar = claim.totals.interest;
  const costsSoFar = claim.costs.applicable ? claim.costs.total : 0;
  const interest = input.includeInterest === false ? 0 : interestSoFar;
  const costs = input.includeCosts === false ? 0 : costsSoFar;
  const total = principal > 0 ? principal + interest + costs : 0;

  let refusal: ArrangementProposal['refusal'] = null;
  const running = activePlanOf(ctx, debtor.id);
  const withAgency = ctx.sqlite.prepare("SELECT 1 FROM handovers WHERE debtor_id = ? AND status IN ('open', 'partially-paid')").get(debtor.id);
  if (running) {
    refusal = EN(`Er loopt al een betalingsregeling met deze klant (afgesproken op ${day(running.agreed_on)}). Beëindig die eerst, of geef ruimte bij een gemiste termijn.`,
      `A payment arrangement with this customer is already running (agreed on ${day(running.agreed_on)}). End it first, or give room after a missed installment.`);
  } else if (withAgency) {
    refusal = EN('Deze klant is overgedragen aan een incassobureau; een regeling spreek je via het bureau af.', 'This customer was handed over to a collection agency; an arrangement goes through the agency.');
  } else if (principal <= 0) {
    refusal = EN('Er staat niets open bij deze klant: er valt niets in termijnen te betalen.', 'Nothing is outstanding for this customer: there is nothing to pay in installments.');
  }
  const warnings = open.filter((i) => i.disputed).map((i) => EN(
    `Factuur ${i.number} is betwist en telt mee in de regeling. Los het geschil eerst op als de klant die factuur niet erkent.`,
    `Invoice ${i.number} is disputed and counts in the arrangement. Resolve the dispute first if the customer does not acknowledge it.`));
  if (credit > 0) {
    warnings.push(EN(`Het tegoed van ${money(credit, 'nl')} (een betaling die aan geen factuur is toegewezen) is van de hoofdsom afgetrokken.`,
      `The credit of ${money(credit, 'en')} (a payment not allocated to any invoice) was taken off the principal.`));
  }

  const defaults = { firstDate: addDaysIso(today, 7), interval: 'month' as const, count: 3 };
  const basis = basisOf(input);
  const request = basis && { total, basis, firstDate: input.firstDate ?? defaults.firstDate, interval: input.interval ?? defaults.interval, today };
  const problems = request ? scheduleProblems(request) : [];
  return {
    debtorId: debtor.id, today, principal, interestSoFar, costsSoFar, interest, costs, total, credit,
    invoices: open.map((i) => ({ id: i.id, number: i.number, open: i.open, dueDate: i.dueDate, disputed: i.disputed })),
    costsExplanation: { nl: claim.costs.explanation, en: claim.costs.explanationEn },
    warnings, refusal, defaults,
    schedule: request && !refusal && problems.length === 0 ? buildSchedule(request) : null,
    problems,
  };
}

export function createArrangement(ctx: Context, input: ParsedInputOf<'arrangements.create'>): Promise<ArrangementView> {
  return transaction(ctx, async () => {
    const proposal = await proposeArrangement(ctx, input);
    if (proposal.refusal) throw new AppError('conflict', proposal.refusal.nl, proposal.refusal.en);
    const problem = proposal.problems[0];
    if (problem) {
      throw new AppError('invalid-input', problem.nl, problem.en, Object.fromEntries(proposal.problems.map((p) => [p.field, p.nl])));
    }
    const schedule = proposal.schedule!;
    const today = ctx.today();
    const plan = await ctx.db.insertInto('payment_plans').values({
      debtor_id: input.debtorId, principal_cents: proposal.principal, interest_cents: proposal.interest, costs_cents: proposal.costs, total_cents: proposal.total,
      first_date: input.firstDate, interval: input.interval, status: 'active', acceleration_clause: input.accelerationClause ? 1 : 0, ended_on: null, created_at: ctx.now(),
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.insertInto('installments').values(schedule.map((i) => ({ plan_id: plan.id, seq: i.seq, due_date: i.dueDate, amount_cents: i.amount }))).execute();
    // The arrangement replaces any promise still open: otherwise that promise would be found broken
    // (and escalation flagged) while the customer is paying by the schedule.
    const cancelled = ctx.sqlite.prepare("UPDATE promises SET status = 'cancelled', resolved_on = ? WHERE debtor_id = ? AND status = 'open'").run(today, input.debtorId).changes;
    const n = schedule.length;
    const amounts = [...new Set(schedule.map((i) => i.amount))];
    const parts = [`${money(proposal.principal, 'nl')} hoofdsom`,
      ...(proposal.interest > 0 ? [`${money(proposal.interest, 'nl')} rente`] : []), ...(proposal.costs > 0 ? [`${money(proposal.costs, 'nl')} incassokosten`] : [])];
    await addEvent(ctx, {
      debtorId: input.debtorId, type: 'arrangement.created', occurredOn: today, invoiceIds: proposal.invoices.map((i) => i.id),
      summary: `Betalingsregeling afgesproken: ${n === 1 ? 'één termijn' : `${n} ${INTERVAL_NL[input.interval]} termijnen`} van ${amounts.length === 1 ? money(amounts[0]!, 'nl') : `${money(schedule[0]!.amount, 'nl')} (laatste ${money(schedule[n - 1]!.amount, 'nl')})`}, `
        + `totaal ${money(proposal.total, 'nl')} (${parts.join(', ')}), eerste termijn uiterlijk ${day(schedule[0]!.dueDate)}${input.accelerationClause ? '; met vervalbeding' : ''}`
        + `${input.note ? `. ${input.note}` : ''}`,
      data: {
        planId: plan.id, principal: proposal.principal, interest: proposal.interest, costs: proposal.costs, total: proposal.total, interval: input.interval,
        accelerationClause: input.accelerationClause, installments: schedule, cancelledPromises: cancelled, note: input.note ?? null,
      },
    });
    return viewOf(ctx, planRow(ctx, plan.id));
  });
}

// ---------------------------------------------------------------------------------------------
// Follow: settle, list, get

/**
 * Records what happened to the running arrangements (all, or one customer's): a missed installment
 * once per installment and date, a fully paid arrangement as completed. Idempotent.
 */
export async function settleArrangements(ctx: Context, debtorId?: number): Promise<{ missed: number; completed: number }> {
  const plans = (debtorId === undefined
    ? ctx.sqlite.prepare(`${PLAN_SQL} WHERE pp.status = 'active'`).all()
    : ctx.sqlite.prepare(`${PLAN_SQL} WHERE pp.debtor_id = ? AND pp.status = 'active'`).all(debtorId)) as PlanRow[];
  if (plans.length === 0) return { missed: 0, completed: 0 };
  const base = loadWorkflowSettings(ctx).ladder;
  const views = plans.map((plan) => ({ plan, view: viewOf(ctx, plan, ladderOf(ctx, plan.debtor_id, base)) }));
  const recorded = ctx.sqlite.prepare(`SELECT 1 FROM events WHERE debtor_id = ? AND type = 'arrangement.missed'
    AND json_extract(data_json, '$.planId') = ? AND json_extract(data_json, '$.seq') = ? AND json_extract(data_json, '$.dueDate') = ?`);
  const todo = views.filter(({ plan, view }) => view.remaining === 0
    || view.installments.some((i) => i.status === 'missed' && !recorded.get(plan.debtor_id, plan.id, i.seq, i.dueDate)));
  if (todo.length === 0) return { missed: 0, completed: 0 };

  return transaction(ctx, async () => {
    const counts = { missed: 0, completed: 0 };
    const today = ctx.today();
    for (const { plan, view } of todo) {
      const invoiceIds = planInvoiceIds(ctx, plan);
      if (view.remaining === 0) {
        if (ctx.sqlite.prepare("UPDATE payment_plans SET status = 'completed' WHERE id = ? AND status = 'active'").run(plan.id).changes !== 1) continue;
        await addEvent(ctx, {
          debtorId: plan.debtor_id, type: 'arrangement.completed', occurredOn: today, invoiceIds,
          summary: `Betalingsregeling volledig betaald: ${view.installments.length} ${view.installments.length === 1 ? 'termijn' : 'termijnen'}, totaal ${money(plan.total_cents, 'nl')}`,
          data: { planId: plan.id, total: plan.total_cents },
        });
        counts.completed += 1;
        continue;
      }
      for (const i of view.installments.filter((x) => x.status === 'missed')) {
        if (recorded.get(plan.debtor_id, plan.id, i.seq, i.dueDate)) continue;
        await addEvent(ctx, {
          debtorId: plan.debtor_id, type: 'arrangement.missed', occurredOn: today, invoiceIds,
          summary: `Termijn ${i.seq} van de betalingsregeling gemist: ${money(i.open, 'nl')} niet betaald (uiterlijk ${day(i.dueDate)}, gewacht tot en met ${day(i.graceEnd)}); het herinneringsplan loopt weer. Kies: de regeling beëindigen of ruimte geven`,
          data: { planId: plan.id, seq: i.seq, dueDate: i.dueDate, open: i.open, graceEnd: i.graceEnd, remaining: view.remaining },
        });
        counts.missed += 1;
      }
    }
    return counts;
  });
}

export async function listArrangements(ctx: Context, debtorId: number): Promise<ArrangementView[]> {
  await getDebtorRow(ctx, debtorId);
  await settleArrangements(ctx, debtorId);
  const ladder = ladderOf(ctx, debtorId);
  const rows = ctx.sqlite.prepare(`${PLAN_SQL} WHERE pp.debtor_id = ? ORDER BY pp.id DESC`).all(debtorId) as PlanRow[];
  return rows.map((row) => viewOf(ctx, row, ladder));
}

export async function getArrangement(ctx: Context, planId: number): Promise<ArrangementView> {
  const plan = planRow(ctx, planId);
  await settleArrangements(ctx, plan.debtor_id);
  return viewOf(ctx, planRow(ctx, planId));
}

// ---------------------------------------------------------------------------------------------
// After a miss: end (vervalbeding) or continue

function requireActive(plan: PlanRow): void {
  if (plan.status === 'active') return;
  throw plan.status === 'ended'
    ? new AppError('conflict', `Deze betalingsregeling is al beëindigd (op ${day(plan.ended_on ?? '')}).`, `This payment arrangement was already ended (on ${plan.ended_on}).`)
    : new AppError('conflict', 'Deze betalingsregeling is al volledig betaald.', 'This payment arrangement was already paid in full.');
}

export function endArrangement(ctx: Context, input: ParsedInputOf<'arrangements.end'>): Promise<ArrangementView> {
  return transaction(ctx, async () => {
    const plan = planRow(ctx, input.planId);
    requireActive(plan);
    const view = viewOf(ctx, plan);
    const today = ctx.today();
    ctx.sqlite.prepare("UPDATE payment_plans SET status = 'ended', ended_on = ? WHERE id = ? AND status = 'active'").run(today, plan.id);
    const missed = view.missed;
    const remaining = money(view.remaining, 'nl');
    const why = missed ? `na de gemiste termijn ${missed.seq} van ${day(missed.dueDate)}` : 'zonder gemiste termijn';
    const consequence = plan.acceleration_clause === 1
      ? `volgens het vervalbeding is het resterende bedrag van ${remaining} in één keer opeisbaar`
      : `het resterende bedrag van ${remaining} is weer opeisbaar`;
    await addEvent(ctx, {
      debtorId: plan.debtor_id, type: 'arrangement.ended', occurredOn: today, invoiceIds: planInvoiceIds(ctx, plan),
      summary: `Betalingsregeling beëindigd ${why}: ${consequence}; het herinneringsplan loopt weer${input.note ? `. ${input.note}` : ''}`,
      data: {
        planId: plan.id, remaining: view.remaining, paid: view.paid, accelerationClause: plan.acceleration_clause === 1,
        missed: missed ? { seq: missed.seq, dueDate: missed.dueDate, open: missed.open } : null, note: input.note ?? null,
      },
    });
    return viewOf(ctx, planRow(ctx, plan.id));
  });
}

/** The latest date a missed installment may move to: the next installment that is not missed. */
function latestNewDate(view: ArrangementView): string | null {
  const lastMissed = Math.max(0, ...view.installments.filter((i) => i.status === 'missed').map((i) => i.seq));
  return view.installments.find((i) => i.seq > lastMissed && i.open > 0)?.dueDate ?? null;
}

export function continueArrangement(ctx: Context, input: ParsedInputOf<'arrangements.continue'>): Promise<ArrangementView> {
  return transaction(ctx, async () => {
    const plan = planRow(ctx, input.planId);
    requireActive(plan);
    const view = viewOf(ctx, plan);
    const missed = view.installments.filter((i) => i.status === 'missed');
    if (missed.length === 0) throw new AppError('conflict', 'Er is geen gemiste termijn om te verzetten.', 'There is no missed installment to move.');
    const today = ctx.today();
    const latest = latestNewDate(view) ?? addDaysIso(today, 92);
    if (input.newDate < today) {
      throw new AppError('invalid-input', 'Kies een nieuwe datum vanaf vandaag.', 'Choose a new date from today on.', { newDate: 'Deze datum is al voorbij.' });
    }
    if (input.newDate > latest) {
      const nextExists = latestNewDate(view) !== null;
      throw new AppError('invalid-input',
        nextExists ? `Kies een datum uiterlijk op de volgende termijn (${day(latest)}). Is er meer tijd nodig, beëindig de regeling dan en spreek een nieuwe af.` : `Kies een datum uiterlijk ${day(latest)}.`,
        nextExists ? `Choose a date no later than the next installment (${latest}). If more time is needed, end the arrangement and agree a new one.` : `Choose a date no later than ${latest}.`,
        { newDate: `Uiterlijk ${day(latest)}.` });
    }
    const move = ctx.sqlite.prepare('UPDATE installments SET due_date = ? WHERE plan_id = ? AND seq = ?');
    for (const i of missed) move.run(input.newDate, plan.id, i.seq);
    const what = missed.map((i) => `termijn ${i.seq} (${money(i.open, 'nl')}, was ${day(i.dueDate)})`);
    await addEvent(ctx, {
      debtorId: plan.debtor_id, type: 'arrangement.continued', occurredOn: today, invoiceIds: planInvoiceIds(ctx, plan),
      summary: `Ruimte gegeven: gemiste ${what.join(' en ')} verzet naar ${day(input.newDate)}; de betalingsregeling loopt door${input.note ? `. ${input.note}` : ''}`,
      data: { planId: plan.id, moved: missed.map((i) => ({ seq: i.seq, from: i.dueDate, to: input.newDate, open: i.open })), note: input.note ?? null },
    });
    return viewOf(ctx, planRow(ctx, plan.id));
  });
}

// ---------------------------------------------------------------------------------------------
// Vandaag and the drafts

interface WorkRow extends PlanRow { name: string; kind: 'business' | 'consumer'; email: string | null; is_demo: number }

/** Missed installments (end or continue) and installment reminders that are due, for Vandaag. */
export function arrangementWork(ctx: Context): ArrangementWorkItem[] {
  const rows = ctx.sqlite.prepare(`SELECT p.*, d.name, d.kind, d.email, d.is_demo FROM (${PLAN_SQL} WHERE pp.status = 'active') p
    JOIN debtors d ON d.id = p.debtor_id WHERE d.archived = 0`).all() as WorkRow[];
  const base = loadWorkflowSettings(ctx).ladder;
  const today = ctx.today();
  const items: ArrangementWorkItem[] = [];
  for (const row of rows) {
    const ladder = ladderOf(ctx, row.debtor_id, base);
    const view = viewOf(ctx, row, ladder);
    const item = (kind: ArrangementWorkItem['kind'], i: InstallmentState, behind: number): ArrangementWorkItem => ({
      kind, debtorId: row.debtor_id, debtorName: row.name, debtorKind: row.kind, planId: row.id, seq: i.seq, count: view.installments.length,
      dueDate: i.dueDate, amount: i.open, behind, remaining: view.remaining, latestNewDate: kind === 'installment-missed' ? latestNewDate(view) : null,
      accelerationClause: view.accelerationClause, email: row.email, isDemo: row.is_demo === 1,
    });
    if (view.missed) {
      const behind = view.installments.filter((i) => i.status === 'missed').reduce((s, i) => s + i.open, 0);
      items.push(item('installment-missed', view.missed, behind));
      continue;
    }
    // A friendly reminder a few days before the date, once per installment (and date); when the
    // app was closed past the date it is not proposed any more: the grace and the miss take over.
    const days = ladder.installmentReminderDays;
    if (days <= 0) continue;
    const due = view.installments.find((i) => i.open > 0 && !i.reminderSent && i.dueDate >= today && addDaysIso(i.dueDate, -days) <= today);
    if (due) items.push(item('installment-reminder', due, due.open));
  }
  return items.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'installment-missed' ? -1 : 1) || a.dueDate.localeCompare(b.dueDate) || a.debtorName.localeCompare(b.debtorName, 'nl'));
}

export interface ArrangementDraft {
  view: ArrangementView;
  /** The installment an installment reminder is about (null for the confirmation). */
  installment: InstallmentState | null;
  invoiceIds: number[];
}

/** The arrangement (and installment) a mail is about: the one asked for, else the running one and its next installment. */
export function arrangementForDraft(ctx: Context, debtorId: number, step: 'installment-reminder' | 'arrangement-confirmation', planId?: number, seq?: number): ArrangementDraft {
  const plan = planId ? planRow(ctx, planId) : activePlanOf(ctx, debtorId);
  if (!plan || plan.debtor_id !== debtorId) {
    if (planId) throw notFound('Deze betalingsregeling', 'This payment arrangement');
    throw new AppError('forbidden', 'Er loopt geen betalingsregeling met deze klant.', 'No payment arrangement is running with this customer.');
  }
  const view = viewOf(ctx, plan);
  let installment: InstallmentState | null = null;
  if (step === 'installment-reminder') {
    requireActive(plan);
    if (seq !== undefined) {
      installment = view.installments.find((i) => i.seq === seq) ?? null;
      if (!installment) throw notFound(`Termijn ${seq}`, `Installment ${seq}`);
      if (installment.open === 0) throw new AppError('conflict', `Termijn ${seq} is al betaald.`, `Installment ${seq} was already paid.`);
    } else {
      // The one Vandaag proposes: the next open installment not yet reminded of; else the next open one.
      installment = view.installments.find((i) => i.open > 0 && !i.reminderSent && i.dueDate >= ctx.today()) ?? view.next;
      if (!installment) throw new AppError('conflict', 'Alle termijnen zijn betaald.', 'Every installment was paid.');
    }
  }
  return { view, installment, invoiceIds: planInvoiceIds(ctx, plan) };
}
