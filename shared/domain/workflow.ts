import { z } from 'zod';
import type { NextAction, Stage } from './overview';
import { MAX_INSTALLMENTS, type ArrangementWorkItem } from './arrangement';
import { cents, id, isoDate, language, type Cents, type IsoDate } from './primitives';

/**
 * The collection plan (docs/architecture.md "Workflow engine", the seed plan): a friendly heads-up
 * before the due date, two reminders, a prepared call, the final notice (for a consumer the
 * veertiendagenbrief), and a handover once the final term has passed. Every step can be switched
 * off and every offset changed, for the whole business and per customer.
 */
export const workflowSteps = ['nudge', 'reminder-1', 'reminder-2', 'call', 'final-notice', 'handover'] as const;
export type WorkflowStep = (typeof workflowSteps)[number];

export interface LadderStep {
  enabled: boolean;
  /** Days after the due date (negative: before it). For `handover`: days after the final term ended. */
  days: number;
}

export interface Ladder {
  nudge: LadderStep;
  'reminder-1': LadderStep;
  'reminder-2': LadderStep;
  call: LadderStep;
  'final-notice': LadderStep;
  handover: LadderStep;
  /** The term a business gets in the final notice, in working days (consumers: the statutory 14 days). */
  finalTermWorkingDays: number;
  /** After a promised date, escalation waits this many working days before the promise counts as broken. */
  promiseGraceWorkingDays: number;
  /** A friendly reminder this many days before each installment of a payment arrangement; 0: none. */
  installmentReminderDays: number;
}

export const DEFAULT_LADDER: Readonly<Ladder> = Object.freeze({
  nudge: { enabled: true, days: -3 },
  'reminder-1': { enabled: true, days: 7 },
  'reminder-2': { enabled: true, days: 14 },
  call: { enabled: true, days: 21 },
  'final-notice': { enabled: true, days: 28 },
  handover: { enabled: true, days: 1 },
  finalTermWorkingDays: 5,
  promiseGraceWorkingDays: 2,
  installmentReminderDays: 3,
});

const step = (min: number, max: number) => z.object({ enabled: z.boolean(), days: z.number().int().min(min).max(max) }).strict();

/** A complete ladder, with the offsets of the steps that are on in increasing order. */
export const ladderSchema = z.object({
  nudge: step(-30, 0),
  'reminder-1': step(1, 365),
  'reminder-2': step(1, 365),
  call: step(1, 365),
  'final-notice': step(1, 365),
  handover: step(1, 365),
  finalTermWorkingDays: z.number().int().min(1).max(60),
  promiseGraceWorkingDays: z.number().int().min(0).max(30),
  installmentReminderDays: z.number().int().min(0).max(14),
}).strict().superRefine((ladder, ctx) => {
  let previous: { step: WorkflowStep; days: number } | null = null;
  for (const s of ['reminder-1', 'reminder-2', 'call', 'final-notice'] as const) {
    if (!ladder[s].enabled) continue;
    if (previous && ladder[s].days <= previous.days) {
      ctx.addIssue({ code: 'custom', path: [s, 'days'], message: `Deze stap moet later komen dan de vorige (na dag ${previous.days}).` });
    }
    previous = { step: s, days: ladder[s].days };
  }
});

/** A customer's own ladder: only what differs from the business's ladder. */
export const ladderOverrideSchema = z.object({
  nudge: step(-30, 0).optional(),
  'reminder-1': step(1, 365).optional(),
  'reminder-2': step(1, 365).optional(),
  call: step(1, 365).optional(),
  'final-notice': step(1, 365).optional(),
  handover: step(1, 365).optional(),
  finalTermWorkingDays: z.number().int().min(1).max(60).optional(),
  promiseGraceWorkingDays: z.number().int().min(0).max(30).optional(),
  installmentReminderDays: z.number().int().min(0).max(14).optional(),
}).strict();
export type LadderOverride = z.infer<typeof ladderOverrideSchema>;

/** The business's ladder with a customer's override on top (unknown or broken JSON falls back to the defaults). */
export function mergeLadder(base: Partial<Ladder> | null | undefined, override?: LadderOverride | null): Ladder {
  const merged = { ...DEFAULT_LADDER, ...(base ?? {}), ...(override ?? {}) } as Ladder;
  const parsed = ladderSchema.safeParse(merged);
  return parsed.success ? parsed.data : { ...DEFAULT_LADDER };
}

