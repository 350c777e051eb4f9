// Invoice CSVs through the real backend: the guessed mapping, the remembered one, Windows-1252,
// customers matched by KvK / e-mail / name or created, duplicates skipped on re-import, and a row
// with an error refusing the whole import (unless skipped) with nothing written.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { call, dumpDatabase, failure, withBackend } from '../../helpers/backend';
import { aBusiness, createDebtor } from '../../helpers/ledger';
import { base64Of } from './camt';

const csv = (lines: string[]) => ({ fileName: 'facturen.csv', dataBase64: base64Of(lines.join('\r\n') + '\r\n') });

const HEADER = 'Factuurnummer;Klant;KvK-nummer;E-mail;Factuurdatum;Vervaldatum;Totaal incl. btw;Omschrijving';
const ROWS = [
  'F-2026-001;Korenschoof Bakkerij;30123456;;01-10-2026;31-10-2026;1.250,00;Huisstijl',
  'F-2026-002;Lindeboom Studio;;Sanne@StudioLindeboom.example;02-10-2026;01-11-2026;726,00;Nieuwsbrief',
  'F-2026-003;CAFE UNAL B.V.;;;03-10-2026;;181,50;Menukaart',
  'F-2026-004;Nieuw Bedrijf B.V.;12345678;info@nieuw.example;04-10-2026;03-11-2026;2.000,00;Website',
  'F-2026-005;Nieuw Bedrijf B.V.;12345678;info@nieuw.example;05-10-2026;04-11-2026;500,00;Onderhoud',
  'F-2026-006;Jan Modaal;;jan@mail.example;06-10-2026;20-10-2026;99,95;Fotoshoot',
  'F-2026-007;Jan Modaal;;jan@mail.example;07-10-2026;;-20,00;Korting fotoshoot',
];

async function ledgerWithCustomers() {
  const t = await withBackend();
  await call(t.backend, 'business.save', aBusiness({ kvk: '87654321' }));
  const korenschoof = await createDebtor(t.backend, { name: 'Bakkerij De Korenschoof B.V.', kvk: '30123456' });
  const lindeboom = await createDebtor(t.backend, { name: 'Studio Lindeboom', email: 'sanne@studiolindeboom.example' });
  const unal = await createDebtor(t.backend, { name: 'Café Ünal' });
  return { ...t, korenschoof, lindeboom, unal };
}

