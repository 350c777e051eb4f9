import type { Payment } from '../../../shared/domain/ledger';
import type { ParsedInputOf } from '../../../shared/contract';
import { formatCents } from '../../../shared/domain/money';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError } from '../errors';
import { invoicesOfDebtor } from './balances';
import { getDebtorRow } from './debtors';
import { addEvent } from './events';

export interface Allocation { invoiceId: number; amount: number }

/** Oldest due date first: the customer's oldest debt is settled first unless they say otherwise. */
export function allocateOldestFirst(amount: number, open: { id: number; open: number; dueDate: string }[]): Allocation[] {
  const result: Allocation[] = [];
  let left = amount;
  for (const inv of [...open].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id)) {
    if (left <= 0) break;
    if (inv.open <= 0) continue;
    const take = Math.min(left, inv.open);
    result.push({ invoiceId: inv.id, amount: take });
    left -= take;
  }
  return result;
}

export interface NewPayment {
  debtorId: number;
  date: string;
  amount: number;
  allocations?: Allocation[];
  note?: string | null;
  method?: Payment['method'];
  counterpartyName?: string | null;
  counterpartyIban?: string | null;
  remittance?: string | null;
  bankReference?: string | null;
  importId?: number | null;
  handoverId?: number | null;
}

/** Records a payment and its allocations; what is not allocated stays as credit for the debtor. */
export async function recordPayment(ctx: Context, input: NewPayment): Promise<Payment> {
  return transaction(ctx, async () => {
    await getDebtorRow(ctx, input.debtorId);
    const invoices = invoicesOfDebtor(ctx, input.debtorId).filter((i) => i.kind === 'invoice');
    const byId = new Map(invoices.map((i) => [i.id, i]));
    const allocations = input.allocations ?? allocateOldestFirst(input.amount, invoices.map((i) => ({ id: i.id, open: i.open, dueDate: i.dueDate })));
    let total = 0;
    for (const a of allocations) {
      const inv = byId.get(a.invoiceId);
      if (!inv) throw new AppError('invalid-input', 'Een toegewezen factuur hoort niet bij deze klant.', 'An allocated invoice does not belong to this customer.');
      if (a.amount > inv.open) {
        throw new AppError('invalid-input', `Op factuur ${inv.number} staat nog ${formatCents(inv.open)} open; je wijst ${formatCents(a.amount)} toe.`,
          `Invoice ${inv.number} has ${inv.open} cents open; ${a.amount} allocated.`);
      }
      total += a.amount;
    }
    if (total > input.amount) throw new AppError('invalid-input', 'Je wijst meer toe dan er betaald is.', 'More is allocated than was paid.');
    if (new Set(allocations.map((a) => a.invoiceId)).size !== allocations.length) {
      throw new AppError('invalid-input', 'Een factuur staat twee keer in de toewijzing.', 'An invoice appears twice in the allocation.');
    }
    const payment = await ctx.db.insertInto('payments').values({
      debtor_id: input.debtorId, date: input.date, amount_cents: input.amount, method: input.method ?? 'manual',
      counterparty_name: input.counterpartyName ?? null, counterparty_iban: input.counterpartyIban ?? null,
      remittance: input.remittance ?? null, bank_reference: input.bankReference ?? null, handover_id: input.handoverId ?? null,
      import_id: input.importId ?? null, note: input.note ?? null, created_at: ctx.now(),
    }).returning('id').executeTakeFirstOrThrow();
    if (allocations.length) {
      await ctx.db.insertInto('payment_allocations')
        .values(allocations.map((a) => ({ payment_id: payment.id, invoice_id: a.invoiceId, amount_cents: a.amount, installment_id: null }))).execute();
    }
    const parts = allocations.map((a) => `${byId.get(a.invoiceId)!.number} (${formatCents(a.amount)})`);
    const credit = input.amount - total;
    await addEvent(ctx, {
      debtorId: input.debtorId, type: 'payment.received', occurredOn: input.date, invoiceIds: allocations.map((a) => a.invoiceId),
      summary: `Betaling van ${formatCents(input.amount)} ontvangen${parts.length ? ` voor ${parts.join(', ')}` : ''}${credit > 0 ? `; ${formatCents(credit)} staat als tegoed` : ''}`,
      data: { paymentId: payment.id, amount: input.amount, method: input.method ?? 'manual', credit },
    });
    return (await paymentsOfDebtor(ctx, input.debtorId)).find((p) => p.id === payment.id)!;
  });
}

export function recordManualPayment(ctx: Context, input: ParsedInputOf<'payments.record'>) {
  return recordPayment(ctx, { ...input, method: 'manual' });
}

export async function paymentsOfDebtor(ctx: Context, debtorId: number): Promise<Payment[]> {
  const payments = await ctx.db.selectFrom('payments').selectAll().where('debtor_id', '=', debtorId).orderBy('date', 'desc').orderBy('id', 'desc').execute();
  const allocations = await ctx.db.selectFrom('payment_allocations').innerJoin('invoices', 'invoices.id', 'payment_allocations.invoice_id')
    .innerJoin('payments', 'payments.id', 'payment_allocations.payment_id')
    .select(['payment_allocations.payment_id', 'payment_allocations.invoice_id', 'payment_allocations.amount_cents', 'invoices.number'])
    .where('payments.debtor_id', '=', debtorId).execute();
  return payments.map((p) => {
    const mine = allocations.filter((a) => a.payment_id === p.id).map((a) => ({ invoiceId: a.invoice_id, invoiceNumber: a.number, amount: a.amount_cents }));
    return {
      id: p.id, debtorId: p.debtor_id, date: p.date, amount: p.amount_cents, method: p.method, allocations: mine,
      unallocated: p.amount_cents - mine.reduce((s, a) => s + a.amount, 0), note: p.note, counterpartyName: p.counterparty_name,
    };
  });
}
