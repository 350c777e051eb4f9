/** Upper case, spaces and dots removed: `nl91 abna 0417.1643.00` → `NL91ABNA0417164300`. */
export const compactAccount = (text: string) => (/^[0-9A-Z]*$/.test(text) ? text : text.replace(/[\s.-]/g, '').toUpperCase());

/**
 * Has the shape of an IBAN: country, two check digits, 11–30 letters and digits. The checksum is not
 * required: anonymised sample files and test data often break it, and matching only compares.
 */
export const looksLikeIban = (text: string) => /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(text);

/** The ISO 13616 mod-97 check. */
export function isValidIban(text: string): boolean {
  const s = compactAccount(text);
  if (!looksLikeIban(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

/** Splits an account field into IBAN or other account number (giro, old Dutch numbers). */
export function classifyAccount(text: string | undefined): { iban?: string; account?: string } {
  if (!text) return {};
  const s = compactAccount(text);
  if (!s || /^0*$/.test(s) || s === 'NONREF') return {};
  if (looksLikeIban(s)) return { iban: s };
  // "P001234567" is Rabobank's way of writing giro account 1234567.
  const giro = /^P0*(\d{1,9})$/.exec(s);
  if (giro) return { account: giro[1] };
  if (/^\d{1,10}$/.test(s)) return { account: s.replace(/^0+(?=\d)/, '') };
  return { account: s };
}
