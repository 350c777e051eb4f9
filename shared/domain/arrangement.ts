// Payment arrangements (betalingsregeling, docs/domain-nl.md §11) as pure functions: the schedule
// of installments a total is split into, and the state of each installment given what the customer
// paid since the arrangement was agreed. Shared by the backend (which stores and checks the plan)
// and the renderer (which previews the schedule while the user types), so both say the same.
import { addMonths, addWeeks, format, parseISO } from 'date-fns';
import { z } from 'zod';
import { addWorkingDays } from '../law';
import { formatDate, addDaysIso } from './dates';
import { formatCents } from './money';
import { cents, id, isoDate, type Cents, type IsoDate } from './primitives';

export const arrangementIntervals = ['week', 'two-weeks', 'month'] as const;
export type ArrangementInterval = (typeof arrangementIntervals)[number];

/** More installments than this is not an arrangement but a second loan: the user should talk again. */
export const MAX_INSTALLMENTS = 60;
/** An installment below one euro costs both sides more in bookkeeping than it pays. */
export const MIN_INSTALLMENT: Cents = 1_00;
/** The first installment is agreed for the near future, not for next year. */
export const MAX_DAYS_TO_FIRST = 366;

export interface ScheduledInstallment { seq: number; dueDate: IsoDate; amount: Cents }

/** Split the total by a number of installments, or by an amount per installment. */
export type ScheduleBasis = { count: number } | { amount: Cents };

export interface ScheduleInput {
  total: Cents;
  basis: ScheduleBasis;
  firstDate: IsoDate;
  interval: ArrangementInterval;
  /** When given, a first date before it is refused. */
  today?: IsoDate;
}

export type ScheduleField = 'total' | 'count' | 'amount' | 'firstDate';
export interface ScheduleProblem { field: ScheduleField; nl: string; en: string }

/**
 * The date of installment `index` (0 = the first). Months count from the first date, not from the
 * previous installment, so 31 January gives 28 (or 29) February and then 31 March again.
 */
export function installmentDate(firstDate: IsoDate, interval: ArrangementInterval, index: number): IsoDate {
  const first = parseISO(firstDate);
  const date = interval === 'month' ? addMonths(first, index) : addWeeks(first, interval === 'week' ? index : 2 * index);
  return format(date, 'yyyy-MM-dd');
}

const euro = (c: Cents, lang: 'nl' | 'en') => formatCents(c, lang);

/** What is wrong with a schedule request, in Dutch and English; empty when it can be made. */
export function scheduleProblems(input: ScheduleInput): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const { total, basis } = input;
  if (!Number.isSafeInteger(total) || total <= 0) {
    problems.push({ field: 'total', nl: 'Er staat niets open om in termijnen te betalen.', en: 'Nothing is outstanding to pay in installments.' });
  }
  if ('count' in basis) {
    const n = basis.count;
    if (!Number.isSafeInteger(n) || n < 1) {
      problems.push({ field: 'count', nl: 'Kies een aantal termijnen van minstens 1.', en: 'Choose at least 1 installment.' });
    } else if (n > MAX_INSTALLMENTS) {
      problems.push({ field: 'count', nl: `Hoogstens ${MAX_INSTALLMENTS} termijnen. Is er meer tijd nodig, spreek dan eerst een deel af en kijk daarna opnieuw.`, en: `At most ${MAX_INSTALLMENTS} installments. If more time is needed, agree on part of it first and talk again later.` });
    } else if (total > 0 && Math.floor(total / n) < MIN_INSTALLMENT) {
      problems.push({ field: 'count', nl: `Met ${n} termijnen wordt een termijn kleiner dan ${euro(MIN_INSTALLMENT, 'nl')}. Kies minder termijnen.`, en: `With ${n} installments an installment is below ${euro(MIN_INSTALLMENT, 'en')}. Choose fewer installments.` });
    }
  } else {
    const a = basis.amount;
    if (!Number.isSafeInteger(a) || a < MIN_INSTALLMENT) {
      problems.push({ field: 'amount', nl: `Een termijn is minstens ${euro(MIN_INSTALLMENT, 'nl')}.`, en: `An installment is at least ${euro(MIN_INSTALLMENT, 'en')}.` });
    } else if (total > 0 && Math.ceil(total / a) > MAX_INSTALLMENTS) {
      const least = Math.ceil(total / MAX_INSTALLMENTS);
      problems.push({
        field: 'amount',
        nl: `Met ${euro(a, 'nl')} per termijn zijn ${Math.ceil(total / a)} termijnen nodig; het maximum is ${MAX_INSTALLMENTS}. Kies minstens ${euro(least, 'nl')} per termijn.`,
        en: `At ${euro(a, 'en')} per installment ${Math.ceil(total / a)} installments are needed; the maximum is ${MAX_INSTALLMENTS}. Choose at least ${euro(least, 'en')} per installment.`,
      });
    }
  }
  if (!isoDate.safeParse(input.firstDate).success) {
    problems.push({ field: 'firstDate', nl: 'Kies de datum van de eerste termijn.', en: 'Choose the date of the first installment.' });
  } else if (input.today && input.firstDate < input.today) {
    problems.push({ field: 'firstDate', nl: `De eerste termijn kan niet in het verleden liggen (vandaag is ${formatDate(input.today)}).`, en: `The first installment cannot be in the past (today is ${formatDate(input.today)}).` });
  } else if (input.today && input.firstDate > addDaysIso(input.today, MAX_DAYS_TO_FIRST)) {
    problems.push({ field: 'firstDate', nl: 'Kies een eerste termijn binnen een jaar.', en: 'Choose a first installment within a year.' });
  }
  return problems;
}

