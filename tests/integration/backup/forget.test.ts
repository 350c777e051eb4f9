// Forgetting a customer on request (AVG art. 17): what goes, what stays (art. 52 AWR), and that the
// database allows exactly that and nothing more (migration 002_forget).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORGOTTEN_EVENT_SUMMARY } from '../../../electron/core/db/migrations/002_forget';
import { sha256Hex } from '../../../electron/core/util/hash';
import { call, dumpDatabase, failure } from '../../helpers/backend';
import { createDebtor, createInvoice } from '../../helpers/ledger';
import { PDF, seedLedger, withQuietBackend } from './helpers';

const LETTER = Buffer.from('%PDF-1.4\nAanmaning aan Petra Jansen, Dorpsstraat 1, 3701 GB Zeist\n%%EOF\n');
const PERSONAL = ['Petra', 'petra@example.nl', 'Dorpsstraat', '06 12345678', 'NL20INGB0001234567', 'NL20 INGB', 'Belt liever', 'P JANSEN', 'contant', 'Aanmaning aan'];

/** Petra with everything settled, a letter sent to her, and a bank line of her payment. */
async function settledCustomer() {
  const t = await withQuietBackend();
  const { petra, invoice, bv } = await seedLedger(t.backend);
  await call(t.backend, 'payments.record', { debtorId: petra.id, date: '2026-11-22', amount: 100_00 });
  const s = t.backend.context.sqlite;
  const now = '2026-11-01T10:00:00.000Z';
  const letter = s.prepare("INSERT INTO documents (debtor_id, kind, file_name, mime_type, bytes, size, sha256, created_at) VALUES (?, 'letter', 'aanmaning-petra-jansen.pdf', 'application/pdf', ?, ?, ?, ?)")
    .run(petra.id, LETTER, LETTER.length, sha256Hex(LETTER), now).lastInsertRowid as number;
  s.prepare("INSERT INTO events (debtor_id, type, occurred_on, created_at, summary, data_json, document_id) VALUES (?, 'letter.sent', '2026-11-01', ?, 'Aanmaning verstuurd aan Petra Jansen, Dorpsstraat 1', '{\"to\":\"petra@example.nl\"}', ?)").run(petra.id, now, letter);
  const importId = s.prepare("INSERT INTO imports (kind, file_name, sha256, imported_at) VALUES ('bank', 'ing.csv', ?, ?)").run('a'.repeat(64), now).lastInsertRowid;
  const payment = s.prepare('SELECT id FROM payments WHERE debtor_id = ? ORDER BY id LIMIT 1').pluck().get(petra.id) as number;
  s.prepare("UPDATE payments SET counterparty_name = 'P JANSEN', counterparty_iban = 'NL20INGB0001234567', remittance = 'factuur T-1 Petra' WHERE id = ?").run(payment);
  s.prepare("INSERT INTO bank_lines (import_id, dedupe_key, booking_date, amount_cents, direction, counterparty_name, counterparty_iban, remittance, status, payment_id) VALUES (?, 'tx:1', '2026-11-20', 2100, 'credit', 'P JANSEN', 'NL20INGB0001234567', 'factuur T-1 Petra', 'matched', ?)").run(importId, payment);
  return { ...t, petra, invoice, bv, letter };
}

