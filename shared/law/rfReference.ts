// ISO 11649 structured creditor reference ("RF reference"): 'RF' + 2 check digits + 1 to 21
// characters A–Z / 0–9 (25 characters at most).
// Validate: move the first four characters to the end, map A = 10 … Z = 35 and check that the
// number mod 97 = 1. Generate: check = 98 − (numeric(reference + 'RF00') mod 97), two digits.
// Check digits 00, 01 and 99 cannot come out of the generation and are rejected (01 would pass
// the mod-97 test where 98 is the real check).
import { lettersToDigits, mod97 } from './mod97';

function compact(ref: string): string {
  return ref.replace(/\s+/g, '').toUpperCase();
}

/** An RF reference for `base` (1–21 letters/digits; spaces ignored, lowercase accepted). */
export function createRfReference(base: string): string {
  if (typeof base !== 'string') throw new Error('Referentie moet tekst zijn.');
  const body = compact(base);
  if (!/^[A-Z0-9]{1,21}$/.test(body)) {
    throw new Error(`Ongeldige basis voor een RF-referentie: '${base}' (1 tot 21 letters of cijfers).`);
  }
  const check = 98 - mod97(lettersToDigits(`${body}RF00`));
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** True for a valid ISO 11649 reference (spaces ignored, lowercase accepted). */
export function isValidRfReference(ref: string): boolean {
  if (typeof ref !== 'string') return false;
  const value = compact(ref);
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(value)) return false;
  const check = Number(value.slice(2, 4));
  if (check < 2 || check > 98) return false;
  return mod97(lettersToDigits(value.slice(4) + value.slice(0, 4))) === 1;
}

/** 'RF18539007547034' → 'RF18 5390 0754 7034' (groups of four from the left). */
export function formatRfReference(ref: string): string {
  if (!isValidRfReference(ref)) throw new Error(`Ongeldige RF-referentie: '${ref}'.`);
  return compact(ref).replace(/(.{4})(?=.)/g, '$1 ');
}
