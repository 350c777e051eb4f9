import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBankFile } from '../../../electron/core/imports/parseBankFile';
import type { BankStatement } from '../../../electron/core/imports/types';
import { expectImportError, fixture, fixtureText, sample, utf8 } from './helpers';

const read = (name: string) => parseBankFile(name, fixture(`bank/camt/${name}`), { checkBalances: false });

describe('camt.053 v2 minimal (genkgo/camt)', () => {
  it('reads the statement, its balances and its one entry field by field', () => {
    const [st, ...rest] = read('camt053.v2.minimal.xml');
    expect(rest).toHaveLength(0);
    expect(st).toMatchObject({
      format: 'camt.053',
      accountIban: 'NL26VAYB8060476890',
      statementId: '253EURNL26VAYB8060476890',
      currency: 'EUR',
      openingBalance: { date: '2014-12-30', amount: 1815, currency: 'EUR' },
      closingBalance: { date: '2014-12-31', amount: -2700, currency: 'SEK' },
    });
    expect(st!.transactions).toEqual([
      {
        bookingDate: '2014-12-31',
        valueDate: '2015-01-02',
        amount: 885,
        direction: 'credit',
        currency: 'EUR',
        counterpartyName: 'NAME NAME',
        counterpartyIban: 'NL56AGDH9619008421',
        remittance: '',
        structuredReference: '4654654654654654',
      },
    ]);
  });

  it('is refused on import: its closing balance is a debit in SEK, opening 18,15 + 8,85 is not -27,00', () => {
    const err = expectImportError(() => parseBankFile('camt053.v2.minimal.xml', fixture('bank/camt/camt053.v2.minimal.xml')), 'balance-mismatch');
    expect(err.message).toContain('SEK');
  });
});

describe('camt.053 v2 with two statements', () => {
  it('reads both statements and passes the balance check', () => {
    const statements = parseBankFile('camt053.v2.multi.statement.xml', fixture('bank/camt/camt053.v2.multi.statement.xml'));
    expect(statements.map((s) => [s.statementId, s.openingBalance, s.closingBalance])).toEqual([
      ['253EURNL26VAYB8060476890', { date: '2014-12-30', amount: 1815, currency: 'EUR' }, { date: '2014-12-31', amount: 2700, currency: 'EUR' }],
      ['254EURNL26VAYB8060476890', { date: '2014-12-30', amount: 2700, currency: 'EUR' }, { date: '2014-12-31', amount: 2000, currency: 'EUR' }],
    ]);
    expect(statements[0]!.transactions).toEqual([
      {
        bookingDate: '2014-12-31', valueDate: '2015-01-02', amount: 885, direction: 'credit', currency: 'EUR',
        // A credit normally names its debtor; this file names only a creditor, which is used.
        counterpartyName: 'Company Name 1', counterpartyIban: 'NL56AGDH9619008421',
        endToEndId: '000000001', remittance: 'Transaction Description 1',
      },
    ]);
    expect(statements[1]!.transactions).toEqual([
      {
        bookingDate: '2014-12-31', valueDate: '2015-01-02', amount: 700, direction: 'debit', currency: 'EUR',
        counterpartyName: 'Company Name 2', counterpartyIban: 'NL56AGDH9619008421',
        endToEndId: '000000002', remittance: 'Transaction Description 2',
      },
    ]);
  });

  it('refuses the file when the closing balance is changed in memory', () => {
    const text = fixtureText('bank/camt/camt053.v2.multi.statement.xml').replace('<Amt Ccy="EUR">20.00</Amt>', '<Amt Ccy="EUR">20.01</Amt>');
    const err = expectImportError(() => parseBankFile('x.xml', utf8(text)), 'balance-mismatch');
    expect(err.message).toContain('254EURNL26VAYB8060476890');
    expect(err.message).toContain('€ 20,01');
    expect(err.details).toMatchObject({ opening: 2700, closing: 2001, movement: -700, difference: 1 });
  });

  it('refuses the file when a line is left out', () => {
    const text = fixtureText('bank/camt/camt053.v2.multi.statement.xml').replace(/<Ntry>[\s\S]*?<\/Ntry>/, '');
    expectImportError(() => parseBankFile('x.xml', utf8(text)), 'balance-mismatch');
  });
});

