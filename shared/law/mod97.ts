// ISO 7064 MOD 97-10 helpers, shared by IBAN (ISO 13616), RF references (ISO 11649) and the
// 2020 btw-id. Letters count as two digits: A = 10 … Z = 35.

/** Replaces every letter A–Z by its two-digit value (A = 10 … Z = 35); digits stay. */
export function lettersToDigits(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (code >= 65 && code <= 90) out += String(code - 55);
    else if (code >= 48 && code <= 57) out += ch;
    else throw new Error(`Ongeldig teken '${ch}' in referentie.`);
  }
  return out;
}

/** The remainder of a (long) digit string modulo 97, computed piecewise without BigInt. */
export function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) {
    remainder = Number(String(remainder) + digits.slice(i, i + 7)) % 97;
  }
  return remainder;
}
