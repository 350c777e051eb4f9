// Debiteuren asks for the overview after every change and on every sort, filter and search
// keystroke. The overview is kept per customer (ledger/overview.ts): a write evaluates again only
// the customers it touched (db/dirtyDebtors.ts), and what is kept must never be stale: not after
// any kind of write, not after a write by another connection, not on a new day.
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { getOverview } from '../../../electron/core/ledger/overview';
import type { Overview } from '../../../shared/domain/overview';
import { call, TODAY, withBackend } from '../../helpers/backend';
import { addDays, createDebtor, createInvoice } from '../../helpers/ledger';
import { recordStatements } from '../../helpers/statements';
import { customerWithInvoice, demoDebtorId, sendReminders } from '../workflow/helpers';

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

  it('after every kind of write, equals the overview computed afresh from the file', async () => {
    const { backend, dataDir } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    // A second connection on the same file sees every commit of the first as a change by another
    // connection, so it evaluates every customer again: the reference.
    const fresh = await createBackend({ dataDir, today: TODAY });
    onTestFinished(() => fresh.close());
    const byDebtor = (o: Overview) => ({ ...o, rows: [...o.rows].sort((a, b) => a.debtorId - b.debtorId) });
    const same = async (after: string) => {
      const kept = await call(backend, 'overview.get', {});
      const reference = await call(fresh, 'overview.get', {});
      expect(byDebtor(kept), after).toEqual(byDebtor(reference));
    };
    await same('loading the demo');
    const id = (name: string) => demoDebtorId(backend, name);
    const firstOpenInvoice = async (debtorId: number) => (await call(backend, 'debtors.page', { id: debtorId })).invoices.find((i) => i.open > 0)!.id;

    const writes: [string, (b: Backend) => Promise<unknown>][] = [
      ['a partial payment', async (b) => call(b, 'payments.record', { debtorId: await id('Korenschoof'), date: TODAY, amount: 50_00 })],
      ['a payment in full', async (b) => {
        const debtorId = await id('Lindeboom');
        const open = (await call(b, 'overview.get', {})).rows.find((r) => r.debtorId === debtorId)!.openAmount;
        return call(b, 'payments.record', { debtorId, date: TODAY, amount: open });
      }],
      ['a new customer with an overdue invoice', (b) => customerWithInvoice(b, TODAY, { name: 'Nieuw B.V.', daysAgo: 9 })],
      ['a reminder sent', async (b) => sendReminders(b, await id('Nieuw B.V.'), ['reminder-1'])],
      ['a call with a promise', async (b) => call(b, 'calls.log', { debtorId: await id('Groen'), reached: true, notes: 'Betaalt vrijdag.', outcome: 'promise', promisedDate: addDays(TODAY, 3) })],
      ['a dispute', async (b) => call(b, 'invoices.dispute', { invoiceId: await firstOpenInvoice(await id('Peeters')), reason: 'Verkeerde oplage.' })],
      ['a dispute resolved', async (b) => call(b, 'invoices.resolveDispute', { invoiceId: await firstOpenInvoice(await id('Peeters')) })],
      ['an invoice stopped', async (b) => call(b, 'invoices.stop', { invoiceId: await firstOpenInvoice(await id('Zonnig')), stopped: true })],
      ['a customer paused', async (b) => call(b, 'debtors.pause', { debtorId: await id('Smit'), until: addDays(TODAY, 7), reason: 'Belt terug.' })],
      ['a pause ended', async (b) => call(b, 'debtors.resume', { debtorId: await id('Smit') })],
      ['a renamed customer', async (b) => {
        const { debtor } = await call(b, 'debtors.page', { id: await id('Kowalski') });
        return call(b, 'debtors.update', { id: debtor.id, debtor: { ...debtor, name: 'Aaron Kowalski Webdesign' } });
      }],
      ['a customer archived', async (b) => call(b, 'debtors.archive', { id: await id('Bos'), archived: true })],
      ["a customer's own plan", async (b) => call(b, 'workflow.saveDebtorLadder', { debtorId: await id('Vries'), override: { 'reminder-1': { enabled: true, days: 1 } } })],
      ["the business's plan", async (b) => {
        const settings = await call(b, 'workflow.settings', {});
        return call(b, 'workflow.saveSettings', { ladder: { ...settings.ladder, 'reminder-1': { enabled: true, days: 3 } }, defaultTone: 'zakelijk' });
      }],
      ['an arrangement', async (b) => call(b, 'arrangements.create', { debtorId: await id('Groen'), count: 3, firstDate: addDays(TODAY, 7), interval: 'month', includeInterest: false, includeCosts: false })],
      ['a handover', async (b) => call(b, 'handover.record', { debtorId: await id('Özdemir'), agencyName: 'Incasso Utrecht B.V.', handedOverOn: TODAY, termsKind: 'no-cure-no-pay', termsPercent: 15 })],
      ['a credit note', async (b) => call(b, 'invoices.credit', { invoiceId: await firstOpenInvoice(await id('Korenschoof')), amount: 10_00, date: TODAY, number: 'C-KEPT-1', reason: 'Korting' })],
      ['the demo removed', (b) => call(b, 'setup.removeDemo', {})],
    ];
    for (const [what, write] of writes) {
      await write(backend);
      await same(`after ${what}`);
    }
  });

  it('after a write about one customer, evaluates that customer only', async () => {
    const { backend, debtor } = await ledgerWithOneOverdueInvoice();
    const other = await createDebtor(backend, { name: 'Ander B.V.' });
    await createInvoice(backend, other.id, { number: 'F-2', invoiceDate: addDays(TODAY, -40), dueDate: addDays(TODAY, -26), amount: 100_00 });
    await call(backend, 'overview.get', {});
    await call(backend, 'payments.record', { debtorId: debtor.id, date: TODAY, amount: 100_00 });
    const statements = await recordStatements(backend.context.sqlite, () => call(backend, 'overview.get', {}));
    const reads = statements.filter((s) => readsInvoices(s.sql));
    expect(reads.length).toBeGreaterThan(0);
    for (const s of reads) {
      expect(s.sql).toContain('json_each(@debtorIds)');
      expect(s.params).toEqual([{ debtorIds: JSON.stringify([debtor.id]) }]);
    }
  });

  it('is evaluated ahead of the first visit when the door asks for it (prepareOverview)', async () => {
    const { dataDir } = await ledgerWithOneOverdueInvoice();
    const prepared = await createBackend({ dataDir, today: TODAY, prepareOverview: { delayMs: 0 } });
    onTestFinished(() => prepared.close());
    await new Promise((resolve) => setTimeout(resolve, 20));
    await call(prepared, 'app.info', {}); // after the preparation in the queue
    const statements = await recordStatements(prepared.context.sqlite, () => call(prepared, 'overview.get', {}));
    expect(statements.filter((s) => readsInvoices(s.sql))).toEqual([]);
  });

  it('keeps nothing computed inside a transaction that is rolled back', async () => {
    const { backend, debtor } = await ledgerWithOneOverdueInvoice();
    await call(backend, 'overview.get', {});
    const sqlite = backend.context.sqlite;
    try {
      sqlite.transaction(() => {
        sqlite.prepare('UPDATE invoices SET disputed = 1 WHERE debtor_id = ?').run(debtor.id);
        // Asked inside the transaction: sees the dispute, but must not keep it.
        expect(getOverviewRow(backend).flags.dispute).toBe(true);
        throw new Error('rolled back');
      })();
    } catch { /* the rollback is the point */ }
    expect((await call(backend, 'overview.get', {})).rows[0]!.flags.dispute).toBe(false);
  });
});

function getOverviewRow(backend: Backend) {
  return getOverview(backend.context, { sort: 'name', direction: 'asc' } as never).rows[0]!;
}
