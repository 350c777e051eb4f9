import type { Invoice, Payment } from '../../../shared/domain/ledger';
import { daysBetween } from '../../../shared/domain/dates';
import type { Context } from '../context';

/**
 * Open amounts are derived, never stored: amount − payments allocated − credit notes. This is the
 * one place that says so; every query that needs an open amount selects from this view.
 */
export const INVOICE_BALANCE_SQL = `
  SELECT i.*,
    COALESCE((SELECT SUM(a.amount_cents) FROM payment_allocations a WHERE a.invoice_id = i.id), 0) AS paid_cents,
    COALESCE((SELECT SUM(c.amount_cents) FROM invoices c WHERE c.corrects_invoice_id = i.id AND c.kind = 'credit-note'), 0) AS credited_cents
  FROM invoices i`;

/** Event types that mean "something about this invoice went to the customer". */
export const SENT_EVENT_TYPES = ['nudge.sent', 'reminder.sent', 'letter.sent', 'registered.sent', 'mail.sent', 'call.confirmation-sent'];

export interface InvoiceBalanceRow {
  id: number; debtor_id: number; number: string; kind: 'invoice' | 'credit-note'; corrects_invoice_id: number | null;
  invoice_date: string; delivery_date: string | null; due_date: string; description: string; amount_cents: number;
  payment_reference: string; disputed: number; dispute_reason: string | null; source: Invoice['source'];
  original_document_id: number | null; paid_cents: number; credited_cents: number;
}

export function toInvoice(r: InvoiceBalanceRow, today: string, locked: boolean): Invoice {
  const open = r.kind === 'invoice' ? Math.max(0, r.amount_cents - r.paid_cents - r.credited_cents) : 0;
  const status = r.kind === 'credit-note' ? 'credited' : open > 0 ? 'open' : r.credited_cents >= r.amount_cents ? 'credited' : 'paid';
  return {
    id: r.id, debtorId: r.debtor_id, number: r.number, kind: r.kind, correctsInvoiceId: r.corrects_invoice_id,
    invoiceDate: r.invoice_date, deliveryDate: r.delivery_date, dueDate: r.due_date, description: r.description,
    amount: r.amount_cents, paid: r.paid_cents, credited: r.credited_cents, open,
    paymentReference: r.payment_reference, disputed: r.disputed === 1, disputeReason: r.dispute_reason,
    source: r.source, hasPdf: r.original_document_id !== null, locked, status,
    daysOverdue: daysBetween(r.due_date, today),
  };
}

export function lockedInvoiceIds(ctx: Context, invoiceIds: number[]): Set<number> {
  if (invoiceIds.length === 0) return new Set();
  const placeholders = SENT_EVENT_TYPES.map(() => '?').join(',');
  const rows = ctx.sqlite.prepare(`
    SELECT DISTINCT ei.invoice_id AS id FROM event_invoices ei JOIN events e ON e.id = ei.event_id
    WHERE e.type IN (${placeholders}) AND ei.invoice_id IN (SELECT value FROM json_each(?))
    UNION SELECT DISTINCT invoice_id FROM payment_allocations WHERE invoice_id IN (SELECT value FROM json_each(?))
  `).all(...SENT_EVENT_TYPES, JSON.stringify(invoiceIds), JSON.stringify(invoiceIds)) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

export function invoicesOfDebtor(ctx: Context, debtorId: number): Invoice[] {
  const rows = ctx.sqlite.prepare(`${INVOICE_BALANCE_SQL} WHERE i.debtor_id = ? ORDER BY i.due_date, i.id`).all(debtorId) as InvoiceBalanceRow[];
  const locked = lockedInvoiceIds(ctx, rows.map((r) => r.id));
  return rows.map((r) => toInvoice(r, ctx.today(), locked.has(r.id)));
}

export function invoiceById(ctx: Context, id: number): Invoice | null {
  const row = ctx.sqlite.prepare(`${INVOICE_BALANCE_SQL} WHERE i.id = ?`).get(id) as InvoiceBalanceRow | undefined;
  if (!row) return null;
  return toInvoice(row, ctx.today(), lockedInvoiceIds(ctx, [id]).has(id));
}

/**
 * What the customer has to their credit: money paid but allocated to no invoice, plus credit notes
 * that correct no invoice (an imported credit note whose invoice is unknown or has less open than
 * it credits: importing/invoices.ts books it as the customer's credit). A credit note on an invoice
 * already lowered that invoice's open amount, so it is not credit.
 *
 * `agreedCharges`: the interest and collection costs the customer agreed to pay in a payment
 * arrangement (agreedChargesOf). The ledger allocates payments to invoices only, so what is paid
 * beyond the invoices under such an arrangement settles those charges; it is not money owed back.
 */
export function creditOf(invoices: readonly Invoice[], payments: readonly Payment[], agreedCharges = 0): number {
  const unallocated = payments.reduce((s, p) => s + p.unallocated, 0);
  const creditNotes = invoices.filter((i) => i.kind === 'credit-note' && i.correctsInvoiceId === null).reduce((s, i) => s + i.amount, 0);
  return Math.max(0, unallocated + creditNotes - agreedCharges);
}

/**
 * The interest and costs in the customer's latest payment arrangement (0 without one). Only the
 * latest: a new arrangement after an ended one restates the whole claim, charges included.
 */
export function agreedChargesOf(ctx: Context, debtorId: number): number {
  return (ctx.sqlite.prepare('SELECT interest_cents + costs_cents FROM payment_plans WHERE debtor_id = ? ORDER BY id DESC LIMIT 1')
    .pluck().get(debtorId) as number | undefined) ?? 0;
}
