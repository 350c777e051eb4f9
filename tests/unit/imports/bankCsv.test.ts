import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseBankFile } from '../../../electron/core/imports/parseBankFile';
import type { BankTransaction } from '../../../electron/core/imports/types';
import { expectImportError, sample, utf8 } from './helpers';

const fields = (txs: BankTransaction[]) => txs.map(({ raw: _raw, ...rest }) => rest);
const text = (name: string) => new TextDecoder().decode(sample(name));

describe('ING CSV (";" layout with balance, newest first)', () => {
  const [st, ...rest] = parseBankFile('Alle_rekeningen_01-03-2026_05-03-2026.csv', sample('ing-2026.csv'));

  it('turns the lines oldest first and derives the balances from "Saldo na mutatie"', () => {
    expect(rest).toHaveLength(0);
    expect(st).toMatchObject({
      format: 'csv-ing', accountIban: 'NL20INGB0001234567', currency: 'EUR',
      openingBalance: { date: '2026-03-02', amount: 100000 }, closingBalance: { date: '2026-03-05', amount: 355907 },
    });
  });

  it('reads every line, with the Mededelingen labels', () => {
    expect(fields(st!.transactions)).toEqual([
      {
        bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 121000, direction: 'credit', currency: 'EUR',
        counterpartyName: 'Bakkerij De Vries B.V.', counterpartyIban: 'NL91ABNA0417164300',
        endToEndId: '5000056789012345', structuredReference: '5000056789012345', remittance: 'Factuur 2026-014',
      },
      {
        bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 4599, direction: 'debit', currency: 'EUR', counterpartyName: 'ALBERT HEIJN 1234 UTRECHT',
        remittance: 'Pasvolgnr: 003 02-03-2026 12:14 Transactie: A1B2C3 Term: CT123456 Valutadatum: 02-03-2026',
      },
      {
        bookingDate: '2026-03-03', valueDate: '2026-03-03', amount: 25000, direction: 'credit', currency: 'EUR',
        counterpartyName: 'J. Jansen', counterpartyIban: 'NL02ABNA0123456789', remittance: 'factuur 2026-015 deel 1',
      },
      {
        bookingDate: '2026-03-04', valueDate: '2026-03-04', amount: 8950, direction: 'debit', currency: 'EUR',
        counterpartyName: 'KPN B.V.', counterpartyIban: 'NL86INGB0002445588', endToEndId: '20260304KPN123', remittance: 'Factuur 123456789',
      },
      {
        bookingDate: '2026-03-05', valueDate: '2026-03-05', amount: 123456, direction: 'credit', currency: 'EUR',
        counterpartyName: 'Schildersbedrijf Öztürk', counterpartyIban: 'NL71INGB0009876543', remittance: 'RF18 5390 0754 7034',
      },
    ]);
  });

  it('refuses the file when a line is removed (the balances no longer chain)', () => {
    const lines = text('ing-2026.csv').split('\n');
    lines.splice(3, 1); // J. Jansen
    expectImportError(() => parseBankFile('ing.csv', utf8(lines.join('\n'))), 'balance-mismatch');
  });
});

describe('ING CSV (older "," layout, Windows-1252, no balance)', () => {
  it('reads é and € from Windows-1252 and the unlabelled Mededelingen', () => {
    const [st] = parseBankFile('ing.csv', sample('ing-2014-oud.csv'));
    expect(st).toMatchObject({ format: 'csv-ing', accountNumber: '1234567' });
    expect(st!.openingBalance).toBeUndefined();
    expect(fields(st!.transactions)).toEqual([
      {
        bookingDate: '2014-02-27', amount: 5000, direction: 'debit', currency: 'EUR', counterpartyName: 'T. BROUWER',
        counterpartyAccount: '123456789', remittance: 'terugbetaling borg',
      },
      {
        bookingDate: '2014-02-28', amount: 12100, direction: 'credit', currency: 'EUR', counterpartyName: 'CAFÉ DE ZWAAN',
        counterpartyIban: 'NL91ABNA0417164300', remittance: 'factuur 2014-007 Café De Zwaan, 2 × €60,50',
      },
    ]);
  });
});

