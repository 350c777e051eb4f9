// Properties that must hold for any input, checked with fast-check.
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniffCsv } from '../../../electron/core/imports/csvTable';
import { decimalToCents, parseLooseAmount } from '../../../electron/core/imports/decimal';
import { ImportError } from '../../../electron/core/imports/importError';
import { applyInvoiceMapping, guessInvoiceMapping } from '../../../electron/core/imports/invoiceCsv';
import { matchPayments, type OpenInstallmentForMatching, type OpenInvoiceForMatching } from '../../../electron/core/imports/matchPayments';
import { parseBankFile } from '../../../electron/core/imports/parseBankFile';
import type { BankTransaction } from '../../../electron/core/imports/types';
import { parseUblFile } from '../../../electron/core/imports/ubl';
import { fixture, sample } from './helpers';

// --- matching --------------------------------------------------------------------------------

const IBANS = ['NL91ABNA0417164300', 'NL02ABNA0123456789', 'NL71INGB0009876543', 'NL66ASNB0707070707'];
const NAMES = ['Bakkerij De Vries B.V.', 'J. Jansen', 'Café De Zwaan', 'Smit & Zonen'];

const invoicesArb = fc.array(
  fc.record({ debtor: fc.nat(3), amount: fc.integer({ min: 0, max: 50_000 }), due: fc.integer({ min: 1, max: 28 }) }),
  { maxLength: 25 },
).map((rows): OpenInvoiceForMatching[] => rows.map((r, i) => ({
  invoiceId: i + 1, debtorId: r.debtor + 1, debtorName: NAMES[r.debtor]!, debtorIbans: [IBANS[r.debtor]!],
  number: `2026-${String(i + 1).padStart(3, '0')}`, paymentReference: `50000567890${String(i + 1).padStart(5, '0')}`,
  openAmount: r.amount, dueDate: `2026-02-${String(r.due).padStart(2, '0')}`,
})));

const installmentsArb = fc.array(fc.record({ debtor: fc.nat(3), amount: fc.integer({ min: 1, max: 20_000 }) }), { maxLength: 4 })
  .map((rows): OpenInstallmentForMatching[] => rows.map((r, i) => ({
    installmentId: 100 + i, arrangementId: 7, debtorId: r.debtor + 1, amount: r.amount, debtorName: NAMES[r.debtor]!, debtorIbans: [IBANS[r.debtor]!],
    ...(i % 2 ? { paymentReference: `REG-7-${i}` } : {}),
  })));

const transactionArb = fc.record({
  amount: fc.integer({ min: 0, max: 120_000 }),
  direction: fc.constantFrom('credit', 'credit', 'credit', 'debit'),
  iban: fc.option(fc.constantFrom(...IBANS, 'NL18BUNQ2041234567')),
  name: fc.option(fc.constantFrom(...NAMES, 'CAFE DE ZWAAN VOF', 'Onbekend')),
  mention: fc.array(fc.nat(30), { maxLength: 3 }),
  style: fc.constantFrom('number', 'kenmerk', 'spaced', 'structured', 'none'),
  noise: fc.string({ maxLength: 20 }),
}).map((r): BankTransaction => {
  const refs = r.mention.map((n) => `50000567890${String(n + 1).padStart(5, '0')}`);
  const nums = r.mention.map((n) => `2026-${String(n + 1).padStart(3, '0')}`);
  const text = r.style === 'number' ? nums.join(' ') : r.style === 'kenmerk' ? refs.join(', ') : r.style === 'spaced' ? refs.map((x) => x.replace(/(.{4})/g, '$1 ')).join('/') : '';
  return {
    bookingDate: '2026-03-02', amount: r.amount, direction: r.direction as 'credit' | 'debit', currency: 'EUR',
    remittance: `${r.noise} ${text}`.trim(),
    ...(r.style === 'structured' && refs[0] ? { structuredReference: refs[0] } : {}),
    ...(r.iban ? { counterpartyIban: r.iban } : {}),
    ...(r.name ? { counterpartyName: r.name } : {}),
  };
});

