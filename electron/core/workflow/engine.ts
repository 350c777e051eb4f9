// The workflow engine: pure functions over plain data (no database, no clock). For one customer it
// says, per open invoice, which step of the collection plan was reached (from the timeline: which
// steps were done for which invoices), whether escalation is paused and why, and what comes next
// and when; and for the customer as a whole, the actions that are due now, one per step, each
// covering every invoice that is due for that step (one reminder, not a flood of them).
//
// Rules (issue 6):
// - Steps run in the ladder's order; a step that was done for an invoice is never proposed again
//   for it, and a later step is never proposed before the earlier one was done. A step whose
//   date passed while the app was closed is due now, once (catch-up); nothing is skipped, except
//   the nudge (a heads-up before the due date), which makes no sense once the invoice is overdue.
// - A step keeps its distance to the previous one: after a late reminder 1, reminder 2 comes the
//   ladder's number of days after it, not the next day.
// - Pauses: an open promise (until the promised date + the grace in working days), a running
//   arrangement (until an installment is missed), a disputed or stopped invoice (that invoice
//   only), a customer who made contact (debtors.paused_until), a customer with an agency.
// - A promise whose date + grace passed without (full) payment is reported broken; escalation
//   resumes. A promise whose invoices are paid, or whose amount was paid, is reported kept.
// Dates are compared as integer day numbers (shared/domain/dates dayNumber): the overview runs this
// for thousands of customers at a time.
import { dayNumber, isoOfDayNumber } from '../../../shared/domain/dates';
import type { NextAction, Stage } from '../../../shared/domain/overview';
import { stages } from '../../../shared/domain/overview';
import {
  mergeLadder, workflowSteps, type Ladder, type LadderOverride, type Pause, type PauseReason, type WorkflowStep,
} from '../../../shared/domain/workflow';
import { addWorkingDays, fourteenDayLetterDeadline } from '../../../shared/law';

export interface EngineEvent {
  type: string;
  /** yyyy-MM-dd */
  on: string;
  /** data.step of a reminder (nudge, reminder-1, reminder-2). */
  step?: string | null;
  /** data.letter of a letter (final-notice, fourteen-day). */
  letter?: string | null;
  /** data.lastDay of a final notice: the last day to pay printed in it. */
  lastDay?: string | null;
}

export interface EngineInvoice {
  id: number;
  dueDate: string;
  /** Cents still open (> 0: the engine is only given open invoices). */
  open: number;
  disputed: boolean;
  disputeReason?: string | null;
  stopped: boolean;
  /** The events linked to this invoice (event_invoices), any order. */
  events: EngineEvent[];
}

export interface EnginePromise {
  id: number;
  madeOn: string;
  promisedDate: string;
  /** Null: the whole open amount of its invoices. */
  amount: number | null;
  /** The invoices the promise was about; empty: all open invoices of the customer. */
  invoiceIds: number[];
  /** Payments by the customer dated on or after madeOn, in cents. */
  paidSince: number;
}

export interface EnginePlan {
  id: number;
  installments: { seq: number; dueDate: string; amount: number }[];
  /** Payments by the customer since the arrangement was agreed, in cents. */
  paidSince: number;
}

export interface EngineDebtor {
  id: number;
  kind: 'business' | 'consumer';
  ladder?: LadderOverride | null;
  pausedUntil?: string | null;
  pauseReason?: string | null;
  withAgency?: boolean;
  invoices: EngineInvoice[];
  /** Only promises with status 'open'. */
  promises?: EnginePromise[];
  /** Only arrangements with status 'active'. */
  plans?: EnginePlan[];
}

export interface InvoiceState {
  invoiceId: number;
  stage: Stage;
  /** The steps done for this invoice, with the (last) day they were done. */
  done: Partial<Record<WorkflowStep, string>>;
  /** The next step and the date it is (or was) due, ignoring pauses. */
  next: { step: WorkflowStep; date: string } | null;
  pausedBy: PauseReason[];
}

export interface DueAction {
  step: WorkflowStep;
  /** The earliest date among the covered invoices: the day this became due. */
  dueSince: string;
  invoiceIds: number[];
  letter: 'final-notice' | 'fourteen-day' | null;
}

export interface PromiseVerdict { promiseId: number; verdict: 'open' | 'kept' | 'broken'; graceEnd: string }
export interface MissedInstallment { planId: number; seq: number; dueDate: string; amount: number }

export interface DebtorState {
  debtorId: number;
  stage: Stage;
  /** The earliest next action over the invoices that are not held indefinitely. */
  nextAction: NextAction | null;
  /** What is due today (or earlier), one per step. */
  actions: DueAction[];
  pauses: Pause[];
  paused: boolean;
  promises: PromiseVerdict[];
  missedInstallments: MissedInstallment[];
  /** Per open invoice (empty when evaluated without details, as for the overview). */
  invoices: InvoiceState[];
  ladder: Ladder;
}

