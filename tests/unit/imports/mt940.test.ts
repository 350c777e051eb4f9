import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseBankFile } from '../../../electron/core/imports/parseBankFile';
import type { BankTransaction } from '../../../electron/core/imports/types';
import { expectImportError, fixture, fixtureText, sample, utf8 } from './helpers';

const unchecked = (name: string, bytes: Uint8Array) => parseBankFile(name, bytes, { checkBalances: false });
/** The fields a test compares; `raw` (the original lines) is checked separately. */
const fields = (txs: BankTransaction[]) => txs.map(({ raw: _raw, ...rest }) => rest);

describe('ABN AMRO MT940 (wolph/mt940, jejik)', () => {
  const statements = unchecked('abnamro.sta', fixture('bank/mt940/abnamro.sta'));

  it('reads two statements with account, number and balances', () => {
    expect(statements.map(({ transactions: _t, ...s }) => s)).toEqual([
      {
        format: 'mt940', accountNumber: '517852257', statementId: '19321/1', currency: 'EUR', sourceName: 'abnamro.sta',
        openingBalance: { date: '2011-05-22', amount: 323628, currency: 'EUR' }, closingBalance: { date: '2011-05-23', amount: 87684, currency: 'EUR' },
      },
      {
        format: 'mt940', accountNumber: '517852257', statementId: '19322/1', currency: 'EUR', sourceName: 'abnamro.sta',
        openingBalance: { date: '2011-05-23', amount: 287684, currency: 'EUR' }, closingBalance: { date: '2011-05-24', amount: 184975, currency: 'EUR' },
      },
    ]);
  });

  it('reads every line of the first statement', () => {
    const card = (booking: string, value: string, amount: number, name: string, text: string): BankTransaction => ({
      bookingDate: booking, valueDate: value, amount, direction: 'debit', currency: 'EUR', counterpartyName: name, remittance: text,
    });
    expect(fields(statements[0]!.transactions)).toEqual([
      {
        bookingDate: '2011-05-24', valueDate: '2011-05-24', amount: 900, direction: 'debit', currency: 'EUR',
        counterpartyName: 'KPN - DIGITENNE', counterpartyAccount: '428428', structuredReference: '000000042188659',
        remittance: 'BETALINGSKENM. 000000042188659 5314606715 BETREFT FACTUUR D.D. 20-05-2011 INCL. 1,44 BTW',
      },
      card('2011-05-23', '2011-05-21', 1159, 'DIRCKIII FIL2500 KATWIJK', 'BEA NR:XXX1234 21.05.11/12.54 DIRCKIII FIL2500 KATWIJK,PAS999'),
      card('2011-05-23', '2011-05-23', 1163, 'DIGROS FIL1015 KATWIJK Z', 'BEA NR:XXX1234 23.05.11/09.08 DIGROS FIL1015 KATWIJK Z,PAS999'),
      card('2011-05-23', '2011-05-22', 1180, 'MC DONALDS A44 LEIDEN', 'BEA NR:XXX1234 22.05.11/14.25 MC DONALDS A44 LEIDEN,PAS999'),
      card('2011-05-23', '2011-05-21', 1345, 'PRINCE FIL. 55 KATWIJK Z', 'BEA NR:XXX1234 21.05.11/12.09 PRINCE FIL. 55 KATWIJK Z,PAS999'),
      card('2011-05-23', '2011-05-21', 1549, 'DIRX FIL6017 KATWIJK ZH', 'BEA NR:XXX1234 21.05.11/12.55 DIRX FIL6017 KATWIJK ZH ,PAS999'),
      card('2011-05-23', '2011-05-21', 10700, 'HANS ANDERS OPT./056 KAT', 'BEA NR:XXX1234 21.05.11/12.04 HANS ANDERS OPT./056 KAT,PAS999'),
      card('2011-05-23', '2011-05-22', 14148, 'MYCOM DEN HAAG S-GRAVEN', 'BEA NR:XXX1234 22.05.11/13.45 MYCOM DEN HAAG S-GRAVEN,PAS999'),
    ]);
    expect(statements[0]!.transactions[0]!.raw).toBe(
      ':61:1105240524D9,N192NONREF\n:86:GIRO   428428 KPN - DIGITENNE    BETALINGSKENM.  000000042188659\n5314606715                       BETREFT FACTUUR D.D. 20-05-2011\nINCL. 1,44 BTW',
    );
  });

  it('reads the second statement (old account number with dots)', () => {
    expect(fields(statements[1]!.transactions)).toEqual([
      {
        bookingDate: '2011-05-24', valueDate: '2011-05-24', amount: 949, direction: 'debit', currency: 'EUR',
        counterpartyName: 'PETS PLACE KATWIJK KATWI', remittance: 'BEA NR:XXX1234 24.05.11/09.18 PETS PLACE KATWIJK KATWI,PAS999',
      },
      {
        bookingDate: '2011-05-24', valueDate: '2011-05-24', amount: 1500, direction: 'debit', currency: 'EUR',
        counterpartyName: 'MYCOM DEN HAAG', counterpartyAccount: '528939882', remittance: '',
      },
    ]);
  });

  it('is refused on import: 3236,28 − 321,44 is 2914,84, not the stated 876,84 (anonymised file)', () => {
    const err = expectImportError(() => parseBankFile('abnamro.sta', fixture('bank/mt940/abnamro.sta')), 'balance-mismatch');
    expect(err.message).toContain('19321/1');
    expect(err.message).toContain('€ 2.914,84');
    expect(err.message).toContain('€ 876,84');
  });
});

