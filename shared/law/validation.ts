// Form checks used by the debtor forms: Dutch postcode and a simple e-mail check.
// Postcode (PostNL): four digits, the first not 0, then two capital letters; the letter pairs
// SA, SD and SS are never issued. Printed as '1234 AB' (one space).

const POSTCODE = /^([1-9]\d{3}) ?([A-Z]{2})$/;

export function isValidDutchPostcode(postcode: string): boolean {
  if (typeof postcode !== 'string') return false;
  const match = POSTCODE.exec(postcode.trim().toUpperCase());
  return match !== null && !['SA', 'SD', 'SS'].includes(match[2]);
}

/** ' 1234ab ' → '1234 AB'. Throws for an invalid postcode. */
export function formatDutchPostcode(postcode: string): string {
  if (!isValidDutchPostcode(postcode)) throw new Error(`Ongeldige postcode: '${String(postcode)}' (verwacht bijvoorbeeld 1234 AB).`);
  const match = POSTCODE.exec(postcode.trim().toUpperCase()) as RegExpExecArray;
  return `${match[1]} ${match[2]}`;
}

/**
 * A deliberately simple e-mail check: one '@', a local part without spaces, and a domain of at
 * least two labels (letters, digits, hyphens; no label starting or ending with a hyphen) whose last
 * label has two or more letters. At most 254 characters. Unicode letters are allowed.
 */
export function isValidEmail(email: string): boolean {
  if (typeof email !== 'string') return false;
  const value = email.trim();
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at !== value.indexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || /[\s<>()[\]\\,;:"]/u.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return false;
  }
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(l))) return false;
  return /^\p{L}{2,}$/u.test(labels[labels.length - 1]);
}
