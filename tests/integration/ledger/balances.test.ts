// One truth about what is open: amount − allocated payments − credit notes. The overview, the
// debtor page and (when the schema stores it) invoices.open_cents must always agree on it.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { call, TODAY, withBackend } from '../../helpers/backend';
import { addDays, createDebtor, createInvoice } from '../../helpers/ledger';

/** Every way of looking at open amounts gives the same answer; returns the number of invoices checked. */
async function expectConsistentLedger(backend: Backend): Promise<number> {
  const overview = await call(backend, 'overview.get', {});
  const rows = new Map(overview.rows.map((r) => [r.debtorId, r]));
  let checked = 0;
  let totalOpen = 0;
  for (const debtor of await call(backend, 'debtors.list', { includeArchived: true })) {
    const page = await call(backend, 'debtors.page', { id: debtor.id });
    const invoices = page.invoices.filter((i) => i.kind === 'invoice');
    for (const i of invoices) {
      expect(i.open, `open of ${i.number}`).toBe(Math.max(0, i.amount - i.paid - i.credited));
      expect(i.paid + i.credited, `${i.number} is not paid or credited beyond its amount`).toBeLessThanOrEqual(i.amount);
      checked += 1;
    }
    const open = invoices.filter((i) => i.open > 0);
    const row = rows.get(debtor.id);
    if (debtor.archived || open.length === 0) {
      expect(row, `${debtor.name} has no overview row`).toBeUndefined();
      continue;
    }
    totalOpen += open.reduce((s, i) => s + i.open, 0);
    expect(row, `${debtor.name} has an overview row`).toBeDefined();
    expect(row).toMatchObject({
      openInvoices: open.length,
      openAmount: open.reduce((s, i) => s + i.open, 0),
      overdueAmount: open.filter((i) => i.dueDate < TODAY).reduce((s, i) => s + i.open, 0),
      oldestDaysOverdue: Math.max(...open.map((i) => i.daysOverdue)),
    });
    expect(page.summary).toEqual(row);
  }
  expect(overview.totals.open).toBe(totalOpen);
  const a = overview.aging;
  expect(a.notDue + a.days1to30 + a.days31to60 + a.days61to90 + a.over90).toBe(totalOpen);

  // When the schema keeps open amounts in invoices.open_cents, they equal the derived ones.
  const sqlite = backend.context.sqlite;
  const columns = (sqlite.prepare('SELECT name FROM pragma_table_info(\'invoices\')').all() as { name: string }[]).map((c) => c.name);
  if (columns.includes('open_cents')) {
    const wrong = sqlite.prepare(`
      SELECT i.number, i.open_cents AS stored,
        i.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM payment_allocations a WHERE a.invoice_id = i.id), 0)
          - COALESCE((SELECT SUM(c.amount_cents) FROM invoices c WHERE c.corrects_invoice_id = i.id AND c.kind = 'credit-note'), 0) AS derived
      FROM invoices i WHERE i.kind = 'invoice'`).all().filter((r) => (r as { stored: number }).stored !== (r as { derived: number }).derived);
    expect(wrong).toEqual([]);
  }
  return checked;
}

describe('open amounts agree everywhere', () => {
  it('in the demo ledger', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    expect(await expectConsistentLedger(backend)).toBeGreaterThan(20);
  });

  it('after payments, credit notes, corrections, an archived customer and removing the demo', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const a = await createDebtor(backend, { name: 'Eigen A' });
    const b = await createDebtor(backend, { name: 'Eigen B', kind: 'consumer' });
    const a1 = await createInvoice(backend, a.id, { amount: 1_000_00, dueDate: addDays(TODAY, -40), invoiceDate: addDays(TODAY, -70) });
    const a2 = await createInvoice(backend, a.id, { amount: 250_00, dueDate: addDays(TODAY, -5), invoiceDate: addDays(TODAY, -35) });
    const a3 = await createInvoice(backend, a.id, { amount: 99_99, dueDate: addDays(TODAY, 10), invoiceDate: TODAY });
    const b1 = await createInvoice(backend, b.id, { amount: 400_00, dueDate: addDays(TODAY, -95), invoiceDate: addDays(TODAY, -125) });
    await call(backend, 'payments.record', { debtorId: a.id, date: TODAY, amount: 600_00 });
    await call(backend, 'invoices.credit', { invoiceId: a1.id, amount: 150_00, date: TODAY, number: 'C-A1', reason: 'Korting' });
    await call(backend, 'invoices.update', { id: a3.id, number: a3.number, invoiceDate: a3.invoiceDate, dueDate: a3.dueDate, amount: 120_00 });
    await call(backend, 'payments.record', { debtorId: a.id, date: TODAY, amount: 500_00, allocations: [{ invoiceId: a2.id, amount: 250_00 }] });
    await call(backend, 'invoices.credit', { invoiceId: b1.id, amount: 400_00, date: TODAY, number: 'C-B1', reason: 'Vervallen' });
    await expectConsistentLedger(backend);

    const demoDebtor = (await call(backend, 'overview.get', {})).rows.find((r) => r.isDemo)!;
    await call(backend, 'debtors.archive', { id: demoDebtor.debtorId, archived: true });
    await expectConsistentLedger(backend);

    await call(backend, 'setup.removeDemo', {});
    expect(await expectConsistentLedger(backend)).toBe(4);
    expect((await call(backend, 'overview.get', {})).rows.map((r) => r.name)).toEqual(['Eigen A']);
  });
});