describe('matchPayments properties', () => {
  it('never allocates more than a transaction brings or an invoice has open', () => {
    fc.assert(fc.property(invoicesArb, installmentsArb, fc.array(transactionArb, { maxLength: 30 }), (invoices, installments, txs) => {
      const proposals = matchPayments(txs, invoices, installments);
      expect(proposals).toHaveLength(txs.length);
      const perInvoice = new Map<number, number>();
      const perInstallment = new Map<number, number>();
      proposals.forEach((p, i) => {
        const tx = txs[i]!;
        expect(p.transactionIndex).toBe(i);
        const allocated = p.allocations.reduce((n, a) => n + a.amount, 0) + (p.installment?.amount ?? 0);
        expect(allocated).toBeLessThanOrEqual(tx.amount);
        for (const a of p.allocations) {
          expect(a.amount).toBeGreaterThan(0);
          perInvoice.set(a.invoiceId, (perInvoice.get(a.invoiceId) ?? 0) + a.amount);
        }
        if (p.installment) perInstallment.set(p.installment.installmentId, (perInstallment.get(p.installment.installmentId) ?? 0) + p.installment.amount);
        if (p.kind === 'invoices' || p.kind === 'installment') expect(allocated + p.credit).toBe(tx.amount);
        else expect(p.allocations).toEqual([]);
        if (tx.direction === 'debit') expect(p.kind).toBe('ignored-debit');
        expect(p.ticked).toBe(p.confidence === 'certain' || p.confidence === 'likely');
        expect(p.reason.length).toBeGreaterThan(10);
      });
      for (const [id, total] of perInvoice) expect(total).toBeLessThanOrEqual(invoices[id - 1]!.openAmount);
      for (const [id, total] of perInstallment) expect(total).toBeLessThanOrEqual(installments[id - 100]!.amount);
    }), { numRuns: 300 });
  });

  it('is deterministic and does not change its input', () => {
    fc.assert(fc.property(invoicesArb, fc.array(transactionArb, { maxLength: 10 }), (invoices, txs) => {
      const before = JSON.stringify([invoices, txs]);
      expect(matchPayments(txs, invoices)).toEqual(matchPayments(txs, invoices));
      expect(JSON.stringify([invoices, txs])).toBe(before);
    }), { numRuns: 100 });
  });
});

// --- parsers never throw anything but ImportError -----------------------------------------------

const onlyImportErrors = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    expect(e.details?.['internal'], e.message).toBeUndefined(); // not a bug of ours wrapped as ImportError
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.messageEn.length).toBeGreaterThan(0);
  }
};

const NAMES_BY_KIND = ['afschrift.xml', 'afschrift.sta', 'afschrift.csv', 'afschrift.zip', 'afschrift.940', 'afschrift'];
const PREFIXES = ['', '<?xml version="1.0"?>', '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>', ':20:X\n:25:NL91ABNA0417164300\n:60F:C260101EUR0,00\n:61:', '"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)"\n', '<Invoice><ID>1</ID><IssueDate>2026-01-01</IssueDate>', 'PK\u0003\u0004'];

