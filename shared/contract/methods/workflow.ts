import { z } from 'zod';
import { method } from '../define';
import { id, isoDate, language } from '../../domain/primitives';
import type { NextAction, Stage } from '../../domain/overview';
import {
  callLogInput, debtorLadderInput, draftInput, emlInput, mailStep, markSentInput, templateKey, templateSaveInput, workflowSettingsInput,
  type CallLogged, type CallSheet, type Ladder, type LadderOverride, type MailDraft, type MailTemplate, type Pause, type PauseReason,
  type SentMail, type TodayList, type WorkflowSettings, type WorkflowStep,
} from '../../domain/workflow';
import type { FileBytes } from './ledger';

/** The workflow as the debtor page shows it. */
export interface DebtorWorkflow {
  debtorId: number;
  stage: Stage;
  nextAction: NextAction | null;
  /** Due now: one per step, with the invoices it covers. */
  actions: { step: WorkflowStep; dueSince: string; invoiceIds: number[]; letter: 'final-notice' | 'fourteen-day' | null }[];
  pauses: (Pause & { invoiceNumbers: string[] })[];
  pausedUntil: string | null;
  pauseReason: string | null;
  invoices: { invoiceId: number; stage: Stage; next: { step: WorkflowStep; date: string } | null; pausedBy: PauseReason[]; stopped: boolean; done: Partial<Record<WorkflowStep, string>> }[];
  ladder: Ladder;
  ladderOverride: LadderOverride | null;
}

export interface TemplateSample { debtorId: number | null; debtorName: string; language: 'nl' | 'en'; variables: Record<string, string> }
export interface InvoiceFlags { invoiceId: number; disputed: boolean; disputeReason: string | null; stopped: boolean }
export interface DebtorPauseState { debtorId: number; pausedUntil: string | null; pauseReason: string | null }

const byDebtor = z.object({ debtorId: id }).strict();

export const workflowMethods = {
  'workflow.today': method<TodayList>()(z.object({}).strict(), 'Vandaag: the actions due today or earlier, grouped by kind, and the paused customers. Records promises found broken or kept.'),
  'workflow.debtor': method<DebtorWorkflow>()(byDebtor, 'The collection plan of one customer: stage, next action, pauses, per invoice.'),
  'workflow.settings': method<WorkflowSettings>()(z.object({}).strict(), 'The business\'s collection plan (ladder) and default tone.'),
  'workflow.saveSettings': method<WorkflowSettings>()(workflowSettingsInput, 'Save the collection plan (every step and offset) and the default tone.'),
  'workflow.saveDebtorLadder': method<DebtorWorkflow>()(debtorLadderInput, 'A customer\'s own collection plan (only what differs), or null for the business\'s plan.'),
  'reminders.draft': method<MailDraft>()(draftInput, 'Draft a mail for a step from its template, with the PDF specification (EPC QR code) attached.'),
  'reminders.eml': method<FileBytes>()(emlInput, 'The (edited) draft as an .eml file (MIME, PDF attached, X-Unsent: 1) to open in a mail program.'),
  'reminders.markSent': method<SentMail>()(markSentInput, 'Record that the mail was sent: the exact text and the PDF as documents, and an event on every covered invoice.'),
  'templates.list': method<MailTemplate[]>()(z.object({}).strict(), 'Every mail template (step × language × tone), the user\'s edits over the defaults.'),
  'templates.save': method<MailTemplate>()(templateSaveInput, 'Save an edited template.'),
  'templates.reset': method<MailTemplate>()(templateKey, 'Go back to the default text of a template.'),
  'templates.sample': method<TemplateSample>()(z.object({ debtorId: id.optional(), step: mailStep, language: language.optional() }).strict(), 'The variables of a real customer, for the live preview of a template.'),
  'calls.sheet': method<CallSheet>()(byDebtor, 'Belvoorbereiding: everything to have at hand when calling a customer.'),
  'calls.sheetPdf': method<FileBytes>()(z.object({ debtorId: id, language: language.optional() }).strict(), 'The call sheet as a printable A4 PDF.'),
  'calls.log': method<CallLogged>()(callLogInput, 'Log a call; a promise pauses escalation until its date + grace.'),
  'invoices.dispute': method<InvoiceFlags>()(z.object({ invoiceId: id, reason: z.string().trim().min(1, { message: 'Geef aan wat de klant betwist.' }).max(2000) }).strict(), 'Mark an invoice as disputed: escalation pauses for that invoice.'),
  'invoices.resolveDispute': method<InvoiceFlags>()(z.object({ invoiceId: id, note: z.string().trim().max(2000).optional() }).strict(), 'The dispute is resolved: escalation resumes for the invoice.'),
  'invoices.stop': method<InvoiceFlags>()(z.object({ invoiceId: id, stopped: z.boolean(), reason: z.string().trim().max(2000).optional() }).strict(), 'Stop (or resume) the collection plan for one invoice.'),
  'debtors.pause': method<DebtorPauseState>()(z.object({ debtorId: id, until: isoDate, reason: z.string().trim().max(500).default('') }).strict(), 'Pause the plan for a customer until a date, e.g. because they made contact.'),
  'debtors.resume': method<DebtorPauseState>()(byDebtor, 'End a customer\'s pause.'),
};

