// The kept overview is evaluated again only for the customers a write touched (db/dirtyDebtors.ts).
// That is only right if every table the workflow engine reads is watched, and if a write to any
// of them, by any statement (a service, a trigger, a migration-free fix by hand), names its customer.
import { describe, expect, it } from 'vitest';
import { EVERY_DEBTOR, takeDirtyDebtors, trackDirtyDebtors, WATCHED_TABLES } from '../../../electron/core/db/dirtyDebtors';
import { evaluateLedger } from '../../../electron/core/workflow/load';
import { call, TODAY, withBackend } from '../../helpers/backend';
import { recordStatements } from '../../helpers/statements';

async function demoLedger() {
  const { backend } = await withBackend();
  await call(backend, 'setup.loadDemo', {});
  return backend.context;
}

const tablesIn = (sql: string) => [...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/gi)].map((m) => m[1]!).filter((t) => t !== 'json_each');

describe('the customers a write touched', () => {
  it('are noted for every table the workflow engine reads', async () => {
    const ctx = await demoLedger();
    const statements = await recordStatements(ctx.sqlite, () => { evaluateLedger(ctx); evaluateLedger(ctx, undefined, false); });
    const read = new Set(statements.flatMap((s) => tablesIn(s.sql)));
    expect(read.size).toBeGreaterThan(5);
    for (const table of read) expect(WATCHED_TABLES, `${table} is read by the engine`).toContain(table);
  });

  it('are named by a write to each watched table, whatever makes it', async () => {
    const ctx = await demoLedger();
    const s = ctx.sqlite;
    trackDirtyDebtors(s);
    const one = <T>(sql: string) => s.prepare(sql).get() as T;
    const addEvent = (debtorId: number) => s.prepare("INSERT INTO events (debtor_id, type, occurred_on, created_at, summary) VALUES (?, 'note.added', ?, ?, 'Notitie')")
      .run(debtorId, TODAY, `${TODAY}T12:00:00.000Z`).lastInsertRowid;
    // A row of each table, with the customer it belongs to.
    const invoice = one<{ id: number; debtor_id: number }>('SELECT ie.invoice_id AS id, i.debtor_id FROM invoice_events ie JOIN invoices i ON i.id = ie.invoice_id LIMIT 1');
    const promise = one<{ id: number; debtor_id: number }>('SELECT id, debtor_id FROM promises LIMIT 1');
    const plan = one<{ id: number; debtor_id: number }>('SELECT id, debtor_id FROM payment_plans LIMIT 1');
    const handover = one<{ id: number; debtor_id: number }>('SELECT id, debtor_id FROM handovers LIMIT 1');
    const payment = one<{ id: number; debtor_id: number }>('SELECT id, debtor_id FROM payments WHERE debtor_id IS NOT NULL LIMIT 1');
    const writes: [string, () => unknown, number[]][] = [
      ['debtors', () => s.prepare('UPDATE debtors SET notes = notes WHERE id = ?').run(invoice.debtor_id), [invoice.debtor_id]],
      ['invoices', () => s.prepare('UPDATE invoices SET description = description WHERE id = ?').run(invoice.id), [invoice.debtor_id]],
      ['invoice_events', () => s.prepare('UPDATE invoice_events SET step = step WHERE invoice_id = ?').run(invoice.id), [invoice.debtor_id]],
      ['events', () => addEvent(promise.debtor_id), [promise.debtor_id]],
      ['promises', () => s.prepare('UPDATE promises SET status = status WHERE id = ?').run(promise.id), [promise.debtor_id]],
      ['payment_plans', () => s.prepare('UPDATE payment_plans SET status = status WHERE id = ?').run(plan.id), [plan.debtor_id]],
      ['installments', () => s.prepare('UPDATE installments SET due_date = due_date WHERE plan_id = ?').run(plan.id), [plan.debtor_id]],
      ['handovers', () => s.prepare('UPDATE handovers SET status = status WHERE id = ?').run(handover.id), [handover.debtor_id]],
      ['payments (moved to another customer: both)', () => s.prepare('UPDATE payments SET debtor_id = ? WHERE id = ?').run(promise.debtor_id, payment.id), [payment.debtor_id, promise.debtor_id]],
      ['business', () => s.prepare('UPDATE business SET name = name').run(), [EVERY_DEBTOR]],
    ];
    expect(takeDirtyDebtors(s)).toEqual([]);
    for (const [table, write, expected] of writes) {
      write();
      expect(takeDirtyDebtors(s).sort((a, b) => a - b), table).toEqual([...new Set(expected)].sort((a, b) => a - b));
    }
    const linked = addEvent(invoice.debtor_id);
    takeDirtyDebtors(s);
    s.prepare('INSERT INTO event_invoices (event_id, invoice_id) VALUES (?, ?)').run(linked, invoice.id);
    expect(takeDirtyDebtors(s), 'event_invoices').toEqual([invoice.debtor_id]);
  });

  it('are forgotten with a write that is rolled back, and are not handed out inside a transaction', async () => {
    const ctx = await demoLedger();
    const s = ctx.sqlite;
    trackDirtyDebtors(s);
    const debtorId = s.prepare('SELECT id FROM debtors LIMIT 1').pluck().get() as number;
    expect(() => s.transaction(() => {
      s.prepare('UPDATE debtors SET notes = notes WHERE id = ?').run(debtorId);
      expect(() => takeDirtyDebtors(s)).toThrow(/transaction/);
      throw new Error('rolled back');
    })()).toThrow('rolled back');
    expect(takeDirtyDebtors(s)).toEqual([]);
  });
});
