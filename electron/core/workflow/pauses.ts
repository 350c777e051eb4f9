// Disputes, stops and pauses: each changes a flag the engine reads and leaves an event on the
// timeline (the flag is the current state, the events are the history).
import type { DebtorPauseState, InvoiceFlags } from '../../../shared/contract/methods/workflow';
import type { ParsedInputOf } from '../../../shared/contract';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { getDebtorRow } from '../ledger/debtors';
import { addEvent } from '../ledger/events';
import { day } from './common';

interface InvoiceRow { id: number; debtor_id: number; number: string; kind: string; disputed: number; dispute_reason: string | null; stopped: number }

function invoiceRow(ctx: Context, invoiceId: number): InvoiceRow {
  const row = ctx.sqlite.prepare('SELECT id, debtor_id, number, kind, disputed, dispute_reason, stopped FROM invoices WHERE id = ?').get(invoiceId) as InvoiceRow | undefined;
  if (!row || row.kind !== 'invoice') throw notFound('Deze factuur', 'This invoice');
  return row;
}

const flags = (r: InvoiceRow): InvoiceFlags => ({ invoiceId: r.id, disputed: r.disputed === 1, disputeReason: r.dispute_reason, stopped: r.stopped === 1 });

export function disputeInvoice(ctx: Context, input: ParsedInputOf<'invoices.dispute'>): Promise<InvoiceFlags> {
  return transaction(ctx, async () => {
    const inv = invoiceRow(ctx, input.invoiceId);
    if (inv.disputed) throw new AppError('conflict', `Factuur ${inv.number} staat al als betwist.`, `Invoice ${inv.number} is already disputed.`);
    ctx.sqlite.prepare('UPDATE invoices SET disputed = 1, dispute_reason = ?, updated_at = ? WHERE id = ?').run(input.reason, ctx.now(), inv.id);
    await addEvent(ctx, { debtorId: inv.debtor_id, type: 'dispute.opened', occurredOn: ctx.today(), invoiceIds: [inv.id], summary: `Factuur ${inv.number} betwist: ${input.reason}`, data: { reason: input.reason } });
    return flags(invoiceRow(ctx, inv.id));
  });
}

export function resolveDispute(ctx: Context, input: ParsedInputOf<'invoices.resolveDispute'>): Promise<InvoiceFlags> {
  return transaction(ctx, async () => {
    const inv = invoiceRow(ctx, input.invoiceId);
    if (!inv.disputed) throw new AppError('conflict', `Factuur ${inv.number} staat niet als betwist.`, `Invoice ${inv.number} is not disputed.`);
    ctx.sqlite.prepare('UPDATE invoices SET disputed = 0, updated_at = ? WHERE id = ?').run(ctx.now(), inv.id);
    await addEvent(ctx, {
      debtorId: inv.debtor_id, type: 'dispute.resolved', occurredOn: ctx.today(), invoiceIds: [inv.id],
      summary: `Geschil over factuur ${inv.number} opgelost${input.note ? `: ${input.note}` : ''}; het plan loopt weer`, data: { note: input.note ?? null, reason: inv.dispute_reason },
    });
    return flags(invoiceRow(ctx, inv.id));
  });
}

export function stopInvoice(ctx: Context, input: ParsedInputOf<'invoices.stop'>): Promise<InvoiceFlags> {
  return transaction(ctx, async () => {
    const inv = invoiceRow(ctx, input.invoiceId);
    if ((inv.stopped === 1) === input.stopped) return flags(inv);
    ctx.sqlite.prepare('UPDATE invoices SET stopped = ?, updated_at = ? WHERE id = ?').run(input.stopped ? 1 : 0, ctx.now(), inv.id);
    await addEvent(ctx, {
      debtorId: inv.debtor_id, type: input.stopped ? 'invoice.stopped' : 'invoice.resumed', occurredOn: ctx.today(), invoiceIds: [inv.id],
      summary: input.stopped ? `Herinneren gestopt voor factuur ${inv.number}${input.reason ? `: ${input.reason}` : ''}` : `Herinneren hervat voor factuur ${inv.number}${input.reason ? `: ${input.reason}` : ''}`,
      data: { reason: input.reason ?? null },
    });
    return flags(invoiceRow(ctx, inv.id));
  });
}

export function pauseDebtor(ctx: Context, input: ParsedInputOf<'debtors.pause'>): Promise<DebtorPauseState> {
  return transaction(ctx, async () => {
    const debtor = await getDebtorRow(ctx, input.debtorId);
    if (input.until < ctx.today()) throw new AppError('invalid-input', 'Kies een datum vanaf vandaag.', 'Choose a date from today on.', { until: 'Deze datum is al voorbij.' });
    const reason = input.reason || 'Klant heeft contact opgenomen';
    ctx.sqlite.prepare('UPDATE debtors SET paused_until = ?, pause_reason = ?, updated_at = ? WHERE id = ?').run(input.until, reason, ctx.now(), debtor.id);
    await addEvent(ctx, { debtorId: debtor.id, type: 'debtor.paused', occurredOn: ctx.today(), summary: `Gepauzeerd tot en met ${day(input.until)}: ${reason}`, data: { until: input.until, reason } });
    return { debtorId: debtor.id, pausedUntil: input.until, pauseReason: reason };
  });
}

export function resumeDebtor(ctx: Context, input: ParsedInputOf<'debtors.resume'>): Promise<DebtorPauseState> {
  return transaction(ctx, async () => {
    const debtor = await getDebtorRow(ctx, input.debtorId);
    if (!debtor.paused_until) return { debtorId: debtor.id, pausedUntil: null, pauseReason: null };
    ctx.sqlite.prepare('UPDATE debtors SET paused_until = NULL, pause_reason = NULL, updated_at = ? WHERE id = ?').run(ctx.now(), debtor.id);
    await addEvent(ctx, { debtorId: debtor.id, type: 'debtor.resumed', occurredOn: ctx.today(), summary: 'Pauze beëindigd; het plan loopt weer', data: { was: { until: debtor.paused_until, reason: debtor.pause_reason } } });
    return { debtorId: debtor.id, pausedUntil: null, pauseReason: null };
  });
}
