// The debtor page's credit: what the customer has to their credit, from overpayments and from
// credit notes that correct no invoice (an invoice import books those as the customer's credit).
import { describe, expect, it } from 'vitest';
import { call, withBackend } from '../../helpers/backend';
import { createDebtor, createInvoice, invoiceCsv } from '../../helpers/ledger';

describe('the debtor page credit', () => {
  it('adds credit notes without an invoice to unallocated payments, and leaves out credit notes on an invoice', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend, { name: 'Studio Lindeboom' });
    const invoice = await createInvoice(backend, debtor.id, { amount: 100_00 });
    const other = await createInvoice(backend, debtor.id, { amount: 50_00 });
    // A credit note on an invoice lowers what is open on it; it is not credit.
    await call(backend, 'invoices.credit', { invoiceId: other.id, amount: 10_00, date: other.invoiceDate, number: 'CN-1', reason: 'Korting' });
    // € 150 paid against € 140 open: € 10 more than is owed.
    await call(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-20', amount: 150_00 });
    // A credit note that names no invoice: booked as the customer's credit.
    const imported = await call(backend, 'imports.invoices.commit', invoiceCsv(['F-2026-007;Studio Lindeboom;07-10-2026;;-20,00;Korting fotoshoot']));
    expect(imported.counts).toMatchObject({ creditNotes: 1, creditNotesAsCredit: 1 });

    const page = await call(backend, 'debtors.page', { id: debtor.id });
    expect(page.invoices.find((i) => i.id === invoice.id)).toMatchObject({ open: 0 });
    expect(page.payments.map((p) => p.unallocated)).toEqual([10_00]);
    expect(page.invoices.filter((i) => i.kind === 'credit-note').map((i) => [i.number, i.correctsInvoiceId])).toEqual(
      expect.arrayContaining([['CN-1', other.id], ['F-2026-007', null]]),
    );
    expect(page.credit).toBe(10_00 + 20_00);
  });

  it('is zero for a customer with neither', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    await createInvoice(backend, debtor.id);
    expect((await call(backend, 'debtors.page', { id: debtor.id })).credit).toBe(0);
  });
});
