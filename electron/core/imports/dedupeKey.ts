// Recognising a statement line imported before, so importing a file twice changes nothing.
import { createHash } from 'node:crypto';
import { compactAccount } from './iban';
import type { BankTransaction } from './types';

/** Remittance text compared loosely: case, accents, punctuation and spacing do not count. */
export const normaliseRemittance = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The key of a statement line: the bank's own reference where it gives one (per account), else a
 * hash of date, amount, direction, counterparty IBAN and the normalised remittance text.
 * Two identical lines without a bank reference (two coffees of € 2,50 on one day) get the same
 * key; `dedupeKeys` tells them apart within one file.
 */
export function dedupeKey(tx: BankTransaction, accountIban?: string): string {
  const account = accountIban ? compactAccount(accountIban) : '';
  if (tx.bankReference && tx.bankReference.trim()) return `ref:${account}:${tx.bankReference.trim()}`;
  const parts = [account, tx.bookingDate, String(tx.amount), tx.direction, tx.counterpartyIban ? compactAccount(tx.counterpartyIban) : '', normaliseRemittance(tx.remittance ?? '')];
  return `tx:${createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 40)}`;
}

/** Keys for all lines of one statement; repeated keys get "#2", "#3"… in the order of the file. */
export function dedupeKeys(transactions: BankTransaction[], accountIban?: string): string[] {
  const seen = new Map<string, number>();
  return transactions.map((tx) => {
    const key = dedupeKey(tx, accountIban);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}
