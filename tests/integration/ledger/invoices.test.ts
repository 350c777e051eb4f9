import { describe, expect, it } from 'vitest';
import { addEvent } from '../../../electron/core/ledger/events';
import { isValidBetalingskenmerk } from '../../../shared/law';
import { attempt, call, dumpDatabase, failure, withBackend } from '../../helpers/backend';
import { aBusiness, anInvoice, createDebtor, createInvoice } from '../../helpers/ledger';

const pdfBytes = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\n%%EOF\n')]);

describe('invoices.create: the due date when none is given', () => {
  it('is the invoice date + the customer\'s own payment term', async () => {
    const { backend } = await withBackend();
    await call(backend, 'business.save', aBusiness({ paymentTermDays: 21 }));
    const debtor = await createDebtor(backend, { paymentTermDays: 14 });
    const invoice = await createInvoice(backend, debtor.id, { invoiceDate: '2026-11-20', dueDate: null });
    expect(invoice.dueDate).toBe('2026-12-04');
    expect(await call(backend, 'ledger.defaultDueDate', { debtorId: debtor.id, invoiceDate: '2026-11-20' })).toEqual({ dueDate: '2026-12-04', termDays: 14 });
  });

  it('else the invoice date + the business\'s payment term', async () => {
    const { backend } = await withBackend();
    await call(backend, 'business.save', aBusiness({ paymentTermDays: 21 }));
    const debtor = await createDebtor(backend, { paymentTermDays: null });
    const invoice = await createInvoice(backend, debtor.id, { invoiceDate: '2026-11-20', dueDate: undefined });
    expect(invoice.dueDate).toBe('2026-12-11');
  });

  it('else the statutory 30 days (across a month end and a leap day)', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    expect((await createInvoice(backend, debtor.id, { invoiceDate: '2026-11-20', dueDate: null })).dueDate).toBe('2026-12-20');
    expect((await createInvoice(backend, debtor.id, { invoiceDate: '2028-02-10', dueDate: null })).dueDate).toBe('2028-03-11');
  });

  it('a customer term of 0 days means payable on the invoice date itself', async () => {
    const { backend } = await withBackend();
    await call(backend, 'business.save', aBusiness({ paymentTermDays: 21 }));
    const debtor = await createDebtor(backend, { paymentTermDays: 0 });
    expect((await createInvoice(backend, debtor.id, { invoiceDate: '2026-11-20', dueDate: null })).dueDate).toBe('2026-11-20');
  });
});