/** Memoised law dates: a few hundred distinct dates at most, even for a large ledger. */
export class DateMemo {
  private readonly workingDays = new Map<string, string>();
  private readonly fourteenDays = new Map<string, string>();
  private readonly isoOfDay = new Map<number, string>();
  private readonly dayOfIso = new Map<string, number>();
  /** yyyy-MM-dd of a day number (toISOString is slow when called for every invoice). */
  iso(day: number): string {
    let value = this.isoOfDay.get(day);
    if (value === undefined) this.isoOfDay.set(day, (value = isoOfDayNumber(day)));
    return value;
  }
  day(iso: string): number {
    let value = this.dayOfIso.get(iso);
    if (value === undefined) this.dayOfIso.set(iso, (value = dayNumber(iso)));
    return value;
  }
  addWorkingDays(date: string, days: number): string {
    const key = `${date}+${days}`;
    let value = this.workingDays.get(key);
    if (value === undefined) this.workingDays.set(key, (value = addWorkingDays(date, days)));
    return value;
  }
  fourteenDayDeadline(sent: string): string {
    let value = this.fourteenDays.get(sent);
    if (value === undefined) this.fourteenDays.set(sent, (value = fourteenDayLetterDeadline(sent)));
    return value;
  }
}

const STEP_INDEX: Record<WorkflowStep, number> = Object.fromEntries(workflowSteps.map((s, i) => [s, i])) as Record<WorkflowStep, number>;
const STAGE_INDEX = new Map<Stage, number>(stages.map((s, i) => [s, i]));
/** The steps between the nudge and the call: a call counts as the plan's call only after these. */
const BEFORE_CALL: readonly WorkflowStep[] = ['reminder-1', 'reminder-2'];

function stepOfEvent(e: EngineEvent): WorkflowStep | null {
  switch (e.type) {
    case 'nudge.sent': return 'nudge';
    case 'reminder.sent': return e.step === 'nudge' ? 'nudge' : e.step === 'reminder-2' ? 'reminder-2' : 'reminder-1';
    case 'call.logged': return 'call';
    case 'letter.sent':
      if (e.letter === 'final-notice' || e.letter === 'fourteen-day') return 'final-notice';
      return e.letter === 'reminder' ? (e.step === 'reminder-2' ? 'reminder-2' : 'reminder-1') : null;
    case 'handover.created': return 'handover';
    default: return null;
  }
}

interface DoneStep { day: number; iso: string; lastDay: string | null }

/** Which steps were done for one invoice (the last time each), from its events. */
const NOTHING_DONE: ReadonlyMap<WorkflowStep, DoneStep> = new Map();

function doneSteps(inv: EngineInvoice, ladder: Ladder, memo: DateMemo): ReadonlyMap<WorkflowStep, DoneStep> {
  if (inv.events.length === 0) return NOTHING_DONE;
  const done = new Map<WorkflowStep, DoneStep>();
  let calls: EngineEvent[] | null = null;
  let letters: EngineEvent[] | null = null;
  for (const e of inv.events) {
    const s = stepOfEvent(e);
    if (s === null) continue;
    if (s === 'call') { (calls ??= []).push(e); continue; }
    // A reminder by post (letters module) without a step is the first reminder not yet sent.
    if (e.type === 'letter.sent' && e.letter === 'reminder' && !e.step) { (letters ??= []).push(e); continue; }
    const day = memo.day(e.on);
    const seen = done.get(s);
    if (!seen || day > seen.day) done.set(s, { day, iso: e.on, lastDay: e.lastDay ?? null });
  }
  for (const e of (letters ?? []).sort((a, b) => a.on.localeCompare(b.on))) {
    const day = memo.day(e.on);
    const first = done.get('reminder-1');
    const s: WorkflowStep = !first || first.day >= day ? 'reminder-1' : 'reminder-2';
    const seen = done.get(s);
    if (!seen || day > seen.day) done.set(s, { day, iso: e.on, lastDay: e.lastDay ?? null });
  }
  // A call is the plan's call only once the reminders before it were sent; a call the customer
  // made after the first reminder does not make the plan skip the second.
  for (const e of calls ?? []) {
    const day = memo.day(e.on);
    const ready = BEFORE_CALL.every((s) => !ladder[s].enabled || (done.get(s)?.day ?? Infinity) <= day)
      || [...done.keys()].some((s) => STEP_INDEX[s] > STEP_INDEX.call);
    if (!ready) continue;
    const seen = done.get('call');
    if (!seen || day > seen.day) done.set('call', { day, iso: e.on, lastDay: null });
  }
  return done;
}

