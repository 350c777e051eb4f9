// Small, valid inputs for the ledger methods; a test overrides only what its rule is about.
import { addDays as addDaysToDate, format, parseISO } from 'date-fns';
import type { Backend } from '../../electron/core/backend';
import type { InputOf } from '../../shared/contract';
import type { Debtor, Invoice } from '../../shared/domain/ledger';
import { call } from './backend';

/** `2026-11-24` + n days, as `yyyy-MM-dd`. */
export function addDays(date: string, days: number): string {
  return format(addDaysToDate(parseISO(date), days), 'yyyy-MM-dd');
}

export function aBusiness(overrides: Partial<InputOf<'business.save'>> = {}): InputOf<'business.save'> {
  return {
    name: 'Ontwerpstudio Test',
    street: 'Teststraat 1',
    postcode: '3512 AB',
    city: 'Utrecht',
    iban: 'NL91ABNA0417164300',
    ...overrides,
  };
}

export function aDebtor(overrides: Partial<InputOf<'debtors.create'>> = {}): InputOf<'debtors.create'> {
  return { kind: 'business', name: 'Klant B.V.', ...overrides };
}

let invoiceSeq = 0;

/** An invoice of € 100 dated 30 days before its due date; the number is unique per call. */
export function anInvoice(debtorId: number, overrides: Partial<InputOf<'invoices.create'>> = {}): InputOf<'invoices.create'> {
  invoiceSeq += 1;
  const dueDate = overrides.dueDate ?? '2026-12-01';
  return {
    debtorId,
    number: `T-${String(invoiceSeq).padStart(4, '0')}`,
    invoiceDate: addDays(dueDate, -30),
    dueDate,
    amount: 100_00,
    ...overrides,
  };
}

export function createDebtor(backend: Backend, overrides: Partial<InputOf<'debtors.create'>> = {}): Promise<Debtor> {
  return call(backend, 'debtors.create', aDebtor(overrides));
}

export function createInvoice(backend: Backend, debtorId: number, overrides: Partial<InputOf<'invoices.create'>> = {}): Promise<Invoice> {
  return call(backend, 'invoices.create', anInvoice(debtorId, overrides));
}

/** An invoice CSV (the Dutch column names the import recognises) for imports.invoices.*, one invoice per line. */
export const invoiceCsv = (lines: string[]) => ({
  fileName: 'facturen.csv',
  dataBase64: Buffer.from(['Factuurnummer;Klant;Factuurdatum;Vervaldatum;Totaal incl. btw;Omschrijving', ...lines].join('\r\n') + '\r\n').toString('base64'),
});
