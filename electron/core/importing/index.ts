// Imports into the ledger (issue 8): the database side over the pure parsers of ../imports.
// Invoices (CSV with a remembered column mapping, UBL) and bank statements (with a match review);
// each commit re-reads the same bytes, takes a copy of the ledger first and writes in one transaction.
export { previewInvoiceImport, commitInvoiceImport, planInvoiceImport, headerKey } from './invoices';
export { previewBankImport, commitBankImport, analyseBank, keyedLines } from './bank';
export { loadMatchingLedger, openInvoiceChoices } from './ledgerView';
export { listImports } from './list';