describe('invoice CSV import', () => {
  it('guesses the mapping, matches customers by KvK, e-mail and name, creates the new ones once, books a negative row as credit; re-importing changes nothing', async () => {
    const { backend, databaseFile, korenschoof, lindeboom, unal } = await ledgerWithCustomers();
    const file = csv([HEADER, ...ROWS]);

    const preview = await call(backend, 'imports.invoices.preview', file);
    expect(preview.format).toBe('csv');
    expect(preview.csv).toMatchObject({ delimiter: ';', encoding: 'utf-8', mappingOrigin: 'guessed',
      mapping: { number: 0, customerName: 1, kvk: 2, email: 3, issueDate: 4, dueDate: 5, amount: 6, description: 7 } });
    expect(preview.csv!.sourceKey).toMatch(/^kop:/);
    expect(preview.rows.map((r) => [r.label, r.status, r.customer?.match, r.customer?.debtorId])).toEqual([
      ['rij 2', 'new', 'kvk', korenschoof.id],
      ['rij 3', 'new', 'email', lindeboom.id],
      ['rij 4', 'new', 'name', unal.id],
      ['rij 5', 'new', 'new', null],
      ['rij 6', 'new', 'new', null],
      ['rij 7', 'new', 'new', null],
      ['rij 8', 'new', 'new', null],
    ]);
    expect(preview.rows[3]!.customer).toMatchObject({ kind: 'business', debtorName: 'Nieuw Bedrijf B.V.' });
    expect(preview.rows[5]!.customer).toMatchObject({ kind: 'consumer', debtorName: 'Jan Modaal' });
    expect(preview.rows[6]).toMatchObject({ invoice: { kind: 'credit-note', amount: 20_00 }, credit: { target: 'debtor', invoiceNumber: null } });
    expect(preview.rows[6]!.warnings).toEqual(['Deze creditnota noemt geen factuur; € 20,00 wordt als tegoed van de klant geboekt.']);
    expect(preview.counts).toEqual({ rows: 7, invoices: 6, creditNotes: 1, duplicates: 0, paid: 0, errors: 0, skipped: 0, newDebtors: 2, existingDebtors: 3 });

    const result = await call(backend, 'imports.invoices.commit', file);
    expect(result).toMatchObject({ unchanged: false, kind: 'invoices-csv', counts: { invoices: 6, creditNotes: 1, createdDebtors: 2, creditNotesAsCredit: 1 } });
    const s = backend.context.sqlite;
    expect(s.prepare('SELECT count(*) FROM debtors').pluck().get()).toBe(5);
    const nieuw = s.prepare("SELECT id, kind, kvk, email FROM debtors WHERE name = 'Nieuw Bedrijf B.V.'").get() as { id: number };
    expect(nieuw).toMatchObject({ kind: 'business', kvk: '12345678', email: 'info@nieuw.example' });
    expect(s.prepare('SELECT number, source, import_id FROM invoices WHERE debtor_id = ? ORDER BY number').all(nieuw.id)).toEqual([
      { number: 'F-2026-004', source: 'csv', import_id: result.importId }, { number: 'F-2026-005', source: 'csv', import_id: result.importId },
    ]);
    // Without a due date: the invoice date plus the business's term (30 days).
    expect(s.prepare("SELECT due_date FROM invoices WHERE number = 'F-2026-003'").pluck().get()).toBe('2026-11-02');
    expect(s.prepare("SELECT kind, corrects_invoice_id, amount_cents FROM invoices WHERE number = 'F-2026-007'").get()).toEqual({ kind: 'credit-note', corrects_invoice_id: null, amount_cents: 20_00 });
    const unalPage = await call(backend, 'debtors.page', { id: unal.id });
    expect(unalPage.timeline[0]).toMatchObject({ type: 'invoice.created', summary: 'Factuur F-2026-003 van € 181,50, te betalen uiterlijk 02-11-2026', data: { source: 'csv' } });
    const modaal = s.prepare("SELECT id FROM debtors WHERE name = 'Jan Modaal'").pluck().get() as number;
    const modaalPage = await call(backend, 'debtors.page', { id: modaal });
    expect(modaalPage.timeline.map((e) => e.type).sort()).toEqual(['credit-note.imported', 'debtor.imported', 'invoice.created']);
    expect(s.prepare('SELECT source_key FROM csv_mappings').pluck().all()).toEqual([preview.csv!.sourceKey]);
    expect(await call(backend, 'imports.list', {})).toMatchObject([{ kind: 'invoices-csv', fileName: 'facturen.csv', counts: { invoices: 6 } }]);

    // Again: the remembered mapping, every row a duplicate, nothing written.
    const dump = dumpDatabase(databaseFile);
    const again = await call(backend, 'imports.invoices.preview', file);
    expect(again.csv!.mappingOrigin).toBe('remembered');
    expect(again.counts).toMatchObject({ rows: 7, invoices: 0, creditNotes: 0, duplicates: 7 });
    expect(again.importedBefore).toMatchObject({ id: result.importId });
    expect(await call(backend, 'imports.invoices.commit', file)).toMatchObject({ importId: null, unchanged: true });
    expect(dumpDatabase(databaseFile)).toBe(dump);
  });

  it('remembers the mapping the user chose for a source, and uses it for the next file with the same columns', async () => {
    const { backend } = await ledgerWithCustomers();
    const header = 'Doc,Wie,Wanneer,Hoeveel,Wat';
    const first = csv([header, 'A-1,Studio Lindeboom,2026-10-01,"100,00",Advies']);
    const guessed = await call(backend, 'imports.invoices.preview', first);
    expect(guessed.csv!.mappingOrigin).toBe('guessed');
    expect(guessed.counts.errors).toBe(1);
    expect(guessed.rows[0]!.problems).toContain('Geen kolom gekozen voor het factuurnummer.');

    const mapping = { number: 0, customerName: 1, issueDate: 2, amount: 3, description: 4 };
    const chosen = await call(backend, 'imports.invoices.preview', { ...first, mapping, sourceKey: 'Mijn factuurtool' });
    expect(chosen).toMatchObject({ csv: { mappingOrigin: 'given', sourceKey: 'Mijn factuurtool' }, counts: { invoices: 1, errors: 0 } });
    await call(backend, 'imports.invoices.commit', { ...first, mapping, sourceKey: 'Mijn factuurtool' });

    // Next month's export: same columns, mapping remembered (by the header row, and by the name).
    const next = csv([header, 'A-2,Studio Lindeboom,2026-11-01,"250,00",Advies november']);
    expect(await call(backend, 'imports.invoices.preview', next)).toMatchObject({ csv: { mappingOrigin: 'remembered', mapping }, counts: { invoices: 1, errors: 0 } });
    expect(await call(backend, 'imports.invoices.preview', { ...next, sourceKey: 'Mijn factuurtool' })).toMatchObject({ csv: { mappingOrigin: 'remembered', sourceKey: 'Mijn factuurtool' } });
    expect(backend.context.sqlite.prepare('SELECT count(*) FROM csv_mappings').pluck().get()).toBe(2);
  });

  it('reads Windows-1252 (é, ü, €) and matches the accented name', async () => {
    const { backend, unal } = await ledgerWithCustomers();
    const text = ['Factuurnummer;Klantnaam;Datum;Bedrag;Omschrijving', 'W-1;Café Ünal;15-10-2026;€ 1.210,00;Crème brûlée-workshop', 'W-2;Müller & Söhne GmbH;16-10-2026;€ 50,00;Überstunden'].join('\r\n');
    const bytes = iconv.encode(text, 'win1252');
    expect(bytes.includes(0xe9)).toBe(true); // é as one byte: not UTF-8
    const file = { fileName: 'export-1252.csv', dataBase64: base64Of(bytes) };
    const preview = await call(backend, 'imports.invoices.preview', file);
    expect(preview.csv!.encoding).toBe('windows-1252');
    expect(preview.rows.map((r) => [r.invoice?.amount, r.customer?.name, r.customer?.match, r.invoice?.description])).toEqual([
      [1_210_00, 'Café Ünal', 'name', 'Crème brûlée-workshop'],
      [50_00, 'Müller & Söhne GmbH', 'new', 'Überstunden'],
    ]);
    expect(preview.rows[0]!.customer!.debtorId).toBe(unal.id);
    await call(backend, 'imports.invoices.commit', file);
    expect(backend.context.sqlite.prepare("SELECT name, kind FROM debtors WHERE name LIKE 'M%ller%'").get()).toEqual({ name: 'Müller & Söhne GmbH', kind: 'business' });
  });

  it('a row with an error refuses the whole import with nothing written; skipping it imports the rest; a paid row is left out, a partly paid one gets its payment', async () => {
    const { backend, databaseFile } = await ledgerWithCustomers();
    const file = csv([
      'Factuurnummer;Klant;Factuurdatum;Bedrag;Openstaand',
      'E-1;Studio Lindeboom;01-10-2026;100,00;100,00',
      'E-2;Studio Lindeboom;31-02-2026;200,00;200,00',
      'E-3;Studio Lindeboom;02-10-2026;300,00;0,00',
      'E-4;Studio Lindeboom;03-10-2026;400,00;150,00',
      'E-5;=HYPERLINK("http://evil.example","klik");04-10-2026;10,00;10,00',
    ]);
    const preview = await call(backend, 'imports.invoices.preview', file);
    expect(preview.rows.map((r) => r.status)).toEqual(['new', 'error', 'paid', 'new', 'error']);
    expect(preview.rows[1]!.problems).toEqual(['Factuurdatum "31-02-2026" is geen geldige datum (verwacht bijvoorbeeld 31-12-2026 of 2026-12-31).']);
    expect(preview.rows[4]!.problems[0]).toContain('lijkt een spreadsheetformule');
    expect(preview.counts).toMatchObject({ invoices: 2, errors: 2, paid: 1 });

    const dump = dumpDatabase(databaseFile);
    const error = await failure(backend, 'imports.invoices.commit', file);
    expect(error.code).toBe('import-failed');
    expect(error.message).toMatch(/^2 rijen hebben een probleem, daarom is er niets ingelezen\. rij 3: Factuurdatum "31-02-2026" .* · rij 6: Kolom "Klant": .*spreadsheetformule/);
    expect(dumpDatabase(databaseFile)).toBe(dump);
    // Skipping one of the two is not enough.
    expect((await failure(backend, 'imports.invoices.commit', { ...file, rowsToSkip: [1] })).message).toMatch(/^Eén rij heeft een probleem/);
    expect(dumpDatabase(databaseFile)).toBe(dump);

    const result = await call(backend, 'imports.invoices.commit', { ...file, rowsToSkip: [1, 4] });
    expect(result.counts).toMatchObject({ invoices: 2, skipped: 2, paid: 1, paymentsBefore: 1 });
    const s = backend.context.sqlite;
    expect(s.prepare("SELECT number, amount_cents, open_cents FROM invoices WHERE number LIKE 'E-%' ORDER BY number").all()).toEqual([
      { number: 'E-1', amount_cents: 100_00, open_cents: 100_00 },
      { number: 'E-4', amount_cents: 400_00, open_cents: 150_00 },
    ]);
    expect(s.prepare('SELECT method, amount_cents, note FROM payments').get()).toEqual({ method: 'manual', amount_cents: 250_00, note: 'Al betaald volgens facturen.csv' });
  });
});
