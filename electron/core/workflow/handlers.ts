import type { workflowMethods } from '../../../shared/contract/methods/workflow';
import type { Handler } from '../handlers';
import { callSheet, callSheetPdf, logCall } from './calls';
import { draftReminder, markReminderSent, reminderEml } from './drafts';
import { disputeInvoice, pauseDebtor, resolveDispute, resumeDebtor, stopInvoice } from './pauses';
import { debtorWorkflow, getWorkflowSettings, saveDebtorLadder, saveWorkflowSettings } from './settings';
import { listTemplates, resetTemplate, saveTemplate } from './templates';
import { getToday, templateSample } from './today';

/** The workflow methods (shared/contract/methods/workflow.ts) bound to their services. */
export const workflowHandlers: { [M in keyof typeof workflowMethods]: Handler<M> } = {
  'workflow.today': (_input, ctx) => getToday(ctx),
  'workflow.debtor': (input, ctx) => debtorWorkflow(ctx, input.debtorId),
  'workflow.settings': (_input, ctx) => getWorkflowSettings(ctx),
  'workflow.saveSettings': (input, ctx) => saveWorkflowSettings(ctx, input),
  'workflow.saveDebtorLadder': (input, ctx) => saveDebtorLadder(ctx, input),
  'reminders.draft': (input, ctx) => draftReminder(ctx, input),
  'reminders.eml': (input, ctx) => reminderEml(ctx, input),
  'reminders.markSent': (input, ctx) => markReminderSent(ctx, input),
  'templates.list': (_input, ctx) => listTemplates(ctx),
  'templates.save': (input, ctx) => saveTemplate(ctx, input),
  'templates.reset': (input, ctx) => resetTemplate(ctx, input),
  'templates.sample': (input, ctx) => templateSample(ctx, input),
  'calls.sheet': (input, ctx) => callSheet(ctx, input.debtorId),
  'calls.sheetPdf': (input, ctx) => callSheetPdf(ctx, input),
  'calls.log': (input, ctx) => logCall(ctx, input),
  'invoices.dispute': (input, ctx) => disputeInvoice(ctx, input),
  'invoices.resolveDispute': (input, ctx) => resolveDispute(ctx, input),
  'invoices.stop': (input, ctx) => stopInvoice(ctx, input),
  'debtors.pause': (input, ctx) => pauseDebtor(ctx, input),
  'debtors.resume': (input, ctx) => resumeDebtor(ctx, input),
};