/** The last day of the final notice's term: what the letter printed, else the legal rule. */
function finalTermEnd(sent: DoneStep, kind: 'business' | 'consumer', ladder: Ladder, memo: DateMemo): number {
  if (sent.lastDay) return memo.day(sent.lastDay);
  return memo.day(kind === 'consumer' ? memo.fourteenDayDeadline(sent.iso) : memo.addWorkingDays(sent.iso, ladder.finalTermWorkingDays));
}

/** One invoice: the stage reached and the next step with its date (pauses not applied). */
export function invoiceProgress(inv: EngineInvoice, kind: 'business' | 'consumer', ladder: Ladder, today: number, memo: DateMemo, detailed = true) {
  const due = memo.day(inv.dueDate);
  const done = doneSteps(inv, ladder, memo);
  let lastDoneIndex = -1;
  for (const s of done.keys()) lastDoneIndex = Math.max(lastDoneIndex, STEP_INDEX[s]);

  let stage: Stage = 'not-due';
  /** The stage from what was done alone (a paused invoice does not move on to a step that is merely due). */
  let doneStage: Stage = 'not-due';
  let nextStep: WorkflowStep | null = null;
  let nextDay = 0;
  /** The previous step after the due date that was done: the next one keeps its distance to it. */
  let previousStep: WorkflowStep | null = null;
  let previousDay = 0;
  for (const step of workflowSteps) {
    const d = done.size ? done.get(step) : undefined;
    if (d) {
      stage = doneStage = step;
      if (step !== 'nudge') { previousStep = step; previousDay = d.day; }
      continue;
    }
    if (!ladder[step].enabled || STEP_INDEX[step] < lastDoneIndex) continue;
    if (step === 'nudge') {
      const date = due + ladder.nudge.days;
      if (today > due) { if (date <= today) stage = 'nudge'; continue; } // overdue: the heads-up is skipped
      if (date <= today) stage = 'nudge';
      nextStep = step; nextDay = date;
      break;
    }
    let date: number;
    if (step === 'handover') {
      const notice = done.get('final-notice');
      date = notice
        ? finalTermEnd(notice, kind, ladder, memo) + ladder.handover.days
        : due + ladder['final-notice'].days + ladder.handover.days;
    } else {
      date = due + ladder[step].days;
      if (previousStep) date = Math.max(date, previousDay + ladder[step].days - ladder[previousStep].days);
    }
    if (date <= today) stage = step;
    nextStep = step; nextDay = date;
    break;
  }
  // Overdue with nothing sent yet and the first reminder still to come: the heads-up phase.
  if (stage === 'not-due' && today > due) stage = 'nudge';
  if (doneStage === 'not-due' && today > due) doneStage = 'nudge';
  let doneIso: Partial<Record<WorkflowStep, string>> | null = null;
  if (detailed) {
    doneIso = {};
    for (const [s, d] of done) doneIso[s] = d.iso;
  }
  return { stage, doneStage, nextStep, nextDay, done: doneIso };
}

const laterStage = (a: Stage, b: Stage) => (STAGE_INDEX.get(b)! > STAGE_INDEX.get(a)! ? b : a);

