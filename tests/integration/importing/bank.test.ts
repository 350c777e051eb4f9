// Bank statements through the real backend: preview (what is new, what matches, why), commit
// (payments, allocations, lines, import record, timeline), and re-importing changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BankImportPreview } from '../../../shared/contract';
import { call, dumpDatabase, failure, withBackend } from '../../helpers/backend';
import { base64Of, camt053 } from './camt';
import { demoStatement, fixture, invoicesByDebtor, openOf } from './helpers';

const accepted = (p: BankImportPreview) => p.lines.map((l) => ({ lineKey: l.key, accept: l.ticked }));

describe('bank statement import', () => {
  it('generated camt.053: two paid in full (kenmerk, invoice number), one partly, one unmatched credit, one debit → commit → open amounts → re-import changes nothing', async () => {
    const { backend, databaseFile } = await withBackend();
    const { xml, lindeboom, petra, peeters } = await demoStatement(backend);
    const file = { fileName: 'afschrift-november.xml', dataBase64: base64Of(xml) };

    const preview = await call(backend, 'imports.bank.preview', file);
    expect(preview.formats).toEqual(['camt.053']);
    expect(preview.counts).toEqual({ lines: 5, alreadyImported: 0, new: 5, certain: 2, likely: 1, doubtful: 0, unmatched: 1, debits: 1, ticked: 3 });
    const [byRef, byNumber, partial, unknown, debit] = preview.lines;
    expect(byRef).toMatchObject({ kind: 'invoices', confidence: 'certain', ticked: true, debtorName: 'Studio Lindeboom', credit: 0,
      allocations: [{ invoiceId: lindeboom.id, invoiceNumber: lindeboom.number, amount: 726_00, openBefore: 726_00 }] });
    expect(byRef!.reason).toMatch(/^Betalingskenmerk .* komt overeen met factuur/);
    expect(byNumber).toMatchObject({ kind: 'invoices', confidence: 'certain', ticked: true, debtorName: 'Petra Jansen', allocations: [{ invoiceId: petra.id, amount: 395_00 }] });
    expect(byNumber!.reason).toBe(`Factuurnummer ${petra.number} staat in de omschrijving en het bedrag klopt.`);
    expect(partial).toMatchObject({ kind: 'invoices', confidence: 'likely', ticked: true, allocations: [{ invoiceId: peeters.id, amount: 1_000_00, openBefore: 2_420_00 }] });
    expect(partial!.reason).toContain('deelbetaling: € 1.000,00 van € 2.420,00');
    expect(unknown).toMatchObject({ kind: 'unmatched', confidence: 'none', ticked: false, allocations: [], amount: 77_77, counterpartyName: 'J. Onbekend' });
    expect(debit).toMatchObject({ kind: 'ignored-debit', direction: 'debit', ticked: false });
    // The preview wrote nothing.
    const before = dumpDatabase(databaseFile);
    await call(backend, 'imports.bank.preview', file);
    expect(dumpDatabase(databaseFile)).toBe(before);

    const result = await call(backend, 'imports.bank.commit', { ...file, decisions: accepted(preview) });
    expect(result).toMatchObject({ unchanged: false, kind: 'bank', counts: { lines: 5, alreadyImported: 0, stored: 5, payments: 3, matched: 3, unmatched: 1, ignored: 1, allocated: 2_121_00, credit: 0 } });
    expect(result.importId).toBeGreaterThan(0);
    expect(result.backupFile).toMatch(/^voor-import-.*\.sqlite$/);

    expect(openOf(backend, lindeboom.id)).toBe(0);
    expect(openOf(backend, petra.id)).toBe(0);
    expect(openOf(backend, peeters.id)).toBe(1_420_00);
    const page = await call(backend, 'debtors.page', { id: peeters.debtorId });
    expect(page.timeline[0]).toMatchObject({ type: 'payment.received', occurredOn: '2026-11-21' });
    expect(page.timeline[0]!.summary).toBe(`Betaling van € 1.000,00 ontvangen voor ${peeters.number} (€ 1.000,00)`);
    const overview = await call(backend, 'overview.get', {});
    expect(overview.rows.find((r) => r.debtorId === lindeboom.debtorId)).toBeUndefined();

    const s = backend.context.sqlite;
    expect(s.prepare('SELECT status, count(*) AS n FROM bank_lines GROUP BY status ORDER BY status').all()).toEqual([
      { status: 'ignored', n: 1 }, { status: 'matched', n: 3 }, { status: 'unmatched', n: 1 },
    ]);
    expect(s.prepare("SELECT count(*) FROM payments WHERE import_id = ? AND method = 'bank'").pluck().get(result.importId)).toBe(3);
    expect(s.prepare('SELECT counterparty_iban FROM payments WHERE import_id = ? ORDER BY id').pluck().all(result.importId)).toEqual(['NL02ABNA0123456789', 'NL44RABO0123456789', 'NL69INGB0123456789']);
    const list = await call(backend, 'imports.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'bank', fileName: 'afschrift-november.xml', sha256: preview.sha256, counts: { payments: 3, stored: 5 } });

    // The same file again: every line is recognised, nothing is written.
    const after = dumpDatabase(databaseFile);
    const again = await call(backend, 'imports.bank.preview', file);
    expect(again.counts).toMatchObject({ lines: 5, alreadyImported: 5, new: 0 });
    expect(again.lines).toEqual([]);
    expect(again.importedBefore).toMatchObject({ id: result.importId });
    const second = await call(backend, 'imports.bank.commit', { ...file, decisions: [] });
    expect(second).toMatchObject({ importId: null, unchanged: true, counts: { lines: 5, alreadyImported: 5, stored: 0, payments: 0 } });
    expect(dumpDatabase(databaseFile)).toBe(after);
  });

  it('recognises a line imported before in another file: by the bank reference, or by date + amount + counterparty + text', async () => {
    const { backend, databaseFile } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const a = { date: '2026-11-02', amount: 12_34, direction: 'credit' as const, name: 'A', iban: 'NL18RABO0123459876', text: 'eerste', bankRef: 'REF-001' };
    const b = { date: '2026-11-03', amount: 56_78, direction: 'credit' as const, name: 'B', iban: 'NL18RABO0123459876', text: 'tweede' };
    await call(backend, 'imports.bank.commit', { fileName: 'week1.xml', dataBase64: base64Of(camt053([a, b], { id: 'W1' })), decisions: [] });
    const dump = dumpDatabase(databaseFile);
    // Next export overlaps: the same two lines (the bank's reference kept, its text shortened), plus one new.
    const c = { date: '2026-11-05', amount: 9_99, direction: 'credit' as const, name: 'C', text: 'derde' };
    const overlap = { fileName: 'week1-2.xml', dataBase64: base64Of(camt053([{ ...a, text: 'eerste (kort)' }, b, c], { id: 'W2', opening: 5_000_00 })) };
    const preview = await call(backend, 'imports.bank.preview', overlap);
    expect(preview.counts).toMatchObject({ lines: 3, alreadyImported: 2, new: 1 });
    expect(preview.lines.map((l) => l.amount)).toEqual([9_99]);
    expect(dumpDatabase(databaseFile)).toBe(dump);
    await call(backend, 'imports.bank.commit', { ...overlap, decisions: [] });
    expect(backend.context.sqlite.prepare('SELECT count(*) FROM bank_lines').pluck().get()).toBe(3);
    // Two identical lines without a bank reference (two coffees on one day) are two lines: the
    // first is the one imported before, the second is new.
    const twice = { fileName: 'koffie.xml', dataBase64: base64Of(camt053([c, { ...c }], { id: 'K' })) };
    expect((await call(backend, 'imports.bank.preview', twice)).counts).toMatchObject({ lines: 2, alreadyImported: 1, new: 1 });
  });

  it('learns the account an earlier payment came from, matches installments, and books a chosen invoice for an unmatched credit (overpayment stays as credit)', async () => {
    const { backend } = await withBackend();
    const { xml, peeters } = await demoStatement(backend);
    const first = { fileName: 'nov.xml', dataBase64: base64Of(xml) };
    const p1 = await call(backend, 'imports.bank.preview', first);
    await call(backend, 'imports.bank.commit', { ...first, decisions: accepted(p1) });

    const byDebtor = invoicesByDebtor(backend);
    const hoekje = byDebtor.get("Café 't Hoekje V.O.F.")!;
    const bos = byDebtor.get('Jeroen en Lisa Bos')!;
    const statement = camt053([
      // The rest of Peeters' invoice, without any number, from the account of their earlier payment.
      { date: '2026-11-23', amount: 1_420_00, direction: 'credit', name: 'DRUKKERIJ PEETERS', iban: 'NL69INGB0123456789', text: 'restant' },
      // The second installment of Café 't Hoekje's arrangement (4 × € 453,75), by name only.
      { date: '2026-11-23', amount: 453_75, direction: 'credit', name: "Cafe 't Hoekje VOF", text: 'termijn 2' },
      // Someone pays € 300 for the Bos family's € 275 invoice without saying so.
      { date: '2026-11-24', amount: 300_00, direction: 'credit', name: 'L. Bos-de Wit', iban: 'NL53ABNA0123456780', text: 'fotos' },
    ], { id: 'DEC' });
    const second = { fileName: 'nov-2.xml', dataBase64: base64Of(statement) };
    const p2 = await call(backend, 'imports.bank.preview', second);
    const [rest, installment, stranger] = p2.lines;
    expect(rest).toMatchObject({ kind: 'invoices', confidence: 'likely', ticked: true, allocations: [{ invoiceId: peeters.id, amount: 1_420_00 }] });
    expect(rest!.reason).toContain('NL69INGB0123456789');
    expect(installment).toMatchObject({ kind: 'installment', confidence: 'likely', ticked: true, debtorName: "Café 't Hoekje V.O.F.", installment: { seq: 2, amount: 453_75 } });
    expect(installment!.allocations.map((a) => a.invoiceId)).toEqual([hoekje[0]!.id]);
    expect(stranger).toMatchObject({ kind: 'unmatched', ticked: false });

    const choices = await call(backend, 'imports.openInvoices', { search: 'bos' });
    expect(choices.map((c) => c.number)).toEqual(bos.map((i) => i.number));
    const chosen = choices[0]!;
    const result = await call(backend, 'imports.bank.commit', { ...second, decisions: [
      ...accepted(p2).slice(0, 2),
      { lineKey: stranger!.key, accept: true, allocations: [{ invoiceId: chosen.id, amount: chosen.open }] },
    ] });
    expect(result.counts).toMatchObject({ payments: 3, matched: 3, allocated: 1_420_00 + 453_75 + 275_00, credit: 25_00 });
    expect(openOf(backend, peeters.id)).toBe(0);
    expect(openOf(backend, chosen.id)).toBe(0);
    const bosPage = await call(backend, 'debtors.page', { id: chosen.debtorId });
    expect(bosPage.credit).toBe(25_00);
    expect(bosPage.timeline[0]!.summary).toContain('€ 25,00 staat als tegoed');
    const tagged = backend.context.sqlite.prepare('SELECT installment_id FROM payment_allocations a JOIN payments p ON p.id = a.payment_id WHERE p.import_id = ? AND a.installment_id IS NOT NULL').pluck().all(result.importId);
    expect(tagged).toEqual([installment!.installment!.installmentId]);
  });

  it('refuses decisions it cannot apply, with nothing written', async () => {
    const { backend, databaseFile } = await withBackend();
    const { xml } = await demoStatement(backend);
    const korenschoof = invoicesByDebtor(backend).get('Bakkerij De Korenschoof B.V.')![0]!;
    const file = { fileName: 'nov.xml', dataBase64: base64Of(xml) };
    const preview = await call(backend, 'imports.bank.preview', file);
    const dump = dumpDatabase(databaseFile);
    const unknown = preview.lines[3]!;
    // Allocating more than the line paid.
    let error = await failure(backend, 'imports.bank.commit', { ...file, decisions: [{ lineKey: unknown.key, accept: true, allocations: [{ invoiceId: korenschoof.id, amount: 395_00 }] }] });
    expect(error.message).toBe('De regel van 21-11-2026 (€ 77,77, J. Onbekend): Je wijst meer toe dan er betaald is. Er is niets ingelezen.');
    // An unmatched credit ticked without saying for whom.
    error = await failure(backend, 'imports.bank.commit', { ...file, decisions: [{ lineKey: unknown.key, accept: true }] });
    expect(error.message).toContain('kies een factuur (of klant) voor deze betaling');
    // A line that is not in the file.
    error = await failure(backend, 'imports.bank.commit', { ...file, decisions: [{ lineKey: 'tx:bestaat-niet', accept: true }] });
    expect(error.message).toContain('niet in dit bestand');
    expect(dumpDatabase(databaseFile)).toBe(dump);
  });
});

describe('real statement files of every format', () => {
  const sample = (f: string) => readFileSync(path.resolve(import.meta.dirname, '../../unit/imports/samples', f));
  const files = [
    ...['bank/mt940/rabobank-iban.sta', 'bank/camt/camt053.v2.multi.statement.xml', 'bank/camt/camt054.v2.xml'].map((f) => [f, fixture(f)] as const),
    ...['ing-2026.csv', 'rabobank-2026.csv', 'TXT260306101500.TAB', 'ing-sepa-2026.940', 'camt053-v08.xml', 'knab-2026.sta', 'triodos-2026.sta', 'asn-2026.sta']
      .map((f) => [f, sample(f)] as const),
  ];
  it.each(files)('%s: preview, commit (every line stored), the same file again changes nothing', async (name, bytes) => {
    const { backend, databaseFile } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const file = { fileName: path.basename(name), dataBase64: base64Of(bytes) };
    const preview = await call(backend, 'imports.bank.preview', file);
    expect(preview.counts.lines).toBeGreaterThan(0);
    expect(preview.counts.new).toBe(preview.counts.lines);
    const result = await call(backend, 'imports.bank.commit', { ...file, decisions: [] });
    expect(result.counts.stored).toBe(preview.counts.lines);
    expect(backend.context.sqlite.prepare('SELECT count(*) FROM bank_lines').pluck().get()).toBe(preview.counts.lines);
    const dump = dumpDatabase(databaseFile);
    expect((await call(backend, 'imports.bank.preview', file)).counts).toMatchObject({ alreadyImported: preview.counts.lines, new: 0 });
    expect(await call(backend, 'imports.bank.commit', { ...file, decisions: [] })).toMatchObject({ unchanged: true });
    expect(dumpDatabase(databaseFile)).toBe(dump);
  });

  // The anonymised public samples whose balances were not anonymised along with their lines: refused, never half read.
  it.each([
    ['bank/mt940/ing.sta', /^De saldi van afschrift MPBZ kloppen niet: beginsaldo € 0,00 plus de 7 regels/],
    ['bank/mt940/abnamro.sta', /^De saldi van afschrift 19321\/1 kloppen niet/],
    ['bank/camt/camt053.v2.minimal.xml', /een saldo staat in SEK, de rekening in EUR/],
    ['bank/camt/camt053.v4.xml', /kloppen niet/],
  ])('%s: balances that do not add up are refused with nothing written', async (name, message) => {
    const { backend, databaseFile } = await withBackend();
    const dump = dumpDatabase(databaseFile);
    const file = { fileName: path.basename(name), dataBase64: base64Of(fixture(name)) };
    expect((await failure(backend, 'imports.bank.preview', file)).message).toMatch(message);
    expect((await failure(backend, 'imports.bank.commit', { ...file, decisions: [] })).message).toMatch(message);
    expect(dumpDatabase(databaseFile)).toBe(dump);
  });

  it('a zip of statements (camt.053 and camt.054)', async () => {
    const { backend } = await withBackend();
    const zip = zipSync({ 'a.xml': new Uint8Array(fixture('bank/camt/camt053.v2.multi.statement.xml')), 'b.xml': new Uint8Array(fixture('bank/camt/camt054.v2.xml')) });
    const preview = await call(backend, 'imports.bank.preview', { fileName: 'afschriften.zip', dataBase64: base64Of(zip) });
    expect(preview.statements.length).toBeGreaterThanOrEqual(3);
    expect(preview.formats).toEqual(['camt.053', 'camt.054']);
    const result = await call(backend, 'imports.bank.commit', { fileName: 'afschriften.zip', dataBase64: base64Of(zip), decisions: [] });
    expect(result.counts.stored).toBe(preview.counts.lines);
  });
});