/**
 * The installments of a valid request, in integer cents that add up to the total exactly:
 * - by count: every installment is the total divided by the count, rounded down; the last one
 *   takes the remainder (so it is at most count − 1 cents more);
 * - by amount: as many installments of that amount as fit; the last one is what is left (at most
 *   the amount).
 * Throws on an invalid request: call scheduleProblems first.
 */
export function buildSchedule(input: ScheduleInput): ScheduledInstallment[] {
  const problems = scheduleProblems(input);
  if (problems.length) throw new Error(problems.map((p) => p.nl).join(' '));
  const { total, basis } = input;
  const count = 'count' in basis ? basis.count : Math.ceil(total / basis.amount);
  const per = 'count' in basis ? Math.floor(total / count) : basis.amount;
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    dueDate: installmentDate(input.firstDate, input.interval, i),
    amount: i === count - 1 ? total - per * (count - 1) : per,
  }));
}

// ---------------------------------------------------------------------------------------------
// The state of each installment

export const installmentStatuses = ['paid', 'due', 'upcoming', 'missed'] as const;
export type InstallmentStatus = (typeof installmentStatuses)[number];

export interface InstallmentState extends ScheduledInstallment {
  paid: Cents;
  open: Cents;
  /**
   * paid: fully paid; upcoming: its date is still to come; due: its date has come, and the grace
   * (working days, as for a promise) has not passed; missed: not (fully) paid after the grace.
   */
  status: InstallmentStatus;
  /** The last day a payment still counts as on time. */
  graceEnd: IsoDate;
}

/**
 * What the customer paid since the arrangement was agreed fills the installments in order, the
 * way the workflow engine (missedInstallments) and the bank import (ledgerView) read it: a payment
 * that is too small leaves the rest of that installment open, one that is too large runs on into
 * the next. A manual payment counts the same as one from a bank statement.
 */
export function installmentStates(installments: readonly ScheduledInstallment[], paidSince: Cents, today: IsoDate, graceWorkingDays: number): InstallmentState[] {
  let left = Math.max(0, paidSince);
  return [...installments].sort((a, b) => a.seq - b.seq).map((inst) => {
    const paid = Math.min(left, inst.amount);
    left -= paid;
    const open = inst.amount - paid;
    const graceEnd = addWorkingDays(inst.dueDate, graceWorkingDays);
    const status: InstallmentStatus = open === 0 ? 'paid' : graceEnd < today ? 'missed' : inst.dueDate <= today ? 'due' : 'upcoming';
    return { ...inst, paid, open, status, graceEnd };
  });
}

// ---------------------------------------------------------------------------------------------
// The contract's shapes

export const arrangementStatuses = ['active', 'completed', 'ended'] as const;
export type ArrangementStatus = (typeof arrangementStatuses)[number];

const basisFields = {
  count: z.number().int().min(1).max(MAX_INSTALLMENTS).optional(),
  amount: cents.optional(),
};

