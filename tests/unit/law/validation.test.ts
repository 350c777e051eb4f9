import { describe, expect, it } from 'vitest';
import { formatDutchPostcode, isValidDutchPostcode, isValidEmail } from '../../../shared/law';

describe('Dutch postcode (1234 AB)', () => {
  it('accepts four digits (not starting with 0) and two letters, with or without a space, any case', () => {
    for (const value of ['1234 AB', '1234AB', '1234ab', ' 9999 zz ', '1000 AA']) expect(isValidDutchPostcode(value)).toBe(true);
  });

  it('rejects a leading zero, the letter pairs SA, SD and SS, and other forms', () => {
    for (const value of ['0123 AB', '1234 SA', '1234 SD', '1234ss', '1234  AB', '123 AB', '1234 A', '1234 ABC', 'AB 1234', '']) {
      expect(isValidDutchPostcode(value)).toBe(false);
    }
  });

  it('formats as "1234 AB"', () => {
    expect(formatDutchPostcode('1234ab')).toBe('1234 AB');
    expect(formatDutchPostcode(' 2511 cv ')).toBe('2511 CV');
    expect(() => formatDutchPostcode('1234 SS')).toThrow(/Ongeldige postcode/);
  });
});

describe('e-mail address (simple check)', () => {
  it('accepts ordinary addresses', () => {
    for (const value of ['jan@example.nl', 'jan.de.vries+factuur@sub.voorbeeld.nl', 'info@bakkerij-de-zon.nl', 'a@b.co', 'jöran@bücher.de']) {
      expect(isValidEmail(value)).toBe(true);
    }
  });

  it('rejects obvious mistakes', () => {
    for (const value of ['jan', 'jan@', '@example.nl', 'jan@example', 'jan @example.nl', 'jan@@example.nl', 'jan@example..nl',
      'jan@-example.nl', 'jan.@example.nl', 'jan..de@example.nl', 'jan@example.n1', '', `${'a'.repeat(65)}@example.nl`]) {
      expect(isValidEmail(value)).toBe(false);
    }
  });
});