describe('parsers on random input', () => {
  it('random bytes: parseBankFile, parseUblFile and sniffCsv throw only ImportError', () => {
    fc.assert(fc.property(fc.constantFrom(...PREFIXES), fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...NAMES_BY_KIND), (prefix, tail, name) => {
      const bytes = new Uint8Array([...new TextEncoder().encode(prefix), ...tail]);
      onlyImportErrors(() => parseBankFile(name, bytes));
      onlyImportErrors(() => parseUblFile(name, bytes));
      onlyImportErrors(() => sniffCsv(bytes, name));
    }), { numRuns: 400 });
  });

  it('random text built from format fragments', () => {
    const fragment = fc.constantFrom(
      ':61:', ':86:', ':60F:', ':62F:', ':20:', ':25:', 'C', 'D', 'RC', '260101', '0101', 'EUR', '12,50', 'NTRF', '//', '/EREF/', '/CNTP/', '/REMI/', 'USTD//', 'STRD/CUR/', '>20', '000>10', '\n', '\r\n',
      '<Ntry>', '</Ntry>', '<Amt Ccy="EUR">', '</Amt>', '<CdtDbtInd>CRDT</CdtDbtInd>', '<BookgDt><Dt>2026-01-01</Dt></BookgDt>', '<Bal>', '</Bal>', '&amp;', '&#0;', '&#xD800;', '<![CDATA[', ']]>', '<!--', '-->',
      ';', ',', '"', '\t', '=', 'Bij', 'Af', '20260101', '-', '€', 'é', '\u00ad',
    );
    fc.assert(fc.property(fc.constantFrom(...PREFIXES), fc.array(fragment, { maxLength: 60 }), fc.constantFrom(...NAMES_BY_KIND), (prefix, parts, name) => {
      const bytes = new TextEncoder().encode(prefix + parts.join(''));
      onlyImportErrors(() => parseBankFile(name, bytes));
      onlyImportErrors(() => parseUblFile(name, bytes));
      onlyImportErrors(() => {
        const table = sniffCsv(bytes, name);
        applyInvoiceMapping(table, guessInvoiceMapping(table.headers));
      });
    }), { numRuns: 400 });
  });

  it('real files truncated or spliced at random places', () => {
    const files = [
      ['camt053.v2.multi.statement.xml', fixture('bank/camt/camt053.v2.multi.statement.xml')],
      ['abnamro.sta', fixture('bank/mt940/abnamro.sta')],
      ['ing-2026.csv', sample('ing-2026.csv')],
      ['TXT.TAB', sample('TXT260306101500.TAB')],
      ['ok_full.xml', fixture('invoices/ubl/SI-UBL-2.0_ok_full.xml')],
    ] as const;
    fc.assert(fc.property(fc.constantFrom(...files), fc.nat(), fc.nat(), fc.uint8Array({ maxLength: 8 }), fc.boolean(), ([name, bytes], a, b, insert, zip) => {
      const cut = a % (bytes.length + 1);
      const resume = Math.min(bytes.length, cut + (b % 40));
      let mutated = new Uint8Array([...bytes.subarray(0, cut), ...insert, ...bytes.subarray(resume)]);
      if (zip) mutated = zipSync({ [name]: mutated });
      onlyImportErrors(() => parseBankFile(name, mutated));
      onlyImportErrors(() => parseUblFile(name, mutated));
    }), { numRuns: 300 });
  });
});

// --- money -----------------------------------------------------------------------------------

describe('amounts are exact', () => {
  it('decimalToCents reads back what was written', () => {
    fc.assert(fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (cents) => {
      const abs = Math.abs(cents);
      const text = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
      expect(decimalToCents(text, { decimalSeparator: '.' })).toBe(cents);
      expect(decimalToCents(text.replace('.', ','), { decimalSeparator: ',' })).toBe(cents);
    }));
  });

  it('parseLooseAmount reads Dutch and English notation with thousands separators', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.boolean(), (cents, negative) => {
      const euros = Math.floor(cents / 100).toString();
      const rest = String(cents % 100).padStart(2, '0');
      const nl = `${euros.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${rest}`;
      const en = `${euros.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${rest}`;
      const signed = negative && cents !== 0 ? -cents : cents;
      expect(parseLooseAmount(`${negative ? '-' : ''}€ ${nl}`)).toBe(signed);
      expect(parseLooseAmount(`${negative ? '-' : ''}${en}`)).toBe(signed);
      expect(parseLooseAmount(`${negative ? '-' : ''}${euros},${rest}`)).toBe(signed);
    }));
  });
});