export const arrangementProposeInput = z.object({
  debtorId: id,
  /** Add the statutory (commercial) interest up to today. Default: yes. */
  includeInterest: z.boolean().optional(),
  /** Add the collection costs (BIK) that are owed today. Default: yes. */
  includeCosts: z.boolean().optional(),
  ...basisFields,
  firstDate: isoDate.optional(),
  interval: z.enum(arrangementIntervals).optional(),
}).strict();

export const arrangementCreateInput = z.object({
  debtorId: id,
  includeInterest: z.boolean().default(true),
  includeCosts: z.boolean().default(true),
  ...basisFields,
  firstDate: isoDate,
  interval: z.enum(arrangementIntervals),
  /** The vervalbeding: a missed installment makes the whole remainder due at once. Default: yes. */
  accelerationClause: z.boolean().default(true),
  note: z.string().trim().max(2000).optional(),
}).strict().refine((v) => (v.count === undefined) !== (v.amount === undefined), {
  message: 'Kies een aantal termijnen of een bedrag per termijn.', path: ['count'],
});

export const arrangementEndInput = z.object({ planId: id, note: z.string().trim().max(2000).optional() }).strict();
export const arrangementContinueInput = z.object({
  planId: id,
  /** The new date of the missed installment(s). */
  newDate: isoDate,
  note: z.string().trim().max(2000).optional(),
}).strict();

export interface ArrangementInvoice { id: number; number: string; open: Cents; dueDate: IsoDate; disputed: boolean }

export interface ArrangementProposal {
  debtorId: number;
  today: IsoDate;
  /** Open invoices (all of them, due or not), minus an unallocated credit. */
  principal: Cents;
  /** Statutory interest up to today over the overdue invoices. */
  interestSoFar: Cents;
  /** Collection costs (BIK) owed today, 0 when none are owed yet. */
  costsSoFar: Cents;
  /** What was chosen: */
  interest: Cents;
  costs: Cents;
  total: Cents;
  credit: Cents;
  invoices: ArrangementInvoice[];
  /** Why the costs are (not) owed, in plain words. */
  costsExplanation: { nl: string; en: string };
  /** Things to know first (a disputed invoice in it). */
  warnings: { nl: string; en: string }[];
  /** Why no arrangement can be made now (one is running, nothing is open); null when it can. */
  refusal: { nl: string; en: string } | null;
  /** Suggested first date and interval. */
  defaults: { firstDate: IsoDate; interval: ArrangementInterval; count: number };
  /** The schedule for the basis given, when it is valid. */
  schedule: ScheduledInstallment[] | null;
  problems: ScheduleProblem[];
}

export interface ArrangementView {
  planId: number;
  debtorId: number;
  status: ArrangementStatus;
  agreedOn: IsoDate;
  endedOn: IsoDate | null;
  principal: Cents;
  interest: Cents;
  costs: Cents;
  total: Cents;
  firstDate: IsoDate;
  interval: ArrangementInterval;
  accelerationClause: boolean;
  paid: Cents;
  /** Still to pay of the total. */
  remaining: Cents;
  installments: (InstallmentState & { reminderSent: boolean })[];
  /** The first installment that is missed, if any. */
  missed: InstallmentState | null;
  /** The next installment still to (fully) pay. */
  next: InstallmentState | null;
  invoiceNumbers: string[];
  /** A confirmation was sent: by mail (event) and/or as a letter. */
  confirmedByMail: boolean;
  confirmedByLetter: boolean;
}

/** On Vandaag: an installment that was missed (end or continue), or one whose reminder is due. */
export interface ArrangementWorkItem {
  kind: 'installment-missed' | 'installment-reminder';
  debtorId: number;
  debtorName: string;
  debtorKind: 'business' | 'consumer';
  planId: number;
  seq: number;
  count: number;
  dueDate: IsoDate;
  /** Open of this installment. */
  amount: Cents;
  /** Missed: what is behind in all (this and earlier installments). */
  behind: Cents;
  /** Still to pay of the whole arrangement: what falls due at once when it is ended. */
  remaining: Cents;
  /** Continue: the latest date the missed installment can move to (the next installment's date). */
  latestNewDate: IsoDate | null;
  accelerationClause: boolean;
  email: string | null;
  isDemo: boolean;
}

export type { Cents, IsoDate };
