// The claim handed to an agency takes off the customer's whole credit, as the debtor page shows it:
// money paid but not allocated, and credit notes that correct no invoice.
import { describe, expect, it } from 'vitest';
import { call, TODAY, withBackend } from '../../helpers/backend';
import { aBusiness, addDays, createDebtor, createInvoice, invoiceCsv } from '../../helpers/ledger';

describe('the claim\'s credit', () => {
  it('includes a credit note that corrects no invoice, like the debtor page', async () => {
    const { backend } = await withBackend();
    await call(backend, 'business.save', aBusiness());
    const debtor = await createDebtor(backend, { name: 'Studio Lindeboom' });
    await createInvoice(backend, debtor.id, { amount: 300_00, invoiceDate: addDays(TODAY, -90), dueDate: addDays(TODAY, -60) });
    await call(backend, 'imports.invoices.commit', invoiceCsv(['F-2026-007;Studio Lindeboom;07-10-2026;;-20,00;Korting fotoshoot']));

    const page = await call(backend, 'debtors.page', { id: debtor.id });
    const check = await call(backend, 'handover.check', { debtorId: debtor.id });
    expect(page.credit).toBe(20_00);
    expect(check.claim.credit).toBe(20_00);
    expect(check.claim.total).toBe(check.claim.principal + check.claim.interest + check.claim.costs - 20_00);
  });
});
