// Debiteuren asks for the overview on every sort, filter and search keystroke. The summary of all
// customers is kept between those questions (ledger/overview.ts), and must never be stale: any
// write, on this connection or another, and a new day make it compute afresh.
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { call, TODAY, withBackend } from '../../helpers/backend';
import { addDays, createDebtor, createInvoice } from '../../helpers/ledger';
import { recordStatements } from '../../helpers/statements';

async function ledgerWithOneOverdueInvoice() {
  const t = await withBackend();
  const debtor = await createDebtor(t.backend, { name: 'Laat B.V.' });
  const invoice = await createInvoice(t.backend, debtor.id, { number: 'F-1', invoiceDate: addDays(TODAY, -24), dueDate: addDays(TODAY, -10), amount: 250_00 });
  return { ...t, debtor, invoice };
}

const readsInvoices = (sql: string) => /\bFROM invoices\b|\binvoice_events\b/.test(sql);

describe('the kept overview', () => {
  it('answers a new sort, filter or search without reading the ledger again', async () => {
    const { backend } = await ledgerWithOneOverdueInvoice();
    await call(backend, 'overview.get', {});
    const statements = await recordStatements(backend.context.sqlite, async () => {
      await call(backend, 'overview.get', { sort: 'name', direction: 'asc' });
      await call(backend, 'overview.get', { overdueOnly: true, kind: 'business' });
    });
    expect(statements.filter((s) => readsInvoices(s.sql))).toEqual([]);
  });

  it('shows a payment at once', async () => {
    const { backend, debtor } = await ledgerWithOneOverdueInvoice();
    expect((await call(backend, 'overview.get', {})).totals.open).toBe(250_00);
    await call(backend, 'payments.record', { debtorId: debtor.id, date: TODAY, amount: 100_00 });
    const after = await call(backend, 'overview.get', {});
    expect(after.totals.open).toBe(150_00);
    expect(after.rows[0]!.openAmount).toBe(150_00);
  });

  it('shows what another connection wrote to the same file (the command line)', async () => {
    const { backend, databaseFile, debtor } = await ledgerWithOneOverdueInvoice();
    expect((await call(backend, 'overview.get', {})).rows[0]!.name).toBe('Laat B.V.');
    const other = new Database(databaseFile);
    onTestFinished(() => { other.close(); });
    other.prepare("UPDATE debtors SET name = 'Later B.V.', search_text = 'later b.v.' WHERE id = ?").run(debtor.id);
    expect((await call(backend, 'overview.get', {})).rows[0]!.name).toBe('Later B.V.');
  });

  it('counts the days anew on the next day', async () => {
    const { backend } = await ledgerWithOneOverdueInvoice();
    expect((await call(backend, 'overview.get', {})).rows[0]!.oldestDaysOverdue).toBe(10);
    const ctx = backend.context;
    const today = ctx.today;
    ctx.today = () => addDays(TODAY, 1);
    try {
      expect((await call(backend, 'overview.get', {})).rows[0]!.oldestDaysOverdue).toBe(11);
    } finally {
      ctx.today = today;
    }
  });
});
