import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Context } from './context';
import { getBusiness, saveBusiness } from './ledger/business';
import { getDebtorPage } from './ledger/debtorPage';
import { archiveDebtor, createDebtor, listDebtors, updateDebtor } from './ledger/debtors';
import { loadDemo, removeDemo } from './ledger/demo';
import { attachInvoicePdf, createInvoice, creditInvoice, defaultDueDate, getInvoicePdf, updateInvoice } from './ledger/invoices';
import { getOverview } from './ledger/overview';
import { recordManualPayment } from './ledger/payments';
import { appInfo } from './system/appInfo';
import { arrangementHandlers } from './workflow/arrangementHandlers';
import { workflowHandlers } from './workflow/handlers';
import { backupStatus, checkIntegrity, createBackupDownload, exportAll, forgetDebtor, importAll, listBackups, restoreBackup } from './backup';
import { calculateInterest, deleteRate, listRates, saveRate } from './law/rates';
import { applyTerm, dismissSuggestion, getDebtorInsights, getInsights } from './insights';
import { exportInsightsCsv } from './insights/export';
import { checkHandover, dossierOfHandover, exportDossier, getTerms, listAgencies, listHandovers, recordHandover, saveTerms, takeBackHandover, updateHandover } from './handover';
import {
  batchLetters, getLetter, getLetterSettings, letterOptions, limitationOfDebtor, limitationWarnings, listLetters, previewLetter, produceLetter,
  recordRegistered, saveLetterSettings, testPrint,
} from './letters';
import { commitBankImport, commitInvoiceImport, listImports, openInvoiceChoices, previewBankImport, previewInvoiceImport } from './importing';

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: Context) => Promise<OutputOf<M>> | OutputOf<M>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** Every contract method bound to the service that implements it (the type makes it complete). */
export const handlers: Handlers = {
  'app.info': (_input, ctx) => appInfo(ctx),
  'setup.loadDemo': (_input, ctx) => loadDemo(ctx),
  'setup.removeDemo': (_input, ctx) => removeDemo(ctx),
  'business.get': (_input, ctx) => getBusiness(ctx),
  'business.save': (input, ctx) => saveBusiness(ctx, input),
  'debtors.create': (input, ctx) => createDebtor(ctx, input),
  'debtors.update': (input, ctx) => updateDebtor(ctx, input.id, input.debtor),
  'debtors.archive': (input, ctx) => archiveDebtor(ctx, input.id, input.archived),
  'debtors.list': (input, ctx) => listDebtors(ctx, input.includeArchived),
  'debtors.page': (input, ctx) => getDebtorPage(ctx, input.id),
  'invoices.create': (input, ctx) => createInvoice(ctx, input),
  'invoices.update': (input, ctx) => updateInvoice(ctx, input),
  'invoices.credit': (input, ctx) => creditInvoice(ctx, input),
  'invoices.attachPdf': (input, ctx) => attachInvoicePdf(ctx, input),
  'invoices.getPdf': (input, ctx) => getInvoicePdf(ctx, input.invoiceId),
  'payments.record': (input, ctx) => recordManualPayment(ctx, input),
  'overview.get': (input, ctx) => getOverview(ctx, input),
  'ledger.defaultDueDate': (input, ctx) => defaultDueDate(ctx, input.debtorId, input.invoiceDate),
  'law.rates': (_input, ctx) => listRates(ctx),
  'law.saveRate': (input, ctx) => saveRate(ctx, input),
  'law.deleteRate': (input, ctx) => deleteRate(ctx, input),
  'law.interest': (input, ctx) => calculateInterest(ctx, input),
  'letters.settings': (_input, ctx) => getLetterSettings(ctx),
  'letters.saveSettings': (input, ctx) => saveLetterSettings(ctx, input),
  'letters.testPrint': (input, ctx) => testPrint(ctx, input.window),
  'letters.options': (input, ctx) => letterOptions(ctx, input.debtorId, input.date),
  'letters.preview': (input, ctx) => previewLetter(ctx, input),
  'letters.produce': (input, ctx) => produceLetter(ctx, input),
  'letters.get': (input, ctx) => getLetter(ctx, input.documentId),
  'letters.list': (input, ctx) => listLetters(ctx, input.debtorId),
  'letters.registered': (input, ctx) => recordRegistered(ctx, input),
  'letters.batch': (input, ctx) => batchLetters(ctx, input),
  'letters.limitation': (input, ctx) => limitationOfDebtor(ctx, input.debtorId),
  'letters.limitationWarnings': (input, ctx) => limitationWarnings(ctx, input.withinMonths),
  'backup.status': (_input, ctx) => backupStatus(ctx),
  'backup.list': (_input, ctx) => listBackups(ctx),
  'backup.create': (_input, ctx) => createBackupDownload(ctx),
  'backup.checkIntegrity': (_input, ctx) => checkIntegrity(ctx),
  'backup.restore': (input, ctx) => restoreBackup(ctx, input),
  'backup.exportAll': (_input, ctx) => exportAll(ctx),
  'backup.importAll': (input, ctx) => importAll(ctx, input.dataBase64),
  'debtors.forget': (input, ctx) => forgetDebtor(ctx, input.id),
  'handover.check': (input, ctx) => checkHandover(ctx, input.debtorId),
  'handover.exportDossier': (input, ctx) => exportDossier(ctx, input.debtorId),
  'handover.record': (input, ctx) => recordHandover(ctx, input),
  'handover.update': (input, ctx) => updateHandover(ctx, input),
  'handover.takeBack': (input, ctx) => takeBackHandover(ctx, input),
  'handover.list': (input, ctx) => listHandovers(ctx, input.debtorId),
  'handover.agencies': (_input, ctx) => listAgencies(ctx),
  'handover.getDossier': (input, ctx) => dossierOfHandover(ctx, input.handoverId),
  'business.saveTerms': (input, ctx) => saveTerms(ctx, input),
  'business.getTerms': (_input, ctx) => getTerms(ctx),
  'insights.get': (_input, ctx) => getInsights(ctx),
  'insights.debtor': (input, ctx) => getDebtorInsights(ctx, input.debtorId),
  'insights.applyTerm': (input, ctx) => applyTerm(ctx, input),
  'insights.dismiss': (input, ctx) => dismissSuggestion(ctx, input),
  'insights.exportCsv': (input, ctx) => exportInsightsCsv(ctx, input),
  'imports.invoices.preview': (input, ctx) => previewInvoiceImport(ctx, input),
  'imports.invoices.commit': (input, ctx) => commitInvoiceImport(ctx, input),
  'imports.bank.preview': (input, ctx) => previewBankImport(ctx, input),
  'imports.bank.commit': (input, ctx) => commitBankImport(ctx, input),
  'imports.list': (input, ctx) => listImports(ctx, input.limit),
  'imports.openInvoices': (input, ctx) => openInvoiceChoices(ctx, input),
  ...workflowHandlers,
  ...arrangementHandlers,
};
