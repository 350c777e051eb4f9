import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRfReference, createBetalingskenmerk, formatRfReference, isValidRfReference } from '../../../shared/law';

describe('RF creditor reference (ISO 11649)', () => {
  it.each([
    ['2348231', 'RF712348231', 'RF71 2348 231'],
    ['539007547034', 'RF18539007547034', 'RF18 5390 0754 7034'],
    ['5000056789012345', 'RF485000056789012345', 'RF48 5000 0567 8901 2345'],
  ])('%s → %s, printed %s', (base, ref, printed) => {
    expect(createRfReference(base)).toBe(ref);
    expect(isValidRfReference(ref)).toBe(true);
    expect(formatRfReference(ref)).toBe(printed);
    expect(isValidRfReference(printed)).toBe(true);
  });

  it('accepts lowercase and spaces on input', () => {
    expect(isValidRfReference('rf18 5390 0754 7034')).toBe(true);
    expect(createRfReference('5390 0754 7034')).toBe('RF18539007547034');
    expect(createRfReference('abc')).toBe(createRfReference('ABC'));
  });

  it('rejects a wrong check, a wrong prefix, bad characters, and the impossible checks 00, 01 and 99', () => {
    expect(isValidRfReference('RF19539007547034')).toBe(false);
    expect(isValidRfReference('RX18539007547034')).toBe(false);
    expect(isValidRfReference('RF18-539007547034')).toBe(false);
    expect(isValidRfReference('RF18')).toBe(false);
    expect(isValidRfReference('RF01' + '1'.repeat(22))).toBe(false);
    // For base 54 the check is 98; RF01 passes the bare mod-97 test too, but only RF98 is accepted.
    expect(createRfReference('54')).toBe('RF9854');
    expect(isValidRfReference('RF9854')).toBe(true);
    expect(isValidRfReference('RF0154')).toBe(false);
  });

  it('refuses a base that is empty, too long (> 21) or has other characters', () => {
    expect(() => createRfReference('')).toThrow(/1 tot 21/);
    expect(() => createRfReference('1'.repeat(22))).toThrow(/1 tot 21/);
    expect(() => createRfReference('factuur/14')).toThrow(/1 tot 21/);
    expect(createRfReference('1'.repeat(21))).toHaveLength(25);
  });

  it('wraps a betalingskenmerk', () => {
    expect(isValidRfReference(createRfReference(createBetalingskenmerk(42)))).toBe(true);
  });

  it('property: every generated reference validates, also when printed in groups', () => {
    const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    fc.assert(fc.property(fc.string({ unit: alnum, minLength: 1, maxLength: 21 }), (base) => {
      const ref = createRfReference(base);
      expect(isValidRfReference(ref)).toBe(true);
      expect(isValidRfReference(formatRfReference(ref))).toBe(true);
      const check = Number(ref.slice(2, 4));
      expect(check).toBeGreaterThanOrEqual(2);
      expect(check).toBeLessThanOrEqual(98);
    }));
  });
});
