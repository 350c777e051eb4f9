// Betalingskenmerk (Dutch structured payment reference), Betaalvereniging Nederland
// "Specificaties betalingskenmerk" (docs/domain-nl.md §6). In SEPA it travels as a structured
// reference with issuer "CUR".
// Valid lengths: 7, 9, 10, 11, 12, 13, 14 and 16 digits (no 8- or 15-digit variant):
//   7: 7N, no check digit
//   9: C + L(=7) + 7N     10: C + L(=8) + 8N     11: C + L(=9) + 9N
//  12: C + L(=0) + 10N    13: C + L(=1) + 11N    14: C + L(=2) + 12N
//  16: C + 15N
// Check digit C over everything after it (the length digit L included): weights from the rightmost
// digit leftward 2, 4, 8, 5, 10, 9, 7, 3, 6, 1 (repeating); A = Σ digit × weight;
// C = 11 − (A mod 11), where 10 becomes 1 and 11 becomes 0.
import { utf8Bytes } from './utf8';

const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1];

/** The length digit L for each length that has one. */
const LENGTH_DIGIT: Readonly<Record<number, string>> = { 9: '7', 10: '8', 11: '9', 12: '0', 13: '1', 14: '2' };

/** The check digit over `digits` (everything after C). */
export function betalingskenmerkCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new Error('Betalingskenmerk mag alleen cijfers bevatten.');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[digits.length - 1 - i]) * WEIGHTS[i % WEIGHTS.length];
  }
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? 1 : check;
}

function compact(ref: string): string {
  return ref.replace(/\s+/g, '');
}

/** True for a valid betalingskenmerk of any valid length (spaces are ignored). */
export function isValidBetalingskenmerk(ref: string): boolean {
  if (typeof ref !== 'string') return false;
  const digits = compact(ref);
  if (!/^\d+$/.test(digits)) return false;
  const length = digits.length;
  if (length === 7) return true;
  if (length === 16) return Number(digits[0]) === betalingskenmerkCheckDigit(digits.slice(1));
  const l = LENGTH_DIGIT[length];
  if (l === undefined || digits[1] !== l) return false;
  return Number(digits[0]) === betalingskenmerkCheckDigit(digits.slice(1));
}

/** FNV-1a 64-bit over the UTF-8 bytes: a stable, platform-independent hash. */
function fnv1a64(value: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of utf8Bytes(value)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

/**
 * The 15 payload digits for an invoice id: an id of 1–15 digits is zero-padded on the left; any
 * other id (letters, separators, longer numbers) is mapped deterministically to 15 digits with an
 * FNV-1a 64-bit hash of its trimmed, NFC-normalised text. Different ids of that second kind can in
 * theory give the same digits (about one chance in 10^15 per pair); numeric ids never collide.
 */
export function betalingskenmerkDigitsFor(invoiceId: number | string): string {
  let text: string;
  if (typeof invoiceId === 'number') {
    if (!Number.isSafeInteger(invoiceId) || invoiceId < 0) {
      throw new Error(`Ongeldig factuur-id voor een betalingskenmerk: ${String(invoiceId)}.`);
    }
    text = String(invoiceId);
  } else if (typeof invoiceId === 'string') {
    text = invoiceId.trim().normalize('NFC');
    if (text === '') throw new Error('Leeg factuur-id: er is geen betalingskenmerk te maken.');
  } else {
    throw new Error('Factuur-id moet een getal of tekst zijn.');
  }
  if (/^\d{1,15}$/.test(text)) return text.padStart(15, '0');
  return (fnv1a64(text) % 1_000_000_000_000_000n).toString().padStart(15, '0');
}

/** A 16-digit betalingskenmerk (C + 15 digits) for an invoice id. */
export function createBetalingskenmerk(invoiceId: number | string): string {
  const digits = betalingskenmerkDigitsFor(invoiceId);
  return `${betalingskenmerkCheckDigit(digits)}${digits}`;
}

/**
 * Prints a betalingskenmerk in groups of four counted from the right, as the Betaalvereniging
 * example does: '5000 0567 8901 2345', '12 2345 3462 2567', '2 7123 4567'.
 */
export function formatBetalingskenmerk(ref: string): string {
  const digits = compact(ref);
  if (!isValidBetalingskenmerk(digits)) throw new Error(`Ongeldig betalingskenmerk: '${ref}'.`);
  const head = digits.length % 4;
  const groups = head ? [digits.slice(0, head)] : [];
  for (let i = head; i < digits.length; i += 4) groups.push(digits.slice(i, i + 4));
  return groups.join(' ');
}