/** Everything the engine knows about one customer on `todayIso`; `businessLadder` is complete (mergeLadder). */
export function evaluateDebtor(debtor: EngineDebtor, businessLadder: Ladder, todayIso: string, memo = new DateMemo(), detailed = true): DebtorState {
  const ladder = debtor.ladder ? mergeLadder(businessLadder, debtor.ladder) : businessLadder;
  const today = memo.day(todayIso);
  const openIds = debtor.invoices.map((i) => i.id);
  const pauses: Pause[] = [];
  const promises: PromiseVerdict[] = [];
  const missedInstallments: MissedInstallment[] = [];

  if (debtor.withAgency) pauses.push({ reason: 'agency', until: null, invoiceIds: openIds, wholeDebtor: true, note: null });
  if (debtor.pausedUntil && memo.day(debtor.pausedUntil) >= today) {
    pauses.push({ reason: 'contact', until: debtor.pausedUntil, invoiceIds: openIds, wholeDebtor: true, note: debtor.pauseReason ?? null });
  }
  for (const p of debtor.promises ?? []) {
    const graceEnd = memo.addWorkingDays(p.promisedDate, ladder.promiseGraceWorkingDays);
    const covered = p.invoiceIds.length ? p.invoiceIds.filter((id) => openIds.includes(id)) : openIds;
    const kept = covered.length === 0 || (p.amount !== null && p.amount > 0 && p.paidSince >= p.amount);
    if (kept) promises.push({ promiseId: p.id, verdict: 'kept', graceEnd });
    else if (today > memo.day(graceEnd)) promises.push({ promiseId: p.id, verdict: 'broken', graceEnd });
    else {
      promises.push({ promiseId: p.id, verdict: 'open', graceEnd });
      pauses.push({ reason: 'promise', until: graceEnd, invoiceIds: covered, wholeDebtor: covered.length === openIds.length, note: null });
    }
  }
  for (const plan of debtor.plans ?? []) {
    let owed = 0;
    let missed: MissedInstallment | null = null;
    for (const inst of [...plan.installments].sort((a, b) => a.seq - b.seq)) {
      owed += inst.amount;
      if (memo.day(memo.addWorkingDays(inst.dueDate, ladder.promiseGraceWorkingDays)) >= today) continue;
      // The first installment missed, with what is behind over every installment whose grace passed.
      if (missed) missed.amount = owed - plan.paidSince;
      else if (plan.paidSince < owed) missed = { planId: plan.id, seq: inst.seq, dueDate: inst.dueDate, amount: owed - plan.paidSince };
    }
    if (missed) missedInstallments.push(missed);
    else pauses.push({ reason: 'arrangement', until: null, invoiceIds: openIds, wholeDebtor: true, note: null });
  }
  for (const inv of debtor.invoices) {
    if (inv.disputed) pauses.push({ reason: 'dispute', until: null, invoiceIds: [inv.id], wholeDebtor: false, note: inv.disputeReason ?? null });
    if (inv.stopped) pauses.push({ reason: 'stopped', until: null, invoiceIds: [inv.id], wholeDebtor: false, note: null });
  }

  const wholePauses = pauses.length ? pauses.filter((p) => p.wholeDebtor) : pauses;
  const partPauses = pauses.length ? pauses.filter((p) => !p.wholeDebtor) : pauses;
  const invoices: InvoiceState[] = [];
  let byStep: Map<WorkflowStep, { dueSince: number; invoiceIds: number[] }> | null = null;
  let stage: Stage = 'not-due';
  let nextStep: WorkflowStep | null = null;
  let nextDay = 0;

  for (const inv of debtor.invoices) {
    const progress = invoiceProgress(inv, debtor.kind, ladder, today, memo, detailed);
    const applicable = partPauses.length ? [...wholePauses, ...partPauses.filter((p) => p.invoiceIds.includes(inv.id))] : wholePauses;
    const invoiceStage = applicable.length ? progress.doneStage : progress.stage;
    stage = laterStage(stage, invoiceStage);
    const step = progress.nextStep;
    if (detailed) {
      invoices.push({
        invoiceId: inv.id, stage: invoiceStage, done: progress.done ?? {},
        next: step && { step, date: memo.iso(progress.nextDay) },
        pausedBy: applicable.map((p) => p.reason),
      });
    }
    if (!step || applicable.some((p) => p.until === null)) continue;
    let day = progress.nextDay;
    for (const p of applicable) day = Math.max(day, memo.day(p.until!) + 1);
    if (!nextStep || day < nextDay || (day === nextDay && STEP_INDEX[step] < STEP_INDEX[nextStep])) {
      nextStep = step; nextDay = day;
    }
    if (day <= today) {
      byStep ??= new Map();
      const group = byStep.get(step);
      if (group) { group.invoiceIds.push(inv.id); group.dueSince = Math.min(group.dueSince, day); }
      else byStep.set(step, { dueSince: day, invoiceIds: [inv.id] });
    }
  }
  if (debtor.withAgency) stage = 'with-agency';

  const actions: DueAction[] = !byStep ? [] : [...byStep.entries()]
    .sort(([a], [b]) => STEP_INDEX[a] - STEP_INDEX[b])
    .map(([step, g]) => ({
      step, dueSince: memo.iso(g.dueSince), invoiceIds: g.invoiceIds,
      letter: step === 'final-notice' ? (debtor.kind === 'consumer' ? 'fourteen-day' : 'final-notice') : null,
    }));

  return {
    debtorId: debtor.id, stage,
    nextAction: nextStep && { kind: nextStep, date: memo.iso(nextDay) },
    actions, pauses, paused: pauses.length > 0, promises, missedInstallments, invoices, ladder,
  };
}

/** Every customer at once, sharing one memo of law dates. */
export function evaluateAll(debtors: readonly EngineDebtor[], businessLadder: Partial<Ladder> | null | undefined, todayIso: string, detailed = true): DebtorState[] {
  const memo = new DateMemo();
  const base = mergeLadder(businessLadder);
  return debtors.map((d) => evaluateDebtor(d, base, todayIso, memo, detailed));
}
