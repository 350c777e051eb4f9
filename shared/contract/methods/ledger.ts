import { z } from 'zod';
import { method } from '../define';
import { base64, id, isoDate } from '../../domain/primitives';
import {
  businessInput, creditInput, debtorInput, invoiceInput, invoiceUpdate, paymentInput,
  type Business, type Debtor, type Invoice, type Payment, type TimelineEvent,
} from '../../domain/ledger';
import { overviewQuery, type Overview, type OverviewRow } from '../../domain/overview';

export interface DemoSummary { debtors: number; invoices: number }

export interface DebtorPage {
  debtor: Debtor;
  summary: OverviewRow | null;
  invoices: Invoice[];
  payments: Payment[];
  /** The customer's credit: payments not allocated to an invoice, plus credit notes that correct no invoice. */
  credit: number;
  timeline: TimelineEvent[];
}

export interface FileBytes { fileName: string; mimeType: string; dataBase64: string }

const byId = z.object({ id }).strict();

export const ledgerMethods = {
  'setup.loadDemo': method<DemoSummary>()(z.object({}).strict(), 'Fill an empty ledger with realistic demo data, marked as such.'),
  'setup.removeDemo': method<DemoSummary>()(z.object({}).strict(), 'Remove all demo data in one step.'),
  'business.get': method<Business | null>()(z.object({}).strict(), 'The user\'s own business details.'),
  'business.save': method<Business>()(businessInput, 'Save the user\'s own business details.'),
  'debtors.create': method<Debtor>()(debtorInput, 'Add a customer (business or consumer).'),
  'debtors.update': method<Debtor>()(z.object({ id, debtor: debtorInput }).strict(), 'Change a customer\'s details.'),
  'debtors.archive': method<Debtor>()(z.object({ id, archived: z.boolean() }).strict(), 'Archive or restore a customer.'),
  'debtors.list': method<Debtor[]>()(z.object({ includeArchived: z.boolean().default(false) }).strict(), 'All customers, for pickers.'),
  'debtors.page': method<DebtorPage>()(byId, 'Everything on the debtor page: details, invoices, payments, timeline.'),
  'invoices.create': method<Invoice>()(invoiceInput, 'Add an invoice; due date and betalingskenmerk are filled in when left empty.'),
  'invoices.update': method<Invoice>()(invoiceUpdate, 'Correct an invoice, only while nothing has been sent about it.'),
  'invoices.credit': method<Invoice>()(creditInput, 'Correct an invoice by a credit note (never a silent delete).'),
  'invoices.attachPdf': method<Invoice>()(z.object({ invoiceId: id, fileName: z.string().min(1).max(200), dataBase64: base64 }).strict(), 'Attach the original invoice PDF (bytes, base64).'),
  'invoices.getPdf': method<FileBytes>()(z.object({ invoiceId: id }).strict(), 'The attached original invoice PDF (bytes, base64).'),
  'payments.record': method<Payment>()(paymentInput, 'Record a payment by hand, allocated oldest first unless told otherwise.'),
  'overview.get': method<Overview>()(overviewQuery, 'Debiteuren: totals, aging buckets and a row per debtor with open invoices.'),
  'ledger.defaultDueDate': method<{ dueDate: string; termDays: number }>()(z.object({ debtorId: id, invoiceDate: isoDate }).strict(), 'The due date an invoice gets when none is given.'),
};
