// KvK-nummer (Handelsregisterwet 2007; art. 27 requires it on letters, invoices and quotes):
// exactly 8 digits. No public check digit exists, so only the form is checked. The
// vestigingsnummer (one establishment) has 12 digits.

function compact(value: string): string {
  return value.replace(/\s+/g, '');
}

export function isValidKvkNumber(kvk: string): boolean {
  if (typeof kvk !== 'string') return false;
  const value = compact(kvk);
  return /^\d{8}$/.test(value) && value !== '00000000';
}

export function isValidVestigingsnummer(nr: string): boolean {
  if (typeof nr !== 'string') return false;
  const value = compact(nr);
  return /^\d{12}$/.test(value) && !/^0{12}$/.test(value);
}
