import { z } from 'zod';
import { method } from '../define';
import type { FileBytes } from './ledger';
import { id, language, type Cents, type IsoDate } from '../../domain/primitives';
import type { AgingBuckets } from '../../domain/overview';
import type { Messages } from '../../i18n';

/*
 * Inzicht (issue 10): learning from every case. Every figure is computed in the backend
 * (electron/core/insights); the renderer only shows and exports it.
 */

/** The step of the collection plan after which an invoice was paid, in the plan's order. */
export const paymentSteps = ['none', 'nudge', 'reminder-1', 'reminder-2', 'call', 'final-notice', 'agency'] as const;
export type PaymentStep = (typeof paymentSteps)[number];

/** DSO over one period that ends today. See `dso` in electron/core/insights/compute.ts for the formula. */
export interface DsoFigure {
  months: 3 | 6 | 12;
  /** The period is (from, to]: the day after `from` up to and including `to` (today). */
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** Open receivables at the end of the period: open on invoices dated on or before today. */
  openAtEnd: Cents;
  /** Invoiced in the period (invoice dates in the period). */
  invoiced: Cents;
  /** Credit notes dated in the period: they lower the period's sales. */
  credited: Cents;
  /** invoiced − credited. */
  creditSales: Cents;
  /** Days, one decimal; null when the period has no (net) credit sales. */
  dso: number | null;
}

/** Open amounts per age at one day: a month end, or today. */
export interface AgingSnapshot {
  date: IsoDate;
  kind: 'month-end' | 'today';
  buckets: AgingBuckets;
  total: Cents;
}

export const ratingCodes = ['no-history', 'on-time', 'slightly-late', 'after-reminder-1', 'after-reminder-2', 'after-call', 'after-final-notice', 'late-payer'] as const;
export type RatingCode = (typeof ratingCodes)[number];

/** Why a customer got its rating: the figures, for a sentence in the user's language. */
export interface Rating {
  code: RatingCode;
  /** What decided it, most important first (rendered by i18n: insights.reason[kind]). */
  reasons: RatingReason[];
}

export type RatingReason =
  | { kind: 'average'; paid: number; avgDaysLate: number }
  | { kind: 'on-time-share'; onTime: number; paid: number }
  | { kind: 'usual-step'; step: PaymentStep; times: number; paid: number }
  | { kind: 'open-overdue'; days: number }
  | { kind: 'worst-paid'; days: number }
  | { kind: 'handed-over'; times: number }
  | { kind: 'final-notice'; times: number }
  | { kind: 'promises-broken'; times: number }
  | { kind: 'no-paid-invoices' };

export interface CustomerInsight {
  debtorId: number;
  name: string;
  kind: 'business' | 'consumer';
  /** Invoices paid in full (with money; an invoice only credited is not "paid"). */
  paidInvoices: number;
  /** Of those, paid after the due date. */
  paidLate: number;
  /** Mean of (paid date − due date) over paid invoices, one decimal; negative = early. Null without paid invoices. */
  avgDaysLate: number | null;
  /** The largest of: (paid date − due date) of paid invoices and (today − due date) of overdue ones, at least 0; null without either. */
  worstDaysLate: number | null;
  openInvoices: number;
  openAmount: Cents;
  overdueAmount: Cents;
  /** Days overdue of the oldest open invoice (0 when nothing is overdue). */
  oldestOverdueDays: number;
  nudges: number;
  reminders: number;
  calls: number;
  finalNotices: number;
  handovers: number;
  promisesKept: number;
  promisesBroken: number;
  arrangements: number;
  /** Per paid invoice, the last step taken before the payment that settled it. */
  stepCounts: Record<PaymentStep, number>;
  /** The most frequent of stepCounts (a tie goes to the later step); null without paid invoices. */
  usualStep: PaymentStep | null;
  rating: Rating;
  /** The payment term that applies to new invoices (the customer's own, or the business default). */
  termDays: number;
  ownTerm: boolean;
}

/** What a step of the plan achieved, over the steps taken in the analysis period. */
export interface StepEffect {
  step: Exclude<PaymentStep, 'none'>;
  /** Invoices that received this step in the period (at least 7 days ago) while still open. */
  invoices: number;
  /** Of those, paid in full within 7 days after the step. */
  paidWithin7Days: number;
  /** paidWithin7Days ÷ invoices, 0–1; null when no invoice received the step. */
  share: number | null;
  /** Payments in the period dated on or after this step and before the next step on the same invoice. */
  collected: Cents;
}

export interface NudgeEffect {
  /** Invoices due in the period (and not only credited): paid on or before the due date or not. */
  withNudge: { invoices: number; onTime: number; share: number | null };
  withoutNudge: { invoices: number; onTime: number; share: number | null };
}

