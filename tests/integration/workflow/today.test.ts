// Vandaag against a real ledger: what is due, what is paused, what marking a reminder as sent
// records, catch-up after the app was closed, and promises that are broken or kept.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import { call, failure, TODAY, withBackend } from '../../helpers/backend';
import { addDays, customerWithInvoice, demoDebtorId, sendReminders } from './helpers';

describe('workflow.today', () => {
  it('lists the demo ledger\'s due actions, one per customer and step, and the paused customers with why and until when', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const today = await call(backend, 'workflow.today', {});
    const items = today.items.map((i) => [i.debtorName, i.step, i.invoices.length]);
    expect(items).toEqual(expect.arrayContaining([
      ['Bakkerij De Korenschoof B.V.', 'nudge', 1],
      ['Jeroen en Lisa Bos', 'reminder-1', 2],
      ['Van der Berg Installatietechniek B.V.', 'reminder-2', 1],
      ['Petra Jansen', 'call', 1],
      ['Hoveniersbedrijf Groen & Zn.', 'final-notice', 2],
      ['Drukkerij Peeters B.V.', 'handover', 1],
    ]));
    expect(items).toHaveLength(6);
    // A business gets a final notice; the dates are the day each became due.
    expect(today.items.find((i) => i.step === 'final-notice')).toMatchObject({ letter: 'final-notice', debtorKind: 'business', total: 2_057_00 });
    expect(today.items.every((i) => i.dueSince <= TODAY)).toBe(true);

    const paused = Object.fromEntries(today.paused.map((p) => [p.debtorName, p.pauses.map((x) => [x.reason, x.until])]));
    expect(paused).toEqual({
      'Architectenbureau Smit': [['dispute', null]],
      'Bouwbedrijf Mulder B.V.': [['agency', null]],
      "Café 't Hoekje V.O.F.": [['arrangement', null]],
      // Promised for 29-11 (Sunday, 5 days after today) + 2 working days.
      'Marieke de Vries': [['promise', '2026-12-01']],
    });
    expect(today.paused.find((p) => p.debtorName === 'Architectenbureau Smit')!.pauses[0]!.note).toMatch(/niet waren afgesproken/);
  });

  it('marking a reminder as sent stores the text and the PDF as documents and links one event to every covered invoice; it leaves Vandaag and is never proposed twice', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const bos = await demoDebtorId(backend, 'Bos');
    const draft = await call(backend, 'reminders.draft', { debtorId: bos, step: 'reminder-1' });
    expect(draft.invoices.map((i) => i.number)).toHaveLength(2);
    expect(draft.total).toBe(370_00);
    expect(draft.body).toContain('€ 370,00');
    const body = `${draft.body}\n\nPS: mijn nieuwe telefoonnummer is 06 99999999.`;

    const sent = await call(backend, 'reminders.markSent', { debtorId: bos, step: 'reminder-1', subject: draft.subject, body, invoiceIds: draft.invoiceIds });
    const sqlite = backend.context.sqlite;
    const docs = sqlite.prepare('SELECT id, kind, mime_type, bytes, sha256 FROM documents WHERE id IN (?, ?) ORDER BY id').all(sent.mailDocumentId, sent.pdfDocumentId) as { id: number; kind: string; mime_type: string; bytes: Buffer; sha256: string }[];
    expect(docs.map((d) => d.kind)).toEqual(['mail', 'reminder']);
    const text = docs[0]!.bytes.toString('utf8');
    expect(text).toContain(`Onderwerp: ${draft.subject}`);
    expect(text).toContain('PS: mijn nieuwe telefoonnummer is 06 99999999.');
    for (const d of docs) expect(d.sha256).toBe(createHash('sha256').update(d.bytes).digest('hex'));
    expect(docs[1]!.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(() => sqlite.prepare('UPDATE documents SET file_name = ? WHERE id = ?').run('x', sent.mailDocumentId)).toThrow(/immutable/);

    const event = sqlite.prepare('SELECT type, document_id, data_json FROM events WHERE id = ?').get(sent.eventId) as { type: string; document_id: number; data_json: string };
    expect(event).toMatchObject({ type: 'reminder.sent', document_id: sent.mailDocumentId });
    expect(JSON.parse(event.data_json)).toMatchObject({ step: 'reminder-1', channel: 'email', pdfDocumentId: sent.pdfDocumentId });
    const linked = (sqlite.prepare('SELECT invoice_id FROM event_invoices WHERE event_id = ? ORDER BY invoice_id').all(sent.eventId) as { invoice_id: number }[]).map((r) => r.invoice_id);
    expect(linked).toEqual([...draft.invoiceIds].sort((a, b) => a - b));

    const after = await call(backend, 'workflow.today', {});
    expect(after.items.some((i) => i.debtorId === bos)).toBe(false);
    const page = await call(backend, 'debtors.page', { id: bos });
    expect(page.timeline[0]).toMatchObject({ type: 'reminder.sent', summary: expect.stringContaining('Herinnering 1 verstuurd per e-mail') });
    expect((await failure(backend, 'reminders.markSent', { debtorId: bos, step: 'reminder-1', subject: draft.subject, body, invoiceIds: draft.invoiceIds })).code).toBe('conflict');
  });

  it('catch-up: after the app was closed for two weeks, each customer\'s next step is due once, and nothing is skipped', async () => {
    const { backend, dataDir } = await withBackend();
    // Reminder 1 went out on time on the first day; then the app stayed closed.
    const { debtor, invoice } = await customerWithInvoice(backend, TODAY, { daysAgo: 7 });
    const draft = await call(backend, 'reminders.draft', { debtorId: debtor.id, step: 'reminder-1' });
    await call(backend, 'reminders.markSent', { debtorId: debtor.id, step: 'reminder-1', subject: draft.subject, body: draft.body, invoiceIds: [invoice.id] });
    backend.close();

    const later = await createBackend({ dataDir, today: addDays(TODAY, 14) });
    try {
      const list = await call(later, 'workflow.today', {});
      // Reminder 2 was due on day +7 and the call on day +14: only reminder 2 is proposed, since +7.
      expect(list.items.map((i) => [i.step, i.dueSince])).toEqual([['reminder-2', addDays(TODAY, 7)]]);
    } finally {
      later.close();
    }
  });

  it('a promise made on the phone pauses until the promised date + 2 working days; unpaid after that it is recorded as broken, once, and the plan resumes', async () => {
    const { backend, dataDir } = await withBackend();
    const { debtor } = await customerWithInvoice(backend, TODAY, { daysAgo: 21 });
    await sendReminders(backend, debtor.id, ['reminder-1', 'reminder-2']);
    // Wednesday 25-11 + 2 working days = Friday 27-11.
    const logged = await call(backend, 'calls.log', { debtorId: debtor.id, reached: true, notes: 'Betaalt morgen.', outcome: 'promise', promisedDate: '2026-11-25' });
    expect(logged.pausedUntil).toBe('2026-11-27');
    const now = await call(backend, 'workflow.today', {});
    expect(now.items.filter((i) => i.debtorId === debtor.id)).toEqual([]);
    expect(now.paused.find((p) => p.debtorId === debtor.id)?.pauses).toEqual([expect.objectContaining({ reason: 'promise', until: '2026-11-27' })]);
    backend.close();

    const later = await createBackend({ dataDir, today: '2026-12-02' });
    try {
      const list = await call(later, 'workflow.today', {});
      expect(list.settled).toEqual({ broken: 1, kept: 0 });
      const item = list.items.find((i) => i.debtorId === debtor.id)!;
      // The call (after two reminders) was made, so the final notice is next: due a week after the call.
      expect(item).toMatchObject({ step: 'final-notice', dueSince: '2026-12-01', notes: [expect.objectContaining({ kind: 'promise-broken', promisedDate: '2026-11-25' })] });
      const again = await call(later, 'workflow.today', {});
      expect(again.settled).toEqual({ broken: 0, kept: 0 });
      expect(again.items.find((i) => i.debtorId === debtor.id)?.notes).toEqual([expect.objectContaining({ kind: 'promise-broken' })]);
      const events = later.context.sqlite.prepare("SELECT type FROM events WHERE debtor_id = ? AND type LIKE 'promise.%' ORDER BY id").all(debtor.id) as { type: string }[];
      expect(events.map((e) => e.type)).toEqual(['promise.made', 'promise.broken']);
      expect(later.context.sqlite.prepare('SELECT status, resolved_on FROM promises WHERE id = ?').get(logged.promiseId)).toEqual({ status: 'broken', resolved_on: '2026-12-02' });
    } finally {
      later.close();
    }
  });

  it('a promise that was paid is recorded as kept', async () => {
    const { backend } = await withBackend();
    const { debtor } = await customerWithInvoice(backend, TODAY, { daysAgo: 21, amount: 100_00 });
    const logged = await call(backend, 'calls.log', { debtorId: debtor.id, reached: true, notes: '', outcome: 'promise', promisedDate: '2026-11-30', promisedAmount: 100_00 });
    await call(backend, 'payments.record', { debtorId: debtor.id, date: TODAY, amount: 100_00 });
    expect((await call(backend, 'workflow.today', {})).settled).toEqual({ broken: 0, kept: 1 });
    expect(backend.context.sqlite.prepare('SELECT status FROM promises WHERE id = ?').get(logged.promiseId)).toEqual({ status: 'kept' });
  });
});