describe('invoices.create', () => {
  it('stores the invoice as open, with the amount, and logs it on the timeline', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { number: '2026-001', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amount: 1234_56, description: ' Logo ' });
    expect(invoice).toMatchObject({
      debtorId: debtor.id, number: '2026-001', kind: 'invoice', amount: 1234_56, paid: 0, credited: 0, open: 1234_56,
      status: 'open', locked: false, hasPdf: false, source: 'manual', description: 'Logo', daysOverdue: -7,
    });
    const page = await call(backend, 'debtors.page', { id: debtor.id });
    expect(page.invoices).toEqual([invoice]);
    expect(page.timeline).toMatchObject([{ type: 'invoice.created', occurredOn: '2026-11-01', invoiceIds: [invoice.id], summary: expect.stringContaining('€ 1.234,56') }]);
  });

  it('generates a valid 16-digit betalingskenmerk, different per invoice', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const a = await createInvoice(backend, debtor.id, { paymentReference: null });
    const b = await createInvoice(backend, debtor.id, { paymentReference: '' });
    for (const ref of [a.paymentReference, b.paymentReference]) {
      expect(ref).toMatch(/^\d{16}$/);
      expect(isValidBetalingskenmerk(ref)).toBe(true);
    }
    expect(a.paymentReference).not.toBe(b.paymentReference);
  });

  it('keeps a payment reference the user gives', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    expect((await createInvoice(backend, debtor.id, { paymentReference: 'RF18539007547034' })).paymentReference).toBe('RF18539007547034');
  });

  it('refuses a duplicate invoice number with conflict, and writes nothing', async () => {
    const { backend, databaseFile } = await withBackend();
    const debtor = await createDebtor(backend);
    const other = await createDebtor(backend, { name: 'Andere klant' });
    await createInvoice(backend, debtor.id, { number: '2026-001' });
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, 'invoices.create', anInvoice(other.id, { number: ' 2026-001 ' }));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('2026-001 bestaat al'), fields: { number: expect.any(String) } });
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it.each([
    ['a negative amount', { amount: -100 }, 'amount'],
    ['an amount of zero', { amount: 0 }, 'amount'],
    ['a float amount (not whole cents)', { amount: 12.5 }, 'amount'],
    ['an amount as text', { amount: '12,50' }, 'amount'],
    ['an impossible date', { invoiceDate: '2026-02-30' }, 'invoiceDate'],
    ['a Dutch-written date', { invoiceDate: '24-11-2026' }, 'invoiceDate'],
    ['an empty number', { number: '  ' }, 'number'],
  ])('refuses %s as invalid-input on that field, and writes nothing', async (_rule, override, field) => {
    const { backend, databaseFile } = await withBackend();
    const debtor = await createDebtor(backend);
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, 'invoices.create', { ...anInvoice(debtor.id), ...override });
    expect(error.code).toBe('invalid-input');
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('refuses an unknown customer with not-found, and writes nothing', async () => {
    const { backend, databaseFile } = await withBackend();
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, 'invoices.create', anInvoice(42));
    expect(error.code).toBe('not-found');
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('refuses a due date before the invoice date, and writes nothing', async () => {
    const { backend, databaseFile } = await withBackend();
    const debtor = await createDebtor(backend);
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, 'invoices.create', anInvoice(debtor.id, { invoiceDate: '2026-11-10', dueDate: '2026-11-09' }));
    expect(error).toMatchObject({ code: 'invalid-input', fields: { dueDate: expect.stringMatching(/vóór de factuurdatum/) } });
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('accepts a due date equal to the invoice date', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    expect(await attempt(backend, 'invoices.create', anInvoice(debtor.id, { invoiceDate: '2026-11-10', dueDate: '2026-11-10' }))).toMatchObject({ ok: true });
  });
});

