// Formatting for printed letters: amounts, dates, IBAN, percentages, Dutch addresses.
// Pure and exact (integer cents, no floats for money, no Intl so that the output does not depend on
// the ICU data of the Node/Electron build). Amounts and IBANs come from shared/ (re-exported
// below); dates in messages use shared/domain/dates' formatDate. What is here is what only letters
// print: dates that are checked and follow the letter's language, long dates, percentages, addresses.

export type LetterLanguage = 'nl' | 'en';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS: Record<LetterLanguage, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Amounts are written once, app-wide (shared/domain/money.ts): `€ 1.234,56` (nl), `€1,234.56` (en). */
export { formatCents } from '../../../../shared/domain/money';
/**
 * IBANs too (shared/law/iban.ts): `NL91 ABNA 0417 1643 00`. It refuses an invalid IBAN rather than
 * print wrong payment details; the business's IBAN is validated when it is saved.
 */
export { formatIban } from '../../../../shared/law';

/** Splits `yyyy-MM-dd` into numbers, refusing anything that is not a real calendar date. */
export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (match) {
    const year = Number(match[1]), month = Number(match[2]), day = Number(match[3]);
    const dt = new Date(Date.UTC(year, month - 1, day));
    if (dt.getUTCFullYear() === year && dt.getUTCMonth() === month - 1 && dt.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new Error(`Geen geldige datum (verwacht jjjj-mm-dd): ${JSON.stringify(date)}`);
}

/** Dates in tables: `24-11-2026` in Dutch, `24/11/2026` in English letters. */
export function formatShortDate(date: string, language: LetterLanguage = 'nl'): string {
  const { year, month, day } = parseIsoDate(date);
  return language === 'nl' ? `${pad2(day)}-${pad2(month)}-${year}` : `${pad2(day)}/${pad2(month)}/${year}`;
}

/** `2026-11-24` → `24 november 2026` (nl) or `24 November 2026` (en). */
export function formatLongDate(date: string, language: LetterLanguage = 'nl'): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${MONTHS[language][month - 1]} ${year}`;
}

function pad2(n: number): string {
  return n.toString().padStart(2, '0');
}

/** A rate in percent: 10.15 → `10,15%` (nl) / `10.15%` (en); at least two decimals, more if given. */
export function formatPercent(percent: number, language: LetterLanguage = 'nl'): string {
  if (!Number.isFinite(percent)) throw new Error(`Geen geldig percentage: ${percent}`);
  const twoDecimals = percent.toFixed(2);
  const text = Number(twoDecimals) === percent ? twoDecimals : String(percent);
  return `${language === 'nl' ? text.replace('.', ',') : text}%`;
}

/** Dutch postcodes as `1234 AB` (one space, capitals); anything else is left as it was typed. */
export function formatPostcode(postcode: string): string {
  const match = /^\s*(\d{4})\s*([a-zA-Z]{2})\s*$/.exec(postcode);
  return match ? `${match[1]} ${match[2]!.toUpperCase()}` : postcode.trim();
}

/** True when a country field means the Netherlands (then the country line is left off). */
export function isNetherlands(country: string | undefined): boolean {
  if (!country) return true;
  return ['nl', 'nld', 'nederland', 'netherlands', 'the netherlands', 'holland'].includes(country.trim().toLowerCase());
}

/**
 * The postal address block, Dutch postal practice: name, (t.a.v. contact), street, `1234 AB  PLAATS`
 * (two spaces before the town, town in capitals), and the country in capitals when it is not the
 * Netherlands.
 */
export function addressLines(
  address: { name: string; contactName?: string; street: string; postcode: string; city: string; country?: string },
  attentionLabel: string,
): string[] {
  const lines = [address.name.trim()];
  if (address.contactName?.trim()) lines.push(`${attentionLabel} ${address.contactName.trim()}`);
  lines.push(address.street.trim());
  lines.push(`${formatPostcode(address.postcode)}  ${address.city.trim().toLocaleUpperCase('nl-NL')}`);
  if (!isNetherlands(address.country)) lines.push(address.country!.trim().toLocaleUpperCase('nl-NL'));
  return lines.filter((line) => line.trim() !== '');
}

/** One line: `Jansen Advies · Straat 12A · 1234 AB Utrecht` (the return address in the window). */
export function returnAddressLine(
  sender: { name: string; street: string; postcode: string; city: string; country?: string },
): string {
  const parts = [sender.name.trim(), sender.street.trim(), `${formatPostcode(sender.postcode)} ${sender.city.trim()}`];
  if (!isNetherlands(sender.country)) parts.push(sender.country!.trim());
  return parts.filter((p) => p !== '').join(' · ');
}
