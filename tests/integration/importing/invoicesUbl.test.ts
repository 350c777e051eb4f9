// UBL e-invoices through the real backend, with the public Simplerinvoicing / Peppol test files
// (in the folder beside the repository): a zip, several files at once, and the credit note, both
// as a credit of the customer (its invoice is not in the ledger) and reducing an invoice.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/contract';
import { MAX_IMPORT_BYTES } from '../../../electron/core/imports';
import { call, dumpDatabase, failure, withBackend } from '../../helpers/backend';
import { aBusiness } from '../../helpers/ledger';
import { base64Of } from './camt';
import { fixture } from './helpers';

const ubl = (name: string) => fixture(`invoices/ubl/${name}`);

async function ledger() {
  const t = await withBackend();
  await call(t.backend, 'business.save', aBusiness({ kvk: '11111111' }));
  return t;
}

describe('UBL invoice import', () => {
  it('a zip of SI-UBL 2.0 and Peppol invoices: customers created (fields the ledger refuses left out, with a warning), invoices with source ubl; again: all duplicates', async () => {
    const { backend, databaseFile } = await ledger();
    const zip = zipSync({
      'facturen/full.xml': ubl('SI-UBL-2.0_ok_full.xml'),
      'facturen/peppol.xml': ubl('peppol-base-example.xml'),
      'facturen/minimal.xml': ubl('SI-UBL-2.0_ok_minimal.xml'),
      'facturen/minimal.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]),
    });
    const file = { fileName: 'facturen.zip', dataBase64: base64Of(zip) };
    const preview = await call(backend, 'imports.invoices.preview', file);
    expect(preview).toMatchObject({ format: 'ubl', csv: null, counts: { rows: 3, invoices: 3, creditNotes: 0, errors: 0, newDebtors: 3 } });
    expect(preview.rows.map((r) => [r.label, r.invoice?.number, r.invoice?.amount, r.customer?.name, r.customer?.kind])).toEqual([
      ['facturen/full.xml', 'TOSL108', 72900, 'The buyercompany inc.', 'business'],
      ['facturen/peppol.xml', 'Snippet1', 165625, 'Buyer Official Name', 'business'],
      ['facturen/minimal.xml', '12115118', 24200, 'Ontvanger', 'business'],
    ]);
    // ok_full: a Dutch address with postcode "101" and a Belgian VAT id: not valid for a Dutch customer record.
    expect(preview.rows[0]!.warnings).toEqual(expect.arrayContaining([
      'Er staat geen vervaldatum in; de standaard betaaltermijn geldt.',
      expect.stringMatching(/^Postcode "101" is niet overgenomen/),
      expect.stringMatching(/^Btw-id "BE54321" is niet overgenomen/),
      expect.stringMatching(/^Deze factuur is uitgegeven door The Sellercompany Incorporated \(KvK 12345678\), niet door jouw bedrijf/),
    ]));

    const result = await call(backend, 'imports.invoices.commit', file);
    expect(result).toMatchObject({ kind: 'invoices-ubl', counts: { invoices: 3, createdDebtors: 3 } });
    const s = backend.context.sqlite;
    expect(s.prepare("SELECT number, amount_cents, source, payment_reference FROM invoices ORDER BY id").all()).toEqual([
      { number: 'TOSL108', amount_cents: 72900, source: 'ubl', payment_reference: 'Payref1' },
      { number: 'Snippet1', amount_cents: 165625, source: 'ubl', payment_reference: 'Snippet1' },
      { number: '12115118', amount_cents: 24200, source: 'ubl', payment_reference: 'Deb. 10202 / Fact. 12115118' },
    ]);
    expect(s.prepare("SELECT name, kvk, postcode, vat_id, country, language FROM debtors WHERE name = 'The buyercompany inc.'").get())
      .toEqual({ name: 'The buyercompany inc.', kvk: '87654321', postcode: null, vat_id: null, country: 'NL', language: 'nl' });
    expect(s.prepare("SELECT country, language FROM debtors WHERE name = 'Buyer Official Name'").get()).toEqual({ country: 'SE', language: 'en' });

    const dump = dumpDatabase(databaseFile);
    expect((await call(backend, 'imports.invoices.preview', file)).counts).toMatchObject({ invoices: 0, duplicates: 3 });
    expect(await call(backend, 'imports.invoices.commit', file)).toMatchObject({ unchanged: true, importId: null });
    expect(dumpDatabase(databaseFile)).toBe(dump);
  });

  it('the credit note (381) whose invoice is not in the ledger becomes a credit of the customer', async () => {
    const { backend } = await ledger();
    const file = { fileName: 'SI-UBL-2.0_BR-NL-8_ok_381.xml', dataBase64: base64Of(ubl('SI-UBL-2.0_BR-NL-8_ok_381.xml')) };
    const preview = await call(backend, 'imports.invoices.preview', file);
    expect(preview.rows[0]).toMatchObject({
      status: 'new', invoice: { number: '12115118', kind: 'credit-note', amount: 22700 },
      credit: { target: 'debtor', invoiceNumber: '46568', invoiceId: null }, customer: { name: 'Ontvanger', match: 'new' },
    });
    expect(preview.rows[0]!.warnings).toContain('Factuur 46568 staat niet in je administratie; € 227,00 wordt als tegoed van de klant geboekt.');
    const result = await call(backend, 'imports.invoices.commit', file);
    expect(result.counts).toMatchObject({ creditNotes: 1, creditNotesAsCredit: 1, creditNotesLinked: 0 });
    const row = backend.context.sqlite.prepare("SELECT debtor_id, kind, corrects_invoice_id, amount_cents, source FROM invoices WHERE number = '12115118'").get() as { debtor_id: number };
    expect(row).toMatchObject({ kind: 'credit-note', corrects_invoice_id: null, amount_cents: 22700, source: 'ubl' });
    const page = await call(backend, 'debtors.page', { id: row.debtor_id });
    expect(page.timeline.find((e) => e.type === 'credit-note.imported')!.summary)
      .toBe('Creditnota 12115118 van € 227,00 ingelezen zonder factuur om te verminderen: tegoed van de klant (SI-UBL-2.0_BR-NL-8_ok_381.xml)');
  });

  it('a credit note naming an invoice in the ledger reduces what is open on it; one numbered like an invoice is refused with nothing written', async () => {
    const { backend, databaseFile } = await ledger();
    await call(backend, 'imports.invoices.commit', { fileName: 'minimal.xml', dataBase64: base64Of(ubl('SI-UBL-2.0_ok_minimal.xml')) });
    const invoice = backend.context.sqlite.prepare("SELECT id, debtor_id FROM invoices WHERE number = '12115118'").get() as { id: number; debtor_id: number };

    // The fixture credit note as is carries the invoice's number: that number is taken.
    const same = { fileName: '381.xml', dataBase64: base64Of(ubl('SI-UBL-2.0_BR-NL-8_ok_381.xml')) };
    const dump = dumpDatabase(databaseFile);
    const refused = await failure(backend, 'imports.invoices.commit', same);
    expect(refused.message).toContain('Nummer 12115118 is in je administratie al in gebruik door een factuur; een creditnota heeft een eigen nummer nodig.');
    expect(dumpDatabase(databaseFile)).toBe(dump);

    // The same credit note with its own number, correcting invoice 12115118.
    const xml = ubl('SI-UBL-2.0_BR-NL-8_ok_381.xml').toString('utf8').replace('<cbc:ID>12115118</cbc:ID>', '<cbc:ID>CN-2015-001</cbc:ID>').replace('>46568<', '>12115118<');
    const file = { fileName: 'creditnota.xml', dataBase64: base64Of(xml) };
    const preview = await call(backend, 'imports.invoices.preview', file);
    expect(preview.rows[0]).toMatchObject({ status: 'new', credit: { target: 'invoice', invoiceNumber: '12115118', invoiceId: invoice.id, inThisFile: false }, customer: { match: 'kvk', debtorId: invoice.debtor_id } });
    const result = await call(backend, 'imports.invoices.commit', file);
    expect(result.counts).toMatchObject({ creditNotesLinked: 1 });
    expect(backend.context.sqlite.prepare('SELECT open_cents FROM invoices WHERE id = ?').pluck().get(invoice.id)).toBe(24200 - 22700);
    const page = await call(backend, 'debtors.page', { id: invoice.debtor_id });
    expect(page.invoices.find((i) => i.id === invoice.id)).toMatchObject({ credited: 22700, open: 1500 });
    expect(page.timeline.find((e) => e.type === 'invoice.credited')).toMatchObject({ invoiceIds: expect.arrayContaining([invoice.id]), summary: expect.stringMatching(/^Creditnota CN-2015-001 van € 227,00 op factuur 12115118 ingelezen/) });
  });

  it('several XML files at once (extraFiles), one import', async () => {
    const { backend } = await ledger();
    const result = await call(backend, 'imports.invoices.commit', {
      fileName: 'full.xml', dataBase64: base64Of(ubl('SI-UBL-2.0_ok_full.xml')),
      extraFiles: [{ fileName: 'peppol.xml', dataBase64: base64Of(ubl('peppol-base-example.xml')) }],
    });
    expect(result.counts).toMatchObject({ invoices: 2 });
    expect(await call(backend, 'imports.list', {})).toHaveLength(1);
  });

  it('the contract refuses a file above the same limit the parsers use', () => {
    expect(MAX_IMPORT_FILE_BYTES).toBe(MAX_IMPORT_BYTES);
  });
});