describe('invoices.update: corrections only while nothing has happened yet', () => {
  it('may change an invoice before anything was sent or paid, and logs the correction', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { number: 'F-1', amount: 100_00 });
    const updated = await call(backend, 'invoices.update', {
      id: invoice.id, number: 'F-1a', invoiceDate: invoice.invoiceDate, dueDate: invoice.dueDate, amount: 120_00, paymentReference: null,
    });
    expect(updated).toMatchObject({ id: invoice.id, number: 'F-1a', amount: 120_00, open: 120_00, paymentReference: invoice.paymentReference });
    const timeline = (await call(backend, 'debtors.page', { id: debtor.id })).timeline;
    expect(timeline.map((e) => e.type)).toEqual(['invoice.corrected', 'invoice.created']);
    expect(timeline[0]!.data).toMatchObject({ before: { amount: 100_00, number: 'F-1' } });
  });

  it('refuses an edit (forbidden) once a payment was received, and writes nothing', async () => {
    const { backend, databaseFile } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { amount: 100_00 });
    await call(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-20', amount: 10_00 });
    expect((await call(backend, 'debtors.page', { id: debtor.id })).invoices[0]!.locked).toBe(true);
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, 'invoices.update', { id: invoice.id, number: invoice.number, invoiceDate: invoice.invoiceDate, amount: 90_00 });
    expect(error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/creditnota/) });
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('refuses an edit (forbidden) once a reminder about it was sent', async () => {
    const { backend, databaseFile } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id);
    await addEvent(backend.context, { debtorId: debtor.id, type: 'reminder.sent', occurredOn: '2026-11-24', summary: 'Herinnering 1', invoiceIds: [invoice.id] });
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, 'invoices.update', { id: invoice.id, number: invoice.number, invoiceDate: invoice.invoiceDate, amount: 90_00 });
    expect(error.code).toBe('forbidden');
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('refuses to take the number of another invoice', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    await createInvoice(backend, debtor.id, { number: 'F-1' });
    const second = await createInvoice(backend, debtor.id, { number: 'F-2' });
    const error = await failure(backend, 'invoices.update', { id: second.id, number: 'F-1', invoiceDate: second.invoiceDate, amount: second.amount });
    expect(error.code).toBe('conflict');
  });

  it('refuses an unknown invoice with not-found', async () => {
    const { backend } = await withBackend();
    expect((await failure(backend, 'invoices.update', { id: 77, number: 'X', invoiceDate: '2026-11-01', amount: 1 })).code).toBe('not-found');
  });

  it('refuses to lower an invoice below what was already credited on it, and writes nothing', async () => {
    const { backend, databaseFile } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { amount: 500_00 });
    await call(backend, 'invoices.credit', { invoiceId: invoice.id, amount: 200_00, date: '2026-11-20', number: 'C-1', reason: 'Korting' });
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, 'invoices.update', { id: invoice.id, number: invoice.number, invoiceDate: invoice.invoiceDate, dueDate: invoice.dueDate, amount: 100_00 });
    // A sentence the user can act on, not SQLite's "CHECK constraint failed: open_cents …".
    expect(error).toEqual({
      code: 'invalid-input',
      message: `Op factuur ${invoice.number} is al € 200,00 gecrediteerd; het bedrag kan niet lager zijn dan dat. Er is niets gewijzigd.`,
      messageEn: `Invoice ${invoice.number} has already been credited €200.00; its amount cannot be lower than that. Nothing was changed.`,
      fields: { amount: 'Minimaal € 200,00: zoveel is al gecrediteerd.' },
    });
    expect(dumpDatabase(databaseFile)).toBe(before);
    // Exactly what was credited is still allowed: the invoice is then fully credited.
    const lowest = await call(backend, 'invoices.update', { id: invoice.id, number: invoice.number, invoiceDate: invoice.invoiceDate, dueDate: invoice.dueDate, amount: 200_00 });
    expect(lowest).toMatchObject({ amount: 200_00, credited: 200_00, open: 0, status: 'credited' });
  });

  it('may still raise or lower an invoice with a credit note, as long as the credit fits', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { amount: 500_00 });
    await call(backend, 'invoices.credit', { invoiceId: invoice.id, amount: 200_00, date: '2026-11-20', number: 'C-1', reason: 'Korting' });
    const updated = await call(backend, 'invoices.update', { id: invoice.id, number: invoice.number, invoiceDate: invoice.invoiceDate, dueDate: invoice.dueDate, amount: 300_00 });
    expect(updated).toMatchObject({ amount: 300_00, credited: 200_00, open: 100_00 });
    expect((await call(backend, 'overview.get', {})).totals.open).toBe(100_00);
  });
});

