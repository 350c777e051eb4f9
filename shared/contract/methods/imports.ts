import { z } from 'zod';
import { method } from '../define';
import { id, positiveCents } from '../../domain/primitives';

// Bringing money and invoices in (issue 8): invoices from a CSV export or UBL e-invoices, bank
// statements (camt.053/054, MT940, bank CSVs) with a match review. Every method takes the file's
// bytes (base64); a commit reads the same bytes again and never trusts what a preview answered.
// The implementation is in electron/core/importing/ (the pure parsers in electron/core/imports/).

/** The largest file an import accepts: equal to MAX_IMPORT_BYTES of electron/core/imports/limits.ts (a test checks). */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;
/** …as base64 text. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

const TOO_LARGE = `Het bestand is te groot: het maximum is ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB. Exporteer een kortere periode.`;

/** File bytes as base64; refused by length before anything looks at the content. */
export const importData = z.string()
  .max(MAX_IMPORT_BASE64_CHARS, { message: TOO_LARGE, abort: true })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Geen geldige bestandsinhoud (base64).' });

const fileName = z.string().trim().min(1, { message: 'De bestandsnaam ontbreekt.' }).max(255);
const importFile = z.object({ fileName, dataBase64: importData }).strict();

/** The fields an invoice CSV column can hold (the same list as InvoiceField in electron/core/imports/invoiceCsv.ts). */
export const INVOICE_FIELDS = [
  'number', 'customerName', 'contactName', 'email', 'phone', 'kvk', 'vatId',
  'street', 'postcode', 'city', 'country',
  'issueDate', 'dueDate', 'paymentTermDays',
  'amount', 'amountExclVat', 'vatAmount', 'openAmount',
  'description', 'paymentReference', 'currency',
] as const;
export type InvoiceFieldName = (typeof INVOICE_FIELDS)[number];
/** Field → column (0-based); a field without a column is left out. */
export type InvoiceColumnMapping = Partial<Record<InvoiceFieldName, number>>;

const column = z.number().int().min(0).max(999);
export const invoiceMappingSchema = z.object(Object.fromEntries(INVOICE_FIELDS.map((f) => [f, column.optional()])) as Record<InvoiceFieldName, z.ZodOptional<typeof column>>).strict();

const invoiceImportInput = {
  fileName,
  dataBase64: importData,
  /** More UBL files chosen together with the first (several XML files at once). */
  extraFiles: z.array(importFile).max(500).optional(),
  /** CSV: the columns the user chose; without it the remembered or guessed mapping is used. */
  mapping: invoiceMappingSchema.optional(),
  /** CSV: a name for where the file comes from ("Moneybird"); the mapping is remembered under it too. */
  sourceKey: z.string().trim().min(1).max(100).optional(),
};

export const invoicesPreviewInput = z.object(invoiceImportInput).strict();
export const invoicesCommitInput = z.object({
  ...invoiceImportInput,
  /** Rows (CSV: index into the rows; UBL: index of the document) the user chose to leave out, e.g. the rows with problems. */
  rowsToSkip: z.array(z.number().int().min(0)).max(1_000_000).optional(),
}).strict();

export type InvoiceImportStatus = 'new' | 'duplicate' | 'paid' | 'error';
export type CustomerMatch = 'kvk' | 'email' | 'name' | 'new';

export interface InvoiceImportRow {
  /** What rowsToSkip names. */
  index: number;
  /** "rij 3" (the line in the CSV, header = 1) or the file name of a UBL document. */
  label: string;
  status: InvoiceImportStatus;
  /** Why the row cannot be imported (Dutch). Any problem refuses the whole import unless the row is skipped. */
  problems: string[];
  /** What the user should know; does not stop the import (Dutch). */
  warnings: string[];
  /** CSV: the number and customer cells as written, to recognise a row that could not be read. */
  raw: { number: string | null; customer: string | null } | null;
  invoice: null | {
    number: string;
    kind: 'invoice' | 'credit-note';
    issueDate: string;
    dueDate: string | null;
    amount: number;
    /** What the file says is still open, when it says so. */
    openAmount: number | null;
    description: string;
    paymentReference: string | null;
    currency: string;
  };
  customer: null | {
    name: string;
    kvk: string | null;
    email: string | null;
    match: CustomerMatch;
    /** The existing customer (match ≠ new). */
    debtorId: number | null;
    debtorName: string | null;
    /** For a new customer: business (KvK, btw-id, legal form or contact person) or consumer. */
    kind: 'business' | 'consumer';
  };
  /** Credit notes: what they reduce. */
  credit: null | {
    target: 'invoice' | 'debtor';
    /** The invoice it corrects (target invoice), or the one it names but cannot reduce. */
    invoiceNumber: string | null;
    invoiceId: number | null;
    inThisFile: boolean;
  };
}

export interface InvoiceImportCounts {
  /** Rows (CSV) or documents (UBL) read. */
  rows: number;
  invoices: number;
  creditNotes: number;
  /** Already in the ledger: skipped. */
  duplicates: number;
  /** Fully paid according to the file: skipped. */
  paid: number;
  errors: number;
  skipped: number;
  newDebtors: number;
  existingDebtors: number;
}

