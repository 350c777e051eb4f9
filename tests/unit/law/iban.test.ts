import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIban, isValidIban, normalizeIban } from '../../../shared/law';

describe('IBAN (ISO 13616, mod 97 and the length per country)', () => {
  it.each([
    'NL91ABNA0417164300',
    'NL86INGB0002445588',
    'BE68539007547034',
    'DE89370400440532013000',
    'GB82WEST12345698765432',
    'FR1420041010050500013M02606',
    'NO9386011117947',
    'MT84MALT011000012345MTLCAST001S',
  ])('%s is valid', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it('accepts lowercase and spaces on input', () => {
    expect(isValidIban('nl91 abna 0417 1643 00')).toBe(true);
    expect(isValidIban(' NL91ABNA 0417164300 ')).toBe(true);
    expect(normalizeIban(' nl91 abna 0417 1643 00')).toBe('NL91ABNA0417164300');
  });

  it('rejects a wrong check, a wrong length, an unknown country and a malformed NL number', () => {
    expect(isValidIban('NL92ABNA0417164300')).toBe(false);
    expect(isValidIban('NL91ABNA041716430')).toBe(false);
    expect(isValidIban('NL91ABNA04171643000')).toBe(false);
    expect(isValidIban('XX91ABNA0417164300')).toBe(false);
    expect(isValidIban('NL91AB1A0417164300')).toBe(false);
    expect(isValidIban('NL91-ABNA-0417-1643-00')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });

  it('formats in groups of four', () => {
    expect(formatIban('nl91abna0417164300')).toBe('NL91 ABNA 0417 1643 00');
    expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034');
    expect(() => formatIban('NL00ABNA0417164300')).toThrow(/Ongeldig IBAN/);
  });

  it('property: an NL IBAN with a computed check validates and one changed digit does not', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const digit = fc.constantFrom(...'0123456789');
    fc.assert(fc.property(fc.string({ unit: letter, minLength: 4, maxLength: 4 }), fc.string({ unit: digit, minLength: 10, maxLength: 10 }),
      fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (bank, account, pos, delta) => {
        const bban = bank + account;
        const numeric = [...`${bban}NL00`].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
        const check = 98 - Number(BigInt(numeric) % 97n);
        const iban = `NL${String(check).padStart(2, '0')}${bban}`;
        expect(isValidIban(iban)).toBe(true);
        const i = 8 + pos;
        const changed = iban.slice(0, i) + String((Number(iban[i]) + delta) % 10) + iban.slice(i + 1);
        expect(isValidIban(changed)).toBe(false);
      }));
  });
});