/** The ledger file's bytes and its write-ahead log, as text: what is really on the disk. */
const rawFile = (file: string) => [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('');

describe('debtors.forget', () => {
  it('removes the personal data, keeps invoices, amounts and invoice PDFs, and leaves no trace of the old text in the file', async () => {
    const { backend, databaseFile, petra, invoice, bv, letter } = await settledCustomer();
    const bvBefore = await call(backend, 'debtors.page', { id: bv.id });
    const invoicesBefore = (await call(backend, 'debtors.page', { id: petra.id })).invoices;
    const timelineBefore = (await call(backend, 'debtors.page', { id: petra.id })).timeline;

    const summary = await call(backend, 'debtors.forget', { id: petra.id });
    expect(summary).toMatchObject({
      debtorId: petra.id, name: `Vergeten klant #${petra.id}`,
      kept: { invoices: 1, invoicePdfs: 1, payments: 2 },
      erased: { events: timelineBefore.length, documents: 1, payments: 1, bankLines: 1 }, // the second payment had nothing personal
    });

    const page = await call(backend, 'debtors.page', { id: petra.id });
    expect(page.debtor).toMatchObject({
      name: `Vergeten klant #${petra.id}`, kind: 'consumer', contactName: null, street: null, postcode: null, city: null,
      email: null, phone: null, kvk: null, vatId: null, iban: null, notes: null, archived: true,
    });
    // Kept: the invoice as it was (number, dates, description, amounts), its PDF byte for byte, the payments' amounts.
    expect(page.invoices).toEqual(invoicesBefore);
    const pdf = await call(backend, 'invoices.getPdf', { invoiceId: invoice.id });
    expect(Buffer.from(pdf.dataBase64, 'base64')).toEqual(PDF);
    expect(page.payments.map((p) => p.amount)).toEqual(expect.arrayContaining([21_00, 100_00]));
    expect(page.payments.every((p) => p.note === null && p.counterpartyName === null)).toBe(true);
    // The timeline keeps what happened when, not what was said; and records the forgetting.
    expect(page.timeline).toHaveLength(timelineBefore.length + 1);
    const redacted = page.timeline.filter((e) => e.type !== 'forgotten');
    expect(redacted.map((e) => [e.type, e.occurredOn, e.invoiceIds, e.documentId])).toEqual(timelineBefore.map((e) => [e.type, e.occurredOn, e.invoiceIds, e.documentId]));
    expect(redacted.every((e) => e.summary === FORGOTTEN_EVENT_SUMMARY && JSON.stringify(e.data) === '{}')).toBe(true);
    expect(page.timeline.find((e) => e.type === 'forgotten')?.summary).toMatch(/AVG art\. 17.*art\. 52 AWR/);
    // The letter became a tombstone that still names its original hash.
    const s = backend.context.sqlite;
    const tomb = s.prepare('SELECT file_name, mime_type, bytes, sha256, kind FROM documents WHERE id = ?').get(letter) as { file_name: string; mime_type: string; bytes: Buffer; sha256: string; kind: string };
    expect(tomb).toMatchObject({ file_name: `vergeten-${letter}.txt`, mime_type: 'text/plain; charset=utf-8', kind: 'letter', sha256: sha256Hex(tomb.bytes) });
    expect(tomb.bytes.toString('utf8')).toContain(sha256Hex(LETTER));
    expect(s.prepare("SELECT counterparty_name, counterparty_iban, remittance FROM bank_lines").get()).toEqual({ counterparty_name: null, counterparty_iban: null, remittance: '' });
    // The ledger is sound, the other customer untouched, and the old text is gone from the file itself.
    expect(await call(backend, 'backup.checkIntegrity', {})).toMatchObject({ ok: true });
    expect(await call(backend, 'debtors.page', { id: bv.id })).toEqual(bvBefore);
    const raw = rawFile(databaseFile);
    for (const text of PERSONAL) expect(raw.includes(text), text).toBe(false);
    expect(raw.includes('Fotoreportage bruiloft')).toBe(true); // the invoice's description is kept
  });

  it('a forgotten customer stays forgotten: no details filled in again, no new invoices; the database allows only the redaction', async () => {
    const { backend, databaseFile, petra, bv } = await settledCustomer();
    await call(backend, 'debtors.forget', { id: petra.id });
    const before = dumpDatabase(databaseFile);
    expect(await failure(backend, 'debtors.update', { id: petra.id, debtor: { kind: 'consumer', name: 'Petra Jansen' } })).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/vergeten op eigen verzoek/) });
    expect(await failure(backend, 'invoices.create', { debtorId: petra.id, number: 'N-1', invoiceDate: '2026-11-24', amount: 100 })).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/nieuwe klant/) });
    expect(await failure(backend, 'debtors.forget', { id: petra.id })).toMatchObject({ code: 'conflict', message: expect.stringMatching(/al vergeten/) });
    expect(dumpDatabase(databaseFile)).toBe(before);
    await call(backend, 'debtors.archive', { id: petra.id, archived: false }); // archiving is not personal data

    const s = backend.context.sqlite;
    expect(() => s.prepare("UPDATE events SET summary = 'iets anders' WHERE debtor_id = ?").run(petra.id)).toThrow(/append-only/);
    expect(() => s.prepare("UPDATE events SET occurred_on = '2020-01-01' WHERE debtor_id = ?").run(petra.id)).toThrow(/append-only/);
    expect(() => s.prepare("UPDATE documents SET file_name = 'vergeten-' || id || '.txt', mime_type = 'text/plain; charset=utf-8', bytes = X'00', size = 1 WHERE kind = 'invoice-pdf'").run()).toThrow(/immutable/);
    // For a customer who was not forgotten, events and documents are as immutable as ever.
    expect(() => s.prepare(`UPDATE events SET summary = '${FORGOTTEN_EVENT_SUMMARY}', data_json = '{}' WHERE debtor_id = ?`).run(bv.id)).toThrow(/append-only/);
    expect(() => s.prepare("UPDATE debtors SET forgotten_at = NULL WHERE id = ?").run(petra.id)).toThrow(/vergeten/);
  });

  it.each([
    ['an invoice is still open', async (b: Awaited<ReturnType<typeof withQuietBackend>>['backend'], id: number) => { await createInvoice(b, id, { amount: 50_00 }); }, /staat nog een factuur open \(€ 50,00\)/],
    ['a payment plan is running', async (b: Awaited<ReturnType<typeof withQuietBackend>>['backend'], id: number) => {
      b.context.sqlite.prepare("INSERT INTO payment_plans (debtor_id, principal_cents, interest_cents, costs_cents, total_cents, first_date, interval, created_at) VALUES (?, 100, 0, 0, 100, '2026-12-01', 'month', 'x')").run(id);
    }, /betalingsregeling/],
    ['the claim is with an agency', async (b: Awaited<ReturnType<typeof withQuietBackend>>['backend'], id: number) => {
      const agency = b.context.sqlite.prepare("INSERT INTO agencies (name) VALUES ('Incasso BV')").run().lastInsertRowid;
      b.context.sqlite.prepare("INSERT INTO handovers (debtor_id, agency_id, handed_over_on, terms_kind, claimed_cents, created_at) VALUES (?, ?, '2026-11-01', 'no-cure-no-pay', 100, 'x')").run(id, agency);
    }, /incassobureau/],
    ['the customer paid too much (a refund is due)', async (b: Awaited<ReturnType<typeof withQuietBackend>>['backend'], id: number) => {
      await call(b, 'payments.record', { debtorId: id, date: '2026-11-23', amount: 15_00 });
    }, /tegoed van € 15,00/],
  ])('is refused while %s, with nothing changed', async (_what, arrange, message) => {
    const { backend, databaseFile, petra } = await settledCustomer();
    await arrange(backend, petra.id);
    const before = dumpDatabase(databaseFile);
    expect(await failure(backend, 'debtors.forget', { id: petra.id })).toMatchObject({ code: 'forbidden', message: expect.stringMatching(message) });
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('answers not-found for a customer that does not exist', async () => {
    const { backend } = await withQuietBackend();
    await createDebtor(backend);
    expect(await failure(backend, 'debtors.forget', { id: 99 })).toMatchObject({ code: 'not-found' });
  });
});
