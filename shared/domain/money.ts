import type { Cents } from './primitives';

/** `€ 1.234,56` (nl) or `€1,234.56` (en); negative amounts as `-€ 1.234,56`. Integer cents only. */
export function formatCents(amount: Cents, language: 'nl' | 'en' = 'nl'): string {
  if (!Number.isSafeInteger(amount)) throw new Error(`Bedrag is geen geheel aantal centen: ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const euros = Math.floor(abs / 100).toString();
  const rest = (abs % 100).toString().padStart(2, '0');
  const [thousands, decimal] = language === 'nl' ? ['.', ','] : [',', '.'];
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return language === 'nl' ? `${sign}€ ${grouped}${decimal}${rest}` : `${sign}€${grouped}${decimal}${rest}`;
}

/**
 * Parses what a person types as an amount: `1.234,56`, `1234,5`, `€ 12`, `1,234.56`. Returns cents,
 * or null when it is not an amount. Exact: never goes through a float.
 */
export function parseAmount(text: string): Cents | null {
  let s = text.replace(/[€\s\u00a0]/g, '').replace(/^EUR/i, '');
  let negative = false;
  if (s.startsWith('-')) { negative = true; s = s.slice(1); }
  if (!/^[\d.,]+$/.test(s)) return null;
  let decimalSep: string | null = null;
  const hasComma = s.includes(','), hasDot = s.includes('.');
  if (hasComma && hasDot) {
    decimalSep = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  } else if (hasComma || hasDot) {
    const sep = hasComma ? ',' : '.';
    const parts = s.split(sep);
    // One separator followed by one or two digits is a decimal separator ("12,5", "1234.56");
    // followed by three digits, or repeated, it groups thousands ("1.234", "1.234.567").
    if (parts.length === 2 && parts[1]!.length <= 2) decimalSep = sep;
  }
  let intPart = s, fracPart = '';
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
  }
  const groupSep = decimalSep === ',' ? '.' : decimalSep === '.' ? ',' : null;
  if (intPart.includes(decimalSep ?? '\u0000')) return null; // the decimal separator twice
  if (groupSep && intPart.includes(groupSep) && !new RegExp(`^\\d{1,3}(\\${groupSep}\\d{3})+$`).test(intPart)) return null;
  if (!decimalSep && (hasComma || hasDot) && !/^\d{1,3}(\.\d{3})+$|^\d{1,3}(,\d{3})+$/.test(intPart)) return null;
  intPart = intPart.replace(/[.,]/g, '');
  if (!/^\d*$/.test(intPart) || !/^\d{0,2}$/.test(fracPart) || (intPart === '' && fracPart === '')) return null;
  const value = Number(intPart || '0') * 100 + Number(fracPart.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}
