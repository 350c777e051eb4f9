import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { call, dumpDatabase, failure, withBackend } from '../../helpers/backend';
import { createDebtor, createInvoice } from '../../helpers/ledger';

/** A customer with two open invoices: the older (due first) was created last, so id order ≠ due order. */
async function customerWithTwoInvoices(backend: Backend) {
  const debtor = await createDebtor(backend);
  const newer = await createInvoice(backend, debtor.id, { number: 'F-2', dueDate: '2026-11-20', amount: 300_00 });
  const older = await createInvoice(backend, debtor.id, { number: 'F-1', dueDate: '2026-10-20', amount: 200_00 });
  return { debtor, older, newer };
}

async function openOf(backend: Backend, debtorId: number) {
  const page = await call(backend, 'debtors.page', { id: debtorId });
  return Object.fromEntries(page.invoices.map((i) => [i.number, i.open]));
}

describe('payments.record', () => {
  it('allocates to the invoice that was due first, then the next', async () => {
    const { backend } = await withBackend();
    const { debtor, older, newer } = await customerWithTwoInvoices(backend);
    const payment = await call(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-22', amount: 250_00 });
    expect(payment).toMatchObject({ debtorId: debtor.id, amount: 250_00, method: 'manual', unallocated: 0 });
    // (The order of the allocation list is not part of the contract.)
    expect([...payment.allocations].sort((a, b) => a.invoiceNumber.localeCompare(b.invoiceNumber))).toEqual([
      { invoiceId: older.id, invoiceNumber: 'F-1', amount: 200_00 }, { invoiceId: newer.id, invoiceNumber: 'F-2', amount: 50_00 },
    ]);
    expect(await openOf(backend, debtor.id)).toEqual({ 'F-1': 0, 'F-2': 250_00 });
    const page = await call(backend, 'debtors.page', { id: debtor.id });
    expect(page.invoices.find((i) => i.id === older.id)).toMatchObject({ status: 'paid', paid: 200_00 });
    expect(page.timeline[0]).toMatchObject({ type: 'payment.received', occurredOn: '2026-11-22' });
    expect([...page.timeline[0]!.invoiceIds].sort()).toEqual([older.id, newer.id].sort());
  });

  it('follows an explicit allocation, even to the newer invoice', async () => {
    const { backend } = await withBackend();
    const { debtor, newer } = await customerWithTwoInvoices(backend);
    const payment = await call(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-22', amount: 300_00, allocations: [{ invoiceId: newer.id, amount: 300_00 }] });
    expect(payment.allocations).toEqual([{ invoiceId: newer.id, invoiceNumber: 'F-2', amount: 300_00 }]);
    expect(await openOf(backend, debtor.id)).toEqual({ 'F-1': 200_00, 'F-2': 0 });
  });

  it('a partial payment leaves the rest open', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const invoice = await createInvoice(backend, debtor.id, { amount: 100_00 });
    await call(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-22', amount: 33_33 });
    const page = await call(backend, 'debtors.page', { id: debtor.id });
    expect(page.invoices[0]).toMatchObject({ id: invoice.id, paid: 33_33, open: 66_67, status: 'open', locked: true });
    expect(page.credit).toBe(0);
  });

  it('keeps an overpayment as credit for the customer', async () => {
    const { backend } = await withBackend();
    const { debtor } = await customerWithTwoInvoices(backend);
    const payment = await call(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-22', amount: 600_00, note: 'Afgerond naar boven' });
    expect(payment).toMatchObject({ amount: 600_00, unallocated: 100_00, note: 'Afgerond naar boven' });
    const page = await call(backend, 'debtors.page', { id: debtor.id });
    expect(page.credit).toBe(100_00);
    expect(page.summary).toBeNull();
    expect(page.payments).toEqual([payment]);
    expect(page.timeline[0]!.summary).toMatch(/€ 100,00 staat als tegoed/);
  });

  it('a payment from a customer without open invoices is all credit', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    const payment = await call(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-22', amount: 50_00 });
    expect(payment).toMatchObject({ allocations: [], unallocated: 50_00 });
    expect((await call(backend, 'debtors.page', { id: debtor.id })).credit).toBe(50_00);
  });

  it('an explicit allocation of less than the payment keeps the rest as credit', async () => {
    const { backend } = await withBackend();
    const { debtor, older } = await customerWithTwoInvoices(backend);
    const payment = await call(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-22', amount: 250_00, allocations: [{ invoiceId: older.id, amount: 200_00 }] });
    expect(payment.unallocated).toBe(50_00);
    expect(await openOf(backend, debtor.id)).toEqual({ 'F-1': 0, 'F-2': 300_00 });
  });

  describe('refuses, and writes nothing', () => {
    it.each([
      ['allocating more than is open on an invoice', (ids: { older: number; newer: number }) => ({ amount: 500_00, allocations: [{ invoiceId: ids.older, amount: 200_01 }] }), 'invalid-input', /staat nog € 200,00 open/],
      ['allocating more than was paid', (ids: { older: number; newer: number }) => ({ amount: 100_00, allocations: [{ invoiceId: ids.older, amount: 60_00 }, { invoiceId: ids.newer, amount: 60_00 }] }), 'invalid-input', /meer toe dan er betaald is/],
      ['the same invoice twice', (ids: { older: number; newer: number }) => ({ amount: 200_00, allocations: [{ invoiceId: ids.older, amount: 100_00 }, { invoiceId: ids.older, amount: 100_00 }] }), 'invalid-input', /twee keer/],
      ['an invoice of another customer', () => ({ amount: 100_00, allocations: [{ invoiceId: 999, amount: 100_00 }] }), 'invalid-input', /hoort niet bij deze klant/],
      ['a payment of zero', () => ({ amount: 0 }), 'invalid-input', /groter dan nul/],
      ['a payment in fractions of a cent', () => ({ amount: 10.5 }), 'invalid-input', /hele centen/],
    ])('%s', async (_rule, input, code, message) => {
      const { backend, databaseFile } = await withBackend();
      const { debtor, older, newer } = await customerWithTwoInvoices(backend);
      const before = dumpDatabase(databaseFile);
      const error = await failure(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-22', ...input({ older: older.id, newer: newer.id }) });
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(dumpDatabase(databaseFile)).toBe(before);
    });

    it('a payment for an unknown customer (not-found)', async () => {
      const { backend, databaseFile } = await withBackend();
      const before = dumpDatabase(databaseFile);
      expect((await failure(backend, 'payments.record', { debtorId: 5, date: '2026-11-22', amount: 1_00 })).code).toBe('not-found');
      expect(dumpDatabase(databaseFile)).toBe(before);
    });
  });
});