describe('camt.053 v4', () => {
  it('reads the account from Othr/Id, the AcctSvcrRef and the structured reference', () => {
    const [st] = read('camt053.v4.xml');
    expect(st).toMatchObject({
      format: 'camt.053', accountIban: 'NL26VAYB8060476890', statementId: '253EURNL26VAYB8060476890', currency: 'EUR',
      openingBalance: { date: '2014-12-30', amount: 1815 }, closingBalance: { date: '2014-12-30', amount: -2700, currency: 'SEK' },
    });
    expect(st!.transactions).toEqual([
      {
        bookingDate: '2014-12-31', valueDate: '2015-01-02', amount: 885, direction: 'credit', currency: 'EUR',
        counterpartyName: 'NAME NAME', counterpartyIban: 'NL56AGDH9619008421', bankReference: 'AAAASESS-FP-CN_98765/01',
        remittance: '', structuredReference: '4654654654654654',
      },
    ]);
    expectImportError(() => parseBankFile('camt053.v4.xml', fixture('bank/camt/camt053.v4.xml')), 'balance-mismatch');
  });
});

describe('camt.054 v2 notification', () => {
  it('reads the one entry with its three transaction details as one line (the details carry no amounts)', () => {
    const [st, ...rest] = parseBankFile('camt054.v2.xml', fixture('bank/camt/camt054.v2.xml'));
    expect(rest).toHaveLength(0);
    expect(st).toMatchObject({ format: 'camt.054', accountIban: 'CH2801234000123456789', statementId: 'AAAASESS-FP-ACCR001', currency: 'SEK' });
    expect(st!.openingBalance).toBeUndefined();
    const [tx] = st!.transactions;
    expect(tx).toMatchObject({
      bookingDate: '2007-10-18', valueDate: '2007-10-18', amount: 20000000, direction: 'debit', currency: 'SEK',
      counterpartyName: 'MUELLER', endToEndId: 'MUELL/FINP/RA12345', bankReference: 'AAAASESS-FP-ACCR001',
      structuredReference: 'ISR ref number V1',
    });
    for (const part of [
      'Unstructured Remittance Information V1', 'Additional Remittance Information V1', 'Additional Remittance Information V2',
      'Unstructured Remittance Information V3 block 1', 'Unstructured Remittance Information V3 block 2',
      'Additional Remittance Information V3 block 2', 'ISR ref number V2', 'Ref number V3 block 1', 'Ref number V3 block 2',
    ]) expect(tx!.remittance).toContain(part);
  });
});

describe('cross-check with genkgo/camt expected.json', () => {
  type Balance = { getType: string; getAmount: { getAmount: string; getCurrency: { getCode: string } }; getDate: { 0: string } };
  type Expected = {
    getRecords: unknown[];
    getEntries: {
      getRecord: { getId: string; getBalances?: Balance[] };
      getAmount: { getAmount: string; getCurrency: { getCode: string } };
      getCreditDebitIndicator: string;
      getBookingDate: { 0: string };
      getValueDate: { 0: string } | null;
      getAccountServicerReference: string | null;
      getTransactionDetail: { getReference: { getEndToEndId: string | null } | null } | null;
    }[];
  };
  for (const name of ['camt053.v2.minimal', 'camt053.v2.multi.statement', 'camt053.v4', 'camt054.v2']) {
    it(name, () => {
      const expected = JSON.parse(fixtureText(`bank/camt/${name}.expected.json`)) as Expected;
      const ours: BankStatement[] = read(`${name}.xml`);
      expect(ours).toHaveLength(expected.getRecords.length);
      // The library's dump spells out the last record only (through its entries).
      const last = ours[ours.length - 1]!;
      const record = expected.getEntries[0]!.getRecord;
      expect(last.statementId).toBe(record.getId);
      const opening = (record.getBalances ?? []).find((b) => b.getType === 'opening');
      const closing = (record.getBalances ?? []).find((b) => b.getType === 'closing');
      const asOurs = (b: Balance) => ({ date: b.getDate[0].slice(0, 10), amount: Number(b.getAmount.getAmount), currency: b.getAmount.getCurrency.getCode });
      if (opening) expect(last.openingBalance).toEqual(asOurs(opening));
      if (closing) expect(last.closingBalance).toEqual(asOurs(closing));
      expect(last.transactions).toHaveLength(expected.getEntries.length);
      expected.getEntries.forEach((e, i) => {
        const tx = last.transactions[i]!;
        expect(tx.direction === 'credit' ? tx.amount : -tx.amount).toBe(Number(e.getAmount.getAmount));
        expect(tx.direction).toBe(e.getCreditDebitIndicator === 'CRDT' ? 'credit' : 'debit');
        expect(tx.currency).toBe(e.getAmount.getCurrency.getCode);
        expect(tx.bookingDate).toBe(e.getBookingDate[0].slice(0, 10));
        if (e.getValueDate) expect(tx.valueDate).toBe(e.getValueDate[0].slice(0, 10));
        expect(tx.bankReference ?? null).toBe(e.getAccountServicerReference);
        expect(tx.endToEndId ?? null).toBe(e.getTransactionDetail?.getReference?.getEndToEndId ?? null);
      });
    });
  }
});

