// invoice_events (migration 005) is derived data: the workflow facts of event_invoices ⨝ events,
// clustered by invoice so the overview reads an invoice's timeline without touching the events
// table. Its triggers must keep it exactly equal to the join, whatever writes the events.
import { describe, expect, it } from 'vitest';
import type { Sqlite } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { call, withBackend } from '../../helpers/backend';
import { oldLedger } from '../../helpers/oldLedger';
import { seedLedger, withQuietBackend } from '../backup/helpers';

const DERIVED = `SELECT invoice_id, event_id, type, occurred_on, step, letter, last_day FROM invoice_events ORDER BY invoice_id, event_id`;
const FROM_THE_JOIN = `
  SELECT ei.invoice_id, e.id AS event_id, e.type, e.occurred_on, json_extract(e.data_json, '$.step') AS step,
    json_extract(e.data_json, '$.letter') AS letter, json_extract(e.data_json, '$.lastDay') AS last_day
  FROM event_invoices ei JOIN events e ON e.id = ei.event_id ORDER BY ei.invoice_id, e.id`;

function expectInSync(s: Sqlite) {
  const derived = s.prepare(DERIVED).all();
  expect(derived).toEqual(s.prepare(FROM_THE_JOIN).all());
  return derived as { invoice_id: number; event_id: number; type: string; step: string | null }[];
}

describe('invoice_events, the per-invoice copy of the timeline the workflow reads', () => {
  it('holds every linked event of the demo ledger, with the step of each reminder', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const rows = expectInSync(backend.context.sqlite);
    expect(rows.filter((r) => r.type === 'reminder.sent').length).toBeGreaterThan(3);
    expect(rows.filter((r) => r.type === 'reminder.sent').every((r) => r.step === 'reminder-1' || r.step === 'reminder-2')).toBe(true);
  });

  it('follows a new event, and the removal of the demo data', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const s = backend.context.sqlite;
    const debtorId = (await call(backend, 'overview.get', {})).rows[0]!.debtorId;
    const open = s.prepare('SELECT id FROM invoices WHERE debtor_id = ? AND open_cents > 0 LIMIT 1').pluck().get(debtorId) as number;
    await call(backend, 'invoices.stop', { invoiceId: open, stopped: true, reason: 'Klant belt zelf terug' });
    const rows = expectInSync(s);
    expect(rows.some((r) => r.invoice_id === open && r.type === 'invoice.stopped')).toBe(true);

    await call(backend, 'setup.removeDemo', {});
    expect(expectInSync(s)).toEqual([]);
  });

  it('forgets what the AVG redaction erases from an event (migration 002)', async () => {
    const { backend } = await withQuietBackend();
    const { petra } = await seedLedger(backend);
    const s = backend.context.sqlite;
    const invoiceId = s.prepare('SELECT id FROM invoices WHERE debtor_id = ?').pluck().get(petra.id) as number;
    await call(backend, 'invoices.stop', { invoiceId, stopped: true });
    // A reminder as drafts.ts records it, with its step in the data.
    const event = s.prepare("INSERT INTO events (debtor_id, type, occurred_on, created_at, summary, data_json) VALUES (?, 'reminder.sent', '2026-11-10', '2026-11-10T09:00:00.000Z', 'Herinnering 1 aan Petra', '{\"step\":\"reminder-1\"}')")
      .run(petra.id).lastInsertRowid as number;
    s.prepare('INSERT INTO event_invoices (event_id, invoice_id) VALUES (?, ?)').run(event, invoiceId);
    expect(expectInSync(s).find((r) => r.event_id === event)?.step).toBe('reminder-1');

    await call(backend, 'payments.record', { debtorId: petra.id, date: '2026-11-22', amount: 100_00 });
    await call(backend, 'debtors.forget', { id: petra.id });
    expect(expectInSync(s).find((r) => r.event_id === event)?.step).toBeNull();
  });

  it('is filled from the existing timeline when a ledger of version 4 is migrated', async () => {
    const { db, addInvoice, addEvent } = await oldLedger(4);
    const invoice = addInvoice('O-1');
    const event = addEvent('letter.sent', '2026-10-20', { step: 'final-notice', letter: 'final-notice', lastDay: '2026-10-27' }, invoice);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'invoice_events'").pluck().get()).toBe(0);

    await migrate(db);
    expect(expectInSync(db)).toEqual([
      { invoice_id: invoice, event_id: event, type: 'letter.sent', occurred_on: '2026-10-20', step: 'final-notice', letter: 'final-notice', last_day: '2026-10-27' },
    ]);
  });

  it('would notice a copy that drifted (the check itself can fail)', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const s = backend.context.sqlite;
    s.exec('DROP TRIGGER invoice_events_link');
    const debtor = s.prepare('SELECT id FROM debtors LIMIT 1').pluck().get() as number;
    const invoice = s.prepare('SELECT id FROM invoices WHERE debtor_id = ? LIMIT 1').pluck().get(debtor) as number;
    const event = s.prepare("INSERT INTO events (debtor_id, type, occurred_on, created_at, summary) VALUES (?, 'call.logged', '2026-11-24', '2026-11-24T10:00:00.000Z', 'Gebeld')").run(debtor).lastInsertRowid;
    s.prepare('INSERT INTO event_invoices (event_id, invoice_id) VALUES (?, ?)').run(event, invoice);
    expect(() => expectInSync(s)).toThrow();
  });
});