describe('invoices.credit: a credit note, never a silent delete', () => {
  it('reduces the open amount and shows up as its own document on the debtor page', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { amount: 500_00 });
    const note = await call(backend, 'invoices.credit', { invoiceId: invoice.id, amount: 200_00, date: '2026-11-20', number: 'C-1', reason: 'Korting' });
    expect(note).toMatchObject({ kind: 'credit-note', correctsInvoiceId: invoice.id, amount: 200_00, open: 0, status: 'credited', paymentReference: invoice.paymentReference });
    const page = await call(backend, 'debtors.page', { id: debtor.id });
    expect(page.invoices.find((i) => i.id === invoice.id)).toMatchObject({ credited: 200_00, open: 300_00, status: 'open' });
    expect(page.summary).toMatchObject({ openAmount: 300_00, openInvoices: 1 });
    expect(page.timeline[0]).toMatchObject({ type: 'invoice.credited', invoiceIds: expect.arrayContaining([invoice.id, note.id]) });
  });

  it('crediting the whole open amount closes the invoice as credited', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { amount: 500_00 });
    await call(backend, 'invoices.credit', { invoiceId: invoice.id, amount: 500_00, date: '2026-11-20', number: 'C-1', reason: 'Vervallen' });
    const page = await call(backend, 'debtors.page', { id: debtor.id });
    expect(page.invoices.find((i) => i.id === invoice.id)).toMatchObject({ open: 0, status: 'credited' });
    expect(page.summary).toBeNull();
  });

  it('cannot credit more than is open (after a partial payment), and writes nothing', async () => {
    const { backend, databaseFile } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { amount: 500_00 });
    await call(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-20', amount: 400_00 });
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, 'invoices.credit', { invoiceId: invoice.id, amount: 100_01, date: '2026-11-21', number: 'C-1', reason: 'Te veel' });
    expect(error).toMatchObject({ code: 'invalid-input', fields: { amount: expect.any(String) } });
    expect(error.message).toContain('€ 100,00');
    expect(dumpDatabase(databaseFile)).toBe(before);
    await call(backend, 'invoices.credit', { invoiceId: invoice.id, amount: 100_00, date: '2026-11-21', number: 'C-1', reason: 'Precies het restant' });
  });

  it('a credit note itself cannot be credited or edited', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { amount: 500_00 });
    const note = await call(backend, 'invoices.credit', { invoiceId: invoice.id, amount: 100_00, date: '2026-11-20', number: 'C-1', reason: 'Korting' });
    expect((await failure(backend, 'invoices.credit', { invoiceId: note.id, amount: 1, date: '2026-11-20', number: 'C-2', reason: 'x' })).code).toBe('not-found');
    expect((await failure(backend, 'invoices.update', { id: note.id, number: 'C-1', invoiceDate: '2026-11-20', amount: 1 })).code).toBe('forbidden');
  });

  it('needs a number of its own and a reason', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { number: 'F-1' });
    expect((await failure(backend, 'invoices.credit', { invoiceId: invoice.id, amount: 1, date: '2026-11-20', number: 'F-1', reason: 'x' })).code).toBe('conflict');
    expect((await failure(backend, 'invoices.credit', { invoiceId: invoice.id, amount: 1, date: '2026-11-20', number: 'C-1', reason: ' ' })).fields).toHaveProperty('reason');
  });
});

describe('invoices.attachPdf / invoices.getPdf', () => {
  it('stores the original PDF and gives back exactly the same bytes', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id);
    const bytes = pdfBytes();
    const attached = await call(backend, 'invoices.attachPdf', { invoiceId: invoice.id, fileName: 'factuur/../2026-001.pdf', dataBase64: bytes.toString('base64') });
    expect(attached.hasPdf).toBe(true);
    const file = await call(backend, 'invoices.getPdf', { invoiceId: invoice.id });
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).not.toMatch(/[/\\]/);
    expect(Buffer.from(file.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect((await call(backend, 'debtors.page', { id: debtor.id })).timeline[0]).toMatchObject({ type: 'invoice.pdf-attached', documentId: expect.any(Number) });
  });

  it('refuses a file that is not a PDF, and writes nothing', async () => {
    const { backend, databaseFile } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id);
    const before = dumpDatabase(databaseFile);
    const zip = Buffer.from('PK\u0003\u0004 not a pdf');
    const error = await failure(backend, 'invoices.attachPdf', { invoiceId: invoice.id, fileName: 'factuur.pdf', dataBase64: zip.toString('base64') });
    expect(error).toMatchObject({ code: 'invalid-input', message: 'Dit bestand is geen PDF.' });
    expect((await failure(backend, 'invoices.attachPdf', { invoiceId: invoice.id, fileName: 'f.pdf', dataBase64: 'not base64!' })).code).toBe('invalid-input');
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('has no PDF to give for an invoice without one', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id);
    expect((await failure(backend, 'invoices.getPdf', { invoiceId: invoice.id })).code).toBe('not-found');
    expect((await failure(backend, 'invoices.attachPdf', { invoiceId: 999, fileName: 'f.pdf', dataBase64: pdfBytes().toString('base64') })).code).toBe('not-found');
  });
});
