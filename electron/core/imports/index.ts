// The pure import layer of issue 8: bank statements and invoices in, plain records out, and the
// payment matcher. No database here; the service above applies what the user confirms.
export type {
  BankFormat, BankStatement, BankTransaction, Cents, ImportedCustomer, ImportedInvoice, IsoDate, StatementBalance,
} from './types';
export { ImportError, isImportError, type ImportErrorCode } from './importError';
export { MAX_IMPORT_BYTES, MAX_ZIP_ENTRIES, MAX_ZIP_UNCOMPRESSED_BYTES } from './limits';
export { parseBankFile, type ParseBankOptions } from './parseBankFile';
export { assertBalancesAddUp } from './balances';
export { parseUblFile } from './ubl';
export { sniffCsv, type CsvTable, type CsvDelimiter } from './csvTable';
export { guessInvoiceMapping, applyInvoiceMapping, type InvoiceField, type InvoiceMapping, type MappedInvoiceRow } from './invoiceCsv';
export {
  matchPayments, summariseProposals,
  type MatchProposal, type MatchAllocation, type MatchKind, type MatchConfidence, type OpenInvoiceForMatching, type OpenInstallmentForMatching,
} from './matchPayments';
export { dedupeKey, dedupeKeys } from './dedupeKey';
export { normaliseName } from './names';