describe('Rabobank CSV', () => {
  const statements = parseBankFile('CSV_A_20260306_101500.csv', sample('rabobank-2026.csv'));

  it('makes one statement per account, with balances from "Saldo na trn"', () => {
    expect(statements.map(({ transactions, ...s }) => ({ ...s, lines: transactions.length }))).toEqual([
      {
        format: 'csv-rabobank', accountIban: 'NL44RABO0123456789', currency: 'EUR', sourceName: 'CSV_A_20260306_101500.csv', lines: 3,
        openingBalance: { date: '2026-03-02', amount: 250000 }, closingBalance: { date: '2026-03-04', amount: 197600 },
      },
      {
        format: 'csv-rabobank', accountIban: 'NL61RABO0300123456', currency: 'EUR', sourceName: 'CSV_A_20260306_101500.csv', lines: 1,
        openingBalance: { date: '2026-03-04', amount: 1000000 }, closingBalance: { date: '2026-03-04', amount: 1050000 },
      },
    ]);
  });

  it('reads signed amounts (with thousands separators), Volgnr as bank reference, Betalingskenmerk', () => {
    expect(fields(statements[0]!.transactions)).toEqual([
      {
        bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 60500, direction: 'credit', currency: 'EUR',
        counterpartyName: 'Bakkerij De Vries B.V.', counterpartyIban: 'NL91ABNA0417164300', bankReference: '000000000000000101',
        structuredReference: '5000056789012346', remittance: '',
      },
      {
        bookingDate: '2026-03-03', valueDate: '2026-03-03', amount: 125000, direction: 'debit', currency: 'EUR',
        counterpartyName: 'Belastingdienst', counterpartyIban: 'NL86INGB0002445588', bankReference: '000000000000000102',
        structuredReference: '1234567890123456', remittance: 'Omzetbelasting 4e kwartaal 2025',
      },
      {
        bookingDate: '2026-03-04', valueDate: '2026-03-05', amount: 12100, direction: 'credit', currency: 'EUR',
        counterpartyName: 'J. Jansen', counterpartyIban: 'NL02ABNA0123456789', endToEndId: 'E2E-2026-0042',
        bankReference: '000000000000000103', remittance: 'Factuur 2026-016 bedankt!',
      },
    ]);
  });

  it('refuses a file whose running balance was changed', () => {
    expectImportError(() => parseBankFile('r.csv', utf8(text('rabobank-2026.csv').replace('"+1976,00"', '"+1977,00"'))), 'balance-mismatch');
  });

  it('reads the same from Windows-1252 with a BOM-less header "initiërende"', () => {
    const cp = new Uint8Array(iconv.encode(text('rabobank-2026.csv'), 'win1252'));
    expect(fields(parseBankFile('r.csv', cp)[0]!.transactions)).toEqual(fields(statements[0]!.transactions));
  });
});

describe('ABN AMRO TXT (.TAB)', () => {
  const [st, ...rest] = parseBankFile('TXT260306101500.TAB', sample('TXT260306101500.TAB'));

  it('reads account, balances and every description layout', () => {
    expect(rest).toHaveLength(0);
    expect(st).toMatchObject({
      format: 'csv-abnamro', accountNumber: '555555555', currency: 'EUR',
      openingBalance: { date: '2026-03-02', amount: 100000 }, closingBalance: { date: '2026-03-05', amount: 170150 },
    });
    expect(fields(st!.transactions)).toEqual([
      {
        bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 60500, direction: 'credit', currency: 'EUR',
        counterpartyName: 'Bakkerij De Vries B.V.', counterpartyIban: 'NL91ABNA0417164300', remittance: 'Factuur 2026-017',
      },
      {
        bookingDate: '2026-03-03', valueDate: '2026-03-03', amount: 2450, direction: 'debit', currency: 'EUR',
        counterpartyName: 'HEMA Utrecht', remittance: 'BEA, Betaalpas HEMA Utrecht,PAS123 NR:0ABC0D, 03.03.26/14:37 UTRECHT',
      },
      {
        bookingDate: '2026-03-04', valueDate: '2026-03-04', amount: 24200, direction: 'credit', currency: 'EUR',
        counterpartyName: 'Schildersbedrijf Ozturk', counterpartyIban: 'NL71INGB0009876543',
        endToEndId: '04-03-2026 10:01 0012345678901234', remittance: 'Betaling factuur 2026-018',
      },
      {
        bookingDate: '2026-03-05', valueDate: '2026-03-05', amount: 12100, direction: 'debit', currency: 'EUR',
        counterpartyName: 'Belastingdienst', counterpartyIban: 'NL86INGB0002445588', structuredReference: '1234567890123456', remittance: '',
      },
    ]);
  });

  it('refuses a line whose start balance plus amount is not its end balance', () => {
    const broken = text('TXT260306101500.TAB').replace('\t1605,00\t20260302\t605,00', '\t1605,00\t20260302\t604,00');
    expect(expectImportError(() => parseBankFile('t.TAB', utf8(broken)), 'balance-mismatch').message).toContain('Rij 1');
  });
});

describe('format sniffing', () => {
  it('goes by content, not by the file name', () => {
    expect(parseBankFile('afschrift.xml', sample('ing-2026.csv'))[0]!.format).toBe('csv-ing');
    expect(parseBankFile('afschrift.csv', sample('knab-2026.sta'))[0]!.format).toBe('mt940');
    expect(parseBankFile('afschrift.sta', sample('camt053-v08.xml'))[0]!.format).toBe('camt.053');
    expect(parseBankFile('afschrift.txt', sample('TXT260306101500.TAB'))[0]!.format).toBe('csv-abnamro');
  });

  it('refuses a CSV it does not know, an invoice, and plain text', () => {
    expectImportError(() => parseBankFile('x.csv', utf8('Datum;Bedrag;Omschrijving\n01-01-2026;10,00;test\n')), 'unsupported-format');
    expect(expectImportError(() => parseBankFile('f.xml', utf8('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>1</ID></Invoice>')), 'unsupported-format').message).toContain('factuur');
    expectImportError(() => parseBankFile('x.txt', utf8('Beste klant,\nhierbij de factuur.\n')), 'unsupported-format');
  });
});