describe('ING MT940, pre-SEPA layout (wolph/mt940, jejik)', () => {
  const [st, ...rest] = unchecked('ing.sta', fixture('bank/mt940/ing.sta'));

  it('reads the statement and ignores the summary :86: after the closing balance', () => {
    expect(rest).toHaveLength(0);
    expect(st).toMatchObject({
      format: 'mt940', accountNumber: '1234567', statementId: 'MPBZ', currency: 'EUR',
      openingBalance: { date: '2010-07-22', amount: 0 }, closingBalance: { date: '2010-07-23', amount: 347 },
    });
  });

  it('reads all seven lines', () => {
    const line = (amount: number, direction: 'credit' | 'debit', remittance: string, account?: string, date = '2010-07-22'): BankTransaction => ({
      bookingDate: date, valueDate: date, amount, direction, currency: 'EUR', ...(account ? { counterpartyAccount: account } : {}), remittance,
    });
    expect(fields(st!.transactions)).toEqual([
      line(2503, 'debit', 'RC AFREKENING BETALINGSVERKEER BETREFT REKENING 4715589 PERIODE: 01-10-2010 / 31-12-2010 ING Bank N.V. tarifering ING'),
      line(303, 'debit', 'GPSEOUL SPOEDBETALING MPBZS1016000047 GPSEOUL', '111111111'),
      // The file writes the dashes of "10-06-2010" as soft hyphens; they are read as dashes.
      line(111, 'debit', 'ING iDEAL KN: TMG TANGO TRANSACTIENR 0050000534527978 10-06-2010 15:32 TMG TANGO ING Bank inzake GPKyoto', '111111111'),
      line(2000, 'debit', 'ABN AMRO BANK>AMSTERDAM 22-07-2010 09:57 002 5595781'),
      line(110, 'debit', 'GPPeking 170000001AC', '111111111'),
      line(368, 'credit', 'EJ46GREENP100610T1456 CLIEOP TMG GPHONGKONG AMSTERDAM', '123456789'),
      line(100, 'credit', 'Hr S Marechal ROSMALEN Hr S Marechal ROSMALEN Betaling transactiedatum: 22-07-2010', '111111111', '2010-07-23'),
    ]);
  });

  it('is refused on import: 0,00 − 45,59 is not the stated 3,47', () => {
    expect(expectImportError(() => parseBankFile('ing.sta', fixture('bank/mt940/ing.sta')), 'balance-mismatch').message).toContain('MPBZ');
  });

  it('reads the same from ISO-8859-1 as from UTF-8, and from CRLF as from LF', () => {
    const text = fixtureText('bank/mt940/ing.sta');
    const latin1 = new Uint8Array(iconv.encode(text, 'latin1'));
    expect(latin1.length).toBeLessThan(utf8(text).length); // the soft hyphens are single bytes now
    const crlf = utf8(text.replace(/\n/g, '\r\n'));
    const strip = (s: ReturnType<typeof unchecked>) => s.map((x) => ({ ...x, transactions: fields(x.transactions) }));
    expect(strip(unchecked('ing.sta', latin1))).toEqual(strip([st!]));
    expect(strip(unchecked('ing.sta', crlf))).toEqual(strip([st!]));
  });
});

