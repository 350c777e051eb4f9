import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betalingskenmerkCheckDigit, createBetalingskenmerk, formatBetalingskenmerk, isValidBetalingskenmerk,
} from '../../../shared/law';

describe('betalingskenmerk check digit (Betaalvereniging: weights 2,4,8,5,10,9,7,3,6,1 from the right)', () => {
  it('000056789012345 → A = 215 → C = 5', () => {
    expect(betalingskenmerkCheckDigit('000056789012345')).toBe(5);
  });

  it('L + 12 digits of the spec example 12 2345 3462 2567 → A = 263 → 11 − 10 = 1', () => {
    expect(betalingskenmerkCheckDigit('2234534622567')).toBe(1);
  });

  it('"7" + "1234567" → A = 174 → C = 2', () => {
    expect(betalingskenmerkCheckDigit('71234567')).toBe(2);
  });

  it('maps 11 to 0 and 10 to 1', () => {
    expect(betalingskenmerkCheckDigit('0')).toBe(0); // A = 0 → 11 → 0
    expect(betalingskenmerkCheckDigit('5')).toBe(1); // A = 10 → 11 − 10 = 1
    expect(betalingskenmerkCheckDigit('1')).toBe(9); // A = 2 → 9
  });
});

describe('betalingskenmerk layouts (7, 9, 10, 11, 12, 13, 14 and 16 digits; no 8 or 15)', () => {
  it('accepts the examples', () => {
    expect(isValidBetalingskenmerk('5000056789012345')).toBe(true);
    expect(isValidBetalingskenmerk('12 2345 3462 2567')).toBe(true);
    expect(isValidBetalingskenmerk('271234567')).toBe(true);
    expect(isValidBetalingskenmerk('1234567')).toBe(true); // 7 digits: no check digit
  });

  it('accepts every length with its length digit L and a correct check digit', () => {
    const cases: [number, string][] = [[9, '7'], [10, '8'], [11, '9'], [12, '0'], [13, '1'], [14, '2']];
    for (const [length, l] of cases) {
      const body = l + '31415926535897'.slice(0, length - 2);
      const ref = `${betalingskenmerkCheckDigit(body)}${body}`;
      expect(ref).toHaveLength(length);
      expect(isValidBetalingskenmerk(ref)).toBe(true);
      const wrongL = `${ref[0]}${(Number(l) + 1) % 10}${ref.slice(2)}`;
      expect(isValidBetalingskenmerk(`${betalingskenmerkCheckDigit(wrongL.slice(1))}${wrongL.slice(1)}`)).toBe(false);
    }
  });

  it('rejects 8 and 15 digits, wrong check digits, letters and empty input', () => {
    expect(isValidBetalingskenmerk('12345678')).toBe(false);
    expect(isValidBetalingskenmerk('000056789012345')).toBe(false);
    expect(isValidBetalingskenmerk('6000056789012345')).toBe(false);
    expect(isValidBetalingskenmerk('371234567')).toBe(false);
    expect(isValidBetalingskenmerk('02 2345 3462 2567')).toBe(false);
    expect(isValidBetalingskenmerk('5000O56789012345')).toBe(false);
    expect(isValidBetalingskenmerk('')).toBe(false);
    expect(isValidBetalingskenmerk('123456')).toBe(false);
    expect(isValidBetalingskenmerk('12345678901234567')).toBe(false);
  });
});

describe('createBetalingskenmerk (16 digits: C + the invoice id in 15 digits)', () => {
  it('zero-pads a numeric id: 56789012345 → 5000056789012345', () => {
    expect(createBetalingskenmerk(56789012345)).toBe('5000056789012345');
    expect(createBetalingskenmerk('56789012345')).toBe('5000056789012345');
    expect(createBetalingskenmerk(' 000056789012345 ')).toBe('5000056789012345');
    expect(createBetalingskenmerk(0)).toBe('0000000000000000');
  });

  it('maps an id with letters or separators deterministically to digits', () => {
    const a = createBetalingskenmerk('2025-014');
    expect(a).toMatch(/^\d{16}$/);
    expect(isValidBetalingskenmerk(a)).toBe(true);
    expect(createBetalingskenmerk('2025-014')).toBe(a);
    expect(createBetalingskenmerk('2025-015')).not.toBe(a);
    expect(createBetalingskenmerk('F2025/014')).not.toBe(a);
    expect(createBetalingskenmerk('1234567890123456')).toMatch(/^\d{16}$/); // 16 digits: hashed too
  });

  it('refuses negative, fractional and empty ids', () => {
    expect(() => createBetalingskenmerk(-1)).toThrow(/factuur-id/);
    expect(() => createBetalingskenmerk(1.5)).toThrow(/factuur-id/);
    expect(() => createBetalingskenmerk('  ')).toThrow(/Leeg factuur-id/);
  });

  it('property: every generated kenmerk is 16 digits and validates', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (id) => {
      const ref = createBetalingskenmerk(id);
      expect(ref).toHaveLength(16);
      expect(ref.slice(1)).toBe(String(id).padStart(15, '0'));
      expect(isValidBetalingskenmerk(ref)).toBe(true);
    }));
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''), (id) => {
      const ref = createBetalingskenmerk(id);
      expect(ref).toMatch(/^\d{16}$/);
      expect(isValidBetalingskenmerk(ref)).toBe(true);
    }));
  });

  it('property: a computed check digit always validates, for every valid length', () => {
    const layouts: [number, string][] = [[9, '7'], [10, '8'], [11, '9'], [12, '0'], [13, '1'], [14, '2'], [16, '']];
    fc.assert(fc.property(fc.constantFrom(...layouts), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 15 }),
      ([length, l], digits) => {
        const body = l + digits.slice(0, length - 1 - l.length);
        expect(isValidBetalingskenmerk(`${betalingskenmerkCheckDigit(body)}${body}`)).toBe(true);
      }));
  });
});

describe('formatBetalingskenmerk (groups of four from the right)', () => {
  it('prints the examples as the Betaalvereniging does', () => {
    expect(formatBetalingskenmerk('5000056789012345')).toBe('5000 0567 8901 2345');
    expect(formatBetalingskenmerk('12234534622567')).toBe('12 2345 3462 2567');
    expect(formatBetalingskenmerk('271234567')).toBe('2 7123 4567');
    expect(formatBetalingskenmerk('1234567')).toBe('123 4567');
    expect(() => formatBetalingskenmerk('12345678')).toThrow(/Ongeldig betalingskenmerk/);
  });
});
