// What the payment matcher compares against: every open invoice with its customer's name and
// accounts (debtors.iban plus the accounts earlier payments came from), and the installments of
// active payment arrangements that are still open. Read in a few indexed queries.
import type { OpenInvoiceChoice, ParsedInputOf } from '../../../shared/contract';
import type { Context } from '../context';
import type { OpenInstallmentForMatching, OpenInvoiceForMatching } from '../imports';
import { foldForSearch, likeContains } from '../util/text';

export interface MatchingInstallment extends OpenInstallmentForMatching { seq: number }

export interface MatchingLedger {
  invoices: OpenInvoiceForMatching[];
  installments: MatchingInstallment[];
  invoiceById(id: number): OpenInvoiceForMatching | undefined;
  installmentById(id: number): MatchingInstallment | undefined;
  /** A customer's open invoices, oldest due date first. */
  openOfDebtor(debtorId: number): OpenInvoiceForMatching[];
  debtorName(debtorId: number): string | null;
}

export function loadMatchingLedger(ctx: Context): MatchingLedger {
  const s = ctx.sqlite;
  const rows = s.prepare(`SELECT id, debtor_id, number, payment_reference, open_cents, due_date FROM invoices INDEXED BY invoices_open
    WHERE open_cents > 0 AND kind = 'invoice' ORDER BY due_date, id`).raw().all() as [number, number, string, string, number, string][];
  const debtorRows = s.prepare(`SELECT id, name, iban FROM debtors WHERE forgotten_at IS NULL`).raw().all() as [number, string, string | null][];
  const names = new Map<number, string>();
  const ibans = new Map<number, string[]>();
  for (const [id, name, iban] of debtorRows) {
    names.set(id, name);
    ibans.set(id, iban ? [iban] : []);
  }
  const paidFrom = s.prepare(`SELECT DISTINCT debtor_id, counterparty_iban FROM payments INDEXED BY payments_counterparty_iban
    WHERE counterparty_iban IS NOT NULL AND debtor_id IS NOT NULL`).raw().all() as [number, string][];
  for (const [debtorId, iban] of paidFrom) {
    const list = ibans.get(debtorId);
    if (list && !list.includes(iban)) list.push(iban);
  }
  const noIbans: string[] = [];
  const invoices: OpenInvoiceForMatching[] = rows.map(([id, debtorId, number, reference, open, due]) => ({
    invoiceId: id, debtorId, number, paymentReference: reference, openAmount: open, dueDate: due,
    debtorName: names.get(debtorId) ?? '', debtorIbans: ibans.get(debtorId) ?? noIbans,
  }));

  // Installments: what the customer paid since the arrangement was agreed fills them in order.
  const plans = s.prepare(`SELECT pp.id, pp.debtor_id,
      COALESCE((SELECT MIN(e.occurred_on) FROM events e WHERE e.debtor_id = pp.debtor_id AND e.type = 'arrangement.created' AND json_extract(e.data_json, '$.planId') = pp.id),
               substr(pp.created_at, 1, 10)) AS agreed_on
    FROM payment_plans pp WHERE pp.status = 'active'`).all() as { id: number; debtor_id: number; agreed_on: string }[];
  const installments: MatchingInstallment[] = [];
  const instRows = s.prepare('SELECT id, seq, due_date, amount_cents FROM installments WHERE plan_id = ? ORDER BY seq');
  const paidSince = s.prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE debtor_id = ? AND date >= ?').pluck();
  for (const plan of plans) {
    let paid = paidSince.get(plan.debtor_id, plan.agreed_on) as number;
    for (const inst of instRows.all(plan.id) as { id: number; seq: number; due_date: string; amount_cents: number }[]) {
      const take = Math.min(paid, inst.amount_cents);
      paid -= take;
      const open = inst.amount_cents - take;
      if (open > 0) {
        installments.push({
          installmentId: inst.id, arrangementId: plan.id, debtorId: plan.debtor_id, amount: open, dueDate: inst.due_date, seq: inst.seq,
          debtorName: names.get(plan.debtor_id) ?? '', debtorIbans: ibans.get(plan.debtor_id) ?? noIbans,
        });
      }
    }
  }

  let byId: Map<number, OpenInvoiceForMatching> | null = null;
  let byDebtor: Map<number, OpenInvoiceForMatching[]> | null = null;
  const instById = new Map(installments.map((i) => [i.installmentId, i]));
  return {
    invoices,
    installments,
    invoiceById(id) {
      byId ??= new Map(invoices.map((i) => [i.invoiceId, i]));
      return byId.get(id);
    },
    installmentById: (id) => instById.get(id),
    openOfDebtor(debtorId) {
      if (!byDebtor) {
        byDebtor = new Map();
        for (const inv of invoices) (byDebtor.get(inv.debtorId) ?? byDebtor.set(inv.debtorId, []).get(inv.debtorId)!).push(inv);
      }
      return byDebtor.get(debtorId) ?? [];
    },
    debtorName: (id) => names.get(id) ?? null,
  };
}

/** Open invoices to pick from for a bank line without a match: by invoice number or customer name. */
export function openInvoiceChoices(ctx: Context, input: ParsedInputOf<'imports.openInvoices'>): OpenInvoiceChoice[] {
  const search = input.search ? foldForSearch(input.search) : '';
  const where = search ? `AND (d.search_text LIKE @like ESCAPE '\\' OR lower(i.number) LIKE @like ESCAPE '\\')` : '';
  const rows = ctx.sqlite.prepare(`SELECT i.id, i.number, i.debtor_id AS debtorId, d.name AS debtorName, i.open_cents AS open, i.due_date AS dueDate
    FROM invoices i INDEXED BY invoices_open JOIN debtors d ON d.id = i.debtor_id
    WHERE i.open_cents > 0 AND i.kind = 'invoice' ${where} ORDER BY d.search_text, i.due_date, i.id LIMIT @limit`)
    .all({ limit: input.limit, ...(search ? { like: likeContains(search) } : {}) }) as OpenInvoiceChoice[];
  return rows;
}