describe('Rabobank MT940, IBAN layout (wolph/mt940, jejik)', () => {
  const statements = parseBankFile('rabobank-iban.sta', fixture('bank/mt940/rabobank-iban.sta'));

  it('reads two statements whose balances add up', () => {
    expect(statements.map((s) => [s.accountIban, s.statementId, s.openingBalance, s.closingBalance])).toEqual([
      ['NL71RABO0123456789', '940S130101', { date: '2013-01-01', amount: 100000, currency: 'EUR' }, { date: '2013-01-08', amount: 96500, currency: 'EUR' }],
      ['NL71RABO0123456789', '940S130101', { date: '2013-01-08', amount: 96500, currency: 'EUR' }, { date: '2013-01-15', amount: 93000, currency: 'EUR' }],
    ]);
  });

  it('reads the counter IBAN from the second line of :61: and the /EREF/ /NAME/ /REMI/ codes', () => {
    expect(fields(statements[0]!.transactions)).toEqual([
      {
        bookingDate: '2013-01-01', valueDate: '2013-01-01', amount: 2500, direction: 'debit', currency: 'EUR',
        counterpartyName: 'CONTRA ACCOUNT HOLDER', counterpartyIban: 'NL70ABNA0987654321', endToEndId: '01-01-2013 12:00 0030000987654321', remittance: '',
      },
      {
        bookingDate: '2013-01-02', valueDate: '2013-01-02', amount: 1000, direction: 'debit', currency: 'EUR',
        counterpartyName: 'JOHN DOE', counterpartyAccount: '1234567', remittance: 'Reference 201301234',
      },
    ]);
    expect(fields(statements[1]!.transactions)).toEqual([
      {
        bookingDate: '2013-01-08', valueDate: '2013-01-08', amount: 2500, direction: 'debit', currency: 'EUR',
        counterpartyName: 'CONTRA ACCOUNT HOLDER', counterpartyIban: 'NL70ABNA0987654321', endToEndId: '08-01-2013 12:00 0030000987654321', remittance: '',
      },
      {
        bookingDate: '2013-01-09', valueDate: '2013-01-09', amount: 1000, direction: 'debit', currency: 'EUR',
        counterpartyName: 'JOHN DOE', counterpartyAccount: '1234567', remittance: 'Reference 201301234',
      },
    ]);
  });

  it('refuses the file when a closing balance is changed in memory', () => {
    const text = fixtureText('bank/mt940/rabobank-iban.sta').replace(':62F:C130115EUR000000000930,00', ':62F:C130115EUR000000000930,01');
    const err = expectImportError(() => parseBankFile('rabo.sta', utf8(text)), 'balance-mismatch');
    expect(err.details).toMatchObject({ opening: 96500, closing: 93001, movement: -3500 });
  });
});

