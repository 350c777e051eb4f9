// Decimal strings to integer cents, exactly: the digits are read as text and never pass through a
// float, so "0.29" is 29 and "1234567.89" is 123456789.
import type { Cents } from './types';

export interface DecimalOptions {
  decimalSeparator: '.' | ',';
  /** 'strict' (default): digits after the cents must be zeros. 'half-away': round 0.005 away from zero. */
  rounding?: 'strict' | 'half-away';
}

const PLAIN = { '.': /^([+-])?(\d*)(?:\.(\d*))?$/, ',': /^([+-])?(\d*)(?:,(\d*))?$/ } as const;

/**
 * A plain decimal (`1234.56`, `-0.5`, `12,`, `+7`) to cents; null when it is not one. No thousands
 * separators here (see parseLooseAmount for what people type). The integer digits are at most 13
 * (ten trillion euros), so the arithmetic stays exact in a double.
 */
export function decimalToCents(text: string, { decimalSeparator, rounding = 'strict' }: DecimalOptions): Cents | null {
  const m = PLAIN[decimalSeparator].exec(text.trim());
  if (!m) return null;
  const [, sign, intDigits = '', fracDigits = ''] = m;
  if (intDigits === '' && fracDigits === '') return null;
  const whole = intDigits.replace(/^0+(?=\d)/, '') || '0';
  if (whole.length > 13) return null; // beyond 10^13 euros: not an amount this app meets, and past exact doubles
  let cents = Number(whole) * 100 + Number(fracDigits.slice(0, 2).padEnd(2, '0'));
  const beyond = fracDigits.slice(2);
  if (/[1-9]/.test(beyond)) {
    if (rounding === 'strict') return null;
    if (beyond[0]! >= '5') cents += 1;
  }
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/**
 * An amount as people and spreadsheets write it: `€ 1.234,56`, `1,234.56`, `1234,5`, `-12,50`,
 * `12,50-`, `(12,50)`, `+605,00`, `EUR 12`. One separator followed by exactly three digits (or the
 * same separator several times) groups thousands; otherwise the last separator is the decimal one.
 * Returns null when the text is not an amount.
 */
export function parseLooseAmount(text: string): Cents | null {
  let s = text.replace(/[\s\u00a0\u202f']/g, '').replace(/€/g, '').replace(/^EUR/i, '').replace(/EUR$/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1); }
  if (s.startsWith('-')) { negative = !negative; s = s.slice(1); }
  else if (s.startsWith('+')) s = s.slice(1);
  else if (s.endsWith('-')) { negative = !negative; s = s.slice(0, -1); }
  s = s.replace(/^€/, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;

  const lastComma = s.lastIndexOf(','), lastDot = s.lastIndexOf('.');
  let decimalSep: ',' | '.' | null = null;
  if (lastComma !== -1 && lastDot !== -1) decimalSep = lastComma > lastDot ? ',' : '.';
  else if (lastComma !== -1 || lastDot !== -1) {
    const sep = lastComma !== -1 ? ',' : '.';
    const parts = s.split(sep);
    const thousands = parts.length > 2 || (parts[1]!.length === 3 && /^[1-9]\d{0,2}$/.test(parts[0]!));
    if (parts.length > 2 && !/^\d{1,3}$/.test(parts[0]!)) return null;
    decimalSep = thousands ? null : sep;
  }
  let intPart = s, fracPart = '';
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
  }
  const groupSep = decimalSep === ',' ? '.' : decimalSep === '.' ? ',' : /[.,]/.exec(intPart)?.[0];
  if (groupSep && intPart.includes(groupSep)) {
    if (!new RegExp(`^\\d{1,3}(\\${groupSep}\\d{3})+$`).test(intPart)) return null;
    intPart = intPart.split(groupSep).join('');
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart)) return null;
  const cents = decimalToCents(`${intPart || '0'}.${fracPart}`, { decimalSeparator: '.' });
  if (cents === null) return null;
  return negative && cents !== 0 ? -cents : cents;
}
