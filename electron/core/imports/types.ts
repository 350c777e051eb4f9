// Records that the import parsers produce and the matcher consumes. Plain data, no database:
// money is integer euro cents, dates are `yyyy-MM-dd` strings.
import type { Cents, IsoDate } from '../../../shared/domain/primitives';

export type { Cents, IsoDate };
export { ImportError } from './importError';
export type { ImportErrorCode } from './importError';

export type BankFormat = 'camt.053' | 'camt.054' | 'mt940' | 'csv-ing' | 'csv-rabobank' | 'csv-abnamro';

/** One booked line of a bank statement, seen from the account holder. */
export interface BankTransaction {
  /** The day the bank booked it. */
  bookingDate: IsoDate;
  /** The day interest starts counting (rentedatum), when the bank gives it. */
  valueDate?: IsoDate;
  /** Always positive; the sign is in `direction`. */
  amount: Cents;
  /** credit = money came in, debit = money went out. */
  direction: 'credit' | 'debit';
  /** ISO 4217 code of this line; the parsers always fill it (the statement's currency unless the line says otherwise). */
  currency?: string;
  counterpartyName?: string;
  /** The counterparty's IBAN, upper case without spaces (only when it has the shape of an IBAN). */
  counterpartyIban?: string;
  /** A counterparty account that is not an IBAN (old Dutch account numbers, giro numbers). */
  counterpartyAccount?: string;
  /** The SEPA end-to-end id (EREF); never `NOTPROVIDED`. */
  endToEndId?: string;
  /** The bank's own unique id for this line, where the bank gives one (camt AcctSvcrRef, MT940 `//` reference, Rabobank volgnummer). */
  bankReference?: string;
  /** Unstructured remittance text (omschrijving), whitespace collapsed. */
  remittance: string;
  /** A structured creditor reference: betalingskenmerk or RF reference, as the bank gave it. */
  structuredReference?: string;
  /** True when the bank marks the line as a reversal (storno) of an earlier one. */
  reversal?: boolean;
  /** The line as it stood in the file (MT940 and CSV), for the user to read. */
  raw?: string;
}

export interface StatementBalance {
  date: IsoDate;
  /** Signed: negative when the account is overdrawn. */
  amount: Cents;
  /** The currency the file gives for this balance (camt states it per balance). */
  currency?: string;
}

export interface BankStatement {
  format: BankFormat;
  /** The account the statement is about, when it is an IBAN. */
  accountIban?: string;
  /** The account when it is not an IBAN (old account numbers in old MT940 and ABN AMRO TXT files). */
  accountNumber?: string;
  statementId?: string;
  currency: string;
  openingBalance?: StatementBalance;
  closingBalance?: StatementBalance;
  transactions: BankTransaction[];
  /** The file (or zip entry) it came from. */
  sourceName?: string;
}

export interface ImportedCustomer {
  name: string;
  /** The trading name (PartyName) when it differs from the registered name. */
  tradingName?: string;
  contactName?: string;
  email?: string;
  phone?: string;
  street?: string;
  postcode?: string;
  city?: string;
  /** ISO 3166 alpha-2. */
  country?: string;
  /** KvK number (8 digits). */
  kvk?: string;
  vatId?: string;
}

export interface ImportedInvoice {
  number: string;
  issueDate: IsoDate;
  dueDate?: IsoDate;
  deliveryDate?: IsoDate;
  kind: 'invoice' | 'credit-note';
  currency: string;
  /** What the customer has to pay (credit notes: the positive amount credited). */
  payableAmount: Cents;
  /** What is still open, when the source says so (a CSV with an "openstaand" column). */
  openAmount?: Cents;
  taxExclusive?: Cents;
  taxAmount?: Cents;
  customer: ImportedCustomer;
  paymentReference?: string;
  /** The account the customer is asked to pay to, upper case without spaces. */
  payeeIban?: string;
  /** The lines' descriptions joined with "; ". */
  description: string;
  /** For a credit note: the number of the invoice it corrects. */
  billingReference?: string;
  /** UBL InvoiceTypeCode / CreditNoteTypeCode (380, 381, …). */
  documentTypeCode?: string;
  /** The seller as the document names it, to check that the invoice is the user's own. */
  supplier?: { name?: string; kvk?: string; vatId?: string };
  /** Things the user should know that do not stop the import (Dutch). */
  warnings?: string[];
  /** The file (or zip entry) it came from. */
  sourceName?: string;
}