export interface CsvMappingView {
  delimiter: string;
  encoding: string;
  headers: string[];
  /** The first rows, to show next to each column. */
  sample: string[][];
  /** The key the mapping is remembered under: the user's source name, or a hash of the header row. */
  sourceKey: string;
  mapping: InvoiceColumnMapping;
  guessed: InvoiceColumnMapping;
  mappingOrigin: 'given' | 'remembered' | 'guessed';
}

export interface InvoiceImportPreview {
  format: 'csv' | 'ubl';
  fileName: string;
  sha256: string;
  csv: CsvMappingView | null;
  rows: InvoiceImportRow[];
  counts: InvoiceImportCounts;
  /** The same bytes were imported before (re-importing changes nothing: duplicates are skipped). */
  importedBefore: { id: number; importedAt: string } | null;
}

export interface ImportResult {
  /** The imports row; null when nothing was new (then nothing was written at all). */
  importId: number | null;
  unchanged: boolean;
  kind: ImportKind;
  fileName: string;
  counts: Record<string, number>;
  /** The copy of the ledger taken just before (backups folder), when one was made. */
  backupFile: string | null;
}

export type ImportKind = 'bank' | 'invoices-csv' | 'invoices-ubl';

// --- bank --------------------------------------------------------------------------------------

export const bankPreviewInput = z.object({ fileName, dataBase64: importData }).strict();

const decision = z.object({
  lineKey: z.string().min(1).max(200),
  accept: z.boolean(),
  /** The invoices this credit pays; what is left stays as credit of the customer. Without it: the proposal's. */
  allocations: z.array(z.object({ invoiceId: id, amount: positiveCents }).strict()).max(1000).optional(),
  /** The customer the payment belongs to (required for a payment without allocations that has no proposal). */
  debtorId: id.optional(),
}).strict();

export const bankCommitInput = z.object({
  fileName,
  dataBase64: importData,
  /** Per new line: record it as a payment or not. A line without a decision follows the proposal's tick. */
  decisions: z.array(decision).max(200_000).default([]),
}).strict();

export type BankLineKind = 'invoices' | 'installment' | 'unmatched' | 'ignored-debit';
export type BankConfidence = 'certain' | 'likely' | 'doubtful' | 'none';

export interface BankImportAllocation {
  invoiceId: number;
  invoiceNumber: string;
  debtorId: number;
  debtorName: string;
  amount: number;
  /** What the invoice had open before this file. */
  openBefore: number;
  dueDate: string;
}

export interface BankImportLine {
  /** The line's dedupe key: what a decision names. */
  key: string;
  bookingDate: string;
  amount: number;
  direction: 'credit' | 'debit';
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  remittance: string;
  structuredReference: string | null;
  kind: BankLineKind;
  confidence: BankConfidence;
  reason: string;
  reasonEn: string;
  /** Proposed as checked. */
  ticked: boolean;
  allocations: BankImportAllocation[];
  installment: null | { installmentId: number; planId: number; seq: number; dueDate: string; amount: number };
  /** Overpayment that would stay as the customer's credit. */
  credit: number;
  debtorId: number | null;
  debtorName: string | null;
}

export interface BankImportCounts {
  /** Lines in the file. */
  lines: number;
  /** Already in the ledger ("al eerder ingelezen"): left out. */
  alreadyImported: number;
  new: number;
  certain: number;
  likely: number;
  doubtful: number;
  /** Credits without a proposal. */
  unmatched: number;
  debits: number;
  ticked: number;
}

export interface BankImportPreview {
  fileName: string;
  sha256: string;
  formats: string[];
  statements: { format: string; account: string | null; statementId: string | null; lines: number; from: string | null; to: string | null }[];
  /** The new lines, in the order of the file. */
  lines: BankImportLine[];
  counts: BankImportCounts;
  importedBefore: { id: number; importedAt: string } | null;
}

export interface ImportRecord {
  id: number;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  importedAt: string;
  counts: Record<string, number>;
}

export interface OpenInvoiceChoice {
  id: number;
  number: string;
  debtorId: number;
  debtorName: string;
  open: number;
  dueDate: string;
}

export const importsMethods = {
  'imports.invoices.preview': method<InvoiceImportPreview>()(invoicesPreviewInput,
    'Read an invoice CSV (with the guessed or remembered column mapping) or UBL file(s)/zip: every row with its problems and how its customer is matched. Writes nothing.'),
  'imports.invoices.commit': method<ImportResult>()(invoicesCommitInput,
    'Import the same bytes in one transaction: new customers, invoices, credit notes, the import record and timeline events. Duplicates are skipped; any row with a problem refuses the import unless skipped.'),
  'imports.bank.preview': method<BankImportPreview>()(bankPreviewInput,
    'Read a bank statement (camt.053/054, zip, MT940, ING/Rabobank/ABN AMRO CSV): lines imported before are left out, the rest matched to open invoices and installments. Writes nothing.'),
  'imports.bank.commit': method<ImportResult>()(bankCommitInput,
    'Import the same bytes in one transaction: every new line, the accepted payments with their allocations (overpayment stays as credit), the import record and events.'),
  'imports.list': method<ImportRecord[]>()(z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(), 'Earlier imports, newest first: file, hash, date, counts.'),
  'imports.openInvoices': method<OpenInvoiceChoice[]>()(z.object({ search: z.string().trim().max(100).optional(), limit: z.number().int().min(1).max(2000).default(500) }).strict(),
    'Open invoices to choose from for a bank line without a match (by number or customer name).'),
};
