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
import { calculateInterest, deleteRate, listRates, saveRate } from './law/rates';

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
};
