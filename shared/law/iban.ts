// IBAN, ISO 13616: country code + 2 check digits + BBAN, at most 34 characters. Valid when
// (BBAN + country + check) with A = 10 … Z = 35 is 1 modulo 97 (ISO 7064 MOD 97-10) and the length
// matches the country's length in the SWIFT IBAN registry. Only mod 97 is enforced (not the old
// Dutch 11-proef on account numbers, which some ING numbers fail). For NL the structure is
// checked as well: NL + 2 digits + 4-letter bank code + 10 digits (18 characters).
import { lettersToDigits, mod97 } from './mod97';

/** IBAN length per country (SWIFT IBAN registry); all SEPA countries plus other common ones. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  // SEPA
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18,
  FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27,
  VA: 22,
  // Other IBAN countries
  AE: 23, AL: 28, AZ: 28, BA: 20, BH: 22, BR: 29, BY: 28, CR: 22, DO: 28, EG: 29, FO: 18, GE: 22,
  GL: 18, GT: 28, IL: 23, IQ: 23, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, MD: 24, ME: 22, MK: 19,
  MR: 27, MU: 30, PK: 24, PS: 29, QA: 29, RS: 22, SA: 24, SC: 31, ST: 25, SV: 28, TL: 23, TN: 24,
  TR: 26, UA: 29, VG: 24, XK: 20,
};

/** Uppercase, without spaces: ' nl91 abna 0417 1643 00' → 'NL91ABNA0417164300'. */
export function normalizeIban(iban: string): string {
  if (typeof iban !== 'string') throw new Error('IBAN moet tekst zijn.');
  return iban.replace(/\s+/g, '').toUpperCase();
}

export function isValidIban(iban: string): boolean {
  if (typeof iban !== 'string') return false;
  const value = normalizeIban(iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(value)) return false;
  const length = IBAN_LENGTHS[value.slice(0, 2)];
  if (length === undefined || value.length !== length) return false;
  if (value.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(value)) return false;
  const check = Number(value.slice(2, 4));
  if (check < 2 || check > 98) return false;
  return mod97(lettersToDigits(value.slice(4) + value.slice(0, 4))) === 1;
}

/** 'nl91abna0417164300' → 'NL91 ABNA 0417 1643 00'. Throws for an invalid IBAN. */
export function formatIban(iban: string): string {
  if (!isValidIban(iban)) throw new Error(`Ongeldig IBAN: '${String(iban)}'.`);
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}
