import { describe, expect, it } from 'vitest';
import { addEvent } from '../../../electron/core/ledger/events';
import { call, dumpDatabase, withBackend } from '../../helpers/backend';
import { createDebtor, createInvoice } from '../../helpers/ledger';

async function debtorWithHistory() {
  const t = await withBackend();
  const debtor = await createDebtor(t.backend);
  const invoice = await createInvoice(t.backend, debtor.id);
  await call(t.backend, 'invoices.attachPdf', { invoiceId: invoice.id, fileName: 'f.pdf', dataBase64: Buffer.from('%PDF-1.4\n').toString('base64') });
  await call(t.backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-20', amount: 10_00 });
  return { ...t, debtor, invoice };
}

describe('the timeline is evidence: append-only, enforced by the database itself', () => {
  it('records what happened, newest first, with the invoices it is about', async () => {
    const { backend, debtor, invoice } = await debtorWithHistory();
    const timeline = (await call(backend, 'debtors.page', { id: debtor.id })).timeline;
    expect(timeline.map((e) => e.type)).toEqual(['invoice.pdf-attached', 'payment.received', 'invoice.created']);
    expect(timeline.every((e) => e.debtorId === debtor.id && e.invoiceIds.includes(invoice.id))).toBe(true);
  });

  it.each([
    ['UPDATE events SET summary = \'herschreven\'', /events are append-only/],
    ['UPDATE events SET occurred_on = \'2020-01-01\' WHERE type = \'payment.received\'', /events are append-only/],
    ['DELETE FROM events', /events are append-only/],
    ['DELETE FROM events WHERE type = \'invoice.created\'', /events are append-only/],
  ])('a raw "%s" on a real customer\'s events is refused', async (sql, message) => {
    const { backend, databaseFile } = await debtorWithHistory();
    const before = dumpDatabase(databaseFile);
    expect(() => backend.context.sqlite.exec(sql)).toThrow(message);
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('a correction is a new event that points at the old one', async () => {
    const { backend, debtor } = await debtorWithHistory();
    const [latest] = (await call(backend, 'debtors.page', { id: debtor.id })).timeline;
    const id = await addEvent(backend.context, { debtorId: debtor.id, type: 'note.corrected', occurredOn: '2026-11-24', summary: 'Correctie', correctsEventId: latest!.id });
    const row = backend.context.sqlite.prepare('SELECT corrects_event_id FROM events WHERE id = ?').get(id) as { corrects_event_id: number };
    expect(row.corrects_event_id).toBe(latest!.id);
  });

  it.each([
    ['UPDATE documents SET file_name = \'anders.pdf\'', /documents are immutable/],
    ['UPDATE documents SET bytes = x\'255044462d\', size = 5', /documents are immutable/],
    ['DELETE FROM documents', /documents are kept/],
  ])('a stored document cannot be changed or removed: "%s"', async (sql, message) => {
    const { backend, databaseFile } = await debtorWithHistory();
    const before = dumpDatabase(databaseFile);
    expect(() => backend.context.sqlite.exec(sql)).toThrow(message);
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('only a demo customer\'s events may be deleted (that is how the demo is removed)', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const own = await createDebtor(backend, { name: 'Eigen' });
    await createInvoice(backend, own.id);
    const s = backend.context.sqlite;
    const eventOf = (isDemo: number) => (s.prepare(`SELECT e.id FROM events e JOIN debtors d ON d.id = e.debtor_id
      WHERE d.is_demo = ? AND e.type = 'invoice.created' LIMIT 1`).get(isDemo) as { id: number }).id;
    const demoEvent = eventOf(1);
    const ownEvent = eventOf(0);
    s.prepare('DELETE FROM event_invoices WHERE event_id = ?').run(demoEvent);
    expect(s.prepare('DELETE FROM events WHERE id = ?').run(demoEvent).changes).toBe(1);
    s.prepare('DELETE FROM event_invoices WHERE event_id = ?').run(ownEvent);
    expect(() => s.prepare('DELETE FROM events WHERE id = ?').run(ownEvent)).toThrow(/append-only/);
    expect(() => s.prepare('UPDATE events SET summary = ? WHERE debtor_id IN (SELECT id FROM debtors WHERE is_demo = 1)').run('x')).toThrow(/append-only/);
  });

  it('the database refuses money that is not whole, non-negative cents, even past the schema checks', async () => {
    const { backend, debtor, invoice } = await debtorWithHistory();
    const s = backend.context.sqlite;
    expect(() => s.prepare('UPDATE invoices SET amount_cents = 12.5 WHERE id = ?').run(invoice.id)).toThrow(/CHECK constraint/);
    expect(() => s.prepare('UPDATE invoices SET amount_cents = -1 WHERE id = ?').run(invoice.id)).toThrow(/CHECK constraint/);
    expect(() => s.prepare('UPDATE invoices SET due_date = \'2026-02-30\' WHERE id = ?').run(invoice.id)).toThrow(/CHECK constraint/);
    expect(() => s.prepare('UPDATE invoices SET due_date = \'2000-01-01\' WHERE id = ?').run(invoice.id)).toThrow(/CHECK constraint/);
    expect(() => s.prepare("INSERT INTO payments (debtor_id, date, amount_cents, method, created_at) VALUES (?, '2026-11-24', 0, 'manual', 'now')").run(debtor.id)).toThrow(/CHECK constraint/);
    expect(() => s.prepare("INSERT INTO payments (debtor_id, date, amount_cents, method, created_at) VALUES (999, '2026-11-24', 1, 'manual', 'now')").run()).toThrow(/FOREIGN KEY/);
  });
});
