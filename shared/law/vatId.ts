// Dutch VAT identification number (btw-id): 'NL' + 9 digits + 'B' + 2 digits (docs/domain-nl.md §8).
// Accepted when either check passes:
// (a) the old RSIN/BSN-based number: the 9 digits pass the 11-proef with weights 9, 8, 7, 6, 5, 4,
//     3, 2, −1 (sum mod 11 = 0);
// (b) the btw-id issued to eenmanszaken since 1-1-2020 (no BSN inside): the whole string with
//     letters mapped (N = 23, L = 21, B = 11, as in ISO 7064) is 1 modulo 97.
// The two digits after 'B' are never '00' (python-stdnum rejects them too), and the nine digits
// are never all zero.
import { lettersToDigits, mod97 } from './mod97';

/** Uppercase, without spaces, dots or dashes: 'nl 0024.55.799.b11' → 'NL002455799B11'. */
export function normalizeDutchVatId(id: string): string {
  if (typeof id !== 'string') throw new Error('Btw-id moet tekst zijn.');
  return id.replace(/[\s.-]+/g, '').toUpperCase();
}

function elevenCheck(nine: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(nine[i]) * (9 - i);
  sum -= Number(nine[8]);
  return sum % 11 === 0;
}

export function isValidDutchVatId(id: string): boolean {
  if (typeof id !== 'string') return false;
  const value = normalizeDutchVatId(id);
  const match = /^NL(\d{9})B(\d{2})$/.exec(value);
  if (!match) return false;
  const [, nine, suffix] = match;
  if (suffix === '00' || /^0{9}$/.test(nine)) return false;
  return elevenCheck(nine) || mod97(lettersToDigits(value)) === 1;
}