// ---------------------------------------------------------------------------------------------
// Pauses

export const pauseReasons = ['promise', 'arrangement', 'dispute', 'contact', 'stopped', 'agency'] as const;
export type PauseReason = (typeof pauseReasons)[number];

export interface Pause {
  reason: PauseReason;
  /** The last day of the pause; null while it lasts (a dispute, a stop, an arrangement that is kept). */
  until: IsoDate | null;
  /** The invoices it holds back (all open invoices when `wholeDebtor`). */
  invoiceIds: number[];
  wholeDebtor: boolean;
  /** Why (the dispute reason, what the customer said), when known. */
  note: string | null;
}

// ---------------------------------------------------------------------------------------------
// Vandaag (the work list)

export interface WorkInvoice { id: number; number: string; open: Cents; dueDate: IsoDate; daysOverdue: number; description: string }

export interface WorkItem {
  debtorId: number;
  debtorName: string;
  debtorKind: 'business' | 'consumer';
  step: WorkflowStep;
  /** For the final notice: which letter the law asks for. */
  letter: 'final-notice' | 'fourteen-day' | null;
  /** The day this action became due (earlier than today after the app was closed for a while). */
  dueSince: IsoDate;
  invoices: WorkInvoice[];
  total: Cents;
  email: string | null;
  phone: string | null;
  /** Things the user should know before acting (a broken promise, a missed installment). */
  notes: WorkNote[];
  isDemo: boolean;
}

export type WorkNote =
  | { kind: 'promise-broken'; promisedDate: IsoDate; amount: Cents | null }
  | { kind: 'installment-missed'; dueDate: IsoDate; amount: Cents }
  | { kind: 'partly-paid'; paid: Cents };

export interface PausedDebtor {
  debtorId: number;
  debtorName: string;
  open: Cents;
  pauses: (Pause & { invoiceNumbers: string[] })[];
  /** What comes next once the pause ends, when it ends by itself. */
  nextAction: NextAction | null;
}

export interface TodayList {
  today: IsoDate;
  items: WorkItem[];
  /** Payment arrangements: missed installments (end or continue) and installment reminders that are due. */
  arrangements: ArrangementWorkItem[];
  paused: PausedDebtor[];
  /** Promises that were found broken (or kept) just now and recorded on the timeline. */
  settled: { broken: number; kept: number };
}

/** How Vandaag groups the work. */
export const workGroups = ['nudge', 'reminders', 'calls', 'final-notices', 'handovers'] as const;
export type WorkGroup = (typeof workGroups)[number];
export function workGroupOf(step: WorkflowStep): WorkGroup {
  switch (step) {
    case 'nudge': return 'nudge';
    case 'reminder-1': case 'reminder-2': return 'reminders';
    case 'call': return 'calls';
    case 'final-notice': return 'final-notices';
    default: return 'handovers';
  }
}

// ---------------------------------------------------------------------------------------------
// Mail templates and drafts

export const mailSteps = ['nudge', 'reminder-1', 'reminder-2', 'call-confirmation', 'promise-confirmation', 'installment-reminder', 'arrangement-confirmation'] as const;
export type MailStep = (typeof mailSteps)[number];
/** The mail steps about a payment arrangement: their draft is about a plan (and an installment), not about due invoices. */
export const arrangementMailSteps = ['installment-reminder', 'arrangement-confirmation'] as const satisfies readonly MailStep[];
export const isArrangementStep = (step: MailStep): step is (typeof arrangementMailSteps)[number] => (arrangementMailSteps as readonly MailStep[]).includes(step);
export const tones = ['vriendelijk', 'zakelijk', 'streng'] as const;
export type Tone = (typeof tones)[number];
export const mailStep = z.enum(mailSteps);
export const tone = z.enum(tones);

export interface MailTemplate { step: MailStep; language: 'nl' | 'en'; tone: Tone; subject: string; body: string; edited: boolean }

