import { addDays, format, parseISO } from 'date-fns';
import type { Invoice } from '../../../shared/domain/ledger';
import type { ParsedInputOf } from '../../../shared/contract';
import { createBetalingskenmerk } from '../../../shared/law';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { sha256Hex } from '../util/hash';
import { invoiceById } from './balances';
import { getDebtorRow } from './debtors';
import { addEvent } from './events';
import { formatCents } from '../../../shared/domain/money';

/** Without an agreed term a business owes payment 30 days after the invoice (art. 6:119a lid 2 BW). */
export const STATUTORY_TERM_DAYS = 30;

export async function paymentTermDays(ctx: Context, debtorId: number): Promise<number> {
  const debtor = await getDebtorRow(ctx, debtorId);
  if (debtor.payment_term_days !== null) return debtor.payment_term_days;
  const business = await ctx.db.selectFrom('business').select('payment_term_days').executeTakeFirst();
  return business?.payment_term_days ?? STATUTORY_TERM_DAYS;
}

export async function defaultDueDate(ctx: Context, debtorId: number, invoiceDate: string) {
  const termDays = await paymentTermDays(ctx, debtorId);
  return { termDays, dueDate: format(addDays(parseISO(invoiceDate), termDays), 'yyyy-MM-dd') };
}

async function assertNumberFree(ctx: Context, number: string, exceptId?: number) {
  const clash = await ctx.db.selectFrom('invoices').select('id').where('number', '=', number).executeTakeFirst();
  if (clash && clash.id !== exceptId) {
    throw new AppError('conflict', `Factuurnummer ${number} bestaat al. Elk factuurnummer is uniek.`, `Invoice number ${number} already exists.`, { number: 'Dit factuurnummer bestaat al.' });
  }
}

function checkDates(invoiceDate: string, dueDate: string) {
  if (dueDate < invoiceDate) {
    throw new AppError('invalid-input', 'De vervaldatum ligt vóór de factuurdatum.', 'The due date is before the invoice date.', { dueDate: 'De vervaldatum ligt vóór de factuurdatum.' });
  }
}

