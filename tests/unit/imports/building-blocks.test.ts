import { describe, expect, it } from 'vitest';
import { entryDateNear, parseDutchDate } from '../../../electron/core/imports/dates';
import { decimalToCents, parseLooseAmount } from '../../../electron/core/imports/decimal';
import { dedupeKey, dedupeKeys } from '../../../electron/core/imports/dedupeKey';
import { classifyAccount, isValidIban } from '../../../electron/core/imports/iban';
import { normaliseName } from '../../../electron/core/imports/names';
import { parseNarrative, splitCodes } from '../../../electron/core/imports/mt940Narrative';
import { candidateReferences, numberTokens } from '../../../electron/core/imports/references';
import { decodeText } from '../../../electron/core/imports/textDecoding';
import { decodeXmlEntities } from '../../../electron/core/imports/xmlSafe';
import type { BankTransaction } from '../../../electron/core/imports/types';

describe('amounts', () => {
  it.each([
    ['€ 1.234,56', 123456], ['1,234.56', 123456], ['1234,5', 123450], ['1234.5', 123450], ['1.234', 123400], ['1,234', 123400],
    ['12', 1200], ['-12,50', -1250], ['12,50-', -1250], ['(12,50)', -1250], ['+605,00', 60500], ['EUR 7,5', 750], ['1.234.567,89', 123456789],
    ['0,29', 29], [' 1 234,56 ', 123456], ['€1.250', 125000], ['0.1', 10],
  ])('%s → %d', (text, cents) => expect(parseLooseAmount(text)).toBe(cents));

  it.each(['', 'abc', '1,2,3', '1.23.4', '12,345,6', '1,2345', '1.234,567', '--5', '€', '1e5', '0x10'])('"%s" is not an amount', (text) => expect(parseLooseAmount(text)).toBeNull());

  it('plain decimals: strict about extra digits unless rounding is asked for', () => {
    expect(decimalToCents('0.29', { decimalSeparator: '.' })).toBe(29);
    expect(decimalToCents('1234567.89', { decimalSeparator: '.' })).toBe(123456789);
    expect(decimalToCents('12.500', { decimalSeparator: '.' })).toBe(1250);
    expect(decimalToCents('12.505', { decimalSeparator: '.' })).toBeNull();
    expect(decimalToCents('12.505', { decimalSeparator: '.', rounding: 'half-away' })).toBe(1251);
    expect(decimalToCents('-12.505', { decimalSeparator: '.', rounding: 'half-away' })).toBe(-1251);
    expect(decimalToCents('12.504', { decimalSeparator: '.', rounding: 'half-away' })).toBe(1250);
    expect(decimalToCents('9,', { decimalSeparator: ',' })).toBe(900);
    expect(decimalToCents('000000000025,00', { decimalSeparator: ',' })).toBe(2500);
    expect(decimalToCents('12,50', { decimalSeparator: '.' })).toBeNull();
    expect(decimalToCents('99999999999999', { decimalSeparator: '.' })).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['31-12-2026', '2026-12-31'], ['1-2-26', '2026-02-01'], ['2026-12-31', '2026-12-31'], ['31/12/2026', '2026-12-31'], ['31.12.2026', '2026-12-31'],
    ['20261231', '2026-12-31'], ['2026/12/31', '2026-12-31'], ['31-12-2026 14:05', '2026-12-31'], ['2026-12-31T23:59:59+01:00', '2026-12-31'], ['29-02-2028', '2028-02-29'],
  ])('%s → %s', (text, iso) => expect(parseDutchDate(text)).toBe(iso));

  it.each(['31-02-2026', '29-02-2026', '12/31/2026', '2026-13-01', 'gisteren', '', '1-2-3'])('"%s" is not a date', (text) => expect(parseDutchDate(text)).toBeNull());

  it('MT940 entry dates next to a value date across New Year', () => {
    expect(entryDateNear('2025-12-31', '0102')).toBe('2026-01-02');
    expect(entryDateNear('2026-01-02', '1231')).toBe('2025-12-31');
    expect(entryDateNear('2026-05-21', '0523')).toBe('2026-05-23');
  });
});

describe('names', () => {
  it.each([
    ['Bakkerij Ünal B.V.', 'bakkerij unal'], ['BAKKERIJ UNAL BV', 'bakkerij unal'], ['Café De Zwaan v.o.f.', 'cafe de zwaan'], ['CAFE DE ZWAAN VOF', 'cafe de zwaan'],
    ['Jansen Eenmanszaak', 'jansen'], ['Dhr. J. Jansen', 'j jansen'], ['Smit & Zonen N.V.', 'smit en zonen'], ['  Kapsalon   Knip  ', 'kapsalon knip'],
    ['B.V. Bouwbedrijf Bakker', 'bouwbedrijf bakker'], ['Bevelander', 'bevelander'], ['BV', ''], ['Ødegård A/S', 'ødegard a s'],
  ])('%s → %s', (name, normal) => expect(normaliseName(name)).toBe(normal));
});

describe('accounts', () => {
  it('IBAN shape and checksum', () => {
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(classifyAccount('nl91 abna 0417 1643 00')).toEqual({ iban: 'NL91ABNA0417164300' });
    expect(classifyAccount('P001234567')).toEqual({ account: '1234567' });
    expect(classifyAccount('0111111111')).toEqual({ account: '111111111' });
    expect(classifyAccount('NONREF')).toEqual({});
    expect(classifyAccount('0000000000')).toEqual({});
  });
});