export interface MailDraft {
  debtorId: number;
  step: MailStep;
  tone: Tone;
  language: 'nl' | 'en';
  to: string | null;
  toName: string;
  subject: string;
  body: string;
  invoiceIds: number[];
  invoices: WorkInvoice[];
  total: Cents;
  /** The PDF specification with the payment details and the EPC QR code. */
  attachment: { fileName: string; mimeType: 'application/pdf'; dataBase64: string };
  variables: Record<string, string>;
  /** The call this confirmation is about. */
  callEventId: number | null;
  /** The arrangement (and installment) an arrangement mail is about. */
  arrangement: { planId: number; seq: number | null; dueDate: IsoDate; amount: Cents; count: number; total: Cents; remaining: Cents } | null;
}

const mailText = {
  subject: z.string().trim().min(1, { message: 'Vul een onderwerp in.' }).max(300),
  body: z.string().min(1, { message: 'De tekst is leeg.' }).max(20_000),
};

export const draftInput = z.object({
  debtorId: id,
  step: mailStep,
  tone: tone.optional(),
  /** Default: the invoices that are due for this step (reminders) or that the call was about. */
  invoiceIds: z.array(id).max(500).optional(),
  callEventId: id.optional(),
  /** Arrangement mails: the plan (default: the customer's running one) and the installment (default: the next one to remind of). */
  planId: id.optional(),
  seq: z.number().int().min(1).max(MAX_INSTALLMENTS).optional(),
}).strict();

export const emlInput = draftInput.extend({ ...mailText }).strict();
export const markSentInput = emlInput;

export interface SentMail { eventId: number; mailDocumentId: number; pdfDocumentId: number; sha256: string }

// ---------------------------------------------------------------------------------------------
// Calls, promises, disputes, pauses

export const callOutcomes = ['promise', 'dispute', 'arrangement-requested', 'no-answer', 'other'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export const callLogInput = z.object({
  debtorId: id,
  reached: z.boolean(),
  notes: z.string().trim().max(5000).default(''),
  outcome: z.enum(callOutcomes),
  promisedDate: isoDate.optional(),
  promisedAmount: cents.optional(),
  /** Default: all open invoices of the customer. */
  invoiceIds: z.array(id).max(500).optional(),
  date: isoDate.optional(),
}).strict();
export type CallLogInput = z.input<typeof callLogInput>;

export interface CallLogged { eventId: number; promiseId: number | null; pausedUntil: IsoDate | null; confirmationStep: MailStep }

export interface CallSheet {
  today: IsoDate;
  debtor: { id: number; name: string; kind: 'business' | 'consumer'; contactName: string | null; phone: string | null; email: string | null; language: 'nl' | 'en' };
  invoices: { id: number; number: string; description: string; amount: Cents; open: Cents; deliveryDate: IsoDate | null; invoiceDate: IsoDate; dueDate: IsoDate; daysOverdue: number; disputed: boolean }[];
  total: Cents;
  sent: { date: IsoDate; type: string; step: string | null; summary: string }[];
  calls: { date: IsoDate; summary: string }[];
  promises: { date: IsoDate; promisedDate: IsoDate; amount: Cents | null; status: 'open' | 'kept' | 'broken' | 'cancelled' }[];
  stage: Stage;
  pauses: Pause[];
}

// ---------------------------------------------------------------------------------------------
// The timeline filter

export const timelineKinds = ['reminders', 'calls', 'promises', 'letters', 'payments', 'disputes', 'other'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export function timelineKind(type: string): TimelineKind {
  const [head] = type.split('.');
  switch (head) {
    case 'nudge': case 'reminder': case 'mail': return 'reminders';
    case 'call': return type === 'call.confirmation-sent' ? 'reminders' : 'calls';
    case 'promise': return 'promises';
    case 'letter': case 'registered': return 'letters';
    case 'payment': return 'payments';
    case 'dispute': return 'disputes';
    // What was agreed about paying belongs with the promises; the mails about it with the reminders.
    case 'arrangement': return type.endsWith('-sent') ? 'reminders' : 'promises';
    default: return 'other';
  }
}

export const workflowSettingsInput = z.object({
  ladder: ladderSchema,
  defaultTone: tone,
}).strict();
export interface WorkflowSettings { ladder: Ladder; defaultTone: Tone }

export const debtorLadderInput = z.object({ debtorId: id, override: ladderOverrideSchema.nullable() }).strict();

export const templateKey = z.object({ step: mailStep, language, tone }).strict();
export const templateSaveInput = templateKey.extend({ ...mailText }).strict();

export type { IsoDate, Cents };