describe('MT940 dialects written for these tests', () => {
  it('ING SEPA layout: /EREF/ /CNTP/ /REMI/USTD/ and /REMI/STRD/CUR/ kenmerk, SWIFT envelope', () => {
    const [st] = parseBankFile('ing-sepa-2026.940', sample('ing-sepa-2026.940'));
    expect(st).toMatchObject({ accountIban: 'NL20INGB0001234567', statementId: 'P260305000000001', openingBalance: { amount: 100000 }, closingBalance: { amount: 272550 } });
    expect(fields(st!.transactions)).toEqual([
      {
        bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 121000, direction: 'credit', currency: 'EUR',
        counterpartyName: 'Bakkerij De Vries B.V.', counterpartyIban: 'NL91ABNA0417164300', endToEndId: 'E2E-BDV-0001',
        bankReference: '26061000000001', remittance: 'Factuur 2026-014',
      },
      {
        bookingDate: '2026-03-03', valueDate: '2026-03-03', amount: 60500, direction: 'credit', currency: 'EUR',
        counterpartyName: 'J. Jansen', counterpartyIban: 'NL02ABNA0123456789', bankReference: '26062000000002',
        remittance: '', structuredReference: '5000056789012345',
      },
      {
        bookingDate: '2026-03-04', valueDate: '2026-03-04', amount: 8950, direction: 'debit', currency: 'EUR',
        counterpartyName: 'KPN B.V.', counterpartyIban: 'NL86INGB0002445588', endToEndId: 'KPN-20260304-1',
        bankReference: '26063000000003', remittance: 'Factuur 123456789',
      },
    ]);
  });

  it('ASN/SNS layout: first :86: line is "IBAN name", padded lines follow', () => {
    const statements = parseBankFile('asn-2026.sta', sample('asn-2026.sta'));
    expect(statements.map((s) => [s.accountIban, s.statementId, s.transactions.length])).toEqual([
      ['NL57ASNB0123456789', '61/1', 2],
      ['NL57ASNB0123456789', '62/1', 0],
    ]);
    expect(fields(statements[0]!.transactions)).toEqual([
      {
        bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 35000, direction: 'credit', currency: 'EUR',
        counterpartyName: 'Bakkerij De Vries B.V.', counterpartyIban: 'NL91ABNA0417164300', remittance: 'Factuur 2026-019 kenmerk 5000 0567 8901 2347',
      },
      { bookingDate: '2026-03-03', valueDate: '2026-03-03', amount: 1250, direction: 'debit', currency: 'EUR', remittance: 'Betaalautomaat HEMA Utrecht 03-03-26 12:00 pasnr. 012' },
    ]);
  });

  it('Triodos layout: >20…>27 subfields, IBAN era (>21 IBAN) and old (>10 account)', () => {
    const [st] = parseBankFile('triodos-2026.sta', sample('triodos-2026.sta'));
    expect(st).toMatchObject({ accountNumber: '390123456', statementId: '1', openingBalance: { amount: 100000 }, closingBalance: { amount: 151000 } });
    expect(fields(st!.transactions)).toEqual([
      { bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 121000, direction: 'credit', currency: 'EUR', counterpartyIban: 'NL91ABNA0417164300', remittance: 'BAKKERIJ DE VRIES B.V. FACTUUR 2026-020' },
      { bookingDate: '2026-03-03', valueDate: '2026-03-03', amount: 70000, direction: 'debit', currency: 'EUR', counterpartyAccount: '133967858', remittance: 'HUUR KANTOOR - MAART 2026' },
    ]);
  });

  it('Knab layouts: /TRTP/ codes, and "REK: iban/NAAM: name"; amounts without decimals', () => {
    const [st] = parseBankFile('knab-2026.sta', sample('knab-2026.sta'));
    expect(st).toMatchObject({ accountIban: 'NL09KNAB0255555555', statementId: '62/1', openingBalance: { amount: 10000 }, closingBalance: { amount: 68000 } });
    expect(fields(st!.transactions)).toEqual([
      {
        bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 60500, direction: 'credit', currency: 'EUR',
        counterpartyName: 'BAKKERIJ DE VRIES B.V.', counterpartyIban: 'NL91ABNA0417164300', bankReference: 'B6C02XM00J000023', remittance: 'Factuur 2026-021',
      },
      {
        bookingDate: '2026-03-03', valueDate: '2026-03-03', amount: 2500, direction: 'debit', currency: 'EUR',
        counterpartyName: 'WEBHOST BV', counterpartyIban: 'NL18BUNQ2041234567', bankReference: 'B6C03PGCVO7Q06US', remittance: 'FACTUUR 2026-77, HOSTING MAART',
      },
    ]);
  });

  it('ABN AMRO SEPA layouts in :86: (coded acceptgiro kenmerk, labelled)', () => {
    const text = [
      'ABNANL2A', '940', 'ABNANL2A', ':20:ABN AMRO BANK NV', ':25:555555555', ':28:2001/1', ':60F:C260302EUR1000,00',
      ':61:2603020302C10,5N654NONREF',
      ':86:/TRTP/ACCEPTGIROBETALING/IBAN/NL86INGB0002445588/BIC/INGBNL2A',
      '/NAME/BELASTINGDIENST/REMI/ISSUER: CUR                  REF: 4420',
      '043232693268/EREF/NOTPROVIDED',
      ':61:2603020302C10,5N654NONREF',
      ':86:SEPA OVERBOEKING                 IBAN: NL56CHAS0101010101',
      'BIC: CHASNL2XXXX                 NAAM: AA GHGHGH NETHERLANDS B.V.',
      'OMSCHRIJVING: 1412DEC 2015 CONSULTING',
      'KENMERK: 7541410',
      ':62F:C260302EUR1021,00', '-',
    ].join('\n');
    const [st] = parseBankFile('abn.sta', utf8(text));
    expect(fields(st!.transactions)).toEqual([
      {
        bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 1050, direction: 'credit', currency: 'EUR',
        counterpartyName: 'BELASTINGDIENST', counterpartyIban: 'NL86INGB0002445588', structuredReference: '4420043232693268',
        remittance: 'ISSUER: CUR REF: 4420043232693268',
      },
      {
        bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 1050, direction: 'credit', currency: 'EUR',
        counterpartyName: 'AA GHGHGH NETHERLANDS B.V.', counterpartyIban: 'NL56CHAS0101010101', endToEndId: '7541410',
        structuredReference: '7541410', remittance: '1412DEC 2015 CONSULTING',
      },
    ]);
  });

  it('reversals (RC/RD) and entry dates across New Year', () => {
    const text = [':20:X', ':25:NL91ABNA0417164300', ':28C:1/1', ':60F:C251231EUR100,00',
      ':61:2512310102RD10,00NTRFNONREF//R1', ':86:storno', ':61:2512310102RC5,00NTRFNONREF//R2', ':86:storno', ':62F:C260102EUR105,00'].join('\n');
    const [st] = parseBankFile('x.sta', utf8(text));
    expect(st!.transactions.map((t) => [t.valueDate, t.bookingDate, t.direction, t.amount, t.reversal])).toEqual([
      ['2025-12-31', '2026-01-02', 'credit', 1000, true],
      ['2025-12-31', '2026-01-02', 'debit', 500, true],
    ]);
  });

  it('reports a broken :61: line with its line number', () => {
    const text = [':20:X', ':25:NL91ABNA0417164300', ':60F:C260101EUR0,00', ':61:26010X0101C10,00NTRF', ':62F:C260101EUR10,00'].join('\n');
    expect(expectImportError(() => parseBankFile('x.sta', utf8(text)), 'malformed').message).toContain('regel 4');
  });
});
