// "Brieven van vandaag afdrukken": one PDF with the letters of several debtors. Each letter is
// rendered (and stored) on its own; the batch PDF holds exactly those pages.
import { afterAll, describe, expect, it } from 'vitest';
import { call, countRows, dumpDatabase } from '../../helpers/backend';
import { hasTool, pdfInfo, pdfPagesText, POPPLER_MISSING_REASON, removeTempFiles } from '../../unit/pdf/popplerTools';
import { businessDebtor, bytesOf, consumer, invoice, ledger } from './lettersSetup';

const poppler = hasTool('pdftotext');
afterAll(removeTempFiles);

async function threeDebtors() {
  const t = await ledger();
  const petra = await consumer(t.b);
  await invoice(t.b, petra.id, 'P-1', '2026-09-01', '2026-10-01', 891_50);
  const bakkerij = await businessDebtor(t.b);
  await invoice(t.b, bakkerij.id, 'B-1', '2026-08-01', '2026-08-31', 1210_00);
  const noAddress = await consumer(t.b, { name: 'Kees Zonderadres', street: null, postcode: null, city: null });
  await invoice(t.b, noAddress.id, 'Z-1', '2026-09-01', '2026-10-01', 50_00);
  const notDue = await consumer(t.b, { name: 'Noor Optijd', street: 'Laan 1', postcode: '1111 AA', city: 'Baarn' });
  await invoice(t.b, notDue.id, 'N-1', '2026-11-20', '2026-12-20', 75_00);
  return { ...t, petra, bakkerij, noAddress, notDue };
}

describe('letters.batch', () => {
  it('makes and stores each letter, joins their exact pages into one PDF and lists what it skipped', async (ctx) => {
    const { b, petra, bakkerij, noAddress, notDue } = await threeDebtors();
    const batch = await call(b, 'letters.batch', { debtorIds: [petra.id, bakkerij.id, noAddress.id, notDue.id] });
    expect(batch.letters.map((l) => [l.debtorName, l.kind])).toEqual([['Petra Jansen', 'fourteen-day'], ['Bakkerij De Vries B.V.', 'final-notice']]);
    expect(batch.skipped.map((s) => s.debtorName)).toEqual(['Kees Zonderadres', 'Noor Optijd']);
    expect(batch.skipped[0]!.reason).toContain('Checklist punt 9');
    expect(batch.skipped[1]!.reason).toContain('Checklist punt 2');
    expect(countRows(b.context.sqlite).documents).toBe(2);
    expect(batch.pages).toBe(batch.letters.reduce((s, l) => s + l.pages, 0));

    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const merged = bytesOf(batch.dataBase64);
    expect(pdfInfo(merged).Pages).toBe(String(batch.pages));
    // Page for page the same text as the stored letters, in order.
    const stored = await Promise.all(batch.letters.map((l) => call(b, 'letters.get', { documentId: l.documentId! })));
    expect(pdfPagesText(merged)).toEqual(stored.flatMap((s) => pdfPagesText(bytesOf(s.dataBase64))));
  });

  it('without produce stores nothing, and in auto mode does not repeat a letter whose term is still running', async () => {
    const { b, databaseFile, petra, bakkerij } = await threeDebtors();
    const before = dumpDatabase(databaseFile);
    const dry = await call(b, 'letters.batch', { debtorIds: [petra.id, bakkerij.id], produce: false });
    expect(dry.letters.map((l) => l.documentId)).toEqual([null, null]);
    expect(dumpDatabase(databaseFile)).toBe(before);

    await call(b, 'letters.produce', { debtorId: petra.id, kind: 'fourteen-day' });
    const again = await call(b, 'letters.batch', { debtorIds: [petra.id, bakkerij.id] });
    expect(again.letters.map((l) => l.debtorName)).toEqual(['Bakkerij De Vries B.V.']);
    expect(again.skipped[0]!.reason).toContain('Er loopt al een veertiendagenbrief; de termijn loopt tot en met 10-12-2026');
  });

  it('answers an empty PDF when nothing could be made', async () => {
    const { b, noAddress } = await threeDebtors();
    const batch = await call(b, 'letters.batch', { debtorIds: [noAddress.id] });
    expect(batch).toMatchObject({ dataBase64: '', pages: 0, letters: [] });
  });
});
