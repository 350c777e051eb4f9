import type { Generated } from 'kysely';

/** Row types of the SQLite schema (migrations/), as Kysely sees them. Booleans are 0/1. */
type Bool = number;
/** A step of the collection plan (paymentSteps without 'none'), as migration 006 stores it. */
type PlanStep = 'nudge' | 'reminder-1' | 'reminder-2' | 'call' | 'final-notice' | 'agency';

export interface AppMetaTable { key: string; value: string }

export interface DocumentsTable {
  id: Generated<number>;
  debtor_id: number | null;
  kind: 'invoice-pdf' | 'reminder' | 'letter' | 'mail' | 'call-sheet' | 'dossier' | 'terms' | 'confirmation' | 'other';
  file_name: string;
  mime_type: string;
  bytes: Uint8Array;
  size: number;
  sha256: string;
  is_demo: Generated<Bool>;
  created_at: string;
}

export interface BusinessTable {
  id: number;
  name: string;
  contact_name: string | null;
  street: string;
  postcode: string;
  city: string;
  country: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  kvk: string | null;
  vat_id: string | null;
  iban: string;
  bic: string | null;
  logo_document_id: number | null;
  terms_document_id: number | null;
  payment_term_days: number;
  can_deduct_vat: Bool;
  letter_language: 'nl' | 'en';
  ladder_json: Generated<string>;
  settings_json: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface DebtorsTable {
  id: Generated<number>;
  kind: 'business' | 'consumer';
  name: string;
  search_text: string;
  contact_name: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  email: string | null;
  phone: string | null;
  kvk: string | null;
  vat_id: string | null;
  iban: string | null;
  language: 'nl' | 'en';
  payment_term_days: number | null;
  ladder_json: string | null;
  interest_after_notice: Generated<Bool>;
  paused_until: string | null;
  pause_reason: string | null;
  notes: string | null;
  archived: Generated<Bool>;
  is_demo: Generated<Bool>;
  forgotten_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportsTable {
  id: Generated<number>;
  kind: 'bank' | 'invoices-csv' | 'invoices-ubl';
  file_name: string;
  sha256: string;
  counts_json: string;
  imported_at: string;
}

export interface InvoicesTable {
  id: Generated<number>;
  debtor_id: number;
  number: string;
  kind: Generated<'invoice' | 'credit-note'>;
  corrects_invoice_id: number | null;
  invoice_date: string;
  delivery_date: string | null;
  due_date: string;
  description: string;
  amount_cents: number;
  /** Maintained by triggers (migrations/001_ledger.ts); never written by the app. */
  open_cents: Generated<number>;
  payment_reference: string;
  disputed: Generated<Bool>;
  dispute_reason: string | null;
  stopped: Generated<Bool>;
  consumer_sale_of_goods: Generated<Bool>;
  source: 'manual' | 'csv' | 'ubl' | 'demo';
  import_id: number | null;
  original_document_id: number | null;
  created_at: string;
  updated_at: string;
  /** These three are kept by triggers (migrations/003_insights.ts), like open_cents; never written by the app. */
  paid_on: string | null;
  first_paid_on: string | null;
  paid_days_late: number | null;
  /** The step in force when the invoice was paid in full (a PlanStep; no CHECK); kept by triggers (migrations/006_step_facts.ts), never written by the app. */
  paid_after_step: string | null;
}

export interface PaymentsTable {
  id: Generated<number>;
  debtor_id: number | null;
  date: string;
  amount_cents: number;
  method: 'manual' | 'bank' | 'agency';
  counterparty_name: string | null;
  counterparty_iban: string | null;
  remittance: string | null;
  bank_reference: string | null;
  handover_id: number | null;
  import_id: number | null;
  note: string | null;
  created_at: string;
}

export interface PaymentAllocationsTable {
  id: Generated<number>;
  payment_id: number;
  invoice_id: number;
  installment_id: number | null;
  amount_cents: number;
}

export interface BankLinesTable {
  id: Generated<number>;
  import_id: number;
  dedupe_key: string;
  booking_date: string;
  amount_cents: number;
  direction: 'credit' | 'debit';
  counterparty_name: string | null;
  counterparty_iban: string | null;
  remittance: string;
  structured_reference: string | null;
  status: 'matched' | 'unmatched' | 'ignored';
  payment_id: number | null;
}

export interface EventsTable {
  id: Generated<number>;
  debtor_id: number;
  type: string;
  occurred_on: string;
  created_at: string;
  summary: string;
  data_json: string;
  document_id: number | null;
  corrects_event_id: number | null;
}

export interface EventInvoicesTable { event_id: number; invoice_id: number }

export interface PromisesTable {
  id: Generated<number>;
  debtor_id: number;
  event_id: number | null;
  promised_date: string;
  amount_cents: number | null;
  status: 'open' | 'kept' | 'broken' | 'cancelled';
  resolved_on: string | null;
  created_at: string;
}

export interface PaymentPlansTable {
  id: Generated<number>;
  debtor_id: number;
  principal_cents: number;
  interest_cents: number;
  costs_cents: number;
  total_cents: number;
  first_date: string;
  interval: 'week' | 'two-weeks' | 'month';
  status: 'active' | 'completed' | 'ended';
  acceleration_clause: Bool;
  ended_on: string | null;
  created_at: string;
}

export interface InstallmentsTable {
  id: Generated<number>;
  plan_id: number;
  seq: number;
  due_date: string;
  amount_cents: number;
}

export interface AgenciesTable {
  id: Generated<number>;
  name: string;
  email: string | null;
  phone: string | null;
  terms_kind: 'no-cure-no-pay' | 'fixed-fee' | 'other' | null;
  terms_percent_bp: number | null;
  terms_fee_cents: number | null;
}

export interface HandoversTable {
  id: Generated<number>;
  debtor_id: number;
  agency_id: number;
  agency_reference: string | null;
  handed_over_on: string;
  terms_kind: 'no-cure-no-pay' | 'fixed-fee' | 'other';
  terms_percent_bp: number | null;
  terms_fee_cents: number | null;
  claimed_cents: number;
  dossier_document_id: number | null;
  dossier_sha256: string | null;
  status: 'open' | 'partially-paid' | 'settled' | 'given-up' | 'returned' | 'taken-back';
  closed_on: string | null;
  created_at: string;
}

export interface TemplatesTable {
  id: Generated<number>;
  step: string;
  language: 'nl' | 'en';
  tone: 'vriendelijk' | 'zakelijk' | 'streng';
  subject: string;
  body: string;
  updated_at: string;
}

export interface StatutoryRatesTable {
  id: Generated<number>;
  kind: 'commercial' | 'consumer';
  valid_from: string;
  percent_milli: number;
  source: string;
  verified: Bool;
}

export interface CsvMappingsTable { source_key: string; mapping_json: string; updated_at: string }

/** Aging of what was open at a past month end, cents per bucket; a cache cleared by triggers (migrations/003_insights.ts). */
export interface InsightAgingTable {
  month_end: string;
  not_due: number;
  d1_30: number;
  d31_60: number;
  d61_90: number;
  over90: number;
}

export interface InsightDismissalsTable {
  debtor_id: number;
  kind: 'shorter-term' | 'advance-payment' | 'credit-check';
  /** The customer's paid invoices when dismissed: the suggestion returns 3 paid invoices later. */
  paid_invoices: number;
  dismissed_at: string;
}

/** Derived from event_invoices ⨝ events by triggers (migrations/005_invoice_events.ts); never written by the app. */
export interface InvoiceEventsTable {
  invoice_id: number;
  event_id: number;
  type: string;
  occurred_on: string;
  step: string | null;
  letter: string | null;
  last_day: string | null;
}

/** Derived by triggers (migrations/006_step_facts.ts); never written by the app. The first day each step was taken for an invoice. */
export interface InvoiceStepsTable {
  invoice_id: number;
  step: PlanStep;
  first_on: string;
  /** Days from first_on to the invoice's paid_on (negative: paid before; null: not paid). */
  paid_after_days: number | null;
}

/** Derived by triggers (migrations/006_step_facts.ts); never written by the app. Per customer and step, its invoices with that paid_after_step. */
export interface DebtorPaidStepsTable {
  debtor_id: number;
  step: PlanStep;
  invoices: number;
}

/** Derived by triggers (migrations/006_step_facts.ts); never written by the app. The step in force on the date of a payment allocated to an invoice. */
export interface AllocationStepsTable {
  allocation_id: number;
  payment_date: string;
  step: PlanStep;
  amount_cents: number;
}

export interface DB {
  app_meta: AppMetaTable;
  documents: DocumentsTable;
  business: BusinessTable;
  debtors: DebtorsTable;
  imports: ImportsTable;
  invoices: InvoicesTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  bank_lines: BankLinesTable;
  events: EventsTable;
  event_invoices: EventInvoicesTable;
  promises: PromisesTable;
  payment_plans: PaymentPlansTable;
  installments: InstallmentsTable;
  agencies: AgenciesTable;
  handovers: HandoversTable;
  templates: TemplatesTable;
  statutory_rates: StatutoryRatesTable;
  csv_mappings: CsvMappingsTable;
  insight_aging: InsightAgingTable;
  insight_dismissals: InsightDismissalsTable;
  invoice_events: InvoiceEventsTable;
  invoice_steps: InvoiceStepsTable;
  allocation_steps: AllocationStepsTable;
  debtor_paid_steps: DebtorPaidStepsTable;
}