export async function createInvoice(ctx: Context, input: ParsedInputOf<'invoices.create'>, opts: { source?: Invoice['source']; importId?: number } = {}): Promise<Invoice> {
  return transaction(ctx, async () => {
    const debtor = await getDebtorRow(ctx, input.debtorId);
    await assertNumberFree(ctx, input.number);
    const dueDate = input.dueDate ?? (await defaultDueDate(ctx, input.debtorId, input.invoiceDate)).dueDate;
    checkDates(input.invoiceDate, dueDate);
    const now = ctx.now();
    const row = await ctx.db.insertInto('invoices').values({
      debtor_id: input.debtorId, number: input.number, invoice_date: input.invoiceDate, delivery_date: input.deliveryDate,
      due_date: dueDate, description: input.description, amount_cents: input.amount,
      payment_reference: input.paymentReference ?? '', source: opts.source ?? 'manual', import_id: opts.importId ?? null,
      corrects_invoice_id: null, original_document_id: null, dispute_reason: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    if (!input.paymentReference) {
      // Generated from the row id, so it is unique and carries a valid check digit.
      await ctx.db.updateTable('invoices').set({ payment_reference: createBetalingskenmerk(row.id) }).where('id', '=', row.id).execute();
    }
    await addEvent(ctx, {
      debtorId: debtor.id, type: 'invoice.created', occurredOn: input.invoiceDate, invoiceIds: [row.id],
      summary: `Factuur ${input.number} van ${formatCents(input.amount)}, te betalen uiterlijk ${dueDate.split('-').reverse().join('-')}`,
      data: { amount: input.amount, dueDate, source: opts.source ?? 'manual' },
    });
    return invoiceById(ctx, row.id)!;
  });
}

export async function updateInvoice(ctx: Context, input: ParsedInputOf<'invoices.update'>): Promise<Invoice> {
  return transaction(ctx, async () => {
    const current = invoiceById(ctx, input.id);
    if (!current) throw notFound('Deze factuur', 'This invoice');
    if (current.kind !== 'invoice') throw new AppError('forbidden', 'Een creditnota kun je niet wijzigen.', 'A credit note cannot be changed.');
    if (current.locked) {
      throw new AppError('forbidden',
        `Factuur ${current.number} is al verstuurd of (deels) betaald en kan niet meer worden gewijzigd. Corrigeer haar met een creditnota.`,
        `Invoice ${current.number} has been sent or paid and can no longer be edited. Correct it with a credit note.`);
    }
    // A credit note does not lock an invoice, but what it took off must still fit in the amount:
    // below that the open amount would turn negative, and the schema's CHECK would refuse with a
    // message nobody can act on. (A payment locks the invoice above, so this is what was credited.)
    const reduced = current.paid + current.credited;
    if (input.amount < reduced) {
      throw new AppError('invalid-input',
        `Op factuur ${current.number} is al ${formatCents(reduced)} gecrediteerd; het bedrag kan niet lager zijn dan dat. Er is niets gewijzigd.`,
        `Invoice ${current.number} has already been credited ${formatCents(reduced, 'en')}; its amount cannot be lower than that. Nothing was changed.`,
        { amount: `Minimaal ${formatCents(reduced)}: zoveel is al gecrediteerd.` });
    }
    await assertNumberFree(ctx, input.number, input.id);
    const dueDate = input.dueDate ?? (await defaultDueDate(ctx, current.debtorId, input.invoiceDate)).dueDate;
    checkDates(input.invoiceDate, dueDate);
    await ctx.db.updateTable('invoices').set({
      number: input.number, invoice_date: input.invoiceDate, delivery_date: input.deliveryDate, due_date: dueDate,
      description: input.description, amount_cents: input.amount,
      payment_reference: input.paymentReference ?? (current.paymentReference || createBetalingskenmerk(input.id)),
      updated_at: ctx.now(),
    }).where('id', '=', input.id).execute();
    await addEvent(ctx, { debtorId: current.debtorId, type: 'invoice.corrected', occurredOn: ctx.today(), invoiceIds: [input.id],
      summary: `Factuur ${input.number} gewijzigd (nog niets verstuurd)`, data: { before: { amount: current.amount, dueDate: current.dueDate, number: current.number } } });
    return invoiceById(ctx, input.id)!;
  });
}

export async function creditInvoice(ctx: Context, input: ParsedInputOf<'invoices.credit'>): Promise<Invoice> {
  return transaction(ctx, async () => {
    const invoice = invoiceById(ctx, input.invoiceId);
    if (!invoice || invoice.kind !== 'invoice') throw notFound('Deze factuur', 'This invoice');
    if (input.amount > invoice.open) {
      throw new AppError('invalid-input', `De creditnota (${formatCents(input.amount)}) is hoger dan wat er nog openstaat (${formatCents(invoice.open)}).`,
        `The credit note exceeds the open amount.`, { amount: 'Hoger dan het openstaande bedrag.' });
    }
    await assertNumberFree(ctx, input.number);
    const now = ctx.now();
    const date = input.date < invoice.invoiceDate ? invoice.invoiceDate : input.date;
    const row = await ctx.db.insertInto('invoices').values({
      debtor_id: invoice.debtorId, number: input.number, kind: 'credit-note', corrects_invoice_id: invoice.id,
      invoice_date: date, delivery_date: null, due_date: date, description: input.reason, amount_cents: input.amount,
      payment_reference: invoice.paymentReference, source: 'manual', import_id: null, original_document_id: null,
      dispute_reason: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await addEvent(ctx, { debtorId: invoice.debtorId, type: 'invoice.credited', occurredOn: date, invoiceIds: [invoice.id, row.id],
      summary: `Creditnota ${input.number} van ${formatCents(input.amount)} op factuur ${invoice.number}: ${input.reason}`,
      data: { amount: input.amount, creditNoteId: row.id } });
    return invoiceById(ctx, row.id)!;
  });
}

const MAX_PDF_BYTES = 20 * 1024 * 1024;

export async function attachInvoicePdf(ctx: Context, input: ParsedInputOf<'invoices.attachPdf'>): Promise<Invoice> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > MAX_PDF_BYTES) throw new AppError('too-large', 'Dit bestand is groter dan 20 MB.', 'This file is larger than 20 MB.');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('invalid-input', 'Dit bestand is geen PDF.', 'This file is not a PDF.');
  return transaction(ctx, async () => {
    const invoice = invoiceById(ctx, input.invoiceId);
    if (!invoice) throw notFound('Deze factuur', 'This invoice');
    const fileName = input.fileName.replace(/[/\\]/g, '_');
    const debtor = await getDebtorRow(ctx, invoice.debtorId);
    const doc = await ctx.db.insertInto('documents').values({
      debtor_id: invoice.debtorId, kind: 'invoice-pdf', file_name: fileName, mime_type: 'application/pdf',
      bytes, size: bytes.length, sha256: sha256Hex(bytes), created_at: ctx.now(), is_demo: debtor.is_demo,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.updateTable('invoices').set({ original_document_id: doc.id, updated_at: ctx.now() }).where('id', '=', invoice.id).execute();
    await addEvent(ctx, { debtorId: invoice.debtorId, type: 'invoice.pdf-attached', occurredOn: ctx.today(), invoiceIds: [invoice.id],
      documentId: doc.id, summary: `Originele factuur-PDF toegevoegd aan ${invoice.number} (${fileName})` });
    return invoiceById(ctx, invoice.id)!;
  });
}

export async function getInvoicePdf(ctx: Context, invoiceId: number) {
  const row = await ctx.db.selectFrom('invoices').innerJoin('documents', 'documents.id', 'invoices.original_document_id')
    .select(['documents.file_name', 'documents.mime_type', 'documents.bytes']).where('invoices.id', '=', invoiceId).executeTakeFirst();
  if (!row) throw notFound('De PDF van deze factuur', 'The PDF of this invoice');
  return { fileName: row.file_name, mimeType: row.mime_type, dataBase64: Buffer.from(row.bytes).toString('base64') };
}