describe('text decoding', () => {
  it('UTF-8 (with and without BOM), Windows-1252, UTF-16 with BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0x61, 0x66, 0xc3, 0xa9]))).toEqual({ text: 'café', encoding: 'utf-8', bom: true });
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80]))).toEqual({ text: 'café €', encoding: 'windows-1252', bom: false });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]))).toEqual({ text: 'Aé', encoding: 'utf-16le', bom: true });
  });

  it('XML entities: only the predefined five and character references', () => {
    expect(decodeXmlEntities('Smit &amp; Zn &lt;b&gt; &quot;x&quot; &apos;y&apos; &#233;&#x20AC; &nbsp; &foo; &#0; &#xD800;')).toBe('Smit & Zn <b> "x" \'y\' é€ &nbsp; &foo; &#0; &#xD800;');
  });
});

describe('references and invoice numbers in text', () => {
  it('finds a kenmerk written with or without spaces, and RF references', () => {
    const refs = candidateReferences('Betaling kenmerk 5000 0567 8901 2345, RF18 5390 0754 7034 en 1234.5678.9012.3456');
    expect(refs.has('5000056789012345')).toBe(true);
    expect(refs.has('RF18539007547034')).toBe(true);
    expect(refs.has('1234567890123456')).toBe(true);
    expect(refs.has('BETALING')).toBe(true);
  });

  it('splits invoice numbers out of punctuation and knows the keyword before them', () => {
    const tokens = numberTokens('Fact.2026-014, 2026-015/2026-016; nr 77 (F-9).', 1);
    const values = tokens.map((t) => t.value);
    expect(values).toEqual(expect.arrayContaining(['2026-014', '2026-015', '2026-016', '77', 'F-9']));
    expect(tokens.find((t) => t.value === '77')?.afterKeyword).toBe(true);
    expect(tokens.find((t) => t.value === '2026-014')?.afterKeyword).toBe(true);
    expect(numberTokens('INV 0012 paid', 2).map((t) => t.value)).toContain('INV 0012');
  });
});

describe(':86: narratives', () => {
  it('splits codes, a closing slash may open the next code', () => {
    expect([...splitCodes('/EREF/abc//CNTP/NL91ABNA0417164300/ABNANL2A/Naam///REMI/USTD//tekst 1/2/')]).toEqual([
      ['EREF', 'abc/'], ['CNTP', 'NL91ABNA0417164300/ABNANL2A/Naam//'], ['REMI', 'USTD//tekst 1/2/'],
    ]);
  });

  it('Rabobank structured reference (/CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/…)', () => {
    expect(parseNarrative(['/EREF/NOTPROVIDED/ORDP//NAME/Jansen/REMI//CDTRREFTP//CD/SCOR/ISSR/CUR/CDTRREF/5000056789012345/ISDT/2026-03-02'])).toEqual({
      dialect: 'coded', counterpartyName: 'Jansen', structuredReference: '5000056789012345', remittance: '',
    });
  });

  it('falls back to plain text', () => {
    expect(parseNarrative(['Rente over het kwartaal'])).toEqual({ dialect: 'plain', remittance: 'Rente over het kwartaal' });
    expect(parseNarrative([])).toEqual({ dialect: 'plain', remittance: '' });
  });
});

describe('dedupeKey', () => {
  const tx: BankTransaction = { bookingDate: '2026-03-02', amount: 250, direction: 'debit', currency: 'EUR', remittance: 'Koffie  bij de Buren' };

  it('uses the bank reference per account where there is one', () => {
    expect(dedupeKey({ ...tx, bankReference: 'R1' }, 'nl20 ingb 0001 2345 67')).toBe('ref:NL20INGB0001234567:R1');
    expect(dedupeKey({ ...tx, bankReference: 'R1', remittance: 'anders' }, 'NL20INGB0001234567')).toBe('ref:NL20INGB0001234567:R1');
  });

  it('otherwise hashes date, amount, direction, counter IBAN and the normalised text', () => {
    const key = dedupeKey(tx, 'NL20INGB0001234567');
    expect(key).toMatch(/^tx:[0-9a-f]{40}$/);
    expect(dedupeKey({ ...tx, remittance: 'KOFFIE BIJ DE BUREN.' }, 'NL20INGB0001234567')).toBe(key);
    expect(dedupeKey({ ...tx, raw: 'anders', valueDate: '2026-03-03' }, 'NL20INGB0001234567')).toBe(key);
    for (const change of [{ amount: 251 }, { direction: 'credit' as const }, { bookingDate: '2026-03-03' }, { counterpartyIban: 'NL91ABNA0417164300' }, { remittance: 'Thee' }]) {
      expect(dedupeKey({ ...tx, ...change }, 'NL20INGB0001234567')).not.toBe(key);
    }
    expect(dedupeKey(tx, 'NL91ABNA0417164300')).not.toBe(key);
  });

  it('dedupeKeys tells identical lines in one file apart, the same way every time', () => {
    const keys = dedupeKeys([tx, tx, { ...tx, amount: 300 }, tx], 'NL20INGB0001234567');
    expect(keys[1]).toBe(`${keys[0]}#2`);
    expect(keys[3]).toBe(`${keys[0]}#3`);
    expect(new Set(keys).size).toBe(4);
    expect(dedupeKeys([tx, tx, { ...tx, amount: 300 }, tx], 'NL20INGB0001234567')).toEqual(keys);
  });
});