export const suggestionKinds = ['shorter-term', 'advance-payment', 'credit-check'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export interface Suggestion {
  debtorId: number;
  name: string;
  kind: SuggestionKind;
  /** The figures that led to it (rendered by i18n: insights.suggestion[kind]). */
  figures: {
    paidInvoices: number;
    avgDaysLate: number | null;
    worstDaysLate: number | null;
    termDays: number;
    /** For shorter-term: the term to apply. */
    proposedDays: number | null;
    promisesBroken: number;
    finalNotices: number;
    handovers: number;
    oldestOverdueDays: number;
    usualStep: PaymentStep | null;
  };
}

export interface InsightsPage {
  today: IsoDate;
  overview: {
    /** Everything open now (as on Debiteuren). */
    open: Cents;
    overdue: Cents;
    openInvoices: number;
    /** Of `open`: on invoices dated after today (entered in advance). Not yet a receivable, so not in DSO or today's aging. */
    openDatedLater: Cents;
    dso: DsoFigure[];
  };
  /** Month ends of the last 12 months, then today. */
  aging: AgingSnapshot[];
  customers: CustomerInsight[];
  /** The period of "what works": (from, to]. */
  period: { from: IsoDate; to: IsoDate };
  /** Payments in the period made before any step was taken (most of them: on time, unasked). */
  collectedBeforeAnyStep: Cents;
  steps: StepEffect[];
  nudge: NudgeEffect;
  suggestions: Suggestion[];
}

export interface DebtorInsights {
  customer: CustomerInsight | null;
  suggestions: Suggestion[];
}

export const insightTables = ['overview', 'aging', 'customers', 'steps', 'suggestions'] as const;
export type InsightTable = (typeof insightTables)[number];

export const insightsMethods = {
  'insights.get': method<InsightsPage>()(z.object({}).strict(), 'Inzicht: DSO, aging at past month ends, how each customer pays, what each step achieves, suggestions.'),
  'insights.debtor': method<DebtorInsights>()(z.object({ debtorId: id }).strict(), 'How one customer pays, with its rating and suggestions (the debtor page panel).'),
  'insights.applyTerm': method<{ debtorId: number; from: number | null; to: number }>()(
    z.object({ debtorId: id, days: z.number().int().min(0).max(365) }).strict(),
    'Give a customer a (shorter) payment term for new invoices, as suggested; recorded on its timeline.'),
  'insights.dismiss': method<{ dismissed: true }>()(
    z.object({ debtorId: id, kind: z.enum(suggestionKinds) }).strict(),
    'Hide a suggestion for a customer (it returns after 3 more paid invoices).'),
  'insights.exportCsv': method<FileBytes>()(
    z.object({ table: z.enum(insightTables), language: language.default('nl') }).strict(),
    'One Inzicht table as CSV for Dutch Excel (semicolons, decimal comma, UTF-8 BOM).'),
};

// ---------------------------------------------------------------------------------------------
// The figures in words (the screen and the CSV export say the same): i18n supplies the sentences.

type InsightsMessages = Messages['insights'];

export function reasonText(m: InsightsMessages, r: RatingReason): string {
  switch (r.kind) {
    case 'average': return m.reason.average(r.avgDaysLate, r.paid);
    case 'on-time-share': return m.reason.onTimeShare(r.onTime, r.paid);
    case 'usual-step': return r.step === 'none' ? m.reason.usualStepNone(r.times, r.paid) : m.reason.usualStep(m.step[r.step], r.times, r.paid);
    case 'open-overdue': return m.reason.openOverdue(r.days);
    case 'worst-paid': return m.reason.worstPaid(r.days);
    case 'handed-over': return m.reason.handedOver(r.times);
    case 'final-notice': return m.reason.finalNotice(r.times);
    case 'promises-broken': return m.reason.promisesBroken(r.times);
    case 'no-paid-invoices': return m.reason.noPaid;
  }
}

/** "betaalt pas na bellen: 3 van 4 betaalde facturen pas na bellen; gemiddeld 18 dagen …" */
export function ratingReasons(m: InsightsMessages, rating: Rating): string {
  return rating.reasons.map((r) => reasonText(m, r)).join('; ');
}

export function suggestionTitle(m: InsightsMessages, s: Suggestion): string {
  switch (s.kind) {
    case 'shorter-term': return m.suggestion['shorter-term'].title(s.figures.proposedDays ?? s.figures.termDays);
    case 'advance-payment': return m.suggestion['advance-payment'].title;
    case 'credit-check': return m.suggestion['credit-check'].title;
  }
}

export function suggestionWhy(m: InsightsMessages, s: Suggestion): string {
  const f = s.figures;
  switch (s.kind) {
    case 'shorter-term': return m.suggestion['shorter-term'].why(f.paidInvoices, f.avgDaysLate ?? 0, f.termDays);
    case 'advance-payment': {
      const late = f.usualStep !== null && ['call', 'final-notice', 'agency'].includes(f.usualStep) ? m.step[f.usualStep] : null;
      return m.suggestion['advance-payment'].why(f.paidInvoices, f.avgDaysLate, f.promisesBroken, late);
    }
    case 'credit-check': return m.suggestion['credit-check'].why(f.finalNotices, f.handovers, f.oldestOverdueDays);
  }
}
