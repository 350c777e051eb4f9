// Migration 003's derived columns: paid_on (the day an invoice that received money was paid in
// full), first_paid_on (its first payment or credit note) and paid_days_late. Kept by triggers like
// open_cents; filled in for an existing ledger when it is migrated.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKysely, type Context } from '../../../electron/core/context';
import { openSqlite } from '../../../electron/core/db/connection';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { m003Insights } from '../../../electron/core/db/migrations/003_insights';
import { createDebtor } from '../../../electron/core/ledger/debtors';
import { createInvoice, creditInvoice } from '../../../electron/core/ledger/invoices';
import { recordPayment } from '../../../electron/core/ledger/payments';
import { debtorInput } from '../../../shared/domain/ledger';
import { TODAY, call, makeTempDir, removeDir, withBackend } from '../../helpers/backend';

type Derived = { number: string; paid_on: string | null; first_paid_on: string | null; paid_days_late: number | null };
const derived = (ctx: Pick<Context, 'sqlite'>) =>
  ctx.sqlite.prepare("SELECT number, paid_on, first_paid_on, paid_days_late FROM invoices WHERE kind = 'invoice' ORDER BY number").all() as Derived[];

/** Four invoices: paid late in one go, paid early in two parts, partly paid and credited, only credited. */
async function fill(ctx: Context) {
  const d = await createDebtor(ctx, debtorInput.parse({ kind: 'business', name: 'Klant B.V.' }));
  const inv = async (number: string, amount: number, dueDate: string) =>
    (await createInvoice(ctx, { debtorId: d.id, number, invoiceDate: '2026-01-01', dueDate, amount, deliveryDate: null, description: '', paymentReference: null })).id;
  const one = await inv('I-1', 100_00, '2026-02-01');
  const two = await inv('I-2', 100_00, '2026-03-01');
  const three = await inv('I-3', 100_00, '2026-03-01');
  const four = await inv('I-4', 100_00, '2026-03-01');
  await recordPayment(ctx, { debtorId: d.id, date: '2026-02-11', amount: 100_00, allocations: [{ invoiceId: one, amount: 100_00 }] });
  await recordPayment(ctx, { debtorId: d.id, date: '2026-02-10', amount: 40_00, allocations: [{ invoiceId: two, amount: 40_00 }] });
  await recordPayment(ctx, { debtorId: d.id, date: '2026-02-20', amount: 60_00, allocations: [{ invoiceId: two, amount: 60_00 }] });
  await recordPayment(ctx, { debtorId: d.id, date: '2026-02-15', amount: 30_00, allocations: [{ invoiceId: three, amount: 30_00 }] });
  await creditInvoice(ctx, { invoiceId: three, amount: 70_00, date: '2026-03-05', number: 'C-3', reason: 'Korting' });
  await creditInvoice(ctx, { invoiceId: four, amount: 100_00, date: '2026-03-05', number: 'C-4', reason: 'Vervalt' });
}

const EXPECTED: Derived[] = [
  { number: 'I-1', paid_on: '2026-02-11', first_paid_on: '2026-02-11', paid_days_late: 10 }, // paid in one go, 10 days after 01-02
  { number: 'I-2', paid_on: '2026-02-20', first_paid_on: '2026-02-10', paid_days_late: -9 }, // two parts; the last 9 days before 01-03
  { number: 'I-3', paid_on: '2026-03-05', first_paid_on: '2026-02-15', paid_days_late: 4 }, // 30 paid, the rest credited on 05-03
  { number: 'I-4', paid_on: null, first_paid_on: '2026-03-05', paid_days_late: null }, // only credited: not "paid"
];

describe('paid_on, first_paid_on and paid_days_late', () => {
  it('are kept by the triggers as payments and credit notes come in', async () => {
    const { backend } = await withBackend();
    await fill(backend.context);
    expect(derived(backend.context)).toEqual(EXPECTED);
  });

  it('follow a removed allocation and a corrected payment date', async () => {
    const { backend } = await withBackend();
    const ctx = backend.context;
    const d = await call(backend, 'debtors.create', { kind: 'business', name: 'Klant' });
    const inv = await call(backend, 'invoices.create', { debtorId: d.id, number: 'X-1', invoiceDate: '2026-01-01', dueDate: '2026-02-01', amount: 50_00 });
    const p = await call(backend, 'payments.record', { debtorId: d.id, date: '2026-02-03', amount: 50_00, allocations: [{ invoiceId: inv.id, amount: 50_00 }] });
    expect(derived(ctx)).toEqual([{ number: 'X-1', paid_on: '2026-02-03', first_paid_on: '2026-02-03', paid_days_late: 2 }]);
    ctx.sqlite.prepare('UPDATE payments SET date = ? WHERE id = ?').run('2026-01-30', p.id);
    expect(derived(ctx)).toEqual([{ number: 'X-1', paid_on: '2026-01-30', first_paid_on: '2026-01-30', paid_days_late: -2 }]);
    ctx.sqlite.prepare('DELETE FROM payment_allocations WHERE payment_id = ?').run(p.id);
    expect(derived(ctx)).toEqual([{ number: 'X-1', paid_on: null, first_paid_on: null, paid_days_late: null }]);
  });

  it('are filled in when an existing ledger is migrated to version 3', async () => {
    const dir = makeTempDir('openstaand-insights-migrate-');
    const sqlite = openSqlite(path.join(dir, 'openstaand.sqlite'));
    try {
      await migrate(sqlite, { target: m003Insights.version - 1 });
      const ctx: Context = {
        sqlite, db: createKysely(sqlite), dataDir: dir, databaseFile: path.join(dir, 'openstaand.sqlite'), appVersion: 'test',
        today: () => TODAY, now: () => new Date().toISOString(),
      };
      await fill(ctx); // written by the previous version: no such columns yet
      await migrate(sqlite);
      expect(schemaVersion(sqlite)).toBeGreaterThanOrEqual(3);
      expect(derived(ctx)).toEqual(EXPECTED);
    } finally {
      sqlite.close();
      removeDir(dir);
    }
  });
});
