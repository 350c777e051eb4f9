// A sent letter is evidence: preview stores nothing; produce renders once, stores those exact
// bytes (with their SHA-256) and records 'letter.sent' linked to the invoices; get returns the
// stored bytes, never a new rendering, even after the business details changed.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { call, dumpDatabase, failure } from '../../helpers/backend';
import { hasTool, POPPLER_MISSING_REASON, removeTempFiles } from '../../unit/pdf/popplerTools';
import { BUSINESS, bytesOf, consumer, invoice, ledger, textOf } from './lettersSetup';

const poppler = hasTool('pdftotext');
afterAll(removeTempFiles);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function consumerWithClaim() {
  const t = await ledger();
  const debtor = await consumer(t.b);
  const a = await invoice(t.b, debtor.id, '2026-031', '2026-09-01', '2026-10-01', 891_50);
  const c = await invoice(t.b, debtor.id, '2026-044', '2026-09-20', '2026-10-20', 500_00);
  return { ...t, debtor, a, c };
}

describe('letters as evidence', () => {
  it('a preview stores nothing', async () => {
    const { b, databaseFile, debtor } = await consumerWithClaim();
    const before = dumpDatabase(databaseFile);
    await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day' });
    await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'reminder' });
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('produce stores the exact bytes once and records letter.sent linked to the covered invoices', async () => {
    const { b, debtor, a, c } = await consumerWithClaim();
    const preview = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day' });
    const produced = await call(b, 'letters.produce', { debtorId: debtor.id, kind: 'fourteen-day' });
    const bytes = bytesOf(produced.dataBase64);
    // The same letter twice gives the same bytes: what was previewed is what is stored.
    expect(produced.dataBase64).toBe(preview.dataBase64);
    expect(produced.sha256).toBe(sha256(bytes));

    const s = b.context.sqlite;
    const doc = s.prepare('SELECT kind, mime_type, size, sha256, bytes FROM documents WHERE id = ?').get(produced.documentId) as { kind: string; mime_type: string; size: number; sha256: string; bytes: Buffer };
    expect(doc).toMatchObject({ kind: 'letter', mime_type: 'application/pdf', size: bytes.length, sha256: produced.sha256 });
    expect(Buffer.compare(doc.bytes, Buffer.from(bytes))).toBe(0);

    const event = s.prepare('SELECT type, occurred_on, document_id, data_json FROM events WHERE id = ?').get(produced.eventId) as { type: string; occurred_on: string; document_id: number; data_json: string };
    expect(event).toMatchObject({ type: 'letter.sent', occurred_on: '2026-11-24', document_id: produced.documentId });
    const data = JSON.parse(event.data_json) as Record<string, unknown>;
    expect(data).toMatchObject({
      letter: 'fourteen-day', lastDay: '2026-12-10', costs: 208_73, costsDueFrom: '2026-12-11', presumedDelivery: '2026-11-26',
      principal: 1391_50, documentId: produced.documentId, sha256: produced.sha256, interruptsLimitation: true,
      checklistPassed: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    });
    const linked = (s.prepare('SELECT invoice_id FROM event_invoices WHERE event_id = ? ORDER BY invoice_id').all(produced.eventId) as { invoice_id: number }[]).map((r) => r.invoice_id);
    expect(linked).toEqual([a.id, c.id]);

    // On the timeline, and the invoices are now locked (sent: only a credit note can correct them).
    const page = await call(b, 'debtors.page', { id: debtor.id });
    expect(page.timeline[0]!.summary).toContain('Veertiendagenbrief verstuurd (facturen 2026-031 en 2026-044)');
    expect(page.invoices.every((i) => i.locked)).toBe(true);
    expect((await call(b, 'letters.list', { debtorId: debtor.id })).map((l) => [l.documentId, l.letter, l.lastDay])).toEqual([[produced.documentId, 'fourteen-day', '2026-12-10']]);
  });

  it('returns the stored bytes byte for byte later, also after the business details changed', async (ctx) => {
    const { b, debtor } = await consumerWithClaim();
    const produced = await call(b, 'letters.produce', { debtorId: debtor.id, kind: 'fourteen-day' });
    const original = bytesOf(produced.dataBase64);

    await call(b, 'business.save', { ...BUSINESS, name: 'Zonneveld Ontwerp & Advies', street: 'Oudegracht 200', iban: 'NL86INGB0002445588' });
    await call(b, 'letters.saveSettings', { window: { topMm: 27, leftMm: 20, widthMm: 85, heightMm: 45, returnLineMm: 5 }, place: 'De Bilt' });

    const again = await call(b, 'letters.get', { documentId: produced.documentId });
    const stored = bytesOf(again.dataBase64);
    expect(Buffer.compare(Buffer.from(stored), Buffer.from(original))).toBe(0);
    expect(again.sha256).toBe(produced.sha256);
    expect(sha256(stored)).toBe(produced.sha256);
    expect(again.summary).toMatchObject({ letter: 'fourteen-day', lastDay: '2026-12-10', costs: 208_73 });

    // A new rendering would look different now, so the bytes above really are the stored ones.
    const fresh = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day' });
    expect(fresh.dataBase64).not.toBe(produced.dataBase64);
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    expect(textOf(stored)).toContain('Ontwerpstudio Zonneveld');
    expect(textOf(stored)).not.toContain('Zonneveld Ontwerp & Advies');
    expect(textOf(bytesOf(fresh.dataBase64))).toContain('Zonneveld Ontwerp & Advies');
    expect(textOf(bytesOf(fresh.dataBase64))).toContain('De Bilt, 24 november 2026');
  });

  it('refuses to make a letter final with a date in the past or far ahead', async () => {
    const { b, debtor } = await consumerWithClaim();
    expect((await failure(b, 'letters.produce', { debtorId: debtor.id, kind: 'reminder', date: '2026-11-23' })).message).toContain('ligt in het verleden');
    expect((await failure(b, 'letters.produce', { debtorId: debtor.id, kind: 'reminder', date: '2027-01-30' })).message).toContain('vooruit');
    expect((await call(b, 'letters.list', {}))).toEqual([]);
  });

  it('a letter that interrupts limitation says so; a friendly reminder far from limitation does not', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b, debtor } = await consumerWithClaim();
    const reminder = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'reminder' });
    expect(reminder.summary.interruptsLimitation).toBe(false);
    expect(textOf(bytesOf(reminder.dataBase64))).not.toContain('stuit de verjaring');
    const asked = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'reminder', interruptLimitation: true });
    expect(asked.summary.interruptsLimitation).toBe(true);
    expect(textOf(bytesOf(asked.dataBase64))).toContain('Deze brief stuit de verjaring (art. 3:317 BW).');
  });
});