describe('camt.053.001.08 (written for these tests)', () => {
  const [st] = parseBankFile('camt053-v08.xml', sample('camt053-v08.xml'));

  it('reads balances (PRCD as opening) and passes the check', () => {
    expect(st).toMatchObject({
      format: 'camt.053', accountIban: 'NL20INGB0001234567', statementId: 'NL20INGB0001234567-2026-03-05', currency: 'EUR',
      openingBalance: { date: '2026-03-01', amount: 100000 }, closingBalance: { date: '2026-03-05', amount: 322100 },
    });
  });

  it('splits a batch entry whose details carry amounts, skips the pending entry, reads <Sts><Cd> and <Pty><Nm>', () => {
    expect(st!.transactions).toEqual([
      {
        bookingDate: '2026-03-02', valueDate: '2026-03-02', amount: 121000, direction: 'credit', currency: 'EUR',
        counterpartyName: 'Bakkerij De Vries B.V.', counterpartyIban: 'NL91ABNA0417164300', endToEndId: 'E2E-BDV-0001',
        bankReference: '20260302-0001', remittance: '', structuredReference: '5000056789012345',
      },
      {
        bookingDate: '2026-03-03', valueDate: '2026-03-03', amount: 60000, direction: 'credit', currency: 'EUR',
        counterpartyName: 'J. Jansen', counterpartyIban: 'NL02ABNA0123456789', bankReference: '20260303-0002/1', remittance: 'Factuur 2026-015',
      },
      {
        bookingDate: '2026-03-03', valueDate: '2026-03-03', amount: 50000, direction: 'credit', currency: 'EUR',
        counterpartyName: 'Schildersbedrijf Öztürk', counterpartyIban: 'NL71INGB0009876543', endToEndId: 'OZ-2026-16',
        bankReference: '20260303-0002-B', remittance: '2026-016', structuredReference: 'RF18539007547034',
      },
      {
        bookingDate: '2026-03-04', valueDate: '2026-03-04', amount: 8900, direction: 'debit', currency: 'EUR',
        counterpartyName: 'Smit & Zonen – drukwerk', counterpartyIban: 'NL93RABO0987654321', endToEndId: 'SMIT-4471',
        bankReference: '20260304-0003', remittance: 'Factuur 4471 visitekaartjes',
      },
    ]);
  });

  it('detects every version .02 to .08 from the namespace', () => {
    const text = new TextDecoder().decode(sample('camt053-v08.xml'));
    for (const v of ['02', '03', '04', '05', '06', '07', '08']) {
      const [s] = parseBankFile(`v${v}.xml`, utf8(text.replace('camt.053.001.08', `camt.053.001.${v}`)));
      expect(s!.transactions).toHaveLength(4);
    }
  });

  it('reads a zip holding several statements', () => {
    const zip = zipSync({
      'afschriften/maart.xml': sample('camt053-v08.xml'),
      'afschriften/2014.xml': fixture('bank/camt/camt053.v2.multi.statement.xml'),
      '__MACOSX/afschriften/._maart.xml': new Uint8Array([0, 5, 22, 7]),
    });
    const statements = parseBankFile('afschriften.zip', zip);
    expect(statements.map((s) => [s.sourceName, s.statementId])).toEqual([
      ['afschriften/maart.xml', 'NL20INGB0001234567-2026-03-05'],
      ['afschriften/2014.xml', '253EURNL26VAYB8060476890'],
      ['afschriften/2014.xml', '254EURNL26VAYB8060476890'],
    ]);
  });

  it('names the zip entry whose balances do not add up', () => {
    const zip = zipSync({ 'ok.xml': sample('camt053-v08.xml'), 'kapot.xml': fixture('bank/camt/camt053.v4.xml') });
    const err = expectImportError(() => parseBankFile('a.zip', zip), 'balance-mismatch');
    expect(err.message.startsWith('kapot.xml: ')).toBe(true);
  });

  it('refuses camt.052 and unknown versions with a clear message', () => {
    const text = new TextDecoder().decode(sample('camt053-v08.xml'));
    expect(expectImportError(() => parseBankFile('r.xml', utf8(text.replace('camt.053.001.08', 'camt.052.001.08'))), 'unsupported-format').message).toContain('camt.052');
    expectImportError(() => parseBankFile('r.xml', utf8(text.replace('camt.053.001.08', 'camt.053.001.99'))), 'unsupported-format');
  });
});
