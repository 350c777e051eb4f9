import { describe, expect, it } from 'vitest';
import { isValidDutchVatId, normalizeDutchVatId } from '../../../shared/law';

describe('btw-id (NL + 9 digits + B + 2 digits)', () => {
  it('accepts NL004495445B01 by the old 11-proef (weights 9..2, −1)', () => {
    // 0·9 + 0·8 + 4·7 + 4·6 + 9·5 + 5·4 + 4·3 + 4·2 − 5 = 132 = 12 × 11
    expect(isValidDutchVatId('NL004495445B01')).toBe(true);
  });

  it('accepts NL002455799B11 and NL000099998B57 by mod 97 (the 2020 btw-id for eenmanszaken)', () => {
    expect(isValidDutchVatId('NL002455799B11')).toBe(true);
    expect(isValidDutchVatId('NL000099998B57')).toBe(true);
  });

  it('rejects NL123456789B90, which fails both checks', () => {
    expect(isValidDutchVatId('NL123456789B90')).toBe(false);
  });

  it('accepts lowercase, spaces and dots on input', () => {
    expect(isValidDutchVatId('nl 0044.95.445 b01')).toBe(true);
    expect(normalizeDutchVatId('nl 0024.55.799.b11')).toBe('NL002455799B11');
  });

  it('rejects wrong forms, the suffix B00 and all zeros', () => {
    expect(isValidDutchVatId('004495445B01')).toBe(false);
    expect(isValidDutchVatId('NL4495445B01')).toBe(false);
    expect(isValidDutchVatId('NL004495445C01')).toBe(false);
    expect(isValidDutchVatId('NL004495445B1')).toBe(false);
    expect(isValidDutchVatId('BE004495445B01')).toBe(false);
    expect(isValidDutchVatId('NL004495445B00')).toBe(false);
    expect(isValidDutchVatId('NL000000000B01')).toBe(false);
    expect(isValidDutchVatId('NL002455799B12')).toBe(false);
  });
});
